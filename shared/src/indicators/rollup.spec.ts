import { addDays, BusinessDate } from '../dates';
import { periodDates, monthsEndingIn, weeksEndingIn } from './period';
import { dailyCheckCounts, monthlyReviewCounts, PeriodRecordBusiness, weeklyInvestigationCounts } from './record-completion';
import { DoneGroup, rolledUpDutyCounts, SinceGroup } from './rollup';

/** A small deterministic PRNG so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the rollup tables hold for these businesses: starts per date, records per unit end date. */
function sums(businesses: ReadonlyArray<{ since: BusinessDate; done: ReadonlyArray<{ date: BusinessDate; late: boolean }> }>): { owing: SinceGroup[]; done: DoneGroup[] } {
  const owing = new Map<string, number>();
  const done = new Map<string, DoneGroup>();
  for (const b of businesses) {
    owing.set(b.since, (owing.get(b.since) ?? 0) + 1);
    for (const r of b.done) {
      const g = done.get(r.date) ?? { date: r.date, done: 0, late: 0, unowed: 0 };
      g.done++;
      if (r.late) g.late++;
      if (r.date < b.since) g.unowed++;
      done.set(r.date, g);
    }
  }
  return { owing: [...owing].map(([since, n]) => ({ since, businesses: n })), done: [...done.values()] };
}

describe('rolled-up duty counts equal the per-business calendars', () => {
  const today = '2026-11-25';

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('daily checks, random businesses (seed %i)', (seed) => {
    const rnd = prng(seed);
    const businesses = Array.from({ length: 40 }, () => {
      const since = addDays(today, -Math.floor(rnd() * 60));
      const checks: { businessDate: string; late: boolean }[] = [];
      for (let d = addDays(today, -70); d <= today; d = addDays(d, 1)) {
        // Some checks before the business started (allowed: counted done, never missed).
        if (rnd() < (d < since ? 0.05 : 0.8)) checks.push({ businessDate: d, late: d < today && rnd() < 0.15 });
      }
      return { since, checks };
    });
    const from = addDays(today, -Math.floor(rnd() * 40));
    const to = addDays(today, -Math.floor(rnd() * 3));
    const period = { from: from < to ? from : to, to };
    const expected = dailyCheckCounts(businesses, period, today);
    const { owing, done } = sums(businesses.map((b) => ({ since: b.since, done: b.checks.map((c) => ({ date: c.businessDate, late: c.late })) })));
    const units = periodDates(period).map((d) => ({ key: d, from: d, to: d }));
    expect(rolledUpDutyCounts(units, owing, done, today)).toEqual(expected);
  });

  it.each([11, 12, 13, 14])('weekly investigations and monthly reviews (seed %i)', (seed) => {
    const rnd = prng(seed);
    const period = { from: '2026-08-01', to: today };
    const weeks = weeksEndingIn(period);
    const months = monthsEndingIn(period);
    const make = (units: typeof weeks) =>
      Array.from({ length: 25 }, (): PeriodRecordBusiness & { since: string } => {
        const since = addDays(today, -Math.floor(rnd() * 120));
        const records = units.filter((u) => rnd() < (u.to < since ? 0.1 : 0.75)).map((u) => ({ key: u.key, late: rnd() < 0.2 }));
        return { since, records };
      });
    for (const [units, count] of [
      [weeks, weeklyInvestigationCounts],
      [months, monthlyReviewCounts],
    ] as const) {
      const businesses = make(units);
      const ends = new Map(units.map((u) => [u.key, u.to]));
      const { owing, done } = sums(businesses.map((b) => ({ since: b.since, done: b.records.map((r) => ({ date: ends.get(r.key)!, late: r.late })) })));
      expect(rolledUpDutyCounts(units, owing, done, today)).toEqual(count(businesses, period, today));
    }
  });

  it('today not yet checked is pending; a record for a day before the business started is done and due', () => {
    const units = ['2026-11-24', '2026-11-25'].map((d) => ({ key: d, from: d, to: d }));
    const owing = [
      { since: '2026-11-01', businesses: 3 },
      { since: '2026-11-25', businesses: 1 },
    ];
    const done = [
      { date: '2026-11-24', done: 3, late: 1, unowed: 1 },
      { date: '2026-11-25', done: 1, late: 0, unowed: 0 },
    ];
    // 24th: 3 owed, 2 of them done + 1 by the business starting on the 25th → due 4, missed 1.
    // 25th: 4 owe it, 1 done → pending 3.
    expect(rolledUpDutyCounts(units, owing, done, '2026-11-25')).toEqual({ businesses: 4, due: 5, done: 4, late: 1, missed: 1, pending: 3 });
  });

  it('refuses sums that cannot be: more records than businesses owing them', () => {
    const units = [{ key: '2026-11-24', from: '2026-11-24', to: '2026-11-24' }];
    expect(() => rolledUpDutyCounts(units, [{ since: '2026-11-01', businesses: 1 }], [{ date: '2026-11-24', done: 2, late: 0, unowed: 0 }], '2026-11-25')).toThrow(RangeError);
  });
});
