import { View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { ROLE_LABELS, Role } from '@shian/shared';
import { api } from '../../../../api';
import { CheckStatusTags } from '../../../../components/CheckStatusTags';
import { OutboxBanner } from '../../../../components/OutboxBanner';
import { PageContainer } from '../../../../components/PageContainer';
import { useAsync } from '../../../../hooks/useAsync';
import { readDraft } from '../../../../hooks/useDailyCheckDraft';
import { useSession } from '../../../../hooks/useSession';
import { formatBusinessDate, formatShanghaiDateTime } from '../../../../platform/format';
import { navigateTo } from '../../../../platform/nav';
import { loadRiskList, riskListCounts } from '../../risk-list';
import { PeriodDutyCards, todoCount } from '../../duty';
import './index.css';

/** The 风险管控清单 the daily check asks: its version and counts, opening the list page. */
function RiskListCard({ userId }: { userId: string }) {
  // Through the cache: opening the home page online keeps the list ready for an offline check.
  const list = useAsync(() => loadRiskList(userId), [userId], { reloadOnShow: true });
  const counts = list.data ? riskListCounts(list.data.items) : null;
  return (
    <View className="card ent-home__risk" onClick={() => navigateTo('enterprise.riskList')}>
      <View className="ent-home__status">
        <View className="card__title ent-home__risk-title">风险管控清单</View>
        {list.data ? <Tag type="primary">{`第 ${list.data.version} 版`}</Tag> : null}
      </View>
      {counts ? (
        <View className="muted">{`日管控 ${counts.daily} 项 / 周排查 ${counts.weekly} 项 / 不适用 ${counts.notApplicable} 项`}</View>
      ) : (
        <View className="muted">{list.error ? `清单加载失败：${list.error}` : '加载中…'}</View>
      )}
      {list.data?.offline ? <View className="muted">网络不可用，显示本机保存的清单</View> : null}
      <View className="link ent-home__line">查看清单 ›</View>
    </View>
  );
}

/** Enterprise home: today's duty (the daily check) at a glance, and the list it asks. */
export default function EnterpriseHomePage() {
  const { session, logout } = useSession();
  const today = useAsync(() => api.enterprises.mineToday(), [], { reloadOnShow: true, enabled: !!session });
  const data = today.data;
  const check = data?.dailyCheck ?? null;
  // Only the food-safety officer submits the daily check (the server enforces it too).
  const canSubmit = session?.user.role === Role.Officer;
  const todos = useAsync(() => api.todos.mine(), [], { reloadOnShow: true, enabled: !!session });
  const role = session?.user.role;
  const showTodoCard = role === Role.Director || role === Role.Principal;
  const hasDraft = !!(session && data && !check && readDraft(session.user.id, data.businessDate));

  return (
    <PageContainer loading={today.loading && !data} error={data ? null : today.error} onRetry={() => void today.reload()}>
      {data && session ? (
        <View>
          <View className="card ent-home__header">
            <View className="ent-home__name">{data.enterprise.name}</View>
            <View className="ent-home__meta">{`${session.user.name} · ${ROLE_LABELS[session.user.role] ?? ''}`}</View>
            <View className="ent-home__meta">{`今日：${formatBusinessDate(data.businessDate)}`}</View>
          </View>

          <OutboxBanner userId={session.user.id} />
          <View className="section-title">今日任务</View>
          <View className="card">
            <View className="card__title">每日食品安全检查（日管控）</View>
            <View className="ent-home__status">
              <View className="ent-home__status-label">检查状态</View>
              {check ? <Tag type="success">已提交</Tag> : <Tag type="warning">未提交</Tag>}
            </View>
            {check ? (
              <View>
                <View className="muted ent-home__line">{`提交时间：${formatShanghaiDateTime(check.submittedAt)}`}</View>
                <View className="muted ent-home__line">{`检查人：${check.officerName}`}</View>
                <View className="ent-home__line">
                  <CheckStatusTags check={check} />
                </View>
                <View className="actions">
                  <Button block type="primary" fill="outline" onClick={() => navigateTo('enterprise.dailyCheckDetail', { id: check.id })}>
                    查看今日检查
                  </Button>
                </View>
              </View>
            ) : (
              <View>
                {canSubmit ? (
                  <>
                    <View className="muted">{hasDraft ? '已保存草稿，可继续填写' : '请在今日营业结束前完成检查并提交'}</View>
                    <View className="actions">
                      <Button block type="primary" size="large" onClick={() => navigateTo('enterprise.dailyCheck', { date: data.businessDate })}>
                        填写今日检查
                      </Button>
                    </View>
                  </>
                ) : (
                  <View className="muted">每日检查由食品安全员填写提交，今日尚未提交</View>
                )}
              </View>
            )}
            <View className="link ent-home__calendar" onClick={() => navigateTo('enterprise.calendar')}>
              检查日历 ›
            </View>
          </View>

          {showTodoCard ? (
            <View className="card ent-home__todo" onClick={() => navigateTo('enterprise.todos')}>
              <View className="ent-home__status">
                <View className="card__title ent-home__risk-title">待办</View>
                {todos.data ? (
                  <Tag type={todoCount(todos.data) > 0 ? 'danger' : 'success'}>{`${todoCount(todos.data)} 项`}</Tag>
                ) : null}
              </View>
              {todos.data ? (
                <View className="muted">{`待整改问题 ${todos.data.openProblems.length} 个`}</View>
              ) : (
                <View className="muted">{todos.error ? `待办加载失败：${todos.error}` : '加载中…'}</View>
              )}
              <View className="link ent-home__line">查看待办 ›</View>
            </View>
          ) : null}

          {todos.data ? (
            <>
              <View className="section-title">本周 / 本月任务</View>
              <PeriodDutyCards todos={todos.data} role={session.user.role} />
            </>
          ) : null}

          <RiskListCard userId={session.user.id} />

          <View className="actions">
            <Button block fill="outline" onClick={logout}>
              退出登录
            </Button>
          </View>
        </View>
      ) : null}
    </PageContainer>
  );
}
