import { dailyCalendar } from '../records/summaries';
import { addDutyCounts, dailyCheckCounts, DutyCounts, dutyCompletion, dutyOnTime, emptyDutyCounts, monthlyReviewCounts, weeklyInvestigationCounts } from './record-completion';
import { trendBuckets } from './trend';

const ok = (businessDate: string) => ({ businessDate, late: false });
const late = (businessDate: string) => ({ businessDate, late: true });

describe('日管控 completion over a period', () => {
  // Mon 16 – Wed 25 November 2026; today is the 25th, not over yet.
  const period = { from: '2026-11-16', to: '2026-11-25' };
  const today = '2026-11-25';
  const a = { since: '2026-10-01', checks: [ok('2026-11-16'), late('2026-11-17'), ok('2026-11-18'), ok('2026-11-20'), ok('2026-11-25'), ok('2026-11-10')] };
  // Joined on Friday the 20th; checked the 18th anyway.
  const b = { since: '2026-11-20', checks: [late('2026-11-18'), ok('2026-11-21'), late('2026-11-22')] };
  // Joined today, not checked yet.
  const c = { since: '2026-11-25', checks: [] };

  it('hand-counted: due = done + missed; today unchecked is pending, not due', () => {
    // a: 16–24 due (9 days) + today done → done 16 17 18 20 25, missed 19 21 22 23 24.
    expect(dailyCheckCounts([a], period, today)).toEqual({ businesses: 1, due: 10, done: 5, late: 1, missed: 5, pending: 0 });
    // b: 20–24 due → missed 20 23 24, done 21 22(late); the 18th before joining counts as done; today pending.
    expect(dailyCheckCounts([b], period, today)).toEqual({ businesses: 1, due: 6, done: 3, late: 2, missed: 3, pending: 1 });
    expect(dailyCheckCounts([c], period, today)).toEqual({ businesses: 1, due: 0, done: 0, late: 0, missed: 0, pending: 1 });
    const all = dailyCheckCounts([a, b, c], period, today);
    expect(all).toEqual({ businesses: 3, due: 16, done: 8, late: 3, missed: 8, pending: 2 });
    // Late counts as completed; the on-time rate is reported beside it.
    expect(dutyCompletion(all)).toEqual({ numerator: 8, denominator: 16, rate: 0.5 });
    expect(dutyOnTime(all)).toEqual({ numerator: 5, denominator: 16, rate: 0.3125 });
  });

  it('once today has ended, an unchecked today is missed', () => {
    const next = dailyCheckCounts([a, b, c], period, '2026-11-26');
    expect(next).toEqual({ businesses: 3, due: 18, done: 8, late: 3, missed: 10, pending: 0 });
    expect(dutyCompletion(next).rate).toBeCloseTo(8 / 18);
  });

  it('a business that joined only today owes nothing yet: rate null, not 0 %', () => {
    expect(dutyCompletion(dailyCheckCounts([c], period, today))).toEqual({ numerator: 0, denominator: 0, rate: null });
    expect(dutyCompletion(dailyCheckCounts([], period, today)).rate).toBeNull();
  });

  it('agrees with each business’s 检查日历 for the month', () => {
    const month = { from: '2026-11-01', to: '2026-11-30' };
    for (const biz of [a, b, c]) {
      const cal = dailyCalendar({ enterpriseId: 'e', month: '2026-11', today, since: biz.since, checks: biz.checks.map((x) => ({ ...x, id: x.businessDate, problemCount: 0 })) });
      const counts = dailyCheckCounts([biz], month, today);
      expect(counts).toEqual({ businesses: 1, due: cal.stats.checked + cal.stats.missed, done: cal.stats.checked, late: cal.stats.late, missed: cal.stats.missed, pending: cal.stats.pending });
    }
  });

  it('trend points add up to the period', () => {
    const whole = { from: '2026-11-01', to: '2026-11-25' };
    for (const g of ['day', 'week'] as const) {
      const sum = trendBuckets(whole.from, whole.to, g).reduce((acc, bucket) => addDutyCounts(acc, { ...dailyCheckCounts([a, b, c], bucket, today), businesses: 0 }), emptyDutyCounts());
      expect({ ...sum, businesses: 3 }).toEqual(dailyCheckCounts([a, b, c], whole, today));
    }
  });

  it('a leap day is a day like any other', () => {
    const feb = dailyCheckCounts([{ since: '2028-01-01', checks: [ok('2028-02-28')] }], { from: '2028-02-28', to: '2028-03-01' }, '2028-03-02');
    expect(feb).toMatchObject({ due: 3, done: 1, missed: 2 });
  });

  it('refuses a reversed period', () => {
    expect(() => dailyCheckCounts([a], { from: '2026-11-25', to: '2026-11-16' }, today)).toThrow(RangeError);
  });
});

