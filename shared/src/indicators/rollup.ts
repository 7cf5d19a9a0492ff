// The duty counts of a whole region from pre-summed figures instead of every business's records —
// what lets a province's dashboard answer in milliseconds. Two sums are kept per group of businesses
// (same region, grade and type): how many businesses started their duties on each date, and how many
// records were made for units (days, weeks, months) ending on each date. From them the counts come
// out exactly as dailyCheckCounts / unitDutyCounts (record-completion.ts) would give by going through
// each business's calendar with dayStatus: a test keeps the two paths equal.
import { BusinessDate } from '../dates';
import { DutyCounts, emptyDutyCounts } from './record-completion';
import { PeriodUnit } from './period';

/** `businesses` started their duties on `since` (dutiesSince): their units ending on or after it are owed. */
export interface SinceGroup {
  since: BusinessDate;
  businesses: number;
}

/** Records made for the units ending on `date` (a day, a week's Sunday, a month's last day). */
export interface DoneGroup {
  date: BusinessDate;
  done: number;
  /** Of done, received after the unit ended. */
  late: number;
  /** Of done, made by businesses whose duties had not started by `date`: counted done and due, never missed. */
  unowed: number;
}

/**
 * DutyCounts of the units (all ending by today) for businesses described by their start dates, from
 * the records made per unit end date. `businesses` is the number of businesses in the groups.
 * A RangeError means the sums disagree with each other (more records than businesses owing them).
 */
export function rolledUpDutyCounts(units: readonly PeriodUnit[], owing: readonly SinceGroup[], done: readonly DoneGroup[], today: BusinessDate): DutyCounts {
  const starts = [...owing].sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
  const cumulative: number[] = [];
  let total = 0;
  for (const g of starts) cumulative.push((total += g.businesses));
  /** Businesses whose duties had started by `date`. */
  const owedOn = (date: BusinessDate): number => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid].since <= date) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : cumulative[lo - 1];
  };
  const byDate = new Map<BusinessDate, DoneGroup>();
  for (const d of done) {
    const seen = byDate.get(d.date);
    byDate.set(d.date, seen ? { date: d.date, done: seen.done + d.done, late: seen.late + d.late, unowed: seen.unowed + d.unowed } : d);
  }
  const counts = emptyDutyCounts();
  counts.businesses = total;
  for (const unit of units) {
    if (unit.to > today) continue;
    const owed = owedOn(unit.to);
    const d = byDate.get(unit.to) ?? { date: unit.to, done: 0, late: 0, unowed: 0 };
    const doneOwed = d.done - d.unowed;
    if (d.late > d.done || d.unowed > d.done || doneOwed > owed) {
      throw new RangeError(`rolled-up counts disagree on ${unit.to}: ${JSON.stringify(d)} for ${owed} businesses`);
    }
    counts.done += d.done;
    counts.late += d.late;
    if (unit.to < today) {
      counts.due += owed + d.unowed;
      counts.missed += owed - doneOwed;
    } else {
      counts.due += d.done;
      counts.pending += owed - doneOwed;
    }
  }
  return counts;
}
