// What the officials' 数据看板 shows, computed from the API's DashboardDto: the period presets, the
// breadcrumb, the indicator cards, the children table's columns and the trend bars. Pure functions
// (no Taro), so they run under jest (miniapp/test/dashboard-rules.spec.ts); every rate is the
// server's Fraction, only formatted here.
import {
  addDays,
  BUSINESS_TYPE_LABELS,
  BusinessType,
  formatRate,
  Grade,
  INDICATOR_KEYS,
  INDICATORS,
  monthDates,
  monthKey,
  type BusinessDate,
  type DashboardChildRow,
  type DashboardDto,
  type DashboardFigures,
  type DashboardQuery,
  type DashboardTrendPoint,
  type Fraction,
  type IndicatorKey,
  type Period,
  type TrendGranularity,
} from '@shian/shared';

export type PeriodPreset = 'last7' | 'last30' | 'thisMonth' | 'lastMonth';

export const PERIOD_PRESETS: ReadonlyArray<{ key: PeriodPreset; label: string }> = [
  { key: 'last7', label: '近7天' },
  { key: 'last30', label: '近30天' },
  { key: 'thisMonth', label: '本月' },
  { key: 'lastMonth', label: '上月' },
];

/** The period a preset stands for on `today` (Asia/Shanghai business dates, both ends included). */
export function presetPeriod(preset: PeriodPreset, today: BusinessDate): Period {
  switch (preset) {
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'last30':
      return { from: addDays(today, -29), to: today };
    case 'thisMonth':
      return { from: monthDates(monthKey(today))[0], to: today };
    case 'lastMonth': {
      const days = monthDates(monthKey(addDays(monthDates(monthKey(today))[0], -1)));
      return { from: days[0], to: days[days.length - 1] };
    }
  }
}

/** The preset a period equals on `today` (to highlight its button), or null for a custom period. */
export function presetOf(period: Period, today: BusinessDate): PeriodPreset | null {
  const hit = PERIOD_PRESETS.find(({ key }) => {
    const p = presetPeriod(key, today);
    return p.from === period.from && p.to === period.to;
  });
  return hit?.key ?? null;
}

export const GRADE_OPTIONS: ReadonlyArray<{ value: Grade | undefined; label: string }> = [
  { value: undefined, label: '全部' },
  ...[Grade.A, Grade.B, Grade.C, Grade.D].map((g) => ({ value: g, label: `${g}级` })),
];

export const TYPE_OPTIONS: ReadonlyArray<{ value: BusinessType | undefined; label: string }> = [
  { value: undefined, label: '全部业态' },
  ...(Object.keys(BUSINESS_TYPE_LABELS) as BusinessType[]).map((t) => ({ value: t, label: BUSINESS_TYPE_LABELS[t] })),
];

/** What the page asks for; undefined fields are left out of the request. */
export interface DashboardFilters {
  regionCode?: string;
  from: BusinessDate;
  to: BusinessDate;
  grade?: Grade;
  type?: BusinessType;
  rankBy?: IndicatorKey;
}

export function dashboardQuery(f: DashboardFilters): DashboardQuery {
  const q: DashboardQuery = { from: f.from, to: f.to };
  if (f.regionCode) q.regionCode = f.regionCode;
  if (f.grade) q.grade = f.grade;
  if (f.type) q.type = f.type;
  if (f.rankBy) q.rankBy = f.rankBy;
  return q;
}

/** The export's file name, as the server names it: 数据看板-新城区-2026-11-01至2026-11-25.xlsx. */
export function exportFileName(dto: Pick<DashboardDto, 'region' | 'from' | 'to'>): string {
  return `数据看板-${dto.region.name}-${dto.from}至${dto.to}.xlsx`;
}

export interface Crumb {
  code: string;
  name: string;
  /** The region shown now (not a link). */
  current: boolean;
}

/**
 * The breadcrumb from the caller's own region down to the region shown: `path` holds the
 * ancestors (the server starts it at the caller's region, so nothing above it is offered), with or
 * without the region itself.
 */
export function breadcrumb(dto: Pick<DashboardDto, 'region' | 'path'>): Crumb[] {
  const ancestors = dto.path.filter((r) => r.code !== dto.region.code);
  return [...ancestors.map((r) => ({ code: r.code, name: r.name, current: false })), { code: dto.region.code, name: dto.region.name, current: true }];
}

/** The indicators present in these figures, in catalogue order. */
export function indicatorKeysOf(rows: ReadonlyArray<Pick<DashboardFigures, 'indicators'>>): IndicatorKey[] {
  return INDICATOR_KEYS.filter((k) => rows.some((r) => r.indicators[k] !== undefined));
}

/** 「12/15」 under a rate, or why there is no rate. */
export function fractionText(f: Fraction | undefined | null): string {
  if (!f) return '—';
  return f.denominator === 0 ? '无可计算对象' : `${f.numerator}/${f.denominator}`;
}

export interface IndicatorCard {
  key: IndicatorKey;
  label: string;
  /** '80.0%', or '—' with nothing to measure. */
  rate: string;
  fraction: string;
  formula: string;
  source: string;
  /** Nothing to measure (grey). */
  empty: boolean;
}

