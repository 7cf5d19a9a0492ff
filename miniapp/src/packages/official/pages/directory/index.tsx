import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import {
  BUSINESS_TYPE_LABELS,
  COMPLIANCE_STATE_LABELS,
  COMPLIANCE_STATES,
  COMPLIANCE_WINDOW_DAYS,
  ENTERPRISE_STATUS_LABELS,
  Grade,
  type BusinessType,
  type ComplianceState,
  type EnterpriseDirectoryItem,
} from '@shian/shared';
import { api } from '../../../../api';
import { PageContainer } from '../../../../components/PageContainer';
import { RegionPicker, type RegionValue } from '../../../../components/RegionPicker';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useSession } from '../../../../hooks/useSession';
import { useDownload } from '../../../../hooks/useDownload';
import { useWideLayout } from '../../../../hooks/useWideLayout';
import { navigateTo } from '../../../../platform/nav';
import { PagedListBody } from '../../components/PagedListBody';
import '../../official.css';
import './index.css';

const PAGE_SIZE = 20;
const ALL = '全部';
const GRADES = [Grade.A, Grade.B, Grade.C, Grade.D];
const TYPES = Object.keys(BUSINESS_TYPE_LABELS) as BusinessType[];

interface Filters {
  q: string;
  grade?: Grade;
  businessType?: BusinessType;
  compliance?: ComplianceState;
  region?: RegionValue;
}

/** A filter as a row of chips, 「全部」 first (no filter): one tap on a phone or at a desk. */
function Choice<T extends string>({ label, value, options, labels, onChange }: { label: string; value?: T; options: readonly T[]; labels: Record<T, string>; onChange: (v?: T) => void }) {
  const chip = (text: string, on: boolean, pick: () => void) => (
    <Text key={text} className={`dir-chip${on ? ' dir-chip--on' : ''}`} onClick={pick}>
      {text}
    </Text>
  );
  return (
    <View className="dir-filter" data-filter={label}>
      <Text className="dir-filter__label">{label}</Text>
      <View className="dir-filter__chips">
        {chip(ALL, !value, () => onChange(undefined))}
        {options.map((o) => chip(labels[o], value === o, () => onChange(o)))}
      </View>
    </View>
  );
}

/** The 7-day 日管控 state as a coloured badge with its days; a registration waiting for review owes nothing yet. */
function ComplianceBadge({ item }: { item: EnterpriseDirectoryItem }) {
  const c = item.compliance;
  if (!c) return <Text className="dir-state dir-state--none">{ENTERPRISE_STATUS_LABELS[item.status]}</Text>;
  return <Text className={`dir-state dir-state--${c.state}`}>{`${COMPLIANCE_STATE_LABELS[c.state]} ${c.done}/${c.due}`}</Text>;
}

const GRADE_LABELS: Record<Grade, string> = { [Grade.A]: 'A级', [Grade.B]: 'B级', [Grade.C]: 'C级', [Grade.D]: 'D级' };

/** Desk: one line per business, every column the export has that an official scans for. */
function WideTable({ items }: { items: EnterpriseDirectoryItem[] }) {
  return (
    <View className="off-table__scroll">
      <View className="off-table dir-table">
        <View className="off-table__row off-table__row--head">
          {['企业名称', '统一社会信用代码', '业态', '等级', '所在村（社区）', `近${COMPLIANCE_WINDOW_DAYS}日日管控`, '联系人', '联系电话'].map((h) => (
            <View key={h} className="off-table__cell">
              {h}
            </View>
          ))}
        </View>
        {items.map((e) => (
          <View key={e.id} className="off-table__row dir-row" onClick={() => navigateTo('official.enterprise', { id: e.id })}>
            <View className="off-table__cell off-table__cell--name">{e.name}</View>
            <View className="off-table__cell dir-table__mono">{e.uscc}</View>
            <View className="off-table__cell">{BUSINESS_TYPE_LABELS[e.businessType]}</View>
            <View className="off-table__cell">{e.grade ?? '—'}</View>
            <View className="off-table__cell">{e.regionName ?? e.regionCode}</View>
            <View className="off-table__cell">
              <ComplianceBadge item={e} />
            </View>
            <View className="off-table__cell">{e.contactName ?? '—'}</View>
            <View className="off-table__cell">{e.contactPhone ?? '—'}</View>
          </View>
        ))}
      </View>
    </View>
  );
}

