import { View } from '@tarojs/components';
import { PageContainer } from '../../../../components/PageContainer';
import { useAsync } from '../../../../hooks/useAsync';
import { useSession } from '../../../../hooks/useSession';
import { api } from '../../../../api';
import { formatBusinessDate } from '../../../../platform/format';
import { ProblemCard } from '../../../../components/PeriodViews';
import { StaffingTodoCards } from '../../components/StaffingTodos';
import { RectificationTodoCards } from '../../components/RectificationTodos';
import { PeriodDutyCards, todoCount } from '../../duty';

/** 我的待办: open problems (not fixed on the spot), papers to renew or re-upload, failed spot exams, and this week's / month's record. */
export default function TodosPage() {
  const { session } = useSession();
  const todos = useAsync(() => api.todos.mine(), [], { reloadOnShow: true, enabled: !!session });
  const data = todos.data;
  return (
    <PageContainer loading={todos.loading && !data} error={data ? null : todos.error} onRetry={() => void todos.reload()}>
      {data && session ? (
        <View>
          <View className="card">
            <View className="card__title">{`待办 ${todoCount(data)} 项`}</View>
            <View className="muted">{`今日：${formatBusinessDate(data.today)}`}</View>
          </View>
          <View className="section-title">{`待整改问题（${data.openProblems.length}）`}</View>
          {data.openProblems.length === 0 ? <View className="card muted">暂无待整改问题</View> : null}
          {data.openProblems.map((p) => (
            <ProblemCard key={p.id} problem={p} />
          ))}
          <RectificationTodoCards todos={data} />
          <StaffingTodoCards todos={data} />
          <View className="section-title">本周 / 本月任务</View>
          <PeriodDutyCards todos={data} role={session.user.role} />
        </View>
      ) : null}
    </PageContainer>
  );
}
