import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { Loading, Toast } from '@nutui/nutui-react-taro';
import { EmptyState } from './EmptyState';
import { PAGE_TOAST_ID } from '../hooks/useToast';

export interface PageContainerProps {
  /** Show the spinner instead of the content (first load only: keep content on reloads). */
  loading?: boolean;
  /** A load error: shown with a retry button instead of the content. */
  error?: string | null;
  onRetry?: () => void;
  /** Nothing to show. */
  empty?: boolean;
  emptyText?: string;
  className?: string;
  children?: ReactNode;
}

/** The page shell: max-width column, and the loading / error / empty states of its data. */
export function PageContainer({ loading, error, onRetry, empty, emptyText, className, children }: PageContainerProps) {
  let body: ReactNode;
  if (loading) {
    body = (
      <View className="page__loading">
        <Loading type="spinner" />
        <Text className="page__loading-text">加载中…</Text>
      </View>
    );
  } else if (error) {
    body = (
      <View className="page__state">
        <EmptyState kind="error" title="加载失败" description={error} onRetry={onRetry} />
      </View>
    );
  } else if (empty) {
    body = (
      <View className="page__state">
        <EmptyState description={emptyText ?? '暂无数据'} />
      </View>
    );
  } else {
    body = children;
  }
  return (
    <View className={`page${className ? ` ${className}` : ''}`}>
      {body}
      <Toast id={PAGE_TOAST_ID} />
    </View>
  );
}
