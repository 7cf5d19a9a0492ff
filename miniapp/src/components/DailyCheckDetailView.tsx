import { View, Text } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { CHECK_RESULT_LABELS, CheckResult, MINIMAL_DAILY_CHECKLIST, type DailyCheckDto } from '@shian/shared';
import { formatBusinessDate, formatShanghaiDateTime } from '../platform/format';
import { CheckStatusTags } from './CheckStatusTags';
import './DailyCheckDetailView.css';

const RESULT_TAG: Record<CheckResult, 'success' | 'danger' | 'default'> = {
  [CheckResult.Pass]: 'success',
  [CheckResult.Fail]: 'danger',
  [CheckResult.NotApplicable]: 'default',
};

/** One submitted daily check: header, every item with its result, problems and measures. */
export function DailyCheckDetailView({ check }: { check: DailyCheckDto }) {
  const textOf = new Map(MINIMAL_DAILY_CHECKLIST.map((i) => [i.code, i]));
  return (
    <View>
      <View className="card">
        <View className="card__title">{check.enterpriseName}</View>
        <View className="muted">{`检查日期：${formatBusinessDate(check.businessDate)}`}</View>
        <View className="muted">{`检查人：${check.officerName}`}</View>
        <View className="muted">{`提交时间：${formatShanghaiDateTime(check.submittedAt)}`}</View>
        <View className="detail__tags">
          <CheckStatusTags check={check} />
        </View>
      </View>

      <View className="section-title">检查项目</View>
      <View className="detail__list">
        {check.items.map((item) => {
          const def = textOf.get(item.code);
          const failed = item.result === CheckResult.Fail;
          return (
            <View key={item.code} className="detail__item">
              <View className="detail__item-head">
                <Text className="detail__code">{item.code}</Text>
                <Text className="detail__category">{def?.category ?? ''}</Text>
                <Tag type={RESULT_TAG[item.result] ?? 'default'} plain={item.result === CheckResult.NotApplicable}>
                  {CHECK_RESULT_LABELS[item.result] ?? item.result}
                </Tag>
              </View>
              <View className="detail__text">{def?.text ?? item.code}</View>
              {failed ? (
                <View className="detail__problem">
                  <View>{`问题：${item.problem ?? ''}`}</View>
                  <View>{`措施：${item.measure ?? ''}`}</View>
                  <View>{`当场整改：${item.fixedOnSpot ? '是' : '否'}`}</View>
                </View>
              ) : null}
            </View>
          );
        })}
      </View>

      {check.remarks ? (
        <View className="card detail__remarks">
          <View className="card__subtitle">备注</View>
          <View>{check.remarks}</View>
        </View>
      ) : null}
    </View>
  );
}
