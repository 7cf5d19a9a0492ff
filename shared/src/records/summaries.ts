// The summaries frozen into the 周排查 report and the 月调度 minutes (Order 60: the weekly report
// summarises the week's daily checks and their problems; the principal hears the director report
// days checked, problems found/fixed/open and the weekly findings).
import { addDays, daysBetween, type BusinessDate } from '../dates';
import type { CalendarDayStatus, DailyCalendarDto, DayStats, MonthlyReport, MonthlyWeekEntry, PeriodProblemEntry, ProblemStats, WeeklySummary } from '../api';
import { monthDates, mondayOfIsoWeek, weekDates, weeksOverlappingMonth } from './periods';

export interface CheckDay {
  businessDate: BusinessDate;
  late: boolean;
}

/**
 * How one day stands on `today`: a day with a current daily check is done (late if it came after
 * the day ended); an earlier day without one is missed; today without one is still pending. A day
 * before `since` (the business joined) without a check was not due.
 */
export function dayStatus(date: BusinessDate, check: CheckDay | undefined, today: BusinessDate, since?: BusinessDate): CalendarDayStatus {
  if (date > today) return 'future';
  if (check) return check.late ? 'late' : 'done';
  if (since && date < since) return 'not_due';
  return date === today ? 'pending' : 'missed';
}

/** Counts a period's days up to `today` by dayStatus; future and not-due days are not counted. */
export function dayStats(dates: readonly BusinessDate[], checks: readonly CheckDay[], today: BusinessDate, since?: BusinessDate): DayStats {
  const byDate = new Map(checks.map((c) => [c.businessDate, c]));
  const stats: DayStats = { days: dates.length, daysToDate: 0, checked: 0, late: 0, missed: 0, pending: 0 };
  for (const d of dates) {
    const status = dayStatus(d, byDate.get(d), today, since);
    if (status === 'future' || status === 'not_due') continue;
    stats.daysToDate++;
    if (status === 'done' || status === 'late') stats.checked++;
    if (status === 'late') stats.late++;
    else if (status === 'pending') stats.pending++;
    else if (status === 'missed') stats.missed++;
  }
  return stats;
}

/** A current daily check as the calendar needs it. */
export interface CalendarCheck extends CheckDay {
  id: string;
  problemCount: number;
}

// 2024-01-01 was a Monday.
const A_MONDAY = '2024-01-01';

/** ISO weekday of a business date: 1 = Monday … 7 = Sunday. */
function isoWeekday(date: BusinessDate): number {
  return (((daysBetween(A_MONDAY, date) % 7) + 7) % 7) + 1;
}

/**
 * The 日管控 calendar of a month: each day's status by dayStatus, flagged when its check found a
 * problem, with the month's counts by dayStats (the same rules the weekly and monthly reports use).
 */
export function dailyCalendar(input: { enterpriseId: string; month: string; today: BusinessDate; since: BusinessDate; checks: readonly CalendarCheck[] }): DailyCalendarDto {
  const dates = monthDates(input.month);
  const byDate = new Map(input.checks.map((c) => [c.businessDate, c]));
  const days = dates.map((date) => {
    const check = byDate.get(date);
    const status = dayStatus(date, check, input.today, input.since);
    // A check on a future date cannot exist (the server refuses them); never show one as done.
    const shown = status === 'future' ? undefined : check;
    return {
      date,
      weekday: isoWeekday(date),
      status,
      late: shown?.late ?? false,
      problem: (shown?.problemCount ?? 0) > 0,
      problemCount: shown?.problemCount ?? 0,
      recordId: shown?.id ?? null,
    };
  });
  return {
    enterpriseId: input.enterpriseId,
    month: input.month,
    today: input.today,
    since: input.since,
    days,
    stats: dayStats(dates, input.checks, input.today, input.since),
    problemDays: days.filter((d) => d.problem).length,
  };
}

/** Found = every problem of the period's current records; a superseded one belongs to no current record. */
export function problemStats(problems: readonly Pick<PeriodProblemEntry, 'status'>[]): ProblemStats {
  const live = problems.filter((p) => p.status !== 'superseded');
  return { found: live.length, fixed: live.filter((p) => p.status === 'resolved').length, open: live.filter((p) => p.status === 'open').length };
}

const byDateThenId = (a: PeriodProblemEntry, b: PeriodProblemEntry): number =>
  a.businessDate.localeCompare(b.businessDate) || (a.itemCode ?? '').localeCompare(b.itemCode ?? '') || a.id.localeCompare(b.id);

export function weeklySummary(input: { week: string; today: BusinessDate; checks: readonly CheckDay[]; problems: readonly PeriodProblemEntry[]; since?: BusinessDate }): WeeklySummary {
  const dates = weekDates(input.week);
  const problemList = input.problems.filter((p) => p.status !== 'superseded' && p.businessDate >= dates[0] && p.businessDate <= dates[6]).sort(byDateThenId);
  return {
    week: input.week,
    from: dates[0],
    to: dates[6],
    asOf: input.today,
    days: dayStats(dates, input.checks, input.today, input.since),
    problems: problemStats(problemList),
    problemList,
  };
}

export interface WeekInvestigationBrief {
  id: string;
  week: string;
  investigatorName: string;
  late: boolean;
  hazards: readonly { description: string }[];
}

export function monthlyReport(input: {
  month: string;
  today: BusinessDate;
  checks: readonly CheckDay[];
  problems: readonly Pick<PeriodProblemEntry, 'status' | 'businessDate'>[];
  investigations: readonly WeekInvestigationBrief[];
  since?: BusinessDate;
}): MonthlyReport {
  const dates = monthDates(input.month);
  const [from, to] = [dates[0], dates[dates.length - 1]];
  const byWeek = new Map(input.investigations.map((i) => [i.week, i]));
  const weeks: MonthlyWeekEntry[] = weeksOverlappingMonth(input.month)
    // Weeks started so far; a week that ended before the business joined is not due (like its
    // days in dayStats), unless it was investigated anyway.
    .filter((w) => {
      const monday = mondayOfIsoWeek(w)!;
      if (monday > input.today) return false;
      return !input.since || addDays(monday, 6) >= input.since || byWeek.has(w);
    })
    .map((week) => {
      const inv = byWeek.get(week);
      return inv
        ? { week, investigationId: inv.id, investigatorName: inv.investigatorName, late: inv.late, hazards: inv.hazards.map((h) => h.description) }
        : { week, investigationId: null, investigatorName: null, late: null, hazards: [] };
    });
  return {
    month: input.month,
    from,
    to,
    asOf: input.today,
    days: dayStats(dates, input.checks, input.today, input.since),
    problems: problemStats(input.problems.filter((p) => p.businessDate >= from && p.businessDate <= to)),
    weeks,
    weeklyDone: weeks.filter((w) => w.investigationId).length,
  };
}
