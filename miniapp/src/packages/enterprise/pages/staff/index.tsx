import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Dialog, Tag } from '@nutui/nutui-react-taro';
import {
  EnterpriseStatus,
  MAX_PAGE_SIZE,
  ROLE_LABELS,
  Role,
  type InvitationCreatedDto,
  type InvitationDto,
  type InvitationStatus,
} from '@shian/shared';
import { api, errorMessage } from '../../../../api';
import { PageContainer } from '../../../../components/PageContainer';
import { MUTED_TAG_BACKGROUND, RoleHistory, RosterMember, StaffingSummary, holdsCredentials } from '../../../../components/StaffRoster';
import { currentCredentials } from '../../../../components/roster-rules';
import { useAsync } from '../../../../hooks/useAsync';
import { useSession } from '../../../../hooks/useSession';
import { useCopy } from '../../../../hooks/useCopy';
import { useToast } from '../../../../hooks/useToast';
import { formatShanghaiDateTime } from '../../../../platform/format';
import { navigateTo } from '../../../../platform/nav';
import { routeUrl } from '../../../../routes';
import './index.css';

type InvitableRole = Role.Director | Role.Officer;

const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = { pending: '待加入', accepted: '已加入', expired: '已过期', revoked: '已撤销' };
const INVITATION_STATUS_TAGS: Record<InvitationStatus, 'primary' | 'success' | null> = { pending: 'primary', accepted: 'success', expired: null, revoked: null };

