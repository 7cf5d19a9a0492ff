import { MAX_PERIOD_DAYS, monthsEndingIn, parsePeriod, periodDates, periodLength, weeksEndingIn } from './period';
import { trendBuckets } from './trend';

describe('parsePeriod — the dashboard query', () => {
  const today = '2026-11-25';
  const fails = (input: { from?: unknown; to?: unknown }, t = today) => {
    const r = parsePeriod(input, t);
    return r.ok ? null : [r.field, r.reason];
  };

  it('accepts a period ending today or earlier', () => {
    expect(parsePeriod({ from: '2026-11-01', to: '2026-11-25' }, today)).toEqual({ ok: true, value: { from: '2026-11-01', to: '2026-11-25' } });
    expect(parsePeriod({ from: '2026-11-25', to: '2026-11-25' }, today).ok).toBe(true);
  });

  it('names 开始日期 / 结束日期 in each reason', () => {
    expect(fails({ to: '2026-11-25' })).toEqual(['from', '请选择开始日期']);
    expect(fails({ from: '', to: '2026-11-25' })).toEqual(['from', '请选择开始日期']);
    expect(fails({ from: '2026-11-01' })).toEqual(['to', '请选择结束日期']);
    expect(fails({ from: '2026-02-30', to: '2026-11-25' })).toEqual(['from', '开始日期不是有效日期（格式为YYYY-MM-DD）']);
    expect(fails({ from: 20261101, to: '2026-11-25' })).toEqual(['from', '开始日期不是有效日期（格式为YYYY-MM-DD）']);
    expect(fails({ from: '2026-11-01', to: '2026/11/25' })).toEqual(['to', '结束日期不是有效日期（格式为YYYY-MM-DD）']);
    expect(fails({ from: '2026-11-10', to: '2026-11-09' })).toEqual(['to', '结束日期不能早于开始日期']);
    expect(fails({ from: '2026-11-01', to: '2026-11-26' })).toEqual(['to', '结束日期不能晚于今天（2026-11-25）']);
    expect(fails({ from: '2026-11-26', to: '2026-11-27' })).toEqual(['from', '开始日期不能晚于今天（2026-11-25）']);
  });

  it('at most 366 days, both ends included — a whole leap year fits', () => {
    expect(MAX_PERIOD_DAYS).toBe(366);
    expect(parsePeriod({ from: '2028-01-01', to: '2028-12-31' }, '2029-01-01').ok).toBe(true);
    expect(parsePeriod({ from: '2025-11-25', to: '2026-11-25' }, today).ok).toBe(true); // 366 days
    expect(fails({ from: '2025-11-24', to: '2026-11-25' })).toEqual(['to', '开始日期至结束日期不能超过366天']);
    expect(parsePeriod({ from: '2026-11-01', to: '2026-11-25' }, today, { maxDays: 7 })).toEqual({ ok: false, field: 'to', reason: '开始日期至结束日期不能超过7天' });
  });

  it('lists the days of a period, leap day included', () => {
    expect(periodDates({ from: '2028-02-27', to: '2028-03-01' })).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
    expect(periodLength({ from: '2026-12-31', to: '2027-01-01' })).toBe(2);
    expect(() => periodDates({ from: '2026-11-02', to: '2026-11-01' })).toThrow(RangeError);
  });

  it('weeks and months belong to the period their last day falls in', () => {
    // 2026-W49 (Mon 30 Nov – Sun 6 Dec) spans two months: it is December's.
    expect(weeksEndingIn({ from: '2026-11-01', to: '2026-11-30' }).map((w) => w.key)).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(weeksEndingIn({ from: '2026-12-01', to: '2026-12-31' }).map((w) => w.key)).toEqual(['2026-W49', '2026-W50', '2026-W51', '2026-W52']);
    expect(weeksEndingIn({ from: '2026-12-01', to: '2026-12-31' })[0]).toEqual({ key: '2026-W49', from: '2026-11-30', to: '2026-12-06' });
    // 2026-W53 ends on 2027-01-03.
    expect(weeksEndingIn({ from: '2027-01-01', to: '2027-01-10' })).toEqual([
      { key: '2026-W53', from: '2026-12-28', to: '2027-01-03' },
      { key: '2027-W01', from: '2027-01-04', to: '2027-01-10' },
    ]);
    expect(weeksEndingIn({ from: '2026-11-23', to: '2026-11-28' })).toEqual([]);
    expect(monthsEndingIn({ from: '2026-11-15', to: '2027-01-10' }).map((m) => m.key)).toEqual(['2026-11', '2026-12']);
    expect(monthsEndingIn({ from: '2028-02-29', to: '2028-02-29' })).toEqual([{ key: '2028-02', from: '2028-02-01', to: '2028-02-29' }]);
    expect(monthsEndingIn({ from: '2026-02-01', to: '2026-02-28' })).toEqual([{ key: '2026-02', from: '2026-02-01', to: '2026-02-28' }]);
    expect(monthsEndingIn({ from: '2028-02-01', to: '2028-02-28' })).toEqual([]);
  });
});

