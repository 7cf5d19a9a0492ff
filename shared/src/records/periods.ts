// The periods of Order 60's records: the ISO week of the 周排查 and the calendar month of the
// 月调度, both in Asia/Shanghai business dates, and when each record is due.
import { addDays, BusinessDate, endOfBusinessDay, isoWeekKey } from '../dates';

const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

/** The Monday of an ISO week key ('2026-W48'), or null when there is no such week (e.g. 2025-W53). */
export function mondayOfIsoWeek(week: string): BusinessDate | null {
  const m = typeof week === 'string' ? WEEK_RE.exec(week) : null;
  if (!m) return null;
  const [year, n] = [Number(m[1]), Number(m[2])];
  if (n < 1 || n > 53) return null;
  // 4 January is always in week 1; its week's Monday starts the ISO year.
  const jan4 = `${m[1]}-01-04`;
  const weekday = new Date(Date.UTC(year, 0, 4, 12)).getUTCDay() || 7;
  const monday = addDays(addDays(jan4, 1 - weekday), (n - 1) * 7);
  return isoWeekKey(monday) === week ? monday : null;
}

/** True for an existing ISO week key, 'YYYY-Www'. */
export function isIsoWeekKey(value: unknown): value is string {
  return typeof value === 'string' && mondayOfIsoWeek(value) !== null;
}

/** True for a month key, 'YYYY-MM'. */
export function isMonthKey(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = MONTH_RE.exec(value);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[1]) >= 1900;
}

/** Monday … Sunday of an ISO week. Throws on an invalid key. */
export function weekDates(week: string): BusinessDate[] {
  const monday = mondayOfIsoWeek(week);
  if (!monday) throw new RangeError(`not an ISO week: ${week}`);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** Every date of a month ('2026-02' → 28 dates). Throws on an invalid key. */
export function monthDates(month: string): BusinessDate[] {
  if (!isMonthKey(month)) throw new RangeError(`not a month: ${month}`);
  const out: BusinessDate[] = [];
  for (let d = `${month}-01`; d.startsWith(month); d = addDays(d, 1)) out.push(d);
  return out;
}

/** The ISO weeks with at least one day in the month (a week spanning two months belongs to both). */
export function weeksOverlappingMonth(month: string): string[] {
  const weeks: string[] = [];
  for (const d of monthDates(month)) {
    const key = isoWeekKey(d);
    if (!weeks.includes(key)) weeks.push(key);
  }
  return weeks;
}

/** A period that has not started yet on `today` cannot be reported on. */
export function isFuturePeriod(firstDay: BusinessDate, today: BusinessDate): boolean {
  return firstDay > today;
}

/** The weekly report is late when received after its week's Sunday ended (Asia/Shanghai). */
export function weeklyDueBy(week: string): Date {
  return endOfBusinessDay(weekDates(week)[6]);
}

/** The monthly review is late when received after the month's last day ended. */
export function monthlyDueBy(month: string): Date {
  const days = monthDates(month);
  return endOfBusinessDay(days[days.length - 1]);
}

