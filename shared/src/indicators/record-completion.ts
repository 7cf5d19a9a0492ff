// 日管控 / 周排查 / 月调度 completion over a period for a set of businesses (Order 60, domain.md §1:
// the officer checks every day; at least once a week the director — or the officer where there is
// none — organises the investigation; at least once a month the principal holds the review). Every
// business owes all three, from the day its duties start (confirmed by a regulator, or created).
//
// A day is counted by dayStatus, the rule behind each business's 检查日历, so a region's figures are
// the sums of its businesses' calendars. A week or month is counted the same way on its last day: it
// belongs to the period its last day falls in (a week spanning two months counts once, in the month
// of its Sunday, so trend points add up), it is due once that day has ended, and not due if that day
// came before the business joined — the rule monthlyReport already applies to weeks.
import type { BusinessDate } from '../dates';
import type { CalendarDayStatus } from '../api';
import { CheckDay, dayStats, dayStatus } from '../records/summaries';
import { fraction, Fraction } from './fraction';
import { monthsEndingIn, Period, periodDates, PeriodUnit, weeksEndingIn } from './period';

/**
 * Counts of one recurring duty (a record, a supervision visit) summed over businesses; additive, so
 * a parent region's are its children's sums.
 */
export interface DutyCounts {
  businesses: number;
  /** Days (weeks, months) that fell due by today — plus any done though not due yet (today) or not due at all (before joining): done + missed. */
  due: number;
  /** Done, on time or late. */
  done: number;
  /** Of done, received after the day (week, month) ended. */
  late: number;
  missed: number;
  /** Today (the week or month ending today) not done yet: not due, not missed. */
  pending: number;
}

export const emptyDutyCounts = (): DutyCounts => ({ businesses: 0, due: 0, done: 0, late: 0, missed: 0, pending: 0 });

/** The sum of two sets of counts — a parent region's from its children's. */
export function addDutyCounts(a: DutyCounts, b: DutyCounts): DutyCounts {
  return {
    businesses: a.businesses + b.businesses,
    due: a.due + b.due,
    done: a.done + b.done,
    late: a.late + b.late,
    missed: a.missed + b.missed,
    pending: a.pending + b.pending,
  };
}

function tally(counts: DutyCounts, status: CalendarDayStatus): void {
  if (status === 'future' || status === 'not_due') return;
  if (status === 'pending') counts.pending++;
  else {
    counts.due++;
    if (status === 'missed') counts.missed++;
    else {
      counts.done++;
      if (status === 'late') counts.late++;
    }
  }
}

export interface DailyCheckBusiness {
  /** The day the business's duties started (dutiesSince): earlier days were not due. */
  since: BusinessDate;
  /** Its current daily checks; those outside the period are ignored. */
  checks: readonly CheckDay[];
}

/** 日管控: business-days of the period by dayStats — exactly what each business's calendar counts. */
export function dailyCheckCounts(businesses: readonly DailyCheckBusiness[], period: Period, today: BusinessDate): DutyCounts {
  const dates = periodDates(period);
  const counts = emptyDutyCounts();
  for (const b of businesses) {
    const s = dayStats(dates, b.checks, today, b.since);
    counts.businesses++;
    counts.due += s.checked + s.missed;
    counts.done += s.checked;
    counts.late += s.late;
    counts.missed += s.missed;
    counts.pending += s.pending;
  }
  return counts;
}

/** A current weekly investigation or monthly review, by its week ('2026-W48') or month ('2026-11'). */
export interface PeriodRecordBrief {
  key: string;
  late: boolean;
}

export interface PeriodRecordBusiness {
  since: BusinessDate;
  records: readonly PeriodRecordBrief[];
}

/**
 * Counts each business's units (weeks, months, supervision cycles) by dayStatus on the unit's last
 * day; a unit is done when the business has a record for its key.
 */
export function unitDutyCounts(units: readonly PeriodUnit[], businesses: readonly PeriodRecordBusiness[], today: BusinessDate): DutyCounts {
  const counts = emptyDutyCounts();
  for (const b of businesses) {
    const byKey = new Map(b.records.map((r) => [r.key, r]));
    counts.businesses++;
    for (const { key, to: last } of units) {
      const record = byKey.get(key);
      tally(counts, dayStatus(last, record && { businessDate: last, late: record.late }, today, b.since));
    }
  }
  return counts;
}

/** 周排查: each business's ISO weeks ending in the period. */
export function weeklyInvestigationCounts(businesses: readonly PeriodRecordBusiness[], period: Period, today: BusinessDate): DutyCounts {
  return unitDutyCounts(weeksEndingIn(period), businesses, today);
}

/** 月调度: each business's months ending in the period. */
export function monthlyReviewCounts(businesses: readonly PeriodRecordBusiness[], period: Period, today: BusinessDate): DutyCounts {
  return unitDutyCounts(monthsEndingIn(period), businesses, today);
}

function assertDutyCounts(c: DutyCounts): void {
  if (c.done + c.missed !== c.due || c.late > c.done) throw new RangeError(`inconsistent counts: ${JSON.stringify(c)}`);
}

/**
 * 完成率 = done ÷ due — 日管控、周排查、月调度 completion, and 督导任务完成率 (supervision.ts).
 * domain.md does not say whether a record made late counts; Order 60 asks that the record be formed,
 * and the calendar shows a late day as checked, so it counts here, with dutyOnTime beside it.
 */
export function dutyCompletion(counts: DutyCounts): Fraction {
  assertDutyCounts(counts);
  return fraction(counts.done, counts.due);
}

/** 按时完成率 = done on time ÷ due. */
export function dutyOnTime(counts: DutyCounts): Fraction {
  assertDutyCounts(counts);
  return fraction(counts.done - counts.late, counts.due);
}
