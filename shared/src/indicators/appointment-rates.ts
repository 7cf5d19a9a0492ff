// 食品安全总监配备率 and 食品安全员配备率 — two of the indicators officials track for the 包保
// mechanism (Lhasa's "five 100%", domain.md §2; 2022 包保 opinions). Ratios in [0, 1]; null when
// there is nothing to measure (no business in scope), so a region with none shows 「—」, not 0 % or NaN.
import { evaluateStaffing, RosterMember, StaffingRequirement } from '../staffing/requirement';
import { fraction, Fraction } from './fraction';

/**
 * 食品安全总监配备率 = businesses required to have a director that have one ÷ businesses required
 * to have one (domain.md §2). Businesses appointing one voluntarily count in neither.
 */
export function directorAppointment(counts: { requiringDirector: number; withDirector: number }): Fraction {
  return fraction(counts.withDirector, counts.requiringDirector);
}

/** The rate alone, as the appointment-stats rows carry it. */
export function directorAppointmentRate(counts: { requiringDirector: number; withDirector: number }): number | null {
  return directorAppointment(counts).rate;
}

/**
 * 食品安全员配备率 = businesses with at least the required officers ÷ all businesses. domain.md §2
 * names the indicator without its denominator; every business must appoint an officer (§1), so all
 * businesses in scope.
 */
export function officerAppointment(counts: { businesses: number; withOfficer: number }): Fraction {
  return fraction(counts.withOfficer, counts.businesses);
}

/** The rate alone, as the appointment-stats rows carry it. */
export function officerAppointmentRate(counts: { businesses: number; withOfficer: number }): number | null {
  return officerAppointment(counts).rate;
}

export interface AppointmentCounts {
  businesses: number;
  withOfficer: number;
  requiringDirector: number;
  /** Required businesses meeting their requirement — both directors where 双总监 applies. */
  withDirector: number;
}

/** The counts behind both rates, judged by the same rule as evaluateStaffing. */
export function appointmentCounts(entries: ReadonlyArray<{ requirement: StaffingRequirement; roster: readonly RosterMember[] }>): AppointmentCounts {
  const counts: AppointmentCounts = { businesses: 0, withOfficer: 0, requiringDirector: 0, withDirector: 0 };
  for (const { requirement, roster } of entries) {
    const gaps = evaluateStaffing(requirement, roster).map((g) => g.code);
    counts.businesses += 1;
    if (!gaps.includes('officers_short')) counts.withOfficer += 1;
    if (requirement.directorRequired) {
      counts.requiringDirector += 1;
      if (!gaps.includes('director_missing')) counts.withDirector += 1;
    }
  }
  return counts;
}