/** 'ABCD2345' → 'ABCD 2345': easier to read aloud and to type. */
function spaced(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The code just created, shown big: the only time the server gives it. */
function InvitationCard({ invitation, onClose }: { invitation: InvitationCreatedDto; onClose: () => void }) {
  const copy = useCopy();
  const link = process.env.TARO_ENV === 'h5' ? `${window.location.origin}${window.location.pathname}#${routeUrl('onboarding.join', { code: invitation.code })}` : null;
  return (
    <View className="card staff__invite">
      <View className="staff__invite-role">{`邀请${ROLE_LABELS[invitation.role]}`}</View>
      <View className="staff__invite-code">{spaced(invitation.code)}</View>
      <View className="muted">{`有效期至 ${formatShanghaiDateTime(invitation.expiresAt)}，只能使用一次`}</View>
      {invitation.replaces ? <View className="staff__invite-replaces">{`对方加入后，${invitation.replaces.name} 将不再担任${ROLE_LABELS[invitation.role]}`}</View> : null}
      <View className="staff__invite-how">请受邀人打开「食安两责」，在登录页点「凭邀请码加入」并输入邀请码，填写本人信息后即可加入。邀请码只显示这一次，请现在告知对方。</View>
      <View className="staff__invite-payload">
        <Text className="staff__invite-payload-label">二维码内容</Text>
        <Text className="staff__invite-payload-text" userSelect>
          {invitation.qrPayload}
        </Text>
      </View>
      {link ? (
        <View className="staff__invite-payload">
          <Text className="staff__invite-payload-label">加入链接</Text>
          <Text className="staff__invite-payload-text" userSelect>
            {link}
          </Text>
        </View>
      ) : null}
      <View className="actions">
        <Button block type="primary" onClick={() => copy(invitation.code, '邀请码')}>
          复制邀请码
        </Button>
        {link ? (
          <Button block fill="outline" onClick={() => copy(link, '加入链接')}>
            复制加入链接
          </Button>
        ) : null}
        <Button block fill="none" onClick={onClose}>
          完成
        </Button>
      </View>
    </View>
  );
}

/** The principal's invitations: who was invited when, and whether they joined; a pending one can be withdrawn. */
function InvitationList({ list, onRevoke }: { list: InvitationDto[]; onRevoke: (inv: InvitationDto) => void }) {
  if (list.length === 0) return null;
  return (
    <>
      <View className="section-title">邀请记录</View>
      <View className="card staff__invitations">
        {list.map((inv) => (
          <View key={inv.id} className="staff__invitation">
            <View className="staff__row">
              <Text>{`${ROLE_LABELS[inv.role]}${inv.acceptedByName ? ` · ${inv.acceptedByName}` : ''}`}</Text>
              {INVITATION_STATUS_TAGS[inv.status] ? (
                <Tag type={INVITATION_STATUS_TAGS[inv.status] ?? undefined}>{INVITATION_STATUS_LABELS[inv.status]}</Tag>
              ) : (
                <Tag background={MUTED_TAG_BACKGROUND}>{INVITATION_STATUS_LABELS[inv.status]}</Tag>
              )}
            </View>
            <View className="staff__row">
              <Text className="muted">{`${formatShanghaiDateTime(inv.createdAt)} 发出${inv.status === 'pending' ? `，${formatShanghaiDateTime(inv.expiresAt)} 前有效` : ''}`}</Text>
              {inv.status === 'pending' ? (
                <Text className="link staff__revoke" onClick={() => onRevoke(inv)}>
                  撤销
                </Text>
              ) : null}
            </View>
          </View>
        ))}
      </View>
    </>
  );
}

/** 人员与资质 (the principal invites; everyone uploads papers, an officer only their own): the requirement and what is lacking, people in post with their papers, invitations, history. */
export default function StaffPage() {
  const { session } = useSession();
  const { showToast } = useToast();
  const enterpriseId = session?.user.enterpriseId ?? '';
  const isPrincipal = session?.user.role === Role.Principal;
  const staff = useAsync(() => api.enterprises.staff(enterpriseId), [enterpriseId], { enabled: !!enterpriseId, reloadOnShow: true });
  const credentials = useAsync(() => api.credentials.list({ enterpriseId, pageSize: MAX_PAGE_SIZE }), [enterpriseId], { enabled: !!enterpriseId, reloadOnShow: true });
  const invitations = useAsync(() => api.invitations.list(), [], { enabled: isPrincipal, reloadOnShow: true });
  const [created, setCreated] = useState<InvitationCreatedDto | null>(null);
  const [inviting, setInviting] = useState<InvitableRole | null>(null);
  const [confirmReplace, setConfirmReplace] = useState(false);
  const [revoking, setRevoking] = useState<InvitationDto | null>(null);

  const data = staff.data;
  const papers = currentCredentials(credentials.data?.items ?? []);
  const directors = data?.current.filter((m) => m.role === Role.Director) ?? [];
  // The server replaces the longest-serving director when the business has as many as it may.
  const replacesDirector = data ? directors.length >= Math.max(1, data.requirement.minDirectors) : false;
  const officersShort = !!data?.lacks.some((gap) => gap.code === 'officers_short');

  async function invite(role: InvitableRole) {
    if (inviting) return;
    setInviting(role);
    try {
      setCreated(await api.invitations.create({ role }));
      void invitations.reload();
    } catch (e) {
      showToast(errorMessage(e), 'fail');
    } finally {
      setInviting(null);
    }
  }

  async function revoke(inv: InvitationDto) {
    try {
      await api.invitations.revoke(inv.id);
      showToast('邀请已撤销', 'success');
    } catch (e) {
      showToast(errorMessage(e), 'fail');
    }
    setRevoking(null);
    void invitations.reload();
  }

  return (
    <PageContainer loading={staff.loading && !data} error={data ? null : staff.error} onRetry={() => void staff.reload()}>
      {data && session ? (
        <View>
          <View className="card">
            <View className="card__title">{data.enterpriseName}</View>
            <View className="muted">主要负责人、食品安全总监、食品安全员（三人三责）的配备、任职和资质证明</View>
          </View>
          <StaffingSummary staff={data} />
          <View className="card staff__link" onClick={() => navigateTo('enterprise.trainings')}>
            <View className="staff__row">
              <Text className="card__title">培训记录 ›</Text>
            </View>
            <View className="muted">内部培训登记，本年度每人培训学时（每年不少于 40 学时）</View>
          </View>

          {isPrincipal && data.status !== EnterpriseStatus.Rejected ? (
            created ? (
              <InvitationCard invitation={created} onClose={() => setCreated(null)} />
            ) : (
              <View className="card">
                <View className="card__title">邀请人员</View>
                <View className="muted">生成一次性邀请码，受邀人凭码登记本人信息后加入本企业。</View>
                <View className="actions">
                  <Button
                    block
                    type="primary"
                    fill={replacesDirector ? 'outline' : undefined}
                    loading={inviting === Role.Director}
                    onClick={() => (replacesDirector ? setConfirmReplace(true) : void invite(Role.Director))}
                  >
                    {replacesDirector ? '更换食品安全总监' : '邀请食品安全总监'}
                  </Button>
                  <Button block type="primary" fill={officersShort ? undefined : 'outline'} loading={inviting === Role.Officer} onClick={() => void invite(Role.Officer)}>
                    邀请食品安全员
                  </Button>
                </View>
              </View>
            )
          ) : null}

          <View className="section-title">{`在任人员（${data.current.length}）`}</View>
          {data.current.map((m) => (
            <RosterMember
              key={m.userId}
              member={m}
              credentials={papers.get(m.userId)}
              actions={
                // An officer uploads only their own papers (the server says the same).
                holdsCredentials(m.role) && (session.user.role !== Role.Officer || m.userId === session.user.id) ? (
                  <Button size="small" type="primary" fill="outline" onClick={() => navigateTo('enterprise.credentialUpload', { userId: m.userId })}>
                    上传资质
                  </Button>
                ) : null
              }
            />
          ))}
          {credentials.error ? <View className="error-text">{`资质证明加载失败：${credentials.error}`}</View> : null}

          {isPrincipal && invitations.data ? <InvitationList list={invitations.data} onRevoke={setRevoking} /> : null}

          <View className="section-title">任职历史</View>
          <RoleHistory history={data.history} />

          {confirmReplace ? (
            <Dialog
              visible
              title="更换食品安全总监"
              confirmText="生成邀请码"
              cancelText="取消"
              onConfirm={() => {
                setConfirmReplace(false);
                void invite(Role.Director);
              }}
              onCancel={() => setConfirmReplace(false)}
              onClose={() => setConfirmReplace(false)}
            >
              {`新总监凭邀请码加入后，${directors[0]?.name ?? '现任总监'} 将不再担任食品安全总监（任职历史保留）。`}
            </Dialog>
          ) : null}
          {revoking ? (
            <Dialog
              visible
              title="撤销邀请"
              confirmText="撤销"
              cancelText="取消"
              onConfirm={() => revoke(revoking)}
              onCancel={() => setRevoking(null)}
              onClose={() => setRevoking(null)}
            >
              {`撤销后该${ROLE_LABELS[revoking.role]}邀请码将不能再使用。`}
            </Dialog>
          ) : null}
        </View>
      ) : null}
    </PageContainer>
  );
}