describe('trendBuckets', () => {
  const view = (b: ReturnType<typeof trendBuckets>) => b.map((x) => `${x.key} ${x.from}..${x.to}`);

  it('days, across a leap day', () => {
    expect(view(trendBuckets('2028-02-28', '2028-03-01', 'day'))).toEqual(['2028-02-28 2028-02-28..2028-02-28', '2028-02-29 2028-02-29..2028-02-29', '2028-03-01 2028-03-01..2028-03-01']);
  });

  it('ISO weeks, clipped at both ends; a week spanning two months is one bucket', () => {
    expect(view(trendBuckets('2026-11-25', '2026-12-10', 'week'))).toEqual(['2026-W48 2026-11-25..2026-11-29', '2026-W49 2026-11-30..2026-12-06', '2026-W50 2026-12-07..2026-12-10']);
  });

  it('ISO week 53 across the year end', () => {
    expect(view(trendBuckets('2026-12-24', '2027-01-05', 'week'))).toEqual(['2026-W52 2026-12-24..2026-12-27', '2026-W53 2026-12-28..2027-01-03', '2027-W01 2027-01-04..2027-01-05']);
    // 2025 has no week 53: its last days are 2026-W01.
    expect(view(trendBuckets('2025-12-28', '2025-12-31', 'week'))).toEqual(['2025-W52 2025-12-28..2025-12-28', '2026-W01 2025-12-29..2025-12-31']);
  });

  it('calendar months, clipped; February of a leap year', () => {
    expect(view(trendBuckets('2027-11-25', '2028-03-03', 'month'))).toEqual([
      '2027-11 2027-11-25..2027-11-30',
      '2027-12 2027-12-01..2027-12-31',
      '2028-01 2028-01-01..2028-01-31',
      '2028-02 2028-02-01..2028-02-29',
      '2028-03 2028-03-01..2028-03-03',
    ]);
  });

  it('one day is one bucket of any granularity; buckets tile the period', () => {
    for (const g of ['day', 'week', 'month'] as const) expect(view(trendBuckets('2026-11-25', '2026-11-25', g))).toHaveLength(1);
    const days = trendBuckets('2026-01-01', '2026-12-31', 'week').reduce((n, b) => n + periodLength(b), 0);
    expect(days).toBe(365);
    expect(trendBuckets('2026-01-01', '2026-12-31', 'day')).toHaveLength(365);
  });

  it('refuses a reversed period or an unknown granularity', () => {
    expect(() => trendBuckets('2026-11-02', '2026-11-01', 'day')).toThrow(RangeError);
    expect(() => trendBuckets('2026-11-01', '2026-11-31', 'day')).toThrow(RangeError);
    expect(() => trendBuckets('2026-11-01', '2026-11-02', 'quarter' as never)).toThrow(RangeError);
  });
});
