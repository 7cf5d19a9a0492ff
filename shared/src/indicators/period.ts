// The period a dashboard figure is asked for: two Asia/Shanghai business dates, both included. The
// server validates its query with parsePeriod; the formulas take a Period already checked.
import { addDays, BusinessDate, daysBetween, isBusinessDate, isoWeekKey, monthKey } from '../dates';
import { mondayOfIsoWeek, monthDates } from '../records/periods';

export interface Period {
  /** First business date, 'YYYY-MM-DD', included. */
  from: BusinessDate;
  /** Last business date, included. */
  to: BusinessDate;
}

/** A named unit of time — a day, an ISO week, a month, a supervision cycle — or the part of one in a period. */
export interface PeriodUnit extends Period {
  /** '2026-11-25', '2026-W48', '2026-11', '2026-Q4' … */
  key: string;
}

/** The longest period one query may ask for: a whole leap year. */
export const MAX_PERIOD_DAYS = 366;

export type PeriodCheck = { ok: true; value: Period } | { ok: false; field: 'from' | 'to'; reason: string };

/**
 * A query's period, or the first reason it cannot be one, in Chinese naming 开始日期/结束日期. The
 * end may be today (today's figures are partial: what is not due yet is not counted) but not later.
 */
export function parsePeriod(input: { from?: unknown; to?: unknown }, today: BusinessDate, options: { maxDays?: number } = {}): PeriodCheck {
  const maxDays = options.maxDays ?? MAX_PERIOD_DAYS;
  const { from, to } = input;
  if (from === undefined || from === null || from === '') return { ok: false, field: 'from', reason: '请选择开始日期' };
  if (!isBusinessDate(from)) return { ok: false, field: 'from', reason: '开始日期不是有效日期（格式为YYYY-MM-DD）' };
  if (to === undefined || to === null || to === '') return { ok: false, field: 'to', reason: '请选择结束日期' };
  if (!isBusinessDate(to)) return { ok: false, field: 'to', reason: '结束日期不是有效日期（格式为YYYY-MM-DD）' };
  if (from > today) return { ok: false, field: 'from', reason: `开始日期不能晚于今天（${today}）` };
  if (to < from) return { ok: false, field: 'to', reason: '结束日期不能早于开始日期' };
  if (to > today) return { ok: false, field: 'to', reason: `结束日期不能晚于今天（${today}）` };
  if (periodLength({ from, to }) > maxDays) return { ok: false, field: 'to', reason: `开始日期至结束日期不能超过${maxDays}天` };
  return { ok: true, value: { from, to } };
}

/** Days in the period, both ends included. */
export function periodLength(period: Period): number {
  return daysBetween(period.from, period.to) + 1;
}

/** Every date of the period, in order. */
export function periodDates(period: Period): BusinessDate[] {
  assertPeriod(period);
  return Array.from({ length: periodLength(period) }, (_, i) => addDays(period.from, i));
}

/** A formula handed a period no query could have passed is a programming error. */
export function assertPeriod(period: Period): void {
  if (!isBusinessDate(period.from) || !isBusinessDate(period.to) || period.to < period.from) {
    throw new RangeError(`not a period: ${period.from} … ${period.to}`);
  }
}

/** The ISO weeks whose Sunday falls in the period, whole (Monday to Sunday). */
export function weeksEndingIn(period: Period): PeriodUnit[] {
  assertPeriod(period);
  const out: PeriodUnit[] = [];
  for (let monday = mondayOfIsoWeek(isoWeekKey(period.from))!; addDays(monday, 6) <= period.to; monday = addDays(monday, 7)) {
    out.push({ key: isoWeekKey(monday), from: monday, to: addDays(monday, 6) });
  }
  return out;
}

/** The calendar months whose last day falls in the period, whole. */
export function monthsEndingIn(period: Period): PeriodUnit[] {
  assertPeriod(period);
  const out: PeriodUnit[] = [];
  for (let month = monthKey(period.from); ; ) {
    const days = monthDates(month);
    const last = days[days.length - 1];
    if (last > period.to) return out;
    out.push({ key: month, from: days[0], to: last });
    month = monthKey(addDays(last, 1));
  }
}
