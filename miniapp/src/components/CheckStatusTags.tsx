import { View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { DailyCheckDto } from '@shian/shared';

/** 零风险 / N 项问题, 逾期 when submitted after the business day, 已更正 for a corrected version. */
export function CheckStatusTags({ check }: { check: Pick<DailyCheckDto, 'zeroRisk' | 'problemCount' | 'late'> & Partial<Pick<DailyCheckDto, 'version'>> }) {
  return (
    <View className="row gap">
      {check.zeroRisk ? <Tag type="success">零风险</Tag> : <Tag type="warning">{`${check.problemCount} 项问题`}</Tag>}
      {check.late ? <Tag type="danger">逾期</Tag> : null}
      {(check.version ?? 1) > 1 ? (
<Tag type="primary">已更正</Tag>
      ) : null}
    </View>
  );
}