describe('周排查 and 月调度 completion', () => {
  const week = (key: string, isLate = false) => ({ key, late: isLate });

  it('weeks ending in the period; one that ended before the business joined is not due unless done', () => {
    const period = { from: '2026-11-01', to: '2026-11-30' };
    const today = '2026-11-30'; // Monday: W48 ended last night; W49 is December's
    // W44 (ends Sun 1 Nov) … W48 (ends Sun 29 Nov).
    const a = { since: '2026-10-01', records: [week('2026-W44'), week('2026-W45', true), week('2026-W47'), week('2026-W49')] };
    // Joined Wednesday 18 Nov (W47): W44–W46 were not due, but W45 was done anyway.
    const b = { since: '2026-11-18', records: [week('2026-W45'), week('2026-W48', true)] };
    expect(weeklyInvestigationCounts([a], period, today)).toEqual({ businesses: 1, due: 5, done: 3, late: 1, missed: 2, pending: 0 });
    expect(weeklyInvestigationCounts([b], period, today)).toEqual({ businesses: 1, due: 3, done: 2, late: 1, missed: 1, pending: 0 });
    const both = weeklyInvestigationCounts([a, b], period, today);
    expect(dutyCompletion(both)).toEqual({ numerator: 5, denominator: 8, rate: 0.625 });
    expect(dutyOnTime(both)).toEqual({ numerator: 3, denominator: 8, rate: 0.375 });
  });

  it('the week spanning two months counts once, in the month of its Sunday', () => {
    const b = { since: '2026-10-01', records: [week('2026-W49')] };
    const today = '2027-01-10';
    expect(weeklyInvestigationCounts([b], { from: '2026-11-01', to: '2026-11-30' }, today)).toMatchObject({ due: 5, done: 0 });
    expect(weeklyInvestigationCounts([b], { from: '2026-12-01', to: '2026-12-31' }, today)).toMatchObject({ due: 4, done: 1 });
  });

  it('2026-W53 belongs to January 2027, where it ends', () => {
    const b = { since: '2026-01-01', records: [week('2026-W53', true)] };
    expect(weeklyInvestigationCounts([b], { from: '2026-12-01', to: '2026-12-31' }, '2027-02-01')).toMatchObject({ due: 4, done: 0, missed: 4 });
    expect(weeklyInvestigationCounts([b], { from: '2027-01-01', to: '2027-01-31' }, '2027-02-01')).toEqual({ businesses: 1, due: 5, done: 1, late: 1, missed: 4, pending: 0 });
  });

  it('the week ending today is pending until done; a business that joined on a Sunday owes that week', () => {
    const period = { from: '2026-11-23', to: '2026-11-29' };
    expect(weeklyInvestigationCounts([{ since: '2026-10-01', records: [] }], period, '2026-11-29')).toMatchObject({ due: 0, pending: 1 });
    expect(weeklyInvestigationCounts([{ since: '2026-10-01', records: [week('2026-W48')] }], period, '2026-11-29')).toMatchObject({ due: 1, done: 1, pending: 0 });
    expect(weeklyInvestigationCounts([{ since: '2026-11-22', records: [] }], { from: '2026-11-16', to: '2026-11-22' }, '2026-11-25')).toMatchObject({ due: 1, missed: 1 });
    expect(weeklyInvestigationCounts([{ since: '2026-11-23', records: [] }], { from: '2026-11-16', to: '2026-11-22' }, '2026-11-25')).toMatchObject({ due: 0, missed: 0 });
  });

  it('months ending in the period; joined on the last day still owes that month’s review', () => {
    const period = { from: '2026-11-15', to: '2027-01-10' };
    const today = '2027-01-10';
    const a = { since: '2026-01-01', records: [{ key: '2026-12', late: true }, { key: '2027-01', late: false }] };
    const b = { since: '2026-11-30', records: [] };
    const c = { since: '2026-12-01', records: [] };
    // Months ending in the period: November and December; January has not ended.
    expect(monthlyReviewCounts([a], period, today)).toEqual({ businesses: 1, due: 2, done: 1, late: 1, missed: 1, pending: 0 });
    expect(monthlyReviewCounts([b], period, today)).toMatchObject({ due: 2, missed: 2 });
    expect(monthlyReviewCounts([c], period, today)).toMatchObject({ due: 1, missed: 1 });
    expect(dutyCompletion(monthlyReviewCounts([a, b, c], period, today))).toEqual({ numerator: 1, denominator: 5, rate: 0.2 });
  });

  it('February of a leap year ends on the 29th: pending that day, due the next', () => {
    const b = [{ since: '2028-01-01', records: [] }];
    const feb = { from: '2028-02-01', to: '2028-02-29' };
    expect(monthlyReviewCounts(b, feb, '2028-02-29')).toMatchObject({ due: 0, pending: 1 });
    expect(monthlyReviewCounts(b, feb, '2028-03-01')).toMatchObject({ due: 1, missed: 1, pending: 0 });
    expect(monthlyReviewCounts(b, { from: '2028-02-01', to: '2028-02-28' }, '2028-03-01')).toMatchObject({ due: 0, pending: 0 });
  });

  it('monthly trend points add up to the period', () => {
    const bs = [
      { since: '2026-10-01', records: [week('2026-W49'), week('2026-W50', true), week('2026-W53')] },
      { since: '2026-12-09', records: [] },
    ];
    const whole = { from: '2026-11-01', to: '2027-01-31' };
    const today = '2027-02-01';
    const sum = trendBuckets(whole.from, whole.to, 'month').reduce((acc, m) => addDutyCounts(acc, weeklyInvestigationCounts(bs, m, today)), emptyDutyCounts());
    expect({ ...sum, businesses: 2 }).toEqual(weeklyInvestigationCounts(bs, whole, today));
  });
});

describe('dutyCompletion refuses counts that do not add up', () => {
  const base: DutyCounts = { businesses: 1, due: 3, done: 2, late: 1, missed: 1, pending: 0 };
  it('throws RangeError', () => {
    expect(dutyCompletion(base).rate).toBeCloseTo(2 / 3);
    expect(() => dutyCompletion({ ...base, due: 4 })).toThrow(RangeError);
    expect(() => dutyOnTime({ ...base, late: 3 })).toThrow(RangeError);
    expect(() => dutyCompletion({ ...base, done: -1, missed: 4 })).toThrow(RangeError);
  });
});
