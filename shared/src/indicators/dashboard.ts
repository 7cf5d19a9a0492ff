// A dashboard row's indicators from its counts — one place, so the table, the ranking, the trend and
// the export cannot compute a rate two ways. Each formula is the function its catalogue entry names.
import { AppointmentCounts, directorAppointment, officerAppointment } from './appointment-rates';
import type { IndicatorKey } from './catalogue';
import type { DashboardFigures } from './dashboard-api';
import type { Fraction } from './fraction';
import { fraction } from './fraction';
import { problemClosure, RectificationCounts, rectificationClosure } from './problem-closure';
import { addDutyCounts, dutyCompletion, dutyOnTime, emptyDutyCounts } from './record-completion';
import { cadreCoverage } from './supervision';

export type DashboardCounts = Omit<DashboardFigures, 'indicators'>;

export const emptyRectificationCounts = (): RectificationCounts => ({ issued: 0, closed: 0, unclosed: 0, overdue: 0 });
export const emptyAppointmentCounts = (): AppointmentCounts => ({ businesses: 0, withOfficer: 0, requiringDirector: 0, withDirector: 0 });

export function emptyDashboardCounts(): DashboardCounts {
  return {
    daily: emptyDutyCounts(),
    weekly: emptyDutyCounts(),
    monthly: emptyDutyCounts(),
    problems: { found: 0, fixed: 0, open: 0 },
    rectifications: emptyRectificationCounts(),
    appointments: emptyAppointmentCounts(),
    coverage: { businesses: 0, withCadre: 0 },
    supervision: emptyDutyCounts(),
  };
}

/** The sum of two rows' counts — a parent's from its children's. */
export function addDashboardCounts(a: DashboardCounts, b: DashboardCounts): DashboardCounts {
  const sum = <T extends object>(x: T, y: T): T => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, (v as number) + (y[k as keyof T] as number)])) as T;
  return {
    daily: addDutyCounts(a.daily, b.daily),
    weekly: addDutyCounts(a.weekly, b.weekly),
    monthly: addDutyCounts(a.monthly, b.monthly),
    problems: sum(a.problems, b.problems),
    rectifications: sum(a.rectifications, b.rectifications),
    appointments: sum(a.appointments, b.appointments),
    coverage: sum(a.coverage, b.coverage),
    supervision: addDutyCounts(a.supervision, b.supervision),
  };
}

/** Every indicator the counts support. A rate over nothing is a Fraction with rate null: shown 「—」, ranked last. */
export function dashboardIndicators(c: DashboardCounts): Partial<Record<IndicatorKey, Fraction>> {
  return {
    dailyCheckCompletion: dutyCompletion(c.daily),
    dailyCheckOnTime: dutyOnTime(c.daily),
    weeklyInvestigationCompletion: dutyCompletion(c.weekly),
    monthlyReviewCompletion: dutyCompletion(c.monthly),
    problemClosure: problemClosure(c.problems),
    rectificationClosure: rectificationClosure(c.rectifications),
    directorAppointment: directorAppointment(c.appointments),
    officerAppointment: officerAppointment(c.appointments),
    cadreCoverage: cadreCoverage(c.coverage),
    supervisionCompletion: dutyCompletion(c.supervision),
  };
}

/** The counts with their indicators. */
export function dashboardFigures(c: DashboardCounts): DashboardFigures {
  return { ...c, indicators: dashboardIndicators(c) };
}

/** A fraction that is never undefined, for an indicator a row does not carry. */
export const NO_FRACTION: Fraction = fraction(0, 0);
