import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Button, Empty } from '@nutui/nutui-react-taro';

export interface EmptyStateProps {
  kind?: 'empty' | 'error';
  title?: string;
  description?: ReactNode;
  onRetry?: () => void;
}

/**
 * NutUI Empty with a local illustration: its default image is fetched from a JD CDN, which is
 * neither reachable everywhere nor wanted here.
 */
export function EmptyState({ kind = 'empty', title, description, onRetry }: EmptyStateProps) {
  const image = <View className={`empty-state__icon empty-state__icon--${kind}`}>{kind === 'error' ? '!' : '…'}</View>;
  return (
    <View className="empty-state">
      <Empty image={image} imageSize={64} status={kind} title={title} description={description} />
      {onRetry ? (
        <View className="page__retry">
          <Button type="primary" fill="outline" onClick={onRetry}>
            重试
          </Button>
        </View>
      ) : null}
    </View>
  );
}
