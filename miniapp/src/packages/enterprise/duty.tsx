// This week's 周排查 and this month's 月调度 state, shown on the home and the to-do page.
import { View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { Role, businessDateOf, type MyTodosResponse } from '@shian/shared';
import { formatBusinessDate, formatMonth, formatWeek } from '../../platform/format';
import { navigateTo } from '../../platform/nav';
import './duty.css';

/** '请于 2026年11月29日 前提交': the last business day before the (exclusive) due instant. */
function dueText(dueBy: string): string {
  const t = Date.parse(dueBy);
  return Number.isNaN(t) ? '' : `请于 ${formatBusinessDate(businessDateOf(new Date(t - 1)))} 前提交`;
}

/** Who submits the week's report: the director (or the officer where the business has none). */
export function canSubmitWeekly(role: Role): boolean {
  return role === Role.Director || role === Role.Officer;
}

/** 待办 count: open problems, the period records still due, the papers to renew or re-upload and failed spot exams, returned records and orders to answer. */
export function todoCount(todos: MyTodosResponse): number {
  return (
    todos.openProblems.length +
    (todos.weekly.due ? 1 : 0) +
    (todos.monthly.due ? 1 : 0) +
    staffingTodoCount(todos) +
    todos.returnedRecords.length +
    todos.rectifications.length
  );
}

/** The 三人三责 part of the to-do list: credentials expiring or rejected, spot exams failed. */
export function staffingTodoCount(todos: MyTodosResponse): number {
  return todos.expiringCredentials.length + todos.rejectedCredentials.length + todos.spotExamFailures.length;
}

export function PeriodDutyCards({ todos, role }: { todos: MyTodosResponse; role: Role }) {
  const { weekly, monthly } = todos;
  return (
    <View>
      <View
        className="card duty duty--weekly"
        onClick={() =>
          weekly.investigationId
            ? navigateTo('enterprise.weeklyInvestigationDetail', { id: weekly.investigationId })
            : navigateTo('enterprise.weeklyInvestigation', { week: weekly.week })
        }
      >
        <View className="duty__head">
          <View className="card__title duty__title">每周排查（周排查）</View>
          {weekly.investigationId ? <Tag type="success">已完成</Tag> : <Tag type="warning">待完成</Tag>}
        </View>
        <View className="muted">{formatWeek(weekly.week)}</View>
        {weekly.investigationId ? (
          <View className="link duty__line">查看本周报告 ›</View>
        ) : (
          <>
            <View className="muted duty__line">{dueText(weekly.dueBy)}</View>
            <View className="link duty__line">{canSubmitWeekly(role) ? '填写本周排查 ›' : '查看本周情况 ›'}</View>
          </>
        )}
      </View>
      <View
        className="card duty duty--monthly"
        onClick={() =>
          monthly.reviewId
            ? navigateTo('enterprise.monthlyReviewDetail', { id: monthly.reviewId })
            : navigateTo('enterprise.monthlyReview', { month: monthly.month })
        }
      >
        <View className="duty__head">
          <View className="card__title duty__title">月度调度（月调度）</View>
          {monthly.reviewId ? <Tag type="success">已完成</Tag> : <Tag type="warning">待完成</Tag>}
        </View>
        <View className="muted">{formatMonth(monthly.month)}</View>
        {monthly.reviewId ? (
          <View className="link duty__line">查看本月纪要 ›</View>
        ) : (
          <>
            <View className="muted duty__line">{dueText(monthly.dueBy)}</View>
            <View className="link duty__line">{role === Role.Principal ? '填写本月调度纪要 ›' : '查看本月情况 ›'}</View>
          </>
        )}
      </View>
    </View>
  );
}
