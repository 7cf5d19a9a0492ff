// The weekly and monthly records' parts (summaries, problems, signed-by line): the business's to-do,
// forms and record pages and the officials' record pages show them.
import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { DayStats, MonthlyReport, PeriodProblemEntry, ProblemDto, ProblemStats, WeeklySummary } from '@shian/shared';
import { formatBusinessDate, formatShanghaiDateTime, formatWeek } from '../platform/format';
import './PeriodViews.css';

const PROBLEM_STATUS_LABELS: Record<string, string> = { open: '待整改', resolved: '已整改', superseded: '已更正' };

/** 'label value' in one row. */
export function StatRow({ label, value }: { label: string; value: string }) {
  return (
    <View className="pv__row">
      <Text className="pv__label">{label}</Text>
      <Text className="pv__value">{value}</Text>
    </View>
  );
}

export function DayStatsRows({ days }: { days: DayStats }) {
  return (
    <View>
      <StatRow label="应检查天数" value={`${days.daysToDate} 天`} />
      <StatRow label="已检查" value={`${days.checked} 天`} />
      <StatRow label="逾期提交" value={`${days.late} 天`} />
      <StatRow label="漏检" value={`${days.missed} 天`} />
      {days.pending > 0 ? <StatRow label="今日待检查" value={`${days.pending} 天`} /> : null}
    </View>
  );
}

export function ProblemStatsLine({ problems }: { problems: ProblemStats }) {
  return (
    <View className="pv__problem-stats">{`发现问题 ${problems.found} 个，已整改 ${problems.fixed} 个，待整改 ${problems.open} 个`}</View>
  );
}

/** One problem of the to-do or of a period summary: date, item, description, measure, state. */
export function ProblemCard({ problem, children }: { problem: ProblemDto | PeriodProblemEntry; children?: ReactNode }) {
  const measure = 'measureTaken' in problem ? problem.measureTaken : null;
  return (
    <View className="pv__problem">
      <View className="pv__problem-head">
        <Text className="pv__problem-date">{formatBusinessDate(problem.businessDate)}</Text>
        {problem.itemCode ? <Text className="pv__problem-code">{problem.itemCode}</Text> : <Text className="pv__problem-code">周排查隐患</Text>}
        <View className="pv__problem-tags">
          {problem.fixedOnSpot ? <Tag type="success" plain>已当场整改</Tag> : <Tag type="danger" plain>未当场整改</Tag>}
          <Tag type={problem.status === 'open' ? 'warning' : 'success'}>{PROBLEM_STATUS_LABELS[problem.status] ?? problem.status}</Tag>
        </View>
      </View>
      <View className="pv__problem-text">{`问题：${problem.description}`}</View>
      {measure ? <View className="pv__problem-measure">{`措施：${measure}`}</View> : null}
      {problem.resolution ? <View className="pv__problem-measure">{`整改情况：${problem.resolution}`}</View> : null}
      {children}
    </View>
  );
}

/** The week's automatic summary (日管控情况): shown before submitting, frozen into the report. */
export function WeeklySummaryCard({ summary }: { summary: WeeklySummary }) {
  return (
    <View className="card pv__summary">
      <View className="card__title">本周日管控情况</View>
      <View className="muted">{`${formatWeek(summary.week)} · 截至 ${formatBusinessDate(summary.asOf)}`}</View>
      <DayStatsRows days={summary.days} />
      <ProblemStatsLine problems={summary.problems} />
      {summary.problemList.map((p) => (
        <ProblemCard key={p.id} problem={p} />
      ))}
    </View>
  );
}

/** 总监汇报: the month's daily checks, weekly investigations and problems. */
export function MonthlyReportCard({ report }: { report: MonthlyReport }) {
  return (
    <View className="card pv__summary">
      <View className="card__title">食品安全总监工作汇报</View>
      <View className="muted">{`${formatBusinessDate(report.from)}–${formatBusinessDate(report.to)} · 截至 ${formatBusinessDate(report.asOf)}`}</View>
      <DayStatsRows days={report.days} />
      <StatRow label="周排查" value={`已完成 ${report.weeklyDone} / ${report.weeks.length} 周`} />
      <ProblemStatsLine problems={report.problems} />
      {report.weeks.map((w) => (
        <View key={w.week} className="pv__week">
          <View className="pv__row">
            <Text className="pv__label">{formatWeek(w.week)}</Text>
            {w.investigationId ? <Tag type="success">已排查</Tag> : <Tag type="warning">未排查</Tag>}
          </View>
          {w.investigatorName ? <View className="muted">{`排查人：${w.investigatorName}${w.late ? '（逾期）' : ''}`}</View> : null}
          {w.hazards.length ? <View className="muted">{`隐患：${w.hazards.join('；')}`}</View> : null}
        </View>
      ))}
    </View>
  );
}

/** Signed-by line of a submitted record. */
export function SignedLine({ name, at, late }: { name: string; at: string; late: boolean }) {
  return (
    <View className="muted">
      {`签字确认：${name} · ${formatShanghaiDateTime(at)}`}
      {late ? <Tag type="warning" className="pv__late">逾期</Tag> : null}
    </View>
  );
}
