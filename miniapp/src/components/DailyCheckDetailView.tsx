import { View, Text } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { CHECK_RESULT_LABELS, CheckResult, type DailyCheckDto, type DailyCheckItemRecord } from '@shian/shared';
import { formatBusinessDate, formatShanghaiDateTime } from '../platform/format';
import { CheckStatusTags } from './CheckStatusTags';
import { RecordPhotos } from './RecordPhotos';
import { RecordVersionList } from './RecordVersionList';
import './DailyCheckDetailView.css';

const RESULT_TAG: Record<CheckResult, 'success' | 'danger' | 'default'> = {
  [CheckResult.Pass]: 'success',
  [CheckResult.Fail]: 'danger',
  [CheckResult.NotApplicable]: 'default',
};

/** The record's items by 环节, in the order answered; the texts are the record's own, as asked then. */
function byStage(items: readonly DailyCheckItemRecord[]): Array<{ stage: string; items: DailyCheckItemRecord[] }> {
  const groups: Array<{ stage: string; items: DailyCheckItemRecord[] }> = [];
  for (const item of items) {
    const stage = item.stage || '其他';
    let group = groups.find((g) => g.stage === stage);
    if (!group) groups.push((group = { stage, items: [] }));
    group.items.push(item);
  }
  return groups;
}

/** A record's answered items by 环节, with problems, measures and photos (daily check, weekly investigation). */
export function RecordItemsView({ items }: { items: readonly DailyCheckItemRecord[] }) {
  return (
    <View>
      {byStage(items).map((group) => (
        <View key={group.stage}>
          <View className="section-title">{group.stage}</View>
          <View className="detail__list">
            {group.items.map((item) => {
              const failed = item.result === CheckResult.Fail;
              return (
                <View key={item.code} className="detail__item">
                  <View className="detail__item-head">
                    <Text className="detail__code">{item.code}</Text>
                    <Tag type={RESULT_TAG[item.result] ?? 'default'} plain={item.result === CheckResult.NotApplicable}>
                      {CHECK_RESULT_LABELS[item.result] ?? item.result}
                    </Tag>
                  </View>
                  <View className="detail__text">{item.question || item.code}</View>
                  {failed ? (
                    <View className="detail__problem">
                      <View>{`问题：${item.problem ?? ''}`}</View>
                      <View>{`措施：${item.measure ?? ''}`}</View>
                      <View>{`当场整改：${item.fixedOnSpot ? '是' : '否'}`}</View>
                    </View>
                  ) : null}
                  {item.photoIds?.length ? <RecordPhotos ids={item.photoIds} /> : null}
                </View>
              );
            })}
          </View>
    </View>
  ))}
    </View>
  );
}

export interface DailyCheckDetailViewProps {
  check: DailyCheckDto;
  /** Every version of the record's date, oldest first (when loaded). */
  versions?: DailyCheckDto[];
  /** Opens another version. */
  onOpenVersion?: (id: string) => void;
}

/** One submitted daily check: header, every item with its result, problems and measures, and its versions. */
export function DailyCheckDetailView({ check, versions, onOpenVersion }: DailyCheckDetailViewProps) {
  const showVersions = !!versions && (check.version > 1 || versions.length > 1);
  return (
    <View>
      <View className="card">
        <View className="detail__title-row">
          <View className="card__title">{check.enterpriseName}</View>
          {check.version > 1 || (versions?.length ?? 0) > 1 ? <Tag type="primary">{`第 ${check.version} 版`}</Tag> : null}
        </View>
        <View className="muted">{`检查日期：${formatBusinessDate(check.businessDate)}`}</View>
        <View className="muted">{`检查人：${check.officerName}`}</View>
        <View className="muted">{`提交时间：${formatShanghaiDateTime(check.submittedAt)}`}</View>
        <View className="muted">{`依据：风险管控清单第 ${check.riskListVersion} 版`}</View>
        {check.amendReason ? <View className="detail__amend">{`更正原因：${check.amendReason}`}</View> : null}
        {check.isCurrent ? null : <View className="detail__superseded">此版本已被更正，以最新版本为准</View>}
        <View className="detail__tags">
          <CheckStatusTags check={check} />
        </View>
      </View>

      <RecordItemsView items={check.items} />

      {check.remarks ? (
        <View className="card detail__remarks">
          <View className="card__subtitle">备注</View>
          <View>{check.remarks}</View>
        </View>
      ) : null}

      {showVersions ? <RecordVersionList versions={versions} shownId={check.id} signer={(v) => v.officerName} onOpen={onOpenVersion} /> : null}
    </View>
  );
}
