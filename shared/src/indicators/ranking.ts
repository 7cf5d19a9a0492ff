// 硬排名 — child regions ranked on one indicator, as Inner Mongolia ranks its regions daily and
// reports weekly (日调度周通报, domain.md §2). Competition ranking (1, 2, 2, 4): regions with equal
// rates share a rank and the next rank skips. Rates compare exactly on the counts, not as rounded
// for display, so two regions both shown 80.0 % may rank apart. A region with nothing to measure
// (rate null) is not ranked — placed last, marked — rather than ranked first or last on a 0/0.
import type { Fraction } from './fraction';
import { compareFractions } from './fraction';
import type { IndicatorKey } from './catalogue';

/** 'desc': the higher the rate the better (every indicator so far); 'asc' for a rate of failures. */
export type RankDirection = 'desc' | 'asc';

/** A child region's row of the dashboard table. */
export interface RegionIndicators {
  regionCode: string;
  indicators: Partial<Record<IndicatorKey, Fraction>>;
}

export interface RankedRegion<R> {
  row: R;
  /** The fraction ranked on; null when the row lacks it. */
  value: Fraction | null;
  /** 1-based; null when unranked. */
  rank: number | null;
  /** Nothing to measure (rate null): listed after the ranked regions. */
  unranked: boolean;
}

/** Ranked regions first, best first; ties and the unranked in region-code order. */
export function rankRegions<R extends RegionIndicators>(rows: readonly R[], indicator: IndicatorKey, options?: { direction?: RankDirection }): RankedRegion<R>[];
/** The same, on whatever fraction `indicator` reads from a row. */
export function rankRegions<R extends { regionCode: string }>(
  rows: readonly R[],
  indicator: (row: R) => Fraction | null | undefined,
  options?: { direction?: RankDirection },
): RankedRegion<R>[];
export function rankRegions<R extends { regionCode: string }>(
  rows: readonly R[],
  indicator: IndicatorKey | ((row: R) => Fraction | null | undefined),
  options: { direction?: RankDirection } = {},
): RankedRegion<R>[] {
  const direction = options.direction ?? 'desc';
  if (direction !== 'desc' && direction !== 'asc') throw new RangeError(`not a direction: ${direction}`);
  const pick = typeof indicator === 'function' ? indicator : (row: R) => (row as unknown as RegionIndicators).indicators[indicator];
  const seen = new Set<string>();
  const entries = rows.map((row) => {
    if (seen.has(row.regionCode)) throw new RangeError(`region listed twice: ${row.regionCode}`);
    seen.add(row.regionCode);
    const value = pick(row) ?? null;
    return { row, value, rank: null as number | null, unranked: value?.rate == null };
  });
  const byCode = (a: { row: R }, b: { row: R }) => (a.row.regionCode < b.row.regionCode ? -1 : a.row.regionCode > b.row.regionCode ? 1 : 0);
  const better = (a: Fraction, b: Fraction) => (direction === 'desc' ? compareFractions(b, a) : compareFractions(a, b));
  const ranked = entries.filter((e) => !e.unranked).sort((a, b) => better(a.value!, b.value!) || byCode(a, b));
  ranked.forEach((e, i) => {
    const previous = ranked[i - 1];
    e.rank = previous && compareFractions(previous.value!, e.value!) === 0 ? previous.rank : i + 1;
  });
  return [...ranked, ...entries.filter((e) => e.unranked).sort(byCode)];
}
