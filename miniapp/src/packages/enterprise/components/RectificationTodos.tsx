// What officials' review and rectification orders ask of the business: records returned for
// correction and orders waiting for its answer — on the home page and in 我的待办.
import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { MyTodosResponse, ReturnedRecordTodo, ReviewedRecordType } from '@shian/shared';
import { RectificationOrderRow } from '../../../components/RectificationViews';
import type { AsyncState } from '../../../hooks/useAsync';
import { formatShanghaiDateTime } from '../../../platform/format';
import { navigateTo } from '../../../platform/nav';
import type { RouteName } from '../../../routes';
import './RectificationTodos.css';

const DETAIL_ROUTE: Record<ReviewedRecordType, RouteName> = {
  daily_check: 'enterprise.dailyCheckDetail',
  weekly_investigation: 'enterprise.weeklyInvestigationDetail',
  monthly_review: 'enterprise.monthlyReviewDetail',
};

/** Returned records named on the home card (the rest are on the to-do page). */
const HOME_RETURNED_SHOWN = 3;

/** Returned records and orders waiting for an answer. */
export function rectificationTodoCount(todos: Pick<MyTodosResponse, 'returnedRecords' | 'rectifications'>): number {
  return todos.returnedRecords.length + todos.rectifications.length;
}

/** 整改通知 on the home page: the orders waiting for the business (overdue ones counted), and each returned record, opening it. */
export function RectificationHomeCard({ todos }: { todos: AsyncState<MyTodosResponse> }) {
  const data = todos.data;
  const waiting = data?.rectifications.length ?? 0;
  const overdue = data?.rectifications.filter((o) => o.overdue).length ?? 0;
  return (
    <View className="card ent-rect" onClick={() => navigateTo('enterprise.rectifications')}>
      <View className="row row--between">
        <View className="card__title ent-rect__title">整改通知</View>
        {data ? <Tag type={waiting > 0 ? 'danger' : 'success'}>{waiting > 0 ? `待整改 ${waiting} 份` : '无待整改'}</Tag> : null}
      </View>
      {data ? (
        <>
          {waiting > 0 ? <View className="muted">{`监管部门下发的整改通知 ${waiting} 份待回复${overdue > 0 ? `，其中 ${overdue} 份已逾期` : ''}`}</View> : <View className="muted">暂无待回复的整改通知</View>}
          {data.returnedRecords.slice(0, HOME_RETURNED_SHOWN).map((r) => (
            <View
              key={r.reviewId}
              className="ent-rect__returned"
              onClick={(e) => {
                e.stopPropagation();
                navigateTo(DETAIL_ROUTE[r.recordType], { id: r.recordId });
              }}
            >
              {`${r.title}（${r.recordPeriod} ${r.recordTypeLabel}）›`}
            </View>
          ))}
          {data.returnedRecords.length > HOME_RETURNED_SHOWN ? <View className="ent-rect__returned">{`另有 ${data.returnedRecords.length - HOME_RETURNED_SHOWN} 条被退回的记录，见待办`}</View> : null}
        </>
      ) : (
        <View className="muted">{todos.error ? `加载失败：${todos.error}` : '加载中…'}</View>
      )}
      <View className="link ent-rect__line">查看整改通知 ›</View>
    </View>
  );
}

function ReturnedRecordCard({ todo }: { todo: ReturnedRecordTodo }) {
  return (
    <View className="card rect__returned" onClick={() => navigateTo(DETAIL_ROUTE[todo.recordType], { id: todo.recordId })}>
      <View className="rect__returned-title">{todo.title}</View>
      <View className="muted">{`${todo.recordTypeLabel} · ${todo.recordPeriod}${todo.recordVersion > 1 ? ` · 第 ${todo.recordVersion} 版` : ''}`}</View>
      <View className="muted">{`${todo.reviewerName} 于 ${formatShanghaiDateTime(todo.returnedAt)} 退回`}</View>
      <Text className="link">查看并更正 ›</Text>
    </View>
  );
}

/** The to-do page's part: returned records, then orders to answer (soonest deadline first). */
export function RectificationTodoCards({ todos }: { todos: MyTodosResponse }) {
  return (
    <>
      {todos.returnedRecords.length > 0 ? <View className="section-title">{`被退回的记录（${todos.returnedRecords.length}）`}</View> : null}
      {todos.returnedRecords.map((r) => (
        <ReturnedRecordCard key={r.reviewId} todo={r} />
      ))}
      {todos.rectifications.length > 0 ? <View className="section-title">{`待回复的整改通知（${todos.rectifications.length}）`}</View> : null}
      {todos.rectifications.map((o) => (
        <RectificationOrderRow key={o.id} order={o} showEnterprise={false} onClick={() => navigateTo('enterprise.rectificationDetail', { id: o.id })} />
      ))}
    </>
  );
}
