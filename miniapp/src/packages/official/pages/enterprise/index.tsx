import { useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button, Tag } from '@nutui/nutui-react-taro';
import {
  BUSINESS_TYPE_LABELS,
  ENTERPRISE_STATUS_LABELS,
  EnterpriseStatus,
  MAX_PAGE_SIZE,
  monthKey,
  Role,
  todayInShanghai,
  type DailyCalendarDay,
  type EnterpriseDto,
  type RecordReviewMark,
} from '@shian/shared';
import { api } from '../../../../api';
import { ReviewTag } from '../../../../components/CheckStatusTags';
import { DailyCalendar } from '../../../../components/DailyCalendar';
import { PageContainer } from '../../../../components/PageContainer';
import { currentCredentials } from '../../../../components/roster-rules';
import { RosterMember, StaffingSummary } from '../../../../components/StaffRoster';
import { useAsync } from '../../../../hooks/useAsync';
import { useSession } from '../../../../hooks/useSession';
import { useDownload } from '../../../../hooks/useDownload';
import { useWideLayout } from '../../../../hooks/useWideLayout';
import { formatBusinessDate, formatMonth, formatShanghaiDateTime, formatWeek } from '../../../../platform/format';
import { navigateTo } from '../../../../platform/nav';
import { ComplaintTags, dueText } from '../../components/ComplaintViews';
import { OFFICIAL_RECORD_ROUTES } from '../../components/OfficialRecordPage';
import '../../official.css';
import './index.css';

const RECENT = 5;

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="off-review__line">
      <Text className="off-review__label">{label}</Text>
      <Text className="off-review__value">{children}</Text>
    </View>
  );
}

/** 打印公示牌: the business's A4 poster with its QR code (to the public page and 投诉举报), as a PDF to print. */
function PosterButton({ e }: { e: EnterpriseDto }) {
  const poster = useDownload();
  return (
    <View className="ent-poster">
      <Button size="small" type="primary" fill="outline" loading={poster.busy} onClick={() => void poster.download(() => api.directory.posterSrc(e.id), `公示牌-${e.name}.pdf`)}>
        打印公示牌
      </Button>
      <Text className="muted ent-poster__note">A4 公示牌，含扫码查看企业信息和投诉举报的二维码</Text>
    </View>
  );
}

/** 企业信息: what the licence and the registration say, and where the business is. */
function Profile({ e, poster }: { e: EnterpriseDto; poster: boolean }) {
  const path = useAsync(() => api.directory.regionPath(e.regionCode), [e.regionCode]);
  const place = path.data ? path.data.map((r) => r.name).join(' / ') : (e.regionName ?? e.regionCode);
  return (
    <View className="card ent-profile">
      <View className="ent-profile__head">
        <View className="card__title">{e.name}</View>
        <View className="ent-profile__tags">
          {e.grade ? <Tag type="primary">{`${e.grade}级`}</Tag> : null}
          <Tag type={e.status === EnterpriseStatus.Active ? 'success' : e.status === EnterpriseStatus.Pending ? 'warning' : 'danger'}>{ENTERPRISE_STATUS_LABELS[e.status]}</Tag>
        </View>
      </View>
      <View className="off-review__lines">
        <Line label="统一社会信用代码">{e.uscc}</Line>
        <Line label="许可证编号">{e.licenceNo}</Line>
        <Line label="业态">{BUSINESS_TYPE_LABELS[e.businessType]}</Line>
        <Line label="风险等级">{e.grade ? `${e.grade}级` : '待核定'}</Line>
        <Line label="所在地区">{place}</Line>
        <Line label="经营地址">{e.address}</Line>
        <Line label="联系人">{e.contactName ? `${e.contactName}${e.contactPhone ? `  ${e.contactPhone}` : ''}` : '—'}</Line>
        <Line label="登记时间">{formatShanghaiDateTime(e.registeredAt)}</Line>
        <Line label="确认时间">{e.confirmedAt ? formatShanghaiDateTime(e.confirmedAt) : '—'}</Line>
        {e.rejectReason ? <Line label="驳回原因">{e.rejectReason}</Line> : null}
      </View>
      {poster ? <PosterButton e={e} /> : null}
    </View>
  );
}

/** 人员与资质: the roster with each director's and officer's papers (the regulator's spot exams are on the staff page). */
function Roster({ enterpriseId }: { enterpriseId: string }) {
  const staff = useAsync(() => api.enterprises.staff(enterpriseId), [enterpriseId], { reloadOnShow: true });
  const credentials = useAsync(() => api.credentials.list({ enterpriseId, pageSize: MAX_PAGE_SIZE }), [enterpriseId], { reloadOnShow: true });
  const papers = currentCredentials(credentials.data?.items ?? []);
  return (
    <View className="ent-section">
      <View className="section-title ent-section__title">
        <Text>{`人员与资质${staff.data ? `（${staff.data.current.length}）` : ''}`}</Text>
        <Text className="link" onClick={() => navigateTo('official.staff', { enterpriseId })}>
          任职历史与抽查考核 ›
        </Text>
      </View>
      {staff.error ? <View className="error-text">{`人员加载失败：${staff.error}`}</View> : null}
      {staff.data ? (
        <>
          <StaffingSummary staff={staff.data} />
          {staff.data.current.length === 0 ? <View className="card muted">尚无在任人员</View> : null}
          {staff.data.current.map((m) => (
            <RosterMember key={m.userId} member={m} credentials={papers.get(m.userId)} />
          ))}
        </>
      ) : null}
    </View>
  );
}

