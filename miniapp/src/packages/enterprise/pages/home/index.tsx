import { View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { ENTERPRISE_STATUS_LABELS, EnterpriseStatus, ROLE_LABELS, Role, type EnterpriseDto, type MyTodosResponse, type TodayDutyResponse } from '@shian/shared';
import { api } from '../../../../api';
import { CheckStatusTags } from '../../../../components/CheckStatusTags';
import { OutboxBanner } from '../../../../components/OutboxBanner';
import { PageContainer } from '../../../../components/PageContainer';
import { useAsync, type AsyncState } from '../../../../hooks/useAsync';
import { readDraft } from '../../../../hooks/useDailyCheckDraft';
import { useSession } from '../../../../hooks/useSession';
import { useDownload } from '../../../../hooks/useDownload';
import { formatBusinessDate, formatShanghaiDateTime } from '../../../../platform/format';
import { navigateTo } from '../../../../platform/nav';
import { loadRiskList, riskListCounts } from '../../risk-list';
import { PeriodDutyCards, staffingTodoCount, todoCount } from '../../duty';
import { RectificationHomeCard } from '../../components/RectificationTodos';
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

/** 公示牌: the A4 poster for the shop wall, whose QR code opens the business's public page (and 投诉举报). */
function PosterCard({ enterprise }: { enterprise: EnterpriseDto }) {
  const poster = useDownload();
  return (
    <View className="card">
      <View className="card__title">公示牌</View>
      <View className="muted">A4 公示牌，打印后张贴在经营场所醒目位置；顾客扫码可查看日管控记录、整改情况并投诉举报。</View>
      <View className="actions">
        <Button block type="primary" fill="outline" loading={poster.busy} onClick={() => void poster.download(() => api.directory.posterSrc(enterprise.id), `公示牌-${enterprise.name}.pdf`)}>
          下载公示牌（PDF）
        </Button>
      </View>
    </View>
  );
}

/** 企业尚未通过审核 / 未通过审核: why nothing can be submitted yet, and what can be done meanwhile. */
function StatusBanner({ enterprise }: { enterprise: EnterpriseDto }) {
  const rejected = enterprise.status === EnterpriseStatus.Rejected;
  return (
    <View className={`ent-home__banner ent-home__banner--${enterprise.status}`}>
      <View className="ent-home__status">
        <View className="ent-home__banner-title">{rejected ? '企业登记未通过审核' : '企业尚未通过审核'}</View>
        <Tag type={rejected ? 'danger' : 'warning'}>{ENTERPRISE_STATUS_LABELS[enterprise.status]}</Tag>
      </View>
      {rejected ? (
        <>
          <View className="ent-home__banner-text">{`驳回原因：${enterprise.rejectReason ?? '未说明'}`}</View>
          <View className="ent-home__banner-text">如有疑问，请联系所在地市场监管部门。</View>
        </>
      ) : (
        <View className="ent-home__banner-text">
          所在地市场监管部门审核通过并核定风险等级后，才能提交每日检查等记录。审核期间可以邀请食品安全总监和食品安全员、上传资质证明。
        </View>
      )}
    </View>
  );
}

/** 人员与资质 at a glance: what the business lacks, opening the roster (where officers upload their own papers). */
function StaffCard({ enterpriseId, role }: { enterpriseId: string; role: Role }) {
  const staff = useAsync(() => api.enterprises.staff(enterpriseId), [enterpriseId], { reloadOnShow: true });
  const data = staff.data;
  return (
    <View className="card ent-home__staff" onClick={() => navigateTo('enterprise.staff')}>
      <View className="ent-home__status">
        <View className="card__title ent-home__risk-title">人员与资质</View>
        {data ? data.lacks.length > 0 ? <Tag type="danger">{`尚缺 ${data.lacks.length} 项`}</Tag> : <Tag type="success">配备齐全</Tag> : null}
      </View>
      {data ? (
        <>
          {data.lacks.map((gap) => (
            <View key={gap.code} className="ent-home__lack">
              {gap.message}
            </View>
          ))}
          <View className="muted">{`在任 ${data.current.length} 人：${data.current.map((m) => `${m.name}（${ROLE_LABELS[m.role]}）`).join('、')}`}</View>
        </>
      ) : (
        <View className="muted">{staff.error ? `人员加载失败：${staff.error}` : '加载中…'}</View>
      )}
      <View className="link ent-home__line">{role === Role.Principal && data?.status !== EnterpriseStatus.Rejected ? '查看人员与资质、邀请人员 ›' : '查看人员与资质 ›'}</View>
    </View>
  );
}

/** Today's daily check, the to-do list and this week's / month's records: the duties of a confirmed business. */
function Duties(props: { data: TodayDutyResponse; todos: AsyncState<MyTodosResponse>; role: Role; hasDraft: boolean }) {
  const { data, todos, role, hasDraft } = props;
  const check = data.dailyCheck;
  // Only the food-safety officer submits the daily check (the server enforces it too).
  const canSubmit = role === Role.Officer;
  const managesStaff = role === Role.Director || role === Role.Principal;
  return (
    <>
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

      {managesStaff ? (
        <View className="card ent-home__todo" onClick={() => navigateTo('enterprise.todos')}>
          <View className="ent-home__status">
            <View className="card__title ent-home__risk-title">待办</View>
            {todos.data ? (
              <Tag type={todoCount(todos.data) > 0 ? 'danger' : 'success'}>{`${todoCount(todos.data)} 项`}</Tag>
            ) : null}
          </View>
          {todos.data ? (
            <>
              <View className="muted">{`待整改问题 ${todos.data.openProblems.length} 个`}</View>
              {staffingTodoCount(todos.data) > 0 ? <View className="muted">{`资质证明、抽查考核待处理 ${staffingTodoCount(todos.data)} 项`}</View> : null}
            </>
          ) : (
            <View className="muted">{todos.error ? `待办加载失败：${todos.error}` : '加载中…'}</View>
          )}
          <View className="link ent-home__line">查看待办 ›</View>
        </View>
      ) : null}

      <RectificationHomeCard todos={todos} />

      <StaffCard enterpriseId={data.enterprise.id} role={role} />

      {todos.data ? (
        <>
          <View className="section-title">本周 / 本月任务</View>
          <PeriodDutyCards todos={todos.data} role={role} />
        </>
      ) : null}
    </>
  );
}

/** Enterprise home: today's duty (the daily check) at a glance, and the list it asks. */
export default function EnterpriseHomePage() {
  const { session, logout } = useSession();
  const today = useAsync(() => api.enterprises.mineToday(), [], { reloadOnShow: true, enabled: !!session });
  const data = today.data;
  const check = data?.dailyCheck ?? null;
  const todos = useAsync(() => api.todos.mine(), [], { reloadOnShow: true, enabled: !!session });
  // A business its regulator has not confirmed submits nothing: its duties are not shown yet.
  const active = data?.enterprise.status === EnterpriseStatus.Active;
  const hasDraft = !!(session && data && !check && readDraft(session.user.id, data.businessDate));

  return (
    <PageContainer loading={today.loading && !data} error={data ? null : today.error} onRetry={() => void today.reload()}>
      {data && session ? (
        <View>
          <View className="card ent-home__header">
            <View className="ent-home__name">{data.enterprise.name}</View>
            <View className="ent-home__meta">{`${session.user.name} · ${ROLE_LABELS[session.user.role] ?? ''}`}</View>
            <View className="ent-home__meta">{`今日：${formatBusinessDate(data.businessDate)}${data.enterprise.grade ? ` · 风险等级 ${data.enterprise.grade} 级` : ''}`}</View>
          </View>

          {active ? null : <StatusBanner enterprise={data.enterprise} />}
          {active ? null : <StaffCard enterpriseId={data.enterprise.id} role={session.user.role} />}
          <OutboxBanner userId={session.user.id} />
          {active ? (
            <Duties data={data} todos={todos} role={session.user.role} hasDraft={hasDraft} />
          ) : null}

          <RiskListCard userId={session.user.id} />

          {active ? <PosterCard enterprise={data.enterprise} /> : null}

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
