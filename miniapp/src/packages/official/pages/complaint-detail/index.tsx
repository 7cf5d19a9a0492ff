import { useState, type ReactNode } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import {
  COMPLAINT_LIMITS,
  Role,
  transitionFor,
  type ComplaintAction,
  type ComplaintDeadline,
  type ComplaintDetailDto,
  type ComplaintRevealDto,
  type ComplaintTransition,
} from '@shian/shared';
import { ApiError, api, errorMessage } from '../../../../api';
import { PageContainer } from '../../../../components/PageContainer';
import { RecordPhotos } from '../../../../components/RecordPhotos';
import { RectificationOrderRow } from '../../../../components/RectificationViews';
import { useAsync } from '../../../../hooks/useAsync';
import { useSession } from '../../../../hooks/useSession';
import { useToast } from '../../../../hooks/useToast';
import { useWideLayout } from '../../../../hooks/useWideLayout';
import { formatBusinessDate, formatShanghaiDateTime } from '../../../../platform/format';
import { navigateTo } from '../../../../platform/nav';
import { ComplaintTags, isFinalComplaint } from '../../components/ComplaintViews';
import { ReasonDialog } from '../../components/ReasonDialog';
import '../../official.css';
import './index.css';

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="off-review__line">
      <Text className="off-review__label">{label}</Text>
      <Text className="off-review__value">{children}</Text>
    </View>
  );
}

/** The decisions that end the matter without acting on it: a red outline. */
const REFUSALS: readonly ComplaintAction[] = ['not_accept', 'not_open', 'end_mediation'];

/** What an action's text is: the input's placeholder and the message when it is left empty. */
function textPrompt(action: ComplaintAction, t: ComplaintTransition): { placeholder: string; empty: string } {
  if (action === 'reply') return { placeholder: '请填写答复内容', empty: '请填写答复内容' };
  if (action === 'notify') return { placeholder: '请填写告知内容，如：处理结果及依据', empty: '请填写告知内容' };
  if (action === 'extend_check') return { placeholder: '请填写批准情况，如：经科室负责人批准延长', empty: '请填写批准情况' };
  if (t.textRequired) return { placeholder: '请填写理由，如：不属于本部门管辖', empty: '请填写理由' };
  return { placeholder: '办理说明（选填）', empty: '' };
}

/** 投诉举报人: 匿名, or the masked name and phone; the handler reads them in full with a reason (each view is recorded). */
function Complainant({ c, onReveal }: { c: ComplaintDetailDto; onReveal: (reason: string) => Promise<ComplaintRevealDto> }) {
  const [asking, setAsking] = useState(false);
  const [shown, setShown] = useState<ComplaintRevealDto | null>(null);
  return (
    <View className="card cpd-person">
      <View className="card__title">投诉举报人</View>
      {c.anonymous ? (
        <View className="muted">匿名提交，未留身份信息</View>
      ) : (
        <View className="off-review__lines">
          <Line label="姓名">{shown ? (shown.name ?? '未填写') : (c.complainantName ?? '未填写')}</Line>
          <Line label="手机号">{shown ? (shown.phone ?? '未填写') : (c.complainantPhone ?? '未填写')}</Line>
          {shown ? (
            <View className="cpd-person__recorded">{`已于 ${formatShanghaiDateTime(shown.revealedAt)} 记录本次查看（查看人、时间和事由），请勿向他人透露。`}</View>
          ) : c.canReveal ? (
            <View className="cpd-person__reveal">
              <Button size="small" type="primary" fill="outline" onClick={() => setAsking(true)}>
                查看身份
              </Button>
              <Text className="muted cpd-person__hint">仅承办人可查看，每次查看都会记录</Text>
            </View>
          ) : (
            <View className="muted cpd-person__hint">{c.handlerId ? '投诉举报人身份受保护，仅承办人可查看。' : '投诉举报人身份受保护，承办后可由承办人查看。'}</View>
          )}
        </View>
      )}
      {asking ? (
        <ReasonDialog
          title="查看身份"
          note="每次查看都会记录查看人、时间和事由。请填写查看事由："
          placeholder="请填写查看事由，如：电话联系投诉人核实情况"
          emptyMessage="请填写查看事由"
          maxLength={COMPLAINT_LIMITS.revealReasonMaxLength}
          confirmText="查看"
          onConfirm={async (reason) => setShown(await onReveal(reason))}
          onClose={() => setAsking(false)}
        />
      ) : null}
    </View>
  );
}