/** 检查日历 of the business, a month at a time; a checked day opens its record. */
function Calendar({ enterpriseId }: { enterpriseId: string }) {
  const [month, setMonth] = useState(() => monthKey(todayInShanghai()));
  const cal = useAsync(() => api.dailyChecks.calendar({ enterpriseId, month }), [enterpriseId, month], { reloadOnShow: true });
  const shown = cal.data && cal.data.month === month ? cal.data : null;
  const open = (day: DailyCalendarDay) => {
    if (day.recordId) navigateTo('official.dailyCheckDetail', { id: day.recordId });
  };
  return (
    <View className="ent-section">
      <View className="section-title">检查日历</View>
      <DailyCalendar month={month} data={cal.data ?? null} error={cal.error} onMonth={setMonth} onOpen={open} hint="蓝框为今天，橙点为迟交且有问题；点已检查的日期查看记录" />
      {shown ? (
        <View className="muted ent-cal-stats">{`${formatMonth(month)}：已查 ${shown.stats.checked} 天（迟交 ${shown.stats.late}），漏查 ${shown.stats.missed} 天，发现问题 ${shown.problemDays} 天`}</View>
      ) : null}
    </View>
  );
}

interface RecordRow {
  id: string;
  title: string;
  meta: string;
  late: boolean;
  review: RecordReviewMark | null | undefined;
  onOpen: () => void;
}

function RecordList({ title, rows, total, error, empty }: { title: string; rows: RecordRow[] | null; total: number; error: string | null; empty: string }) {
  return (
    <View className="ent-records">
      <View className="ent-records__title">{`${title}${rows ? `（共 ${total} 份）` : ''}`}</View>
      {error ? <View className="error-text">{error}</View> : null}
      {rows && rows.length === 0 ? <View className="muted">{empty}</View> : null}
      {rows?.map((r) => (
        <View key={r.id} className="ent-record" data-record={r.id} onClick={r.onOpen}>
          <View>
            <View className="ent-record__title">{r.title}</View>
            <View className="muted ent-record__meta">{r.meta}</View>
          </View>
          <View className="ent-record__side">
            {r.late ? <Tag type="warning">迟交</Tag> : null}
            <ReviewTag review={r.review} unreviewed />
            <Text className="link">查看 ›</Text>
          </View>
        </View>
      ))}
    </View>
  );
}

/** 最近记录: the latest daily checks, weekly investigations and monthly reviews. */
function Records({ enterpriseId }: { enterpriseId: string }) {
  const daily = useAsync(() => api.dailyChecks.list({ enterpriseId, pageSize: RECENT }), [enterpriseId], { reloadOnShow: true });
  const weekly = useAsync(() => api.weeklyInvestigations.list({ enterpriseId, pageSize: RECENT }), [enterpriseId], { reloadOnShow: true });
  const monthly = useAsync(() => api.monthlyReviews.list({ enterpriseId, pageSize: RECENT }), [enterpriseId], { reloadOnShow: true });
  return (
    <View className="ent-section">
      <View className="section-title">最近记录</View>
      <View className="card">
        <RecordList
          title="每日检查"
          total={daily.data?.total ?? 0}
          error={daily.error}
          empty="暂无每日检查记录"
          rows={
            daily.data?.items.map((c) => ({
              id: c.id,
              title: formatBusinessDate(c.businessDate),
              meta: `检查人 ${c.officerName}${c.problemCount ? ` · 不符合 ${c.problemCount} 项` : ' · 零风险'}${c.version > 1 ? ` · 第 ${c.version} 版` : ''}`,
              late: c.late,
              review: c.review,
              onOpen: () => navigateTo(OFFICIAL_RECORD_ROUTES.daily_check, { id: c.id }),
            })) ?? null
          }
        />
        <RecordList
          title="每周排查"
          total={weekly.data?.total ?? 0}
          error={weekly.error}
          empty="暂无周排查报告"
          rows={
            weekly.data?.items.map((w) => ({
              id: w.id,
              title: formatWeek(w.week),
              meta: `排查人 ${w.investigatorName} · 隐患 ${w.hazards.length} 项`,
              late: w.late,
              review: w.review,
              onOpen: () => navigateTo(OFFICIAL_RECORD_ROUTES.weekly_investigation, { id: w.id }),
            })) ?? null
          }
        />
        <RecordList
          title="每月调度"
          total={monthly.data?.total ?? 0}
          error={monthly.error}
          empty="暂无月调度纪要"
          rows={
            monthly.data?.items.map((m) => ({
              id: m.id,
              title: formatMonth(m.month),
              meta: `主持人 ${m.chairName} · ${formatBusinessDate(m.meetingDate)}`,
              late: m.late,
              review: m.review,
              onOpen: () => navigateTo(OFFICIAL_RECORD_ROUTES.monthly_review, { id: m.id }),
            })) ?? null
          }
        />
      </View>
    </View>
  );
}

