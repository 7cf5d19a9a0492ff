// The 2026 holidays and make-up workdays of 《国务院办公厅关于2026年部分节假日安排的通知》 (dated
// 4 November 2025), checked day by day against the notice's text as 新华社 published it
// (politics.gmw.cn/2025-11/04/content_38391083.htm). The working_calendar table is seeded with
// these and an admin edits it each year (PUT /api/working-calendar/:year) when the next year's
// notice is out.
import { addDays, type BusinessDate } from '../dates';
import type { WorkingCalendarDay } from './api';

function range(from: BusinessDate, to: BusinessDate, name: string): WorkingCalendarDay[] {
  const out: WorkingCalendarDay[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push({ date: d, kind: 'holiday', name });
  return out;
}
const workday = (date: BusinessDate, name: string): WorkingCalendarDay => ({ date, kind: 'workday', name: `${name}调休上班` });

export const CALENDAR_2026: readonly WorkingCalendarDay[] = [
  ...range('2026-01-01', '2026-01-03', '元旦'),
  workday('2026-01-04', '元旦'),
  workday('2026-02-14', '春节'),
  ...range('2026-02-15', '2026-02-23', '春节'),
  workday('2026-02-28', '春节'),
  ...range('2026-04-04', '2026-04-06', '清明节'),
  ...range('2026-05-01', '2026-05-05', '劳动节'),
  workday('2026-05-09', '劳动节'),
  ...range('2026-06-19', '2026-06-21', '端午节'),
  ...range('2026-09-25', '2026-09-27', '中秋节'),
  workday('2026-09-20', '国庆节'),
  ...range('2026-10-01', '2026-10-07', '国庆节'),
  workday('2026-10-10', '国庆节'),
];