/** 法定期限: each period that has started, with its due day, met or running, and 逾期. */
function Deadlines({ deadlines }: { deadlines: readonly ComplaintDeadline[] }) {
  return (
    <View className="card">
      <View className="card__title">法定期限</View>
      {deadlines.length === 0 ? <View className="muted">暂无</View> : null}
      {deadlines.map((d) => (
        <View key={d.key} className={`cpd-deadline${d.overdue ? ' cpd-deadline--overdue' : ''}`} data-deadline={d.key}>
          <View className="cpd-deadline__head">
            <Text className="cpd-deadline__label">{`${d.label}（${d.workingDays}个工作日）`}</Text>
            <View className="row gap">
              {d.doneOn ? <Tag type="success">已办理</Tag> : <Tag type="primary">进行中</Tag>}
              {d.overdue ? <Tag type="danger">逾期</Tag> : null}
            </View>
          </View>
          <View className="muted cpd-deadline__dates">{`自 ${formatBusinessDate(d.from)} 起算，${formatBusinessDate(d.due)}前`}</View>
          {d.doneOn ? <View className="muted cpd-deadline__dates">{`${formatBusinessDate(d.doneOn)} 办理${d.overdue ? '（超过期限）' : ''}`}</View> : null}
          {!d.doneOn && d.calendarMissingYears.length ? (
            <View className="warn-text cpd-deadline__missing">{`${d.calendarMissingYears.join('、')}年的节假日尚未录入工作日历，暂只扣除周末；录入后期限自动重算。`}</View>
          ) : null}
        </View>
      ))}
      <View className="muted cpd-deadline__rule">按工作日计算：周一至周五，不含放假日，含调休上班日。</View>
    </View>
  );
}