/** 整改通知 issued to the business (the endpoint belongs to the rectification orders). */
function Rectifications({ enterpriseId }: { enterpriseId: string }) {
  const orders = useAsync(() => api.rectifications.list({ enterpriseId, pageSize: RECENT }), [enterpriseId], { reloadOnShow: true });
  return (
    <View className="ent-section">
      <View className="section-title ent-section__title">
        <Text>{`整改通知${orders.data ? `（${orders.data.total}）` : ''}`}</Text>
        <Text className="link" onClick={() => navigateTo('official.rectifications', { enterpriseId })}>
          全部 ›
        </Text>
      </View>
      <View className="card">
        {orders.error ? <View className="error-text">{`整改通知加载失败：${orders.error}`}</View> : null}
        {orders.data && orders.data.items.length === 0 ? <View className="muted">暂无整改通知</View> : null}
        {orders.data?.items.map((o) => (
          <View key={o.id} className="ent-record" onClick={() => navigateTo('official.rectificationDetail', { id: o.id })}>
            <View>
              <View className="ent-record__title">{o.items[0] ?? o.sourceLabel}</View>
              <View className="muted ent-record__meta">{`${o.sourceLabel} · 下发 ${formatBusinessDate(o.issuedDate)} · 期限 ${formatBusinessDate(o.deadline)}`}</View>
            </View>
            <View className="ent-record__side">
              <Tag type={o.overdue ? 'danger' : o.status === 'closed' ? 'success' : 'primary'}>{o.overdue ? `${o.statusLabel} · 已逾期` : o.statusLabel}</Tag>
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}

/** 投诉举报 about the business: how many, the latest few with status and 逾期; 全部 opens the list filtered to it. */
function Complaints({ enterpriseId }: { enterpriseId: string }) {
  const list = useAsync(() => api.complaints.list({ enterpriseId, pageSize: RECENT }), [enterpriseId], { reloadOnShow: true });
  return (
    <View className="ent-section ent-complaints">
      <View className="section-title ent-section__title">
        <Text>{`投诉举报${list.data ? `（${list.data.total}）` : ''}`}</Text>
        <Text className="link" onClick={() => navigateTo('official.complaints', { enterpriseId })}>
          全部 ›
        </Text>
      </View>
      <View className="card">
        {list.error ? <View className="error-text">{`投诉举报加载失败：${list.error}`}</View> : null}
        {list.data && list.data.items.length === 0 ? <View className="muted">暂无投诉举报</View> : null}
        {list.data?.items.map((c) => (
          <View key={c.id} className="ent-record" data-tracking={c.trackingNo} onClick={() => navigateTo('official.complaintDetail', { id: c.id })}>
            <View>
              <View className="ent-record__title">{c.trackingNo}</View>
              <View className="muted ent-record__meta">{`收到 ${formatBusinessDate(c.receivedDate)}${dueText(c) ? ` · ${dueText(c)}` : ''}`}</View>
            </View>
            <View className="ent-record__side">
              <ComplaintTags c={c} />
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}

/** One business for officials (?id=): profile (公示牌), roster and papers, record calendar, recent records, rectification orders, 投诉举报 (regulators and admins). */
export default function OfficialEnterprisePage() {
  const { session } = useSession();
  const wide = useWideLayout();
  const id = useRouter().params.id ?? '';
  const state = useAsync(() => (id ? api.directory.enterprise(id) : Promise.reject(new Error('缺少企业编号'))), [id], { enabled: !!session });
  const e = state.data;
  // 投诉举报 and the 公示牌 are the regulators' (and admins'); a cadre on this page reads the rest.
  const regulatorOrAdmin = session?.user.role === Role.Regulator || session?.user.role === Role.Admin;
  return (
    <PageContainer className={wide ? 'off--wide' : undefined} loading={state.loading && !e} error={e ? null : state.error} onRetry={() => void state.reload()}>
      {e ? (
        <View className="off-columns">
          <View className="off-columns__main ent-layout__main">
            <Profile e={e} poster={regulatorOrAdmin && e.status === EnterpriseStatus.Active} />
            <Calendar enterpriseId={e.id} />
            <Records enterpriseId={e.id} />
          </View>
          <View className="off-columns__side ent-layout__side">
            <Rectifications enterpriseId={e.id} />
            {regulatorOrAdmin ? <Complaints enterpriseId={e.id} /> : null}
            <Roster enterpriseId={e.id} />
          </View>
        </View>
      ) : null}
    </PageContainer>
  );
}
