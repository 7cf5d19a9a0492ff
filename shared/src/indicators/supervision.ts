// The 包保 indicators (2022 包保 opinions; domain.md §2, Lhasa's "five 100%"): 主体包保覆盖率 and
// 督导任务完成率. Each business is supervised by a cadre of the level its grade calls for, on a
// schedule per grade; a cycle (quarter, half-year, year) is done when the business had at least one
// visit in it.
import type { BusinessDate } from '../dates';
import { Grade } from '../enums';
import { monthDates } from '../records/periods';
import { fraction, Fraction } from './fraction';
import { monthsEndingIn, Period, PeriodUnit } from './period';
import { addDutyCounts, DutyCounts, emptyDutyCounts, unitDutyCounts } from './record-completion';

/** 主体包保覆盖率 = businesses with an assigned cadre ÷ all businesses (domain.md §2). */
export function cadreCoverage(counts: { businesses: number; withCadre: number }): Fraction {
  return fraction(counts.withCadre, counts.businesses);
}

/** How often a business of a grade must be visited: once per calendar quarter, half-year or year. */
export type SupervisionFrequency = 'quarter' | 'half_year' | 'year';
export const SUPERVISION_FREQUENCIES: readonly SupervisionFrequency[] = ['quarter', 'half_year', 'year'];

const CYCLE_MONTHS: Record<SupervisionFrequency, number> = { quarter: 3, half_year: 6, year: 12 };

/**
 * domain.md §2: "Default: every grade once per quarter; later optimisation lowered frequencies for
 * some levels *(to confirm; make per-grade frequency configurable: quarter / half-year / year)*"
 * (Jiangxi's 季度督导率; Guangyuan: at least one visit per business per quarter). A region's own
 * schedule is passed to supervisionCounts as an override.
 */
export const DEFAULT_SUPERVISION_FREQUENCY: Readonly<Record<Grade, SupervisionFrequency>> = {
  [Grade.A]: 'quarter',
  [Grade.B]: 'quarter',
  [Grade.C]: 'quarter',
  [Grade.D]: 'quarter',
};

/** The supervision cycle a date falls in: '2026-Q4', '2026-H2' or '2026', first to last day. */
export function supervisionCycle(date: BusinessDate, frequency: SupervisionFrequency): PeriodUnit {
  const months = CYCLE_MONTHS[frequency];
  if (!months) throw new RangeError(`not a supervision frequency: ${frequency}`);
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const index = Math.floor((month - 1) / months); // 0-based cycle of the year
  const first = `${date.slice(0, 4)}-${String(index * months + 1).padStart(2, '0')}`;
  const lastMonth = `${date.slice(0, 4)}-${String((index + 1) * months).padStart(2, '0')}`;
  const lastDays = monthDates(lastMonth);
  const key = frequency === 'quarter' ? `${year}-Q${index + 1}` : frequency === 'half_year' ? `${year}-H${index + 1}` : `${year}`;
  return { key, from: `${first}-01`, to: lastDays[lastDays.length - 1] };
}

/** The cycles whose last day falls in the period, whole. */
export function cyclesEndingIn(period: Period, frequency: SupervisionFrequency): PeriodUnit[] {
  const months = CYCLE_MONTHS[frequency];
  if (!months) throw new RangeError(`not a supervision frequency: ${frequency}`);
  return monthsEndingIn(period)
    .filter((m) => Number(m.key.slice(5, 7)) % months === 0)
    .map((m) => supervisionCycle(m.to, frequency));
}

export interface SupervisedBusiness {
  grade: Grade;
  /** The day its duties started (dutiesSince): a cycle that ended before was not due. */
  since: BusinessDate;
  /** Dates of its cadres' supervision visits; those outside the period's cycles are ignored. */
  visits: readonly BusinessDate[];
}

/**
 * 督导任务完成率's counts — visits due and done, one per business per cycle ending in the period,
 * counted like the records (record-completion.ts): due once the cycle has ended, not due if it ended
 * before the business joined. Every business owes its visits, with or without a cadre assigned — a
 * region that leaves businesses unassigned must not look better for it (cadreCoverage shows that
 * gap). A visit belongs to the cycle of its date, so none is late. Rate: dutyCompletion.
 */
export function supervisionCounts(
  businesses: readonly SupervisedBusiness[],
  period: Period,
  today: BusinessDate,
  frequency: Partial<Record<Grade, SupervisionFrequency>> = {},
): DutyCounts {
  const schedule = (grade: Grade): SupervisionFrequency | undefined => frequency[grade] ?? DEFAULT_SUPERVISION_FREQUENCY[grade];
  const cycles = new Map<SupervisionFrequency, PeriodUnit[]>();
  let counts = emptyDutyCounts();
  for (const b of businesses) {
    const f = schedule(b.grade);
    if (!f || !SUPERVISION_FREQUENCIES.includes(f)) throw new RangeError(`no supervision frequency for grade ${b.grade}: ${f}`);
    if (!cycles.has(f)) cycles.set(f, cyclesEndingIn(period, f));
    const units = cycles.get(f)!;
    const visited = units.filter((u) => b.visits.some((v) => v >= u.from && v <= u.to)).map((u) => ({ key: u.key, late: false }));
    counts = addDutyCounts(counts, unitDutyCounts(units, [{ since: b.since, records: visited }], today));
  }
  return counts;
}
