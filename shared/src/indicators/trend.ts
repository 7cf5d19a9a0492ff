// The x-axis of a trend chart: the period cut into business days, ISO weeks or calendar months
// (Asia/Shanghai dates, weeks Monday–Sunday as the 周排查's), the first and last clipped to the
// period. Each bucket is a Period, so every figure of a point comes from the same formulas as the
// table's.
import { addDays, BusinessDate, isoWeekKey, monthKey } from '../dates';
import { mondayOfIsoWeek, monthDates } from '../records/periods';
import { assertPeriod, PeriodUnit } from './period';

export type TrendGranularity = 'day' | 'week' | 'month';

/** A day, an ISO week ('2026-W48') or a month ('2026-11'), clipped to the period asked for. */
export type TrendBucket = PeriodUnit;

function unitOf(date: BusinessDate, granularity: TrendGranularity): { key: string; last: BusinessDate } {
  switch (granularity) {
    case 'day':
      return { key: date, last: date };
    case 'week': {
      const key = isoWeekKey(date);
      return { key, last: addDays(mondayOfIsoWeek(key)!, 6) };
    }
    case 'month': {
      const key = monthKey(date);
      const days = monthDates(key);
      return { key, last: days[days.length - 1] };
    }
  }
}

/** The buckets covering [from, to] in order; a week or month cut by either end is clipped to it. */
export function trendBuckets(from: BusinessDate, to: BusinessDate, granularity: TrendGranularity): TrendBucket[] {
  assertPeriod({ from, to });
  if (granularity !== 'day' && granularity !== 'week' && granularity !== 'month') throw new RangeError(`not a granularity: ${granularity}`);
  const buckets: TrendBucket[] = [];
  for (let start = from; start <= to; ) {
    const { key, last } = unitOf(start, granularity);
    const end = last < to ? last : to;
    buckets.push({ key, from: start, to: end });
    start = addDays(end, 1);
  }
  return buckets;
}