/** 办理: 由我承办 while nobody handles it, one button per allowed action, 下发整改 for a registered business. */
function Handling({ c, selfId, onChanged }: { c: ComplaintDetailDto; selfId: string; onChanged: () => Promise<void> }) {
  const { showToast } = useToast();
  const [pending, setPending] = useState<ComplaintAction | null>(null);
  const [assigning, setAssigning] = useState(false);
  const transition = pending ? transitionFor(c.kind, c.status, pending) : null;

  async function assignToMe() {
    setAssigning(true);
    try {
      await api.complaints.assign(c.id, { handlerId: selfId });
      showToast('已由您承办', 'success');
      await onChanged();
    } catch (e) {
      showToast(errorMessage(e), 'fail');
    } finally {
      setAssigning(false);
    }
  }

  async function act(action: ComplaintAction, t: ComplaintTransition, text: string) {
    try {
      await api.complaints.act(c.id, { action, text: text || null });
      showToast(action === 'reply' ? '答复已发送' : `已办理：${t.label}`, 'success');
      void onChanged();
    } catch (e) {
      // A 400 (the text) stays in the dialog; the status moved on or it is someone else's: say so and show it as it is.
      if (e instanceof ApiError && e.status === 400) throw e;
      setPending(null);
      showToast(errorMessage(e), 'fail');
      void onChanged();
    }
  }

  const handledByMe = c.handlerId === selfId;
  const mayAssign = !c.handlerId && !isFinalComplaint(c.status);
  return (
    <View className="card cpd-actions">
      <View className="card__title">办理</View>
      <View className="muted">{c.handlerId ? `承办人：${c.handlerName ?? ''}${handledByMe ? '（我）' : ''}` : '尚未指定承办人：第一个办理的监管人员即为承办人。'}</View>
      <View className="cpd-actions__buttons">
        {mayAssign ? (
          <Button type="primary" fill="outline" loading={assigning} onClick={() => void assignToMe()}>
            由我承办
          </Button>
        ) : null}
        {c.actions.map((a) => {
          const t = transitionFor(c.kind, c.status, a);
          if (!t) return null;
          return (
            <Button key={a} type={REFUSALS.includes(a) ? 'danger' : a === 'reply' || a === 'extend_check' ? 'default' : 'primary'} fill={REFUSALS.includes(a) ? 'outline' : undefined} onClick={() => setPending(a)}>
              {t.label}
            </Button>
          );
        })}
        {c.enterpriseId ? (
          <Button
            type="warning"
            fill="outline"
            onClick={() =>
              navigateTo('official.rectificationCreate', { enterpriseId: c.enterpriseId ?? '', enterpriseName: c.businessName, sourceType: 'complaint', sourceId: c.id, sourcePeriod: c.trackingNo })
            }
          >
            下发整改
          </Button>
        ) : null}
      </View>
      {c.actions.length === 0 && c.handlerId && !handledByMe ? <View className="muted cpd-actions__note">只有承办人可以办理。</View> : null}
      {pending && transition ? (
        <ReasonDialog
          title={transition.label}
          note={transition.publicText ? '填写的内容投诉举报人在进度查询页可以看到。' : '填写的内容仅在办理记录中留存，投诉举报人看不到。'}
          placeholder={textPrompt(pending, transition).placeholder}
          required={transition.textRequired}
          emptyMessage={textPrompt(pending, transition).empty}
          maxLength={COMPLAINT_LIMITS.textMaxLength}
          confirmText={transition.label.length <= 5 ? `确认${transition.label}` : '确认'}
          onConfirm={(text) => act(pending, transition, text)}
          onClose={() => setPending(null)}
        />
      ) : null}
    </View>
  );
}

/** The 整改通知 raised from it, each opening its page. */
function RaisedOrders({ complaintId, count }: { complaintId: string; count: number }) {
  const orders = useAsync(() => api.rectifications.list({ sourceId: complaintId, pageSize: 50 }), [complaintId, count], { enabled: count > 0, reloadOnShow: true });
  if (count === 0) return null;
  return (
    <View className="cpd-orders">
      <View className="section-title">{`整改通知（${count}）`}</View>
      {orders.error ? <View className="error-text">{`整改通知加载失败：${orders.error}`}</View> : null}
      {orders.data?.items.map((o) => (
        <RectificationOrderRow key={o.id} order={o} showEnterprise={false} onClick={() => navigateTo('official.rectificationDetail', { id: o.id })} />
      ))}
    </View>
  );
}

/** One 投诉 or 举报 (?id=) for an official: what happened, photos, who (masked), 法定期限, 办理, the orders raised, 办理记录. */
/** 办理记录: every step, oldest first, with who and when and what the complainant can read. */
function Events({ c }: { c: ComplaintDetailDto }) {
  return (
    <View>
      <View className="section-title">办理记录</View>
      <View className="card cpd-events">
        {c.events.map((e) => (
          <View key={e.seq} className={`cpd-event cpd-event--${e.action}`}>
            <View className="cpd-event__head">
              <View className="row gap">
                <Text className="cpd-event__label">{e.label}</Text>
                {e.public ? <Text className="cpd-event__public">投诉举报人可见</Text> : null}
              </View>
              <Text className="muted cpd-event__who">{`${e.actorName ?? '投诉举报人'} · ${formatShanghaiDateTime(e.at)}`}</Text>
            </View>
            {e.text ? <View className="cpd-event__text">{e.text}</View> : null}
          </View>
        ))}
      </View>
    </View>
  );
}

