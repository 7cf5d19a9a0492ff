// The dashboard's table as a spreadsheet: the children, ranked, then the region's total.
import { DashboardChildRow, DashboardDto, DashboardFigures, INDICATORS } from '@shian/shared';
import type { XlsxColumn } from '../common/xlsx-export';

export type DashboardExportRow = DashboardFigures & { rank: number | null; name: string };

const rate = (key: keyof typeof INDICATORS): XlsxColumn<DashboardExportRow> => ({ header: INDICATORS[key].label, width: 14, kind: 'rate', value: (r) => r.indicators[key]?.rate ?? null });
const count = (header: string, value: (r: DashboardExportRow) => number): XlsxColumn<DashboardExportRow> => ({ header, width: 10, kind: 'integer', value });

export const DASHBOARD_COLUMNS: readonly XlsxColumn<DashboardExportRow>[] = [
  { header: '排名', width: 6, kind: 'integer', value: (r) => r.rank },
  { header: '区划/企业', width: 28, value: (r) => r.name },
  count('企业数', (r) => r.appointments.businesses),
  rate('dailyCheckCompletion'),
  rate('dailyCheckOnTime'),
  count('应检查（企业·天）', (r) => r.daily.due),
  count('已检查', (r) => r.daily.done),
  count('迟交', (r) => r.daily.late),
  count('漏查', (r) => r.daily.missed),
  rate('weeklyInvestigationCompletion'),
  count('周排查漏报', (r) => r.weekly.missed),
  rate('monthlyReviewCompletion'),
  count('月调度漏报', (r) => r.monthly.missed),
  count('发现问题', (r) => r.problems.found),
  count('已整改', (r) => r.problems.fixed),
  rate('problemClosure'),
  count('下发整改通知', (r) => r.rectifications.issued),
  count('已闭环', (r) => r.rectifications.closed),
  count('逾期未闭环', (r) => r.rectifications.overdue),
  rate('rectificationClosure'),
  rate('directorAppointment'),
  rate('officerAppointment'),
  count('已落实包保', (r) => r.coverage.withCadre),
  rate('cadreCoverage'),
  count('应督导（企业·周期）', (r) => r.supervision.due),
  count('已督导', (r) => r.supervision.done),
  rate('supervisionCompletion'),
];

export function dashboardExportRows(d: DashboardDto): DashboardExportRow[] {
  const total: DashboardExportRow = { ...d.total, rank: null, name: `合计（${d.region.name}）` };
  return [...d.children.map((c: DashboardChildRow) => ({ ...c })), total];
}
