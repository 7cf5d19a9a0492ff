import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { formatShanghaiDateTime } from '../platform/format';
import './DailyCheckDetailView.css';

/** What every submitted record's version carries (daily check, weekly investigation, monthly review). */
export interface RecordVersion {
  id: string;
  version: number;
  isCurrent: boolean;
  submittedAt: string;
  amendReason: string | null;
}

export interface RecordVersionListProps<T extends RecordVersion> {
  /** Every version of the record's period, oldest first. */
  versions: readonly T[];
  /** The version on screen. */
  shownId: string;
  /** Who signed a version. */
  signer: (v: T) => string;
  onOpen?: (id: string) => void;
}

/** 历史版本: each version with when and who, the current one tagged; tapping another opens it. */
export function RecordVersionList<T extends RecordVersion>({ versions, shownId, signer, onOpen }: RecordVersionListProps<T>) {
  return (
    <View>
      <View className="section-title">历史版本</View>
      <View className="detail__list">
        {versions.map((v) => (
          <View key={v.id} className={`detail__version${v.id === shownId ? ' detail__version--shown' : ''}`} onClick={() => (v.id === shownId ? undefined : onOpen?.(v.id))}>
            <View className="detail__item-head">
              <Text className="detail__code">{`第 ${v.version} 版`}</Text>
              <Text className="detail__category">{`${formatShanghaiDateTime(v.submittedAt)} · ${signer(v)}`}</Text>
              {v.isCurrent ? <Tag type="success">当前版本</Tag> : null}
            </View>
            <View className="muted">{v.amendReason ? `更正原因：${v.amendReason}` : '原始提交'}</View>
            {v.id === shownId ? <View className="muted">正在查看</View> : null}
          </View>
        ))}
      </View>
    </View>
  );
}
