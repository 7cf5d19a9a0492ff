// The 三人三责 roster as the business and its regulator see it: what the rules require and what
// is lacking, the people in post with their papers' states, and who held each role when.
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { CREDENTIAL_KIND_LABELS, ROLE_LABELS, Role, type AppointmentDto, type EnterpriseStaffDto, type StaffMemberDto } from '@shian/shared';
import { CREDENTIAL_KINDS, credentialTone, type CredentialsByKind } from './roster-rules';
import './StaffRoster.css';

/** Nothing on file / no longer in force: a grey tag (NutUI's default tag is black). */
export const MUTED_TAG_BACKGROUND = '#bfbfbf';

/** 人员配备要求: the rule that applies (cited) and each thing the business lacks, or 配备齐全. */
export function StaffingSummary({ staff }: { staff: Pick<EnterpriseStaffDto, 'requirement' | 'lacks'> }) {
  const { requirement, lacks } = staff;
  return (
    <View className="card roster__summary">
      <View className="roster__head">
        <View className="card__title roster__title">人员配备要求</View>
        {lacks.length > 0 ? <Tag type="danger">{`尚缺 ${lacks.length} 项`}</Tag> : <Tag type="success">配备齐全</Tag>}
      </View>
      <View className="roster__reason">{requirement.reason}</View>
      {lacks.map((gap) => (
        <View key={gap.code} className="roster__lack">
          {gap.message}
        </View>
      ))}
    </View>
  );
}

/** Directors and officers hold papers; the principal does not. */
export function holdsCredentials(role: Role): boolean {
  return role === Role.Director || role === Role.Officer;
}

export interface RosterMemberProps {
  member: StaffMemberDto;
  /** The member's current credential of each kind (roster-rules currentCredentials). */
  credentials?: CredentialsByKind;
  /** Buttons under the card (上传资质 …). */
  actions?: ReactNode;
}

/** One person in post: role, phone, masked ID number, appointment date, and each paper's state. */
export function RosterMember({ member, credentials, actions }: RosterMemberProps) {
  return (
    <View className="card roster__member">
      <View className="roster__head">
        <View className="roster__name">{member.name}</View>
        <Tag type={member.role === Role.Principal ? 'primary' : 'info'}>{ROLE_LABELS[member.role]}</Tag>
      </View>
      <View className="roster__line">{`手机号：${member.phone}`}</View>
      <View className="roster__line">{`身份证号：${member.idNumberMasked ?? '未登记'}`}</View>
      <View className="roster__line">{`任职日期：${member.appointedOn ?? '—'}`}</View>
      {holdsCredentials(member.role) ? (
        <View className="roster__papers">
          {CREDENTIAL_KINDS.map((kind) => {
            const c = credentials?.[kind];
            return (
              <View key={kind} className="roster__paper">
                <View className="roster__paper-row">
                  <Text className="roster__paper-kind">{CREDENTIAL_KIND_LABELS[kind]}</Text>
                  {c ? <Tag type={credentialTone(c.state)}>{c.state.label}</Tag> : <Tag background={MUTED_TAG_BACKGROUND}>未上传</Tag>}
                </View>
                {c ? (
                  <View className="roster__paper-meta">
                    {`${c.issuedOn} 起 · ${c.validUntil ? `有效期至 ${c.validUntil}` : '长期有效'}${c.state.expiring && c.state.daysLeft !== null ? ` · 剩 ${c.state.daysLeft} 天` : ''}`}
                  </View>
                ) : null}
                {c?.rejectReason ? <View className="roster__paper-reject">{`驳回原因：${c.rejectReason}`}</View> : null}
              </View>
            );
          })}
        </View>
      ) : null}
      {actions ? <View className="roster__actions">{actions}</View> : null}
    </View>
  );
}

/** 任职历史: every appointment, newest first, in force or ended (with why). */
export function RoleHistory({ history }: { history: readonly AppointmentDto[] }) {
  return (
    <View className="card roster__history">
      {history.length === 0 ? <View className="muted">暂无任职记录</View> : null}
      {history.map((a) => (
        <View key={a.id} className="roster__history-row">
          <View className="roster__head">
            <Text>{`${a.name} · ${ROLE_LABELS[a.role]}`}</Text>
            {a.endedOn ? <Tag background={MUTED_TAG_BACKGROUND}>已离任</Tag> : <Tag type="success">在任</Tag>}
          </View>
          <View className="roster__line">{a.endedOn ? `${a.appointedOn} 至 ${a.endedOn}` : `${a.appointedOn} 起`}</View>
          {a.endedReason ? <View className="roster__line">{`离任原因：${a.endedReason}`}</View> : null}
        </View>
      ))}
    </View>
  );
}
