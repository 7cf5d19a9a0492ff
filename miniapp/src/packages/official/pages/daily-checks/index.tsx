import { useState } from 'react';
import { View, Picker } from '@tarojs/components';
import { Button, Cell, CellGroup, Loading } from '@nutui/nutui-react-taro';
import { ROLE_LABELS, addDays, todayInShanghai } from '@shian/shared';
import { api } from '../../../../api';
import { CheckStatusTags } from '../../../../components/CheckStatusTags';
import { EmptyState } from '../../../../components/EmptyState';
import { PageContainer } from '../../../../components/PageContainer';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useSession } from '../../../../hooks/useSession';
import { formatShanghaiDateTime } from '../../../../platform/format';
import { navigateTo } from '../../../../platform/nav';
import './index.css';

const PAGE_SIZE = 20;

/** Officials: the daily checks of their region, newest first, filtered by a date range. */
export default function OfficialDailyChecksPage() {
  const { session, logout } = useSession();
  const today = todayInShanghai();
  const [from, setFrom] = useState(addDays(today, -6));
  const [to, setTo] = useState(today);
  const list = usePagedList((page, pageSize) => api.dailyChecks.list({ from, to, page, pageSize }), [from, to], PAGE_SIZE);

  if (!session) return <PageContainer loading />;

  return (
    <PageContainer>
      <View className="card">
        <View className="off__header">
          <View>
            <View className="card__title">{session.user.name}</View>
            <View className="muted">{`${ROLE_LABELS[session.user.role] ?? ''}${session.user.regionName ? ` · ${session.user.regionName}` : ''}`}</View>
          </View>
          <Button size="small" fill="outline" onClick={logout}>
            退出登录
          </Button>
        </View>
      </View>

      <CellGroup className="off__filters" title="检查日期">
        <Picker mode="date" value={from} end={to} onChange={(e) => setFrom(String(e.detail.value))}>
          <Cell title="开始日期" extra={<View className="off__picker-value">{from}</View>} clickable />
        </Picker>
        <Picker mode="date" value={to} start={from} end={today} onChange={(e) => setTo(String(e.detail.value))}>
          <Cell title="结束日期" extra={<View className="off__picker-value">{to}</View>} clickable />
        </Picker>
      </CellGroup>

      {list.loading ? (
        <View className="page__loading">
          <Loading type="spinner" />
        </View>
      ) : list.error ? (
        <EmptyState kind="error" title="加载失败" description={list.error} onRetry={() => void list.reload()} />
      ) : list.items.length === 0 ? (
        <EmptyState description="所选日期内暂无检查记录" />
      ) : (
        <View>
          <View className="off__summary">{`共 ${list.total} 条记录`}</View>
          <CellGroup>
            {list.items.map((c) => (
              <Cell
                key={c.id}
                clickable
                onClick={() => navigateTo('official.dailyCheckDetail', { id: c.id })}
                title={
                  <View>
                    <View className="off__record-title">{c.enterpriseName}</View>
                    <View className="off__record-meta">{`${c.businessDate} · 检查人 ${c.officerName}`}</View>
                    <View className="off__record-meta">{`提交于 ${formatShanghaiDateTime(c.submittedAt)}`}</View>
                    <View className="off__record-tags">
                      <CheckStatusTags check={c} />
                    </View>
                  </View>
                }
                extra={<View className="link">详情</View>}
              />
            ))}
          </CellGroup>
          <View className="off__more">
            {list.hasMore ? (
              <Button fill="outline" loading={list.loadingMore} onClick={() => void list.loadMore()}>
                加载更多
              </Button>
            ) : (
              <View className="muted">没有更多了</View>
            )}
            {list.moreError ? <View className="error-text">{list.moreError}</View> : null}
          </View>
        </View>
      )}
    </PageContainer>
  );
}