/** One card per indicator the figures carry, in catalogue order. */
export function indicatorCards(figures: Pick<DashboardFigures, 'indicators'>): IndicatorCard[] {
  return indicatorKeysOf([figures]).map((key) => {
    const f = figures.indicators[key]!;
    const info = INDICATORS[key];
    return { key, label: info.label, rate: formatRate(f.rate), fraction: fractionText(f), formula: info.formula, source: info.source, empty: f.rate === null };
  });
}

/** The indicators the ranking may be asked on: those the region's figures carry, or all. */
export function rankOptions(dto: Pick<DashboardDto, 'total' | 'rankBy'> | undefined): Array<{ key: IndicatorKey; label: string }> {
  const keys = dto ? indicatorKeysOf([dto.total]) : [];
  const list = keys.length ? keys : INDICATOR_KEYS;
  const withCurrent = dto && !list.includes(dto.rankBy) ? [...list, dto.rankBy] : list;
  return withCurrent.map((key) => ({ key, label: INDICATORS[key].label }));
}

/** The region or its figures hold no business at all (with the filters chosen). */
export function hasNoBusiness(figures: Pick<DashboardFigures, 'appointments'>): boolean {
  return businessCount(figures) === 0;
}

/** The children table's count columns after the rates. */
export interface CountColumn {
  key: string;
  label: string;
  value: (row: DashboardFigures) => number;
  /** Shown in red when above 0. */
  alarm?: boolean;
}

/** The confirmed businesses a row counts (with the filters chosen) — the export's 企业数 too. */
export function businessCount(row: Pick<DashboardFigures, 'appointments'>): number {
  return row.appointments.businesses;
}

export const COUNT_COLUMNS: readonly CountColumn[] = [
  { key: 'dailyLate', label: '日管控迟交', value: (r) => r.daily.late },
  { key: 'dailyMissed', label: '日管控漏查', value: (r) => r.daily.missed, alarm: true },
  { key: 'problemsFound', label: '发现问题', value: (r) => r.problems.found },
  { key: 'problemsOpen', label: '未整改问题', value: (r) => r.problems.open },
  { key: 'rectOverdue', label: '整改逾期', value: (r) => r.rectifications.overdue, alarm: true },
];

/** 「第3名」, or 「未排名」 for a child with nothing to measure on the ranking's indicator. */
export function rankText(rank: number | null): string {
  return rank === null ? '未排名' : `第${rank}名`;
}

/** Region rows open the region; below a village each row is a business and opens its page. */
export function childAction(row: Pick<DashboardChildRow, 'kind' | 'code'>): { kind: 'drill'; regionCode: string } | { kind: 'enterprise'; id: string } {
  return row.kind === 'enterprise' ? { kind: 'enterprise', id: row.code } : { kind: 'drill', regionCode: row.code };
}

export interface TrendBar {
  key: string;
  /** Under the bar: '11-25', '第48周', '11月'; '' where labels would crowd. */
  label: string;
  /** What the bar stands for, in full: '2026-11-25', '2026-11-23 至 2026-11-29'. */
  span: string;
  /** 0–100: the 日管控完成率 bar's height; 0 with nothing to measure. */
  height: number;
  rate: string;
  fraction: string;
  /** Nothing to measure (a grey stub, not a 0 % bar). */
  empty: boolean;
  problemsFound: number;
  /** 0–100 of the busiest point's problems. */
  problemsHeight: number;
}

/** At most this many labels under the bars; the rest stay blank so labels never overlap. */
export const MAX_TREND_LABELS = 8;

function pointLabel(p: DashboardTrendPoint, granularity: TrendGranularity): string {
  switch (granularity) {
    case 'day':
      return p.from.slice(5);
    case 'week': {
      const m = /-W(\d{2})$/.exec(p.key);
      return m ? `第${Number(m[1])}周` : p.key;
    }
    case 'month':
      return `${Number(p.key.slice(5, 7))}月`;
  }
}

/** One bar per trend point: 日管控完成率 and, beside it, the problems found. */
export function trendBars(trend: readonly DashboardTrendPoint[], granularity: TrendGranularity): TrendBar[] {
  const maxFound = Math.max(0, ...trend.map((p) => p.problems.found));
  const step = Math.max(1, Math.ceil(trend.length / MAX_TREND_LABELS));
  return trend.map((p, i) => {
    const f = p.indicators.dailyCheckCompletion;
    const rate = f?.rate ?? null;
    return {
      key: p.key,
      label: i % step === 0 ? pointLabel(p, granularity) : '',
      span: p.from === p.to ? p.from : `${p.from} 至 ${p.to}`,
      height: rate === null ? 0 : Math.round(rate * 1000) / 10,
      rate: formatRate(rate),
      fraction: fractionText(f),
      empty: rate === null,
      problemsFound: p.problems.found,
      problemsHeight: maxFound === 0 ? 0 : Math.round((p.problems.found / maxFound) * 1000) / 10,
    };
  });
}

export const GRANULARITY_LABELS: Record<TrendGranularity, string> = { day: '按日', week: '按周', month: '按月' };
