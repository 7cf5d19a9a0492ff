// GET /api/stats/dashboard and GET /api/stats/ranking — the officials' compliance dashboard: one
// region and period, its figures, the same figures for each child region (or, below a village, each
// business), a ranking and a trend. The counts are additive; every rate is computed from them by the
// indicator formulas of this folder.
import type { BusinessType, Grade } from '../enums';
import type { AppointmentCounts } from './appointment-rates';
import type { IndicatorKey } from './catalogue';
import type { Fraction } from './fraction';
import type { RectificationCounts } from './problem-closure';
import type { DutyCounts } from './record-completion';
import type { TrendGranularity } from './trend';

export interface DashboardQuery {
  /** The region to show; the caller's own region when left out. */
  regionCode?: string;
  /** Business dates 'YYYY-MM-DD', both included; `to` not after today. */
  from: string;
  to: string;
  grade?: Grade;
  type?: BusinessType;
  /** Trend buckets; 'day' when the period is ≤ 31 days, 'week' up to 120, else 'month' by default. */
  granularity?: TrendGranularity;
  /** The indicator the children are ranked on; dailyCheckCompletion by default. */
  rankBy?: IndicatorKey;
}

/** Everything counted for one region (or one business) over the period. */
export interface DashboardFigures {
  daily: DutyCounts;
  weekly: DutyCounts;
  monthly: DutyCounts;
  /** The businesses' own problems found in the period (by the day found), and how many are closed now. */
  problems: { found: number; fixed: number; open: number };
  /** Rectification orders issued in the period, as they stand today. */
  rectifications: RectificationCounts;
  /** As of today, confirmed businesses only. */
  appointments: AppointmentCounts;
  /** 主体包保覆盖率's counts as of today: confirmed graded businesses, and those with a cadre assigned. */
  coverage: { businesses: number; withCadre: number };
  /** 督导任务完成率's counts: one visit due per business per cycle of its grade ending in the period (supervisionCounts). */
  supervision: DutyCounts;
  /** Every indicator that applies, from the counts above. */
  indicators: Partial<Record<IndicatorKey, Fraction>>;
}

export type DashboardChildKind = 'region' | 'enterprise';

export interface DashboardChildRow extends DashboardFigures {
  kind: DashboardChildKind;
  /** A region code, or an enterprise id below a village. */
  code: string;
  name: string;
  /** Competition rank (1, 2, 2, 4) on `rankBy`; null when it has nothing to measure. */
  rank: number | null;
}

export interface DashboardTrendPoint {
  key: string;
  from: string;
  to: string;
  daily: DutyCounts;
  problems: { found: number; fixed: number; open: number };
  indicators: Partial<Record<IndicatorKey, Fraction>>;
}

export interface RegionRef {
  code: string;
  name: string;
  level: string;
}

export interface DashboardDto {
  /** The region shown; its ancestors from the caller's own region down, for the breadcrumb. */
  region: RegionRef;
  path: RegionRef[];
  from: string;
  to: string;
  /** The business date the figures stand at (Asia/Shanghai). */
  asOf: string;
  grade: Grade | null;
  type: BusinessType | null;
  rankBy: IndicatorKey;
  total: DashboardFigures;
  /** Ranked best first; 'enterprise' rows when the region is a village. */
  children: DashboardChildRow[];
  granularity: TrendGranularity;
  trend: DashboardTrendPoint[];
}

/** GET /api/stats/ranking — the children alone, ranked on one indicator (硬排名). */
export interface RankingRow {
  rank: number | null;
  kind: DashboardChildKind;
  code: string;
  name: string;
  value: Fraction | null;
}

export interface RankingDto {
  region: RegionRef;
  from: string;
  to: string;
  asOf: string;
  indicator: IndicatorKey;
  rows: RankingRow[];
}
