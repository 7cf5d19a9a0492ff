import { useState, type ReactNode } from 'react';
import { View, Picker } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import {
  CredentialStatus,
  EnterpriseStatus,
  RECORD_TYPE_LABELS,
  REVIEWED_RECORD_TYPES,
  ROLE_LABELS,
  Role,
  addDays,
  formatRate,
  isoWeekKey,
  monthKey,
  todayInShanghai,
  type Page,
  type ReviewedRecordType,
} from '@shian/shared';
import { api } from '../../../../api';
import { CheckStatusTags, RecordStateTags } from '../../../../components/CheckStatusTags';
import { ComplaintsEntry } from '../../components/ComplaintsEntry';
import { DashboardEntry } from '../../components/DashboardEntry';
import { HomeEntry } from '../../components/HomeEntry';
import { DirectoryEntry } from '../../components/DirectoryEntry';
import { OFFICIAL_RECORD_ROUTES } from '../../components/OfficialRecordPage';
import { PagedListBody } from '../../components/PagedListBody';
import { RectificationsEntry } from '../../components/RectificationsEntry';
import { Chips, SupervisionEntry } from '../../components/SupervisionParts';
import { PageContainer } from '../../../../components/PageContainer';
import { useAsync } from '../../../../hooks/useAsync';
import { useDownload } from '../../../../hooks/useDownload';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useSession } from '../../../../hooks/useSession';
import { formatMonth, formatShanghaiDateTime, formatWeek } from '../../../../platform/format';
import { navigateTo } from '../../../../platform/nav';
import type { ExportableList } from '../../../../api/directory-endpoints';
import '../../official.css';
import './index.css';

const PAGE_SIZE = 20;

/** 审阅 filter: the queue (no official review yet) or those reviewed or returned. */
type ReviewFilter = 'unreviewed' | 'reviewed';
const REVIEW_FILTERS: readonly ReviewFilter[] = ['unreviewed', 'reviewed'];
const REVIEW_FILTER_LABELS: Record<ReviewFilter, string> = { unreviewed: '未审阅', reviewed: '已审阅或退回' };

const KIND_LABELS: Record<ReviewedRecordType, string> = { daily_check: '每日检查', weekly_investigation: '每周排查', monthly_review: '每月调度' };
const EXPORT_PATHS: Record<ReviewedRecordType, ExportableList> = {
  daily_check: '/api/daily-checks',
  weekly_investigation: '/api/weekly-investigations',
  monthly_review: '/api/monthly-reviews',
};

/** One record of any kind as the list shows it. */
interface RecordItem {
  id: string;
  enterpriseName: string;
  /** The date, week or month, and who made it. */
  meta: string;
  submittedAt: string;
  tags: ReactNode;
}

interface RecordQuery {
  kind: ReviewedRecordType;
  from: string;
  to: string;
  reviewed?: boolean;
}

/** The filters as the kind's list takes them: dates, or the weeks and months they fall in. */
function periodFilter(q: RecordQuery): { from: string; to: string; reviewed?: boolean } {
  const reviewed = q.reviewed;
  if (q.kind === 'weekly_investigation') return { from: isoWeekKey(q.from), to: isoWeekKey(q.to), reviewed };
  if (q.kind === 'monthly_review') return { from: monthKey(q.from), to: monthKey(q.to), reviewed };
  return { from: q.from, to: q.to, reviewed };
}

async function loadRecords(q: RecordQuery, page: number, pageSize: number): Promise<Page<RecordItem>> {
  const filter = { ...periodFilter(q), page, pageSize };
  const rows = <T,>(res: Page<T>, item: (row: T) => RecordItem): Page<RecordItem> => ({ ...res, items: res.items.map(item) });
  if (q.kind === 'weekly_investigation') {
    return rows(await api.weeklyInvestigations.list(filter), (w) => ({
      id: w.id,
      enterpriseName: w.enterpriseName,
      meta: `${formatWeek(w.week)} · 排查人 ${w.investigatorName} · 隐患 ${w.hazards.length} 项`,
      submittedAt: w.submittedAt,
      tags: <RecordStateTags late={w.late} version={w.version} review={w.review} unreviewed />,
    }));
  }
  if (q.kind === 'monthly_review') {
    return rows(await api.monthlyReviews.list(filter), (m) => ({
      id: m.id,
      enterpriseName: m.enterpriseName,
      meta: `${formatMonth(m.month)} · 主持人 ${m.chairName}`,
      submittedAt: m.submittedAt,
      tags: <RecordStateTags late={m.late} version={m.version} review={m.review} unreviewed />,
    }));
  }
  return rows(await api.dailyChecks.list(filter), (c) => ({
    id: c.id,
    enterpriseName: c.enterpriseName,
    meta: `${c.businessDate} · 检查人 ${c.officerName}`,
    submittedAt: c.submittedAt,
    tags: <CheckStatusTags check={c} unreviewed />,
  }));
}

