import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Button, Loading } from '@nutui/nutui-react-taro';
import { EmptyState } from '../../../components/EmptyState';
import type { PagedList } from '../../../hooks/usePagedList';
import '../official.css';

/** An officials' list below its header: loading, error with retry, empty, or the summary line, the rows and 「加载更多」. */
export function PagedListBody<T>({ list, empty, summary, children }: { list: PagedList<T>; empty: string; summary: string; children: ReactNode }) {
  if (list.loading) {
    return (
      <View className="page__loading">
        <Loading type="spinner" />
      </View>
    );
  }
  if (list.error) return <EmptyState kind="error" title="加载失败" description={list.error} onRetry={() => void list.reload()} />;
  if (list.items.length === 0) return <EmptyState description={empty} />;
  return (
    <View>
      <View className="off__summary">{summary}</View>
      {children}
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
  );
}
