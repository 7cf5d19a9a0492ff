import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Role, type RectificationListQuery, type RectificationOrderStatus } from '@shian/shared';
import { api } from '../../../../api';
import { PageContainer } from '../../../../components/PageContainer';
import { RectificationOrderRow } from '../../../../components/RectificationViews';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useSession } from '../../../../hooks/useSession';
import { navigateTo } from '../../../../platform/nav';
import { PagedListBody } from '../../components/PagedListBody';
import '../../official.css';

type Tab = 'all' | RectificationOrderStatus | 'overdue';

const TABS: ReadonlyArray<{ key: Tab; label: string; query: Pick<RectificationListQuery, 'status' | 'overdue'> }> = [
  { key: 'all', label: '全部', query: {} },
  { key: 'answered', label: '待验收', query: { status: 'answered' } },
  { key: 'open', label: '待整改', query: { status: 'open' } },
  { key: 'returned', label: '退回整改', query: { status: 'returned' } },
  { key: 'overdue', label: '已逾期', query: { overdue: true } },
  { key: 'closed', label: '已验收', query: { status: 'closed' } },
];

/** 整改通知 of the official's region, newest first, by status; ?enterpriseId= narrows to one business. */
export default function OfficialRectificationsPage() {
  const { session } = useSession();
  const params = useRouter().params;
  const enterpriseId = params.enterpriseId || undefined;
  const [tab, setTab] = useState<Tab>((params.tab as Tab) || 'all');
  const query = TABS.find((t) => t.key === tab)?.query ?? {};
  // Back from a detail where it was accepted or returned: the list shows the new status.
  // Back from a detail where it was accepted or returned: the list shows the new status.
  const list = usePagedList((page, pageSize) => api.rectifications.list({ ...query, enterpriseId, page, pageSize }), [tab, enterpriseId], 20, { reloadOnShow: true });

  if (!session) return <PageContainer loading />;
  return (
    <PageContainer>
      <View className="card">
        <View className="card__title">整改通知</View>
        <View className="muted">{enterpriseId && list.items[0] ? `${list.items[0].enterpriseName}的整改通知` : `${session.user.role === Role.Cadre ? '我包保企业和我下发的整改通知' : '本辖区企业的整改通知'}，最新下发的在前；逾期未验收的标为「已逾期」。`}</View>
      </View>
      <View className="rect__tabs">
        {TABS.map((t) => (
          <View key={t.key} className={`rect__tab${t.key === tab ? ' rect__tab--active' : ''}`} onClick={() => setTab(t.key)}>
            {t.label}
          </View>
        ))}
      </View>
      <PagedListBody list={list} empty="暂无整改通知" summary={`共 ${list.total} 份`}>
        {list.items.map((o) => (
          <RectificationOrderRow key={o.id} order={o} showEnterprise onClick={() => navigateTo('official.rectificationDetail', { id: o.id })} />
        ))}
      </PagedListBody>
    </PageContainer>
  );
}
