// The summaries frozen into the 周排查 report and the 月调度 minutes (Order 60: the weekly report
// summarises the week's daily checks and their problems; the principal hears the director report
// days checked, problems found/fixed/open and the weekly findings).
import { addDays, type BusinessDate } from '../dates';
import type { DayStats, MonthlyReport, MonthlyWeekEntry, PeriodProblemEntry, ProblemStats, WeeklySummary } from '../api';
import { monthDates, mondayOfIsoWeek, weekDates, weeksOverlappingMonth } from './periods';

export interface CheckDay {
  businessDate: BusinessDate;
  late: boolean;
}

/**
 * Counts a period's days up to `today`: a day with a current daily check is checked (and late if
 * it came after the day ended); an earlier day without one is missed; today without one is still
 * pending. Days before `since` (the business joined) count only when checked.
 */
export function dayStats(dates: readonly BusinessDate[], checks: readonly CheckDay[], today: BusinessDate, since?: BusinessDate): DayStats {
  const byDate = new Map(checks.map((c) => [c.businessDate, c]));
  const stats: DayStats = { days: dates.length, daysToDate: 0, checked: 0, late: 0, missed: 0, pending: 0 };
  for (const d of dates) {
    const check = byDate.get(d);
    // A day before the business joined counts only if someone checked it anyway.
    if (d > today || (since && d < since && !check)) continue;
    stats.daysToDate++;
    if (check) {
      stats.checked++;
      if (check.late) stats.late++;
    } else if (d === today) stats.pending++;
    else stats.missed++;
  }
  return stats;
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