/** The head: 受理编号, kind and status, the business (its page when registered), received, handler, the running deadline. */
function Head({ c }: { c: ComplaintDetailDto }) {
  return (
    <View className="card">
      <View className="cpd-head">
        <Text className="cpd-head__no">{c.trackingNo}</Text>
        <ComplaintTags c={c} />
      </View>
      <View className="off-review__lines">
        <Line label={c.kind === 'report' ? '被举报对象' : '被投诉对象'}>
          {c.enterpriseId ? (
            <Text className="link" onClick={() => navigateTo('official.enterprise', { id: c.enterpriseId ?? '' })}>
              {`${c.businessName} ›`}
            </Text>
          ) : (
            `${c.businessName}（未登记）`
          )}
        </Line>
        {!c.enterpriseId && c.businessAddress ? <Line label="经营地址">{c.businessAddress}</Line> : null}
        <Line label="收到时间">{formatShanghaiDateTime(c.receivedAt)}</Line>
        <Line label="承办人">{c.handlerName ?? '未指定'}</Line>
        {c.dueDate && c.dueLabel ? (
          <Line label="当前期限">
            <Text className={c.overdue ? 'cpd-overdue' : undefined}>{`${c.dueLabel}：${formatBusinessDate(c.dueDate)}前${c.overdue ? '（已逾期）' : ''}`}</Text>
          </Line>
        ) : null}
      </View>
    </View>
  );
}

/** One 投诉 or 举报 (?id=) for an official: what happened, photos, who (masked), 法定期限, 办理, the orders raised, 办理记录; two columns at a desk. */
export default function OfficialComplaintDetailPage() {
  const { session } = useSession();
  const wide = useWideLayout();
  const id = useRouter().params.id ?? '';
  const state = useAsync(() => (id ? api.complaints.get(id) : Promise.reject(new Error('缺少投诉举报编号'))), [id], { enabled: !!session, reloadOnShow: true });
  const c = state.data;
  const regulator = session?.user.role === Role.Regulator;
  if (!c || !session) return <PageContainer loading={state.loading || !session} error={state.loading ? null : state.error} onRetry={() => void state.reload()} />;

  const content = (
    <View className="card">
      <View className="card__title">事情经过</View>
      <View className="cpd-description">{c.description}</View>
      <View className="off-review__lines">
        <Line label="发生日期">{formatBusinessDate(c.happenedOn)}</Line>
        <Line label="发生地点">{c.incidentPlace ?? '未填写'}</Line>
      </View>
      {c.photos.length ? <RecordPhotos ids={c.photos.map((p) => p.id)} load={(photoId) => api.complaints.photoSrc(c.id, photoId)} /> : null}
    </View>
  );
  const person = <Complainant c={c} onReveal={(reason) => api.complaints.reveal(c.id, { reason })} />;
  const handling = (
    <>
      <Deadlines deadlines={c.deadlines} />
      {regulator ? <Handling c={c} selfId={session.user.id} onChanged={() => state.reload()} /> : null}
      <RaisedOrders complaintId={c.id} count={c.rectificationIds.length} />
    </>
  );
  const more = c.enterpriseId ? (
    <View className="link off-review__link" onClick={() => navigateTo('official.complaints', { enterpriseId: c.enterpriseId ?? '' })}>
      该企业的全部投诉举报 ›
    </View>
  ) : null;
  return (
    <PageContainer className={wide ? 'off--wide' : undefined}>
      {wide ? (
        <View className="off-columns">
          <View className="off-columns__main cpd-layout__main">
            <Head c={c} />
            {content}
            <Events c={c} />
          </View>
          <View className="off-columns__side cpd-layout__side">
            {person}
            {handling}
            {more}
          </View>
        </View>
      ) : (
        <View>
          <Head c={c} />
          {content}
          {person}
          {handling}
          <Events c={c} />
          {more}
        </View>
      )}
    </PageContainer>
  );
}
