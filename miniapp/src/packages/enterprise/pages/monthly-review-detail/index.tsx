import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { api } from '../../../../api';
import { PageContainer } from '../../../../components/PageContainer';
import { useAsync } from '../../../../hooks/useAsync';
import { useSession } from '../../../../hooks/useSession';
import { formatBusinessDate, formatMonth } from '../../../../platform/format';
import { MonthlyReportCard, SignedLine } from '../../components/PeriodViews';
import { ReturnedRecordBanner } from '../../components/ReturnedRecordBanner';

function ListCard({ title, items }: { title: string; items: readonly string[] }) {
  return (
    <View>
      <View className="section-title">{title}</View>
      <View className="card">
        {items.length === 0 ? <View className="muted">无</View> : null}
        {items.map((t, i) => (
          <View key={i} className="pv__list-line">{`${i + 1}. ${t}`}</View>
        ))}
      </View>
    </View>
  );
}

/** One submitted 月调度 minutes (?id=), with the director's report as frozen. */
export default function MonthlyReviewDetailPage() {
  const { session } = useSession();
  const id = useRouter().params.id ?? '';
  const state = useAsync(() => (id ? api.monthlyReviews.get(id) : Promise.reject(new Error('缺少纪要编号'))), [id], { enabled: !!session });
  const m = state.data;
  return (
    <PageContainer loading={state.loading && !m} error={state.error} onRetry={() => void state.reload()}>
      {m ? (
        <View>
          <ReturnedRecordBanner recordType="monthly_review" record={m} />
          <View className="card">
            <View className="row row--between">
              <View className="card__title">{m.enterpriseName}</View>
              {m.version > 1 ? <Tag type="primary">{`第 ${m.version} 版`}</Tag> : null}
            </View>
            <View className="muted">{`月调度会议纪要 · ${formatMonth(m.month)}`}</View>
            <View className="muted">{`会议日期：${formatBusinessDate(m.meetingDate)}`}</View>
            <View className="muted">{`会议地点：${m.place}`}</View>
            <View className="muted">{`主持人：${m.chairName}`}</View>
            <SignedLine name={m.chairName} at={m.submittedAt} late={m.late} />
            {m.amendReason ? <View className="muted">{`更正原因：${m.amendReason}`}</View> : null}
          </View>
          <MonthlyReportCard report={m.report} />
          <ListCard title="参会人员" items={m.attendees} />
          <View className="section-title">会议内容</View>
          <View className="card">{m.discussion}</View>
          <ListCard title="会议决定" items={m.decisions} />
          <ListCard title="下月工作安排" items={m.nextMonthWork} />
        </View>
      ) : null}
    </PageContainer>
  );
}
