import { Grade } from '../enums';
import { problemStats } from '../records/summaries';
import { problemClosure, rectificationClosure, rectificationCounts } from './problem-closure';
import { dutyCompletion } from './record-completion';
import { cadreCoverage, cyclesEndingIn, DEFAULT_SUPERVISION_FREQUENCY, supervisionCounts, supervisionCycle } from './supervision';

describe('主体包保覆盖率', () => {
  it('businesses with a cadre ÷ all businesses', () => {
    expect(cadreCoverage({ businesses: 8, withCadre: 6 })).toEqual({ numerator: 6, denominator: 8, rate: 0.75 });
    expect(cadreCoverage({ businesses: 0, withCadre: 0 }).rate).toBeNull();
    expect(() => cadreCoverage({ businesses: 2, withCadre: 3 })).toThrow(RangeError);
  });
});

describe('督导任务完成率', () => {
  it('default: every grade once per quarter (domain.md §2)', () => {
    expect(DEFAULT_SUPERVISION_FREQUENCY).toEqual({ A: 'quarter', B: 'quarter', C: 'quarter', D: 'quarter' });
  });

  it('cycles: calendar quarters, half-years, years', () => {
    expect(supervisionCycle('2026-11-25', 'quarter')).toEqual({ key: '2026-Q4', from: '2026-10-01', to: '2026-12-31' });
    expect(supervisionCycle('2026-01-01', 'quarter')).toEqual({ key: '2026-Q1', from: '2026-01-01', to: '2026-03-31' });
    expect(supervisionCycle('2028-02-29', 'quarter')).toEqual({ key: '2028-Q1', from: '2028-01-01', to: '2028-03-31' });
    expect(supervisionCycle('2026-06-30', 'quarter').key).toBe('2026-Q2');
    expect(supervisionCycle('2026-07-01', 'half_year')).toEqual({ key: '2026-H2', from: '2026-07-01', to: '2026-12-31' });
    expect(supervisionCycle('2026-06-30', 'half_year')).toEqual({ key: '2026-H1', from: '2026-01-01', to: '2026-06-30' });
    expect(supervisionCycle('2026-03-15', 'year')).toEqual({ key: '2026', from: '2026-01-01', to: '2026-12-31' });
    expect(() => supervisionCycle('2026-03-15', 'month' as never)).toThrow(RangeError);
    expect(cyclesEndingIn({ from: '2026-11-15', to: '2027-01-10' }, 'quarter').map((c) => c.key)).toEqual(['2026-Q4']);
    expect(cyclesEndingIn({ from: '2026-01-01', to: '2026-12-30' }, 'half_year').map((c) => c.key)).toEqual(['2026-H1']);
    expect(cyclesEndingIn({ from: '2026-01-01', to: '2026-12-31' }, 'quarter').map((c) => c.key)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });

  const year2026 = { from: '2026-01-01', to: '2026-12-31' };
  const a = { grade: Grade.A, since: '2025-06-01', visits: ['2026-02-10', '2026-03-31', '2026-08-01'] };
  // Joined 20 May; visited in April before it joined.
  const d = { grade: Grade.D, since: '2026-05-20', visits: ['2026-04-01'] };
  // Joined 15 August: Q1 and Q2 ended before, not due.
  const c = { grade: Grade.C, since: '2026-08-15', visits: [] };

  it('hand-counted over 2026, one visit per business per cycle', () => {
    const today = '2027-01-05';
    // a: Q1 (two visits count once) and Q3 done, Q2 and Q4 missed.
    expect(supervisionCounts([a], year2026, today)).toEqual({ businesses: 1, due: 4, done: 2, late: 0, missed: 2, pending: 0 });
    // d, quarterly: Q1 not due; Q2 (ends 30 Jun, after joining) done by the April visit; Q3, Q4 missed.
    expect(supervisionCounts([d], year2026, today)).toMatchObject({ due: 3, done: 1, missed: 2 });
    expect(supervisionCounts([c], year2026, today)).toMatchObject({ due: 2, done: 0, missed: 2 });
    // With D businesses visited once a year, the April visit covers d's 2026.
    const yearlyD = { [Grade.D]: 'year' as const };
    expect(supervisionCounts([d], year2026, today, yearlyD)).toMatchObject({ due: 1, done: 1, missed: 0 });
    const all = supervisionCounts([a, d, c], year2026, today, yearlyD);
    expect(all).toEqual({ businesses: 3, due: 7, done: 3, late: 0, missed: 4, pending: 0 });
    expect(dutyCompletion(all)).toEqual({ numerator: 3, denominator: 7, rate: 3 / 7 });
  });

  it('the quarter ending today is pending until visited; visits after the cycle do not count for it', () => {
    const q4 = { from: '2026-10-01', to: '2026-12-31' };
    const b = { grade: Grade.B, since: '2026-01-01', visits: ['2027-01-02', '2026-09-30'] };
    expect(supervisionCounts([b], q4, '2026-12-31')).toMatchObject({ due: 0, pending: 1 });
    expect(supervisionCounts([{ ...b, visits: ['2026-12-31'] }], q4, '2026-12-31')).toMatchObject({ due: 1, done: 1, pending: 0 });
    expect(supervisionCounts([b], q4, '2027-01-03')).toMatchObject({ due: 1, done: 0, missed: 1 });
  });

  it('a period inside a quarter has no supervision due: rate null', () => {
    expect(dutyCompletion(supervisionCounts([a], { from: '2026-11-01', to: '2026-11-30' }, '2026-12-01')).rate).toBeNull();
  });

  it('refuses a grade without a frequency', () => {
    expect(() => supervisionCounts([{ ...a, grade: 'E' as Grade }], year2026, '2027-01-05')).toThrow(RangeError);
    expect(() => supervisionCounts([a], year2026, '2027-01-05', { [Grade.A]: 'monthly' as never })).toThrow(RangeError);
  });
});

describe('问题整改 and 整改通知', () => {
  it('自查问题整改率 = resolved ÷ found, superseded left out', () => {
    const stats = problemStats([{ status: 'open' }, { status: 'resolved' }, { status: 'resolved' }, { status: 'superseded' }]);
    expect(problemClosure(stats)).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
    expect(problemClosure(problemStats([])).rate).toBeNull();
    expect(() => problemClosure({ found: 3, fixed: 2, open: 2 })).toThrow(RangeError);
  });

  it('督导整改率 = closed ÷ issued; overdue = deadline day over and not closed', () => {
    const today = '2026-11-25';
    const counts = rectificationCounts(
      [
        { status: 'open', deadline: '2026-11-20' }, // overdue
        { status: 'answered', deadline: '2026-11-24' }, // answered but not closed: overdue
        { status: 'returned', deadline: '2026-11-25' }, // deadline is today: not yet overdue
        { status: 'closed', deadline: '2026-11-01' },
        { status: 'open', deadline: '2026-12-01' },
      ],
      today,
    );
    expect(counts).toEqual({ issued: 5, closed: 1, unclosed: 4, overdue: 2 });
    expect(rectificationClosure(counts)).toEqual({ numerator: 1, denominator: 5, rate: 0.2 });
    expect(rectificationCounts([{ status: 'returned', deadline: '2026-11-25' }], '2026-11-26').overdue).toBe(1);
    expect(rectificationClosure(rectificationCounts([], today)).rate).toBeNull();
  });

  it('refuses unknown statuses and counts that do not add up', () => {
    expect(() => rectificationCounts([{ status: 'done' as never, deadline: '2026-11-01' }], '2026-11-25')).toThrow(RangeError);
    expect(() => rectificationClosure({ issued: 2, closed: 1, unclosed: 0, overdue: 0 })).toThrow(RangeError);
    expect(() => rectificationClosure({ issued: 2, closed: 1, unclosed: 1, overdue: 2 })).toThrow(RangeError);
  });
});
