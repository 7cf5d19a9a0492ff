import { useState } from 'react';
import { View } from '@tarojs/components';
import type { RectificationOrderStatus } from '@shian/shared';
import { api } from '../../../../api';
import { EmptyState } from '../../../../components/EmptyState';
import { PageContainer } from '../../../../components/PageContainer';
import { RectificationOrderRow } from '../../../../components/RectificationViews';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useSession } from '../../../../hooks/useSession';
import { navigateTo } from '../../../../platform/nav';

type Tab = 'all' | RectificationOrderStatus;

const TABS: ReadonlyArray<{ key: Tab; label: string }> = [
  { key: 'all', label: '全部' },
  { key: 'open', label: '待整改' },
  { key: 'returned', label: '退回整改' },
  { key: 'answered', label: '待验收' },
  { key: 'closed', label: '已验收' },
];

/** 整改通知 the business received, newest first, by status; overdue ones marked. */
export default function EnterpriseRectificationsPage() {
  const { session } = useSession();
  const [tab, setTab] = useState<Tab>('all');
  // Back from a detail where it was answered, accepted or returned: the list shows the new status.
  const list = usePagedList((page, pageSize) => api.rectifications.list({ status: tab === 'all' ? undefined : tab, page, pageSize }), [tab], 20, { reloadOnShow: true });

  if (!session) return <PageContainer loading />;
  return (
    <PageContainer loading={list.loading && list.items.length === 0} error={list.error} onRetry={() => void list.reload()}>
      <View className="card">
        <View className="card__title">整改通知</View>
        <View className="muted">监管部门下发的整改通知：按期整改后回复整改措施并上传照片，经验收通过后关闭。</View>
      </View>
      <View className="rect__tabs">
        {TABS.map((t) => (
          <View key={t.key} className={`rect__tab${t.key === tab ? ' rect__tab--active' : ''}`} onClick={() => setTab(t.key)}>
            {t.label}
          </View>
        ))}
      </View>
      {list.items.length === 0 ? <EmptyState description="暂无整改通知" /> : null}
      {list.items.map((o) => (
        <RectificationOrderRow key={o.id} order={o} showEnterprise={false} onClick={() => navigateTo('enterprise.rectificationDetail', { id: o.id })} />
      ))}
      {list.hasMore ? (
        <View className="link" onClick={() => void list.loadMore()}>
          加载更多
        </View>
      ) : null}
    </PageContainer>
  );
}
