import { isIsoWeekKey, isMonthKey, isFuturePeriod, mondayOfIsoWeek, monthDates, monthlyDueBy, weekDates, weeklyDueBy, weeksOverlappingMonth } from './periods';
import { dayStats, monthlyReport, problemStats, weeklySummary } from './summaries';
import type { PeriodProblemEntry } from '../api';

const problem = (id: string, businessDate: string, status: PeriodProblemEntry['status']): PeriodProblemEntry => ({
  id,
  businessDate,
  itemCode: 'CY-D01',
  description: '问题',
  measureTaken: '措施',
  fixedOnSpot: status === 'resolved',
  status,
  resolution: null,
  resolvedAt: null,
});

describe('record periods', () => {
  it('ISO week 53 exists only in long years', () => {
    expect(mondayOfIsoWeek('2026-W53')).toBe('2026-12-28');
    expect(weekDates('2026-W53')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(mondayOfIsoWeek('2020-W53')).toBe('2020-12-28');
    expect(isIsoWeekKey('2025-W53')).toBe(false);
    expect(isIsoWeekKey('2027-W53')).toBe(false);
  });

  it('week 1 may start in the previous calendar year', () => {
    expect(mondayOfIsoWeek('2025-W01')).toBe('2024-12-30');
    expect(mondayOfIsoWeek('2027-W01')).toBe('2027-01-04');
    expect(mondayOfIsoWeek('2026-W48')).toBe('2026-11-23');
  });

  it('rejects malformed weeks and months', () => {
    for (const bad of ['2026-W00', '2026-W54', '2026-w48', '2026W48', '2026-W4', '', null, 202648]) expect(isIsoWeekKey(bad)).toBe(false);
    for (const bad of ['2026-00', '2026-13', '2026-1', '2026/11', '2026-11-01', null]) expect(isMonthKey(bad)).toBe(false);
    expect(isMonthKey('2026-11')).toBe(true);
    expect(() => weekDates('2025-W53')).toThrow(RangeError);
  });

  it('months end on their last day, leap years included', () => {
    expect(monthDates('2026-02')).toHaveLength(28);
    expect(monthDates('2028-02').at(-1)).toBe('2028-02-29');
    expect(monthDates('2026-12').at(-1)).toBe('2026-12-31');
    expect(monthDates('2026-04')).toHaveLength(30);
  });

  it('a week spanning two months belongs to both', () => {
    expect(weeksOverlappingMonth('2026-11').at(-1)).toBe('2026-W49');
    expect(weeksOverlappingMonth('2026-12')[0]).toBe('2026-W49');
    // January 2027 starts in 2026-W53.
    expect(weeksOverlappingMonth('2027-01')[0]).toBe('2026-W53');
  });

  it('due at the end of Sunday / the month’s last day, Asia/Shanghai', () => {
    expect(weeklyDueBy('2026-W48').toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(monthlyDueBy('2026-11').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(monthlyDueBy('2026-12').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(isFuturePeriod('2026-11-30', '2026-11-29')).toBe(true);
    expect(isFuturePeriod('2026-11-30', '2026-11-30')).toBe(false);
  });
});

describe('record summaries', () => {
  const week = weekDates('2026-W48'); // 2026-11-23 … 29

  it('counts checked, late, missed and today pending', () => {
    const checks = [
      { businessDate: '2026-11-23', late: false },
      { businessDate: '2026-11-24', late: true },
    ];
    expect(dayStats(week, checks, '2026-11-26')).toEqual({ days: 7, daysToDate: 4, checked: 2, late: 1, missed: 1, pending: 1 });
    // Today checked: nothing pending.
    expect(dayStats(week, [...checks, { businessDate: '2026-11-26', late: false }], '2026-11-26')).toMatchObject({ checked: 3, missed: 1, pending: 0 });
    // A finished week: no pending day.
    expect(dayStats(week, checks, '2026-12-05')).toMatchObject({ daysToDate: 7, missed: 5, pending: 0 });
  });

  it('does not count days before the business joined', () => {
    expect(dayStats(week, [], '2026-11-29', '2026-11-27')).toMatchObject({ daysToDate: 3, missed: 2, pending: 1 });
    // …unless a check was made for such a day anyway.
    expect(dayStats(week, [{ businessDate: '2026-11-23', late: true }], '2026-11-29', '2026-11-27')).toMatchObject({ daysToDate: 4, checked: 1, late: 1, missed: 2 });
  });

  it('problems: superseded ones belong to no current record', () => {
    expect(problemStats([{ status: 'open' }, { status: 'resolved' }, { status: 'superseded' }])).toEqual({ found: 2, fixed: 1, open: 1 });
  });

  it('weekly summary lists the week’s problems in date order', () => {
    const s = weeklySummary({
      week: '2026-W48',
      today: '2026-11-29',
      checks: [{ businessDate: '2026-11-25', late: false }],
      problems: [problem('b', '2026-11-25', 'open'), problem('a', '2026-11-24', 'resolved'), problem('c', '2026-11-30', 'open'), problem('d', '2026-11-25', 'superseded')],
    });
    expect(s).toMatchObject({ from: '2026-11-23', to: '2026-11-29', problems: { found: 2, fixed: 1, open: 1 } });
    expect(s.problemList.map((p) => p.id)).toEqual(['a', 'b']);
    expect(s.days).toMatchObject({ checked: 1, missed: 5, pending: 1 });
  });

  it('monthly report: weeks started so far, with and without investigations', () => {
    const r = monthlyReport({
      month: '2026-11',
      today: '2026-11-25',
      checks: [{ businessDate: '2026-11-01', late: false }],
      problems: [problem('a', '2026-11-02', 'resolved'), problem('b', '2026-10-31', 'open')],
      investigations: [{ id: 'w', week: '2026-W45', investigatorName: '总监', late: false, hazards: [{ description: '冰箱温度偏高' }] }],
    });
    expect(r.weeks.map((w) => w.week)).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(r.weeks[1]).toMatchObject({ investigationId: 'w', hazards: ['冰箱温度偏高'] });
    expect(r.weeklyDone).toBe(1);
    expect(r.problems).toEqual({ found: 1, fixed: 1, open: 0 });
    expect(r.days).toMatchObject({ days: 30, daysToDate: 25, checked: 1, missed: 23, pending: 1 });
  });

  it('monthly report: weeks that ended before the business joined are not due, unless investigated', () => {
    const base = { month: '2026-11', today: '2026-11-25', checks: [], problems: [] };
    // Joined on Wednesday 2026-11-18 (W47): W44–W46 ended before, W47 and W48 count.
    const r = monthlyReport({ ...base, investigations: [], since: '2026-11-18' });
    expect(r.weeks.map((w) => w.week)).toEqual(['2026-W47', '2026-W48']);
    const withOld = monthlyReport({ ...base, since: '2026-11-18', investigations: [{ id: 'x', week: '2026-W45', investigatorName: '总监', late: false, hazards: [] }] });
    expect(withOld.weeks.map((w) => w.week)).toEqual(['2026-W45', '2026-W47', '2026-W48']);
    // Joined on a Sunday: that week still counts.
    expect(monthlyReport({ ...base, investigations: [], since: '2026-11-22' }).weeks.map((w) => w.week)).toEqual(['2026-W47', '2026-W48']);
  });
});
