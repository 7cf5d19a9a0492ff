import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { api } from '../../../../api';
import { RecordItemsView } from '../../../../components/DailyCheckDetailView';
import { PageContainer } from '../../../../components/PageContainer';
import { RecordPhotos } from '../../../../components/RecordPhotos';
import { useAsync } from '../../../../hooks/useAsync';
import { useSession } from '../../../../hooks/useSession';
import { formatBusinessDate, formatWeek } from '../../../../platform/format';
import { SignedLine, WeeklySummaryCard } from '../../components/PeriodViews';
import { ReturnedRecordBanner } from '../../components/ReturnedRecordBanner';

/** One submitted 周排查 report (?id=): the frozen summary, items, hazards, measures, resolutions. */
export default function WeeklyInvestigationDetailPage() {
  const { session } = useSession();
  const id = useRouter().params.id ?? '';
  const state = useAsync(
    () => (id ? api.weeklyInvestigations.get(id) : Promise.reject(new Error('缺少报告编号'))),
    [id],
    { enabled: !!session },
  );
  const w = state.data;
  return (
    <PageContainer loading={state.loading && !w} error={state.error} onRetry={() => void state.reload()}>
      {w ? (
        <View>
          <ReturnedRecordBanner recordType="weekly_investigation" record={w} />
          <View className="card">
            <View className="row row--between">
              <View className="card__title">{w.enterpriseName}</View>
              {w.version > 1 ? <Tag type="primary">{`第 ${w.version} 版`}</Tag> : null}
            </View>
            <View className="muted">{`每周排查治理报告 · ${formatWeek(w.week)}`}</View>
            <View className="muted">{`依据：风险管控清单第 ${w.riskListVersion} 版`}</View>
            <SignedLine name={w.investigatorName} at={w.submittedAt} late={w.late} />
            {w.amendReason ? <View className="muted">{`更正原因：${w.amendReason}`}</View> : null}
          </View>

          <WeeklySummaryCard summary={w.summary} />

          <View className="section-title">{`本周发现的隐患（${w.hazards.length}）`}</View>
          <View className="card">
            {w.hazards.length === 0 ? <View className="muted">无</View> : null}
            {w.hazards.map((h, i) => (
              <View key={i} className="pv__list-line">
                {`${i + 1}. ${h.description}`}
                {h.photoIds?.length ? <RecordPhotos ids={h.photoIds} /> : null}
              </View>
            ))}
          </View>

          <View className="section-title">{`整改措施（${w.measures.length}）`}</View>
          <View className="card">
            {w.measures.length === 0 ? <View className="muted">无</View> : null}
            {w.measures.map((m, i) => (
              <View key={i} className="pv__list-line">{`${i + 1}. ${m.description}（责任人：${m.owner}，期限：${formatBusinessDate(m.deadline)}）`}</View>
            ))}
          </View>

          <View className="section-title">{`本次整改完毕的问题（${w.resolutions.length}）`}</View>
          <View className="card">
            {w.resolutions.length === 0 ? <View className="muted">无</View> : null}
            {w.resolutions.map((r) => (
              <View key={r.problemId} className="pv__list-line wd__resolution">
                <View>{`${formatBusinessDate(r.businessDate)}：${r.description}`}</View>
                <View className="muted">{`整改情况：${r.resolution}`}</View>
              </View>
            ))}
          </View>

          <View className="section-title">下周工作要求</View>
          <View className="card">{w.nextWeekRequirements}</View>

          <View className="section-title">排查项目</View>
          <RecordItemsView items={w.items} />
        </View>
      ) : null}
    </PageContainer>
  );
}
