// Statutory periods in working days (工作日): weekends and public holidays are off, except the
// make-up workdays (调休上班) the State Council announces each year. The calendar of holidays and
// make-up workdays is data (an admin edits it per year), so every rule here takes it as an argument.
import { addDays, type BusinessDate } from '../dates';
import type { WorkingCalendarDay } from './api';

export interface WorkingCalendar {
  /** Public holidays (法定节假日及调休放假日): off even on a weekday. */
  holidays: ReadonlySet<BusinessDate>;
  /** Make-up workdays (调休上班日): working even on a Saturday or Sunday. */
  makeupWorkdays: ReadonlySet<BusinessDate>;
  /** The years whose holidays have been entered; a period reaching into another year counts weekends only. */
  years?: ReadonlySet<number>;
}

export const EMPTY_WORKING_CALENDAR: WorkingCalendar = { holidays: new Set(), makeupWorkdays: new Set() };

/** The calendar from its days as stored and served (GET /api/working-calendar/:year). */
export function workingCalendarOf(days: ReadonlyArray<Pick<WorkingCalendarDay, 'date' | 'kind'>>): WorkingCalendar {
  return {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
    makeupWorkdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
    years: new Set(days.map((d) => Number(d.date.slice(0, 4)))),
  };
}

/** The years from `from` to `to` whose holidays the calendar does not have (none when it does not say which it has). */
export function yearsMissing(from: BusinessDate, to: BusinessDate, cal: WorkingCalendar): number[] {
  if (!cal.years) return [];
  const out: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (!cal.years.has(y)) out.push(y);
  return out;
}

/** 0 = Sunday … 6 = Saturday, of a calendar date (no time zone involved). */
export function weekdayOf(date: BusinessDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function isWeekend(date: BusinessDate): boolean {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
}

export function isWorkingDay(date: BusinessDate, cal: WorkingCalendar): boolean {
  if (cal.makeupWorkdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  return !isWeekend(date);
}

/**
 * The n-th working day after `date` (the day of receipt itself is not counted, 期间开始之日不计算在内):
 * a complaint received on Friday with n = 1 is due on Monday. n = 0 → `date` itself.
 */
export function addWorkingDays(date: BusinessDate, n: number, cal: WorkingCalendar): BusinessDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isWorkingDay(d, cal)) left--;
  }
  return d;
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`): how many of a period are used. */
export function workingDaysBetween(from: BusinessDate, to: BusinessDate, cal: WorkingCalendar): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, cal)) count++;
  return count;
}

/**
 * A deadline is overdue when what it asks was not done by the due day: done later than `due`, or
 * not done and `today` is past `due`. The due day itself is still in time.
 */
export function overdue(due: BusinessDate, doneOn: BusinessDate | null, today: BusinessDate): boolean {
  return doneOn ? doneOn > due : today > due;
}
