import { SHANGHAI_OFFSET_MINUTES, addDays, mondayOfIsoWeek } from '@shian/shared';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** '2026-11-25 14:03' in Asia/Shanghai for an ISO-8601 instant; '' when unparsable. */
export function formatShanghaiDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return '';
  const s = new Date(t.getTime() + SHANGHAI_OFFSET_MINUTES * 60_000);
  return `${s.getUTCFullYear()}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())} ${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}`;
}

/** '14:03' in Asia/Shanghai. */
export function formatShanghaiTime(iso: string | null | undefined): string {
  return formatShanghaiDateTime(iso).slice(11);
}

/** '2026年11月25日' for a business date. */
export function formatBusinessDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** '2026年第48周（11月23日–11月29日）' for an ISO week key. */
export function formatWeek(week: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return week;
  const monday = mondayOfIsoWeek(week);
  if (!monday) return `${m[1]}年第${Number(m[2])}周`;
  const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
  return `${m[1]}年第${Number(m[2])}周（${md(monday)}–${md(addDays(monday, 6))}）`;
}

/** '2026年11月' for a month key. */
export function formatMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[1]}年${Number(m[2])}月` : month;
}
