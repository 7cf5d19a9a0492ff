import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { removeOutboxEntry, sendOutboxEntry, type OutboxEntry, type OutboxKind, type OutboxState } from '../../../../api/outbox';
import { KEEP_SENT_MAX, displayOrder, outboxCounts } from '../../../../api/outbox-rules';
import { PageContainer } from '../../../../components/PageContainer';
import { useOutbox } from '../../../../hooks/useOutbox';
import { useSession } from '../../../../hooks/useSession';
import { useToast } from '../../../../hooks/useToast';
import { formatShanghaiDateTime, formatShanghaiTime } from '../../../../platform/format';
import { navigateTo } from '../../../../platform/nav';
import type { RouteName } from '../../../../routes';
import './index.css';

const STATE_TAGS: Record<OutboxState, { text: string; type: 'warning' | 'primary' | 'success' | 'danger' }> = {
  pending: { text: '待发送', type: 'warning' },
  sending: { text: '发送中', type: 'primary' },
  sent: { text: '已发送', type: 'success' },
  failed: { text: '发送失败', type: 'danger' },
};

/** Where each kind of record is filled in (with its period parameter) and read. */
const PAGES: Record<OutboxKind, { form: RouteName; param: string; detail: RouteName }> = {
  daily: { form: 'enterprise.dailyCheck', param: 'date', detail: 'enterprise.dailyCheckDetail' },
  weekly: { form: 'enterprise.weeklyInvestigation', param: 'week', detail: 'enterprise.weeklyInvestigationDetail' },
  monthly: { form: 'enterprise.monthlyReview', param: 'month', detail: 'enterprise.monthlyReviewDetail' },
};

function EntryCard({ entry, userId }: { entry: OutboxEntry; userId: string }) {
  const { showToast } = useToast();
  const tag = STATE_TAGS[entry.state];
  const pages = PAGES[entry.kind];

  async function retry() {
    const r = await sendOutboxEntry(userId, entry.id);
    if (r.state === 'sent') showToast('已发送', 'success');
    else if (r.state === 'pending') showToast(`仍未发送：${r.error.message}`, 'warn');
    else if (r.state === 'failed') showToast(r.error.message, 'fail');
  }

  async function remove() {
    const { confirm } = await Taro.showModal({
      title: '删除这份记录？',
      content: '删除后不会再发送；草稿仍保留在本机，可打开表单修改后重新提交。',
      confirmText: '删除',
      confirmColor: '#e53935',
      cancelText: '取消',
    });
    if (confirm && removeOutboxEntry(userId, entry.id)) showToast('已删除，草稿仍保留', 'success');
  }

  return (
    <View className={`card outbox__entry outbox__entry--${entry.state}`}>
      <View className="outbox__head">
        <View className="outbox__label">{entry.label}</View>
        <Tag type={tag.type}>{tag.text}</Tag>
      </View>
      <View className="muted outbox__line">{`创建时间：${formatShanghaiDateTime(entry.createdAt)}`}</View>
      <View className="muted outbox__line">
        {entry.attempts > 0 ? `已尝试 ${entry.attempts} 次 · 最近 ${formatShanghaiTime(entry.lastAttemptAt)}` : '尚未发送'}
      </View>
      {entry.state === 'sent' && entry.sentAt ? <View className="muted outbox__line">{`发送时间：${formatShanghaiDateTime(entry.sentAt)}`}</View> : null}
      {entry.lastError && entry.state !== 'sent' ? (
        <View className={`outbox__error${entry.state === 'failed' ? ' outbox__error--failed' : ''}`}>
          {`${entry.state === 'failed' ? '失败原因' : '上次未成功'}：${entry.lastError}`}
        </View>
      ) : null}
      <View className="outbox__actions">
        {entry.state === 'pending' || entry.state === 'sending' ? (
          <Button size="small" type="primary" loading={entry.state === 'sending'} disabled={entry.state === 'sending'} onClick={() => void retry()}>
            立即重试
          </Button>
        ) : null}
        {entry.state === 'sent' && entry.resultId ? (
          <Button size="small" type="primary" fill="outline" onClick={() => navigateTo(pages.detail, { id: entry.resultId ?? undefined })}>
            查看记录
          </Button>
        ) : null}
        {entry.state === 'failed' ? (
          <>
            <Button size="small" fill="outline" onClick={() => void remove()}>
              删除
            </Button>
            <Button size="small" type="primary" onClick={() => navigateTo(pages.form, { [pages.param]: entry.period })}>
              修改草稿
            </Button>
          </>
        ) : null}
      </View>
    </View>
  );
}

/** 提交队列: the records submitted on this device, until the server has them (sent ones for a while). */
export default function OutboxPage() {
  const { session } = useSession();
  const userId = session?.user.id;
  const entries = useOutbox(userId);
  const { pending, failed, sent } = outboxCounts(entries);
  const counts = [pending ? `待发送 ${pending} 份` : '', failed ? `发送失败 ${failed} 份` : '', sent ? `已发送 ${sent} 份` : ''].filter(Boolean).join(' · ');
  return (
    <PageContainer empty={!!session && entries.length === 0} emptyText="没有待发送的记录">
      {userId && entries.length > 0 ? (
        <View>
          <View className="card">
            <View className="card__title">提交队列</View>
            <View className="muted">{counts}</View>
            <View className="muted outbox__line">{`待发送的记录会在联网后自动提交；已发送的记录保留 7 天（最近 ${KEEP_SENT_MAX} 份）。`}</View>
          </View>
          {displayOrder(entries).map((e) => (
            <EntryCard key={e.id} entry={e} userId={userId} />
          ))}
        </View>
      ) : null}
    </PageContainer>
  );
}