/** Phone: a card per business. */
function Cards({ items }: { items: EnterpriseDirectoryItem[] }) {
  return (
    <View>
      {items.map((e) => (
        <View key={e.id} className="card dir-card dir-row" onClick={() => navigateTo('official.enterprise', { id: e.id })}>
          <View className="dir-card__head">
            <Text className="dir-card__name">{e.name}</Text>
            <ComplianceBadge item={e} />
          </View>
          <View className="muted dir-card__meta">{`${BUSINESS_TYPE_LABELS[e.businessType]}${e.grade ? ` · ${GRADE_LABELS[e.grade]}` : ''} · ${e.regionName ?? e.regionCode}`}</View>
          <View className="muted dir-card__meta">{e.uscc}</View>
        </View>
      ))}
    </View>
  );
}

/** 企业名录: the region's businesses, searched and filtered, each with its 7-day 日管控 state; the same rows to Excel. */
export default function DirectoryPage() {
  const { session } = useSession();
  const wide = useWideLayout();
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<Filters>({ q: '' });
  const exporter = useDownload();
  const query = {
    q: filters.q || undefined,
    grade: filters.grade,
    businessType: filters.businessType,
    compliance: filters.compliance,
    regionCode: filters.region?.code,
  };
  const list = usePagedList((page, pageSize) => api.directory.list({ ...query, page, pageSize }), [filters], PAGE_SIZE);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const filtered = !!(filters.q || filters.grade || filters.businessType || filters.compliance || filters.region);

  function exportXlsx() {
    return exporter.download(() => api.directory.xlsxSrc('/api/enterprises', query), '企业名录.xlsx');
  }

  if (!session) return <PageContainer loading />;
  const root = session.user.regionCode ? { code: session.user.regionCode, name: session.user.regionName ?? session.user.regionCode } : undefined;
  return (
    <PageContainer className={wide ? 'off--wide' : undefined}>
      <View className="card">
        <View className="dir-head">
          <View>
            <View className="card__title">企业名录</View>
            <View className="muted">{`${session.user.regionName ?? '全部地区'} · 近${COMPLIANCE_WINDOW_DAYS}日日管控：已查天数/应查天数`}</View>
          </View>
          <Button size="small" type="primary" fill="outline" loading={exporter.busy} onClick={() => void exportXlsx()}>
            导出Excel
          </Button>
        </View>
        <View className="dir-search">
          <Input
            className="dir-search__input"
            value={text}
            placeholder="企业名称或统一社会信用代码"
            maxLength={100}
            clearable
            onChange={setText}
            onClear={() => {
              setText('');
              set({ q: '' });
            }}
            onConfirm={() => set({ q: text.trim() })}
          />
          <Button size="small" type="primary" onClick={() => set({ q: text.trim() })}>
            搜索
          </Button>
        </View>
        <View className="dir-filters">
          <Choice label="日管控" value={filters.compliance} options={COMPLIANCE_STATES} labels={COMPLIANCE_STATE_LABELS} onChange={(compliance) => set({ compliance })} />
          <Choice label="等级" value={filters.grade} options={GRADES} labels={GRADE_LABELS} onChange={(grade) => set({ grade })} />
          <Choice label="业态" value={filters.businessType} options={TYPES} labels={BUSINESS_TYPE_LABELS} onChange={(businessType) => set({ businessType })} />
        </View>
        <View className="dir-region">
          <Text className="dir-filter__label">区划</Text>
          <View className="dir-region__picker">
            <RegionPicker value={filters.region ?? null} onChange={(region) => set({ region })} root={root} anyLevel placeholder={`全部（${root?.name ?? '全部地区'}）`} title="按区划筛选" />
          </View>
        </View>
        {filtered ? (
          <View
            className="link dir-clear"
            onClick={() => {
              setText('');
              setFilters({ q: '' });
            }}
          >
            清除筛选
          </View>
        ) : null}
      </View>

      <PagedListBody list={list} empty={filtered ? '没有符合条件的企业' : '本辖区暂无企业'} summary={`共 ${list.total} 家企业`}>
        {wide ? <WideTable items={list.items} /> : <Cards items={list.items} />}
      </PagedListBody>
    </PageContainer>
  );
}
