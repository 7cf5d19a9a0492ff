// Business dates are Asia/Shanghai calendar dates, 'YYYY-MM-DD'. China has kept UTC+8 with no
// daylight saving since 1991, so a fixed offset is exact for every date we handle, and it works
// on runtimes without full Intl time-zone data (the WeChat JS engine on some phones).
export const SHANGHAI_OFFSET_MINUTES = 8 * 60;

export type BusinessDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The Asia/Shanghai calendar date of an instant. */
export function businessDateOf(instant: Date): BusinessDate {
  const shifted = new Date(instant.getTime() + SHANGHAI_OFFSET_MINUTES * 60_000);
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}

/** Today's business date (Asia/Shanghai) at `now`. */
export function todayInShanghai(now: Date = new Date()): BusinessDate {
  return businessDateOf(now);
}

/** True for a real calendar date in 'YYYY-MM-DD' form (rejects 2026-02-30). */
export function isBusinessDate(value: unknown): value is BusinessDate {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function toUtcNoon(date: BusinessDate): Date {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a business date: ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
}

export function addDays(date: BusinessDate, days: number): BusinessDate {
  const t = toUtcNoon(date);
  t.setUTCDate(t.getUTCDate() + days);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: BusinessDate, b: BusinessDate): number {
  return Math.round((toUtcNoon(b).getTime() - toUtcNoon(a).getTime()) / 86_400_000);
}

/** The first instant after the business day ends: next day's 00:00 in Asia/Shanghai. */
export function endOfBusinessDay(date: BusinessDate): Date {
  const next = toUtcNoon(addDays(date, 1));
  return new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth(), next.getUTCDate()) - SHANGHAI_OFFSET_MINUTES * 60_000);
}

/** ISO-8601 week of a business date, e.g. { year: 2026, week: 53 }. */
export function isoWeekOf(date: BusinessDate): { year: number; week: number } {
  const t = toUtcNoon(date);
  const weekday = t.getUTCDay() || 7; // Monday = 1 … Sunday = 7
  t.setUTCDate(t.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const year = t.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1, 12);
  const week = Math.floor((t.getTime() - jan1) / 86_400_000 / 7) + 1;
  return { year, week };
}

/** '2026-W05' */
export function isoWeekKey(date: BusinessDate): string {
  const { year, week } = isoWeekOf(date);
  return `${year}-W${pad(week)}`;
}

/** '2026-11' */
export function monthKey(date: BusinessDate): string {
  return date.slice(0, 7);
}
