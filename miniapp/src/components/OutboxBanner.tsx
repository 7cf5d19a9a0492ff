import { View } from '@tarojs/components';
import { outboxCounts } from '../api/outbox-rules';
import { useOutbox } from '../hooks/useOutbox';
import { navigateTo } from '../platform/nav';
import './OutboxBanner.css';

/** 「N 份记录待发送」 / 「N 份发送失败」 on the home page while the submission queue holds any; opens the queue. */
export function OutboxBanner({ userId }: { userId: string }) {
  const { pending, failed } = outboxCounts(useOutbox(userId));
  if (pending === 0 && failed === 0) return null;
  const parts = [pending ? `${pending} 份记录待发送` : '', failed ? `${failed} 份发送失败` : ''].filter(Boolean);
  return (
    <View className={`card outbox-banner${failed ? ' outbox-banner--failed' : ''}`} onClick={() => navigateTo('enterprise.outbox')}>
      <View className="outbox-banner__text">
        <View className="outbox-banner__title">{parts.join('，')}</View>
        <View className="outbox-banner__hint">{failed ? '请打开提交队列查看原因' : '联网后自动提交'}</View>
      </View>
      <View className="link outbox-banner__link">查看 ›</View>
    </View>
  );
}
