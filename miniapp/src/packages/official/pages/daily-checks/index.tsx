import { useState } from 'react';
import { View, Picker } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { CredentialStatus, EnterpriseStatus, ROLE_LABELS, Role, addDays, formatRate, todayInShanghai } from '@shian/shared';
import { api } from '../../../../api';
import { CheckStatusTags } from '../../../../components/CheckStatusTags';
import { ComplaintsEntry } from '../../components/ComplaintsEntry';
import { DashboardEntry } from '../../components/DashboardEntry';
import { HomeEntry } from '../../components/HomeEntry';
import { DirectoryEntry } from '../../components/DirectoryEntry';
import { PagedListBody } from '../../components/PagedListBody';
import { RectificationsEntry } from '../../components/RectificationsEntry';
import { Chips, SupervisionEntry } from '../../components/SupervisionParts';
import { PageContainer } from '../../../../components/PageContainer';
import { useAsync } from '../../../../hooks/useAsync';
import { useDownload } from '../../../../hooks/useDownload';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useSession } from '../../../../hooks/useSession';
import { formatShanghaiDateTime } from '../../../../platform/format';
import { navigateTo } from '../../../../platform/nav';
import '../../official.css';
import './index.css';

const PAGE_SIZE = 20;

/** 审阅 filter: the queue (no official review yet) or those reviewed or returned. */
type ReviewFilter = 'unreviewed' | 'reviewed';
const REVIEW_FILTERS: readonly ReviewFilter[] = ['unreviewed', 'reviewed'];
const REVIEW_FILTER_LABELS: Record<ReviewFilter, string> = { unreviewed: '未审阅', reviewed: '已审阅或退回' };

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

/** Officials: the daily checks of their region, newest first, filtered by a date range. */
export default function OfficialDailyChecksPage() {
  const { session, logout } = useSession();
  const today = todayInShanghai();
  const [from, setFrom] = useState(addDays(today, -6));
  const [to, setTo] = useState(today);
  const [review, setReview] = useState<ReviewFilter | undefined>();
  const reviewed = review === undefined ? undefined : review === 'reviewed';
  // Back from a record just reviewed: its tag changes, and the queue no longer lists it.
  const list = usePagedList((page, pageSize) => api.dailyChecks.list({ from, to, reviewed, page, pageSize }), [from, to, review], PAGE_SIZE, { reloadOnShow: true });
  const exporter = useDownload();

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

      <CellGroup className="off__filters" title="检查日期">
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
            onClick={() => void exporter.download(() => api.directory.xlsxSrc('/api/daily-checks', { from, to, reviewed }), `每日检查记录-${from}至${to}.xlsx`)}
          >
            导出Excel（所选日期和审阅状态）
          </Button>
        </View>
      </View>

      <PagedListBody
        list={list}
        empty={review === 'unreviewed' ? '所选日期内的检查记录都已审阅' : review ? '所选日期内没有已审阅的检查记录' : '所选日期内暂无检查记录'}
        summary={`共 ${list.total} 条记录`}
      >
        <CellGroup>
          {list.items.map((c) => (
            <Cell
              key={c.id}
              clickable
              onClick={() => navigateTo('official.dailyCheckDetail', { id: c.id })}
              title={
                <View>
                  <View className="off__record-title">{c.enterpriseName}</View>
                  <View className="off__record-meta">{`${c.businessDate} · 检查人 ${c.officerName}`}</View>
                  <View className="off__record-meta">{`提交于 ${formatShanghaiDateTime(c.submittedAt)}`}</View>
                  <View className="off__record-tags">
                    <CheckStatusTags check={c} unreviewed />
                  </View>
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