/** 待审核企业 / 待审核资质 with their counts (regulators review both, admins registrations only — the server says the same), and 人员配备率 for every official. */
function ReviewQueues({ role }: { role: Role }) {
  const reviewsEnterprises = role === Role.Regulator || role === Role.Admin;
  const reviewsCredentials = role === Role.Regulator;
  const enterprises = useAsync(() => api.enterprises.list({ status: EnterpriseStatus.Pending, pageSize: 1 }), [], { enabled: reviewsEnterprises, reloadOnShow: true });
  const credentials = useAsync(() => api.credentials.list({ status: CredentialStatus.Pending, pageSize: 1 }), [], { enabled: reviewsCredentials, reloadOnShow: true });
  const rates = useAsync(() => api.stats.appointments(), [], { reloadOnShow: true });
  const count = (total: number | undefined) => (
    <View className={`off__queue-count${total === 0 ? ' off__queue-count--zero' : ''}`}>{total ?? '…'}</View>
  );
  const region = rates.data?.region;
  return (
    <>
      {reviewsEnterprises ? (
        <View className="off__queues">
          <View className="off__queue off__queue--enterprises" onClick={() => navigateTo('official.enterpriseReviews')}>
            {count(enterprises.data?.total)}
            <View className="off__queue-label">待审核企业 ›</View>
          </View>
          {reviewsCredentials ? (
            <View className="off__queue off__queue--credentials" onClick={() => navigateTo('official.credentialReviews')}>
              {count(credentials.data?.total)}
              <View className="off__queue-label">待审核资质 ›</View>
            </View>
          ) : null}
        </View>
      ) : null}
      {reviewsEnterprises ? (
        <HomeEntry hook="off__import-link" tint="blue" label="批量导入企业" onClick={() => navigateTo('official.enterpriseImport')}>
          按模板上传 .xlsx
        </HomeEntry>
      ) : null}
      <HomeEntry hook="off__rates-link" tint="green" label="人员配备率" onClick={() => navigateTo('official.appointmentRates')}>
        {region ? `总监 ${formatRate(region.directorRate)} · 安全员 ${formatRate(region.officerRate)}` : '…'}
      </HomeEntry>
    </>
  );
}

/**
 * Officials' home: their ways in, then the region's records — daily checks, weekly investigations
 * or monthly reviews — newest first, by a date range (the weeks and months it touches) and by review.
 */
export default function OfficialDailyChecksPage() {
  const { session, logout } = useSession();
  const today = todayInShanghai();
  const [kind, setKind] = useState<ReviewedRecordType>('daily_check');
  const [from, setFrom] = useState(addDays(today, -6));
  const [to, setTo] = useState(today);
  const [review, setReview] = useState<ReviewFilter | undefined>();
  const query: RecordQuery = { kind, from, to, reviewed: review === undefined ? undefined : review === 'reviewed' };
  // Back from a record just reviewed: its tag changes, and the queue no longer lists it.
  const list = usePagedList((page, pageSize) => loadRecords(query, page, pageSize), [kind, from, to, review], PAGE_SIZE, { reloadOnShow: true });
  const exporter = useDownload();
  const label = RECORD_TYPE_LABELS[kind];

  if (!session) return <PageContainer loading />;

  return (
    <PageContainer>
      <View className="card">
        <View className="off__header">
          <View>
            <View className="card__title">{session.user.name}</View>
            <View className="muted">{`${ROLE_LABELS[session.user.role] ?? ''}${session.user.regionName ? ` · ${session.user.regionName}` : ''}`}</View>
          </View>
          <Button size="small" fill="outline" onClick={logout}>
            退出登录
          </Button>
        </View>
        <DashboardEntry />
        <RectificationsEntry />
        <ComplaintsEntry />
        <DirectoryEntry />
        <SupervisionEntry role={session.user.role} />
        <ReviewQueues role={session.user.role} />
      </View>

      <View className="card">
        <Chips label="记录" value={kind} options={REVIEWED_RECORD_TYPES} labels={KIND_LABELS} onChange={(k) => setKind(k ?? 'daily_check')} all={false} />
      </View>
      <CellGroup className="off__filters" title={kind === 'daily_check' ? '检查日期' : kind === 'weekly_investigation' ? '日期范围（所在周）' : '日期范围（所在月）'}>
        <Picker mode="date" value={from} end={to} onChange={(e) => setFrom(String(e.detail.value))}>
          <Cell title="开始日期" extra={<View className="off__picker-value">{from}</View>} clickable />
        </Picker>
        <Picker mode="date" value={to} start={from} end={today} onChange={(e) => setTo(String(e.detail.value))}>
          <Cell title="结束日期" extra={<View className="off__picker-value">{to}</View>} clickable />
        </Picker>
      </CellGroup>
      <View className="card">
        <Chips label="审阅" value={review} options={REVIEW_FILTERS} labels={REVIEW_FILTER_LABELS} onChange={setReview} />
        <View className="actions">
          <Button
            size="small"
            type="primary"
            fill="outline"
            loading={exporter.busy}
            onClick={() => void exporter.download(() => api.directory.xlsxSrc(EXPORT_PATHS[kind], periodFilter(query)), `${label}-${from}至${to}.xlsx`)}
          >
            导出Excel（所选日期和审阅状态）
          </Button>
        </View>
      </View>

      <PagedListBody
        list={list}
        empty={review === 'unreviewed' ? `所选日期内的${label}都已审阅` : review ? `所选日期内没有已审阅的${label}` : `所选日期内暂无${label}`}
        summary={`共 ${list.total} 份${label}`}
      >
        <CellGroup>
          {list.items.map((c) => (
            <Cell
              key={c.id}
              clickable
              onClick={() => navigateTo(OFFICIAL_RECORD_ROUTES[kind], { id: c.id })}
              title={
                <View>
                  <View className="off__record-title">{c.enterpriseName}</View>
                  <View className="off__record-meta">{c.meta}</View>
                  <View className="off__record-meta">{`提交于 ${formatShanghaiDateTime(c.submittedAt)}`}</View>
                  <View className="off__record-tags">{c.tags}</View>
                </View>
              }
              extra={<View className="link">详情</View>}
            />
          ))}
        </CellGroup>
      </PagedListBody>
    </PageContainer>
  );
}
