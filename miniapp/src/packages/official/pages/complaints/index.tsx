import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { COMPLAINT_KIND_LABELS, COMPLAINT_KINDS, COMPLAINT_STATUS_LABELS, Role, STATUSES_OF_KIND, type ComplaintKind, type ComplaintListQuery, type ComplaintStatus } from '@shian/shared';
import { api } from '../../../../api';
import { PageContainer } from '../../../../components/PageContainer';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useSession } from '../../../../hooks/useSession';
import { useDownload } from '../../../../hooks/useDownload';
import { useWideLayout } from '../../../../hooks/useWideLayout';
import { navigateTo } from '../../../../platform/nav';
import { ComplaintCard, ComplaintTable } from '../../components/ComplaintViews';
import { PagedListBody } from '../../components/PagedListBody';
import { Chips } from '../../components/SupervisionParts';
import '../../official.css';
import './index.css';

const PAGE_SIZE = 20;

interface Filters {
  kind?: ComplaintKind;
  status?: ComplaintStatus;
  overdue: boolean;
  open: boolean;
  mine: boolean;
}

/** A filter that is on or off, as a chip. */
function Toggle({ label, on, onChange }: { label: string; on: boolean; onChange: (on: boolean) => void }) {
  return (
    <Text className={`sup-chip${on ? ' sup-chip--on' : ''}`} onClick={() => onChange(!on)}>
      {`${on ? '✓ ' : ''}${label}`}
    </Text>
  );
}

/** 投诉举报 of the official's region (?enterpriseId= one business), newest first, by kind, status, 未办结, 逾期, 我承办的; 导出Excel without identities. */
export default function OfficialComplaintsPage() {
  const { session } = useSession();
  const wide = useWideLayout();
  const enterpriseId = useRouter().params.enterpriseId || undefined;
  const [filters, setFilters] = useState<Filters>({ overdue: false, open: false, mine: false });
  const exporter = useDownload();
  const query: ComplaintListQuery = {
    kind: filters.kind,
    status: filters.status,
    overdue: filters.overdue || undefined,
    open: filters.open || undefined,
    mine: filters.mine || undefined,
    enterpriseId,
  };
  // Back from a complaint that was handled: the list shows its new status and deadline.
  const list = usePagedList((page, pageSize) => api.complaints.list({ ...query, page, pageSize }), [filters, enterpriseId], PAGE_SIZE, { reloadOnShow: true });
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const filtered = !!(filters.kind || filters.status || filters.overdue || filters.open || filters.mine);

  function exportXlsx() {
    return exporter.download(() => api.directory.xlsxSrc('/api/complaints', query), '投诉举报.xlsx');
  }

  if (!session) return <PageContainer loading />;
  const regulator = session.user.role === Role.Regulator;
  const open = (id: string) => navigateTo('official.complaintDetail', { id });
  const business = enterpriseId && list.items[0] ? list.items[0].businessName : null;
  return (
    <PageContainer className={wide ? 'off--wide' : undefined}>
      <View className="card">
        <View className="cpl-head">
          <View>
            <View className="card__title">{business ? `${business}的投诉举报` : '投诉举报'}</View>
            <View className="muted">{`${enterpriseId ? '该企业' : (session.user.regionName ?? '本辖区')}收到的投诉举报，最新收到的在前；当前法定期限已过仍未办理的标为「逾期」。`}</View>
          </View>
          <View className="cpl-head__side">
            <Button size="small" type="primary" fill="outline" loading={exporter.busy} onClick={() => void exportXlsx()}>
              导出Excel
            </Button>
            <Text className="link cpl-head__calendar" onClick={() => navigateTo('official.workingCalendar')}>
              工作日历 ›
            </Text>
          </View>
        </View>
        <Chips label="类型" value={filters.kind} options={COMPLAINT_KINDS} labels={COMPLAINT_KIND_LABELS} onChange={(kind) => set({ kind, status: undefined })} />
        {filters.kind ? (
          <Chips label="状态" value={filters.status} options={STATUSES_OF_KIND[filters.kind]} labels={COMPLAINT_STATUS_LABELS} onChange={(status) => set({ status })} />
        ) : (
          <View className="muted cpl-hint">选择投诉或举报后可按状态筛选</View>
        )}
        <View className="sup-filter">
          <Text className="sup-filter__label">只看</Text>
          <View className="sup-filter__chips">
            <Toggle label="未办结" on={filters.open} onChange={(v) => set({ open: v })} />
            <Toggle label="逾期" on={filters.overdue} onChange={(overdue) => set({ overdue })} />
            {regulator ? <Toggle label="我承办的" on={filters.mine} onChange={(mine) => set({ mine })} /> : null}
          </View>
        </View>
        {filtered || enterpriseId ? (
          <View className="row gap cpl-clear">
            {filtered ? (
              <Text className="link" onClick={() => setFilters({ overdue: false, open: false, mine: false })}>
                清除筛选
              </Text>
            ) : null}
            {enterpriseId ? (
              <Text className="link" onClick={() => navigateTo('official.complaints')}>
                本辖区全部投诉举报 ›
              </Text>
            ) : null}
          </View>
        ) : null}
      </View>

      <PagedListBody list={list} empty={filtered ? '没有符合条件的投诉举报' : '暂无投诉举报'} summary={`共 ${list.total} 件`}>
        {wide ? (
          <ComplaintTable items={list.items} onOpen={(c) => open(c.id)} />
        ) : (
          list.items.map((c) => <ComplaintCard key={c.id} c={c} onClick={() => open(c.id)} />)
        )}
      </PagedListBody>
    </PageContainer>
  );
}
