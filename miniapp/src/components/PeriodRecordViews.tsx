// The weekly investigation (周排查) and monthly review (月调度) as submitted: the business's own record
// pages and the officials' show them the same way, each role adding its own parts around them.
import { View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { MonthlyReviewDto, WeeklyInvestigationDto } from '@shian/shared';
import { api } from '../api';
import { formatBusinessDate, formatMonth, formatWeek } from '../platform/format';
import { RecordItemsView } from './DailyCheckDetailView';
import { MonthlyReportCard, SignedLine, WeeklySummaryCard } from './PeriodViews';
import { RecordDetailPage, type RecordPageSlots } from './RecordDetailPage';
import { RecordPhotos } from './RecordPhotos';
import { RecordVersionList } from './RecordVersionList';

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

/** The record's header card: business, what and when, who signed, the amendment, a superseded version said so. */
function RecordHead({ record, lines, signer }: { record: WeeklyInvestigationDto | MonthlyReviewDto; lines: string[]; signer: string }) {
  return (
    <View className="card">
      <View className="row row--between">
        <View className="card__title">{record.enterpriseName}</View>
        {record.version > 1 ? <Tag type="primary">{`第 ${record.version} 版`}</Tag> : null}
      </View>
      {lines.map((l) => (
        <View key={l} className="muted">
          {l}
        </View>
      ))}
      <SignedLine name={signer} at={record.submittedAt} late={record.late} />
      {record.amendReason ? <View className="detail__amend">{`更正原因：${record.amendReason}`}</View> : null}
      {record.isCurrent ? null : <View className="detail__superseded">此版本已被更正，以最新版本为准</View>}
    </View>
  );
}

interface ViewProps<T> {
  versions?: T[];
  onOpenVersion?: (id: string) => void;
}

/** One submitted 周排查 report: the frozen summary, hazards, measures, resolutions, next week, items, versions. */
export function WeeklyInvestigationView({ w, versions, onOpenVersion }: { w: WeeklyInvestigationDto } & ViewProps<WeeklyInvestigationDto>) {
  return (
    <View>
      <RecordHead record={w} signer={w.investigatorName} lines={[`每周排查治理报告 · ${formatWeek(w.week)}`, `依据：风险管控清单第 ${w.riskListVersion} 版`]} />
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
          <View key={r.problemId} className="pv__list-line">
            <View>{`${formatBusinessDate(r.businessDate)}：${r.description}`}</View>
            <View className="muted">{`整改情况：${r.resolution}`}</View>
          </View>
        ))}
      </View>

      <View className="section-title">下周工作要求</View>
      <View className="card">{w.nextWeekRequirements}</View>

      <View className="section-title">排查项目</View>
      <RecordItemsView items={w.items} />
      {versions && versions.length > 1 ? <RecordVersionList versions={versions} shownId={w.id} signer={(v) => v.investigatorName} onOpen={onOpenVersion} /> : null}
    </View>
  );
}

/** One submitted 月调度 minutes, with the director's report as frozen, and its versions. */
export function MonthlyReviewView({ m, versions, onOpenVersion }: { m: MonthlyReviewDto } & ViewProps<MonthlyReviewDto>) {
  return (
    <View>
      <RecordHead
        record={m}
        signer={m.chairName}
        lines={[`月调度会议纪要 · ${formatMonth(m.month)}`, `会议日期：${formatBusinessDate(m.meetingDate)}`, `会议地点：${m.place}`, `主持人：${m.chairName}`]}
      />
      <MonthlyReportCard report={m.report} />
      <ListCard title="参会人员" items={m.attendees} />
      <View className="section-title">会议内容</View>
      <View className="card">{m.discussion}</View>
      <ListCard title="会议决定" items={m.decisions} />
      <ListCard title="下月工作安排" items={m.nextMonthWork} />
      {versions && versions.length > 1 ? <RecordVersionList versions={versions} shownId={m.id} signer={(v) => v.chairName} onOpen={onOpenVersion} /> : null}
    </View>
  );
}

/** One 周排查 report (?id=) with its versions, for the business's and the officials' page. */
export function WeeklyInvestigationDetailPage(slots: RecordPageSlots<WeeklyInvestigationDto>) {
  return (
    <RecordDetailPage
      {...slots}
      get={api.weeklyInvestigations.get}
      versions={api.weeklyInvestigations.versions}
      missingId="缺少报告编号"
      render={(w, versions, open) => <WeeklyInvestigationView w={w} versions={versions} onOpenVersion={open} />}
    />
  );
}

/** One 月调度 minutes (?id=) with its versions, for the business's and the officials' page. */
export function MonthlyReviewDetailPage(slots: RecordPageSlots<MonthlyReviewDto>) {
  return (
    <RecordDetailPage
      {...slots}
      get={api.monthlyReviews.get}
      versions={api.monthlyReviews.versions}
      missingId="缺少纪要编号"
      render={(m, versions, open) => <MonthlyReviewView m={m} versions={versions} onOpenVersion={open} />}
    />
  );
}
