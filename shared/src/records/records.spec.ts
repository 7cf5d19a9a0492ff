import { isIsoWeekKey, isMonthKey, isFuturePeriod, mondayOfIsoWeek, monthDates, monthlyDueBy, weekDates, weeklyDueBy, weeksOverlappingMonth } from './periods';
import { dailyCalendar, dayStats, dayStatus, monthlyReport, problemStats, weeklySummary } from './summaries';
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

describe('daily-check calendar', () => {
  const check = (businessDate: string, over: { late?: boolean; problemCount?: number } = {}) => ({
    id: `dc-${businessDate}`,
    businessDate,
    late: over.late ?? false,
    problemCount: over.problemCount ?? 0,
  });
  const base = { enterpriseId: 'e1', since: '2026-10-01' };
  const byDate = (c: ReturnType<typeof dailyCalendar>) => new Map(c.days.map((d) => [d.date, d]));

  it('done, late, missed, today pending and future, with the month’s counts', () => {
    const c = dailyCalendar({
      ...base,
      month: '2026-11',
      today: '2026-11-25',
      checks: [check('2026-11-01'), check('2026-11-02', { late: true }), check('2026-11-03', { problemCount: 2 })],
    });
    const d = byDate(c);
    expect(c.days).toHaveLength(30);
    expect(d.get('2026-11-01')).toEqual({ date: '2026-11-01', weekday: 7, status: 'done', late: false, problem: false, problemCount: 0, recordId: 'dc-2026-11-01' });
    expect(d.get('2026-11-02')).toMatchObject({ weekday: 1, status: 'late', late: true, recordId: 'dc-2026-11-02' });
    expect(d.get('2026-11-03')).toMatchObject({ status: 'done', problem: true, problemCount: 2 });
    expect(d.get('2026-11-04')).toMatchObject({ status: 'missed', recordId: null, problem: false });
    expect(d.get('2026-11-25')).toMatchObject({ status: 'pending', recordId: null });
    expect(d.get('2026-11-26')).toMatchObject({ status: 'future' });
    expect(d.get('2026-11-30')).toMatchObject({ status: 'future', weekday: 1 });
    expect(c.stats).toEqual({ days: 30, daysToDate: 25, checked: 3, late: 1, missed: 21, pending: 1 });
    expect(c.problemDays).toBe(1);
    expect(c).toMatchObject({ enterpriseId: 'e1', month: '2026-11', today: '2026-11-25', since: '2026-10-01' });
  });

  it('a late day with a problem is both', () => {
    const c = dailyCalendar({ ...base, month: '2026-11', today: '2026-11-25', checks: [check('2026-11-10', { late: true, problemCount: 1 })] });
    expect(byDate(c).get('2026-11-10')).toMatchObject({ status: 'late', late: true, problem: true, problemCount: 1 });
    expect(c.stats).toMatchObject({ checked: 1, late: 1 });
    expect(c.problemDays).toBe(1);
  });

  it('today checked is done, not pending', () => {
    const c = dailyCalendar({ ...base, month: '2026-11', today: '2026-11-25', checks: [check('2026-11-25', { problemCount: 1 })] });
    expect(byDate(c).get('2026-11-25')).toMatchObject({ status: 'done', problem: true });
    expect(c.stats.pending).toBe(0);
  });

  it('days before the business joined are not due, unless checked anyway', () => {
    const c = dailyCalendar({ ...base, since: '2026-11-18', month: '2026-11', today: '2026-11-25', checks: [check('2026-11-05', { late: true })] });
    const d = byDate(c);
    expect(d.get('2026-11-04')).toMatchObject({ status: 'not_due' });
    expect(d.get('2026-11-05')).toMatchObject({ status: 'late' });
    expect(d.get('2026-11-17')).toMatchObject({ status: 'not_due' });
    expect(d.get('2026-11-18')).toMatchObject({ status: 'missed' });
    expect(c.stats).toMatchObject({ daysToDate: 9, checked: 1, missed: 7, pending: 1 });
    // Joined today: nothing earlier is missed.
    expect(dailyCalendar({ ...base, since: '2026-11-25', month: '2026-11', today: '2026-11-25', checks: [] }).stats).toMatchObject({ daysToDate: 1, missed: 0, pending: 1 });
  });

  it('month boundaries: today on the 1st, a finished month, February of a leap year, the year’s end', () => {
    // Today is the 1st: the previous month is finished, nothing pending in it.
    const oct = dailyCalendar({ ...base, month: '2026-10', today: '2026-11-01', checks: [check('2026-10-31')] });
    expect(oct.days).toHaveLength(31);
    expect(byDate(oct).get('2026-10-31')).toMatchObject({ status: 'done' });
    expect(oct.stats).toEqual({ days: 31, daysToDate: 31, checked: 1, late: 0, missed: 30, pending: 0 });
    const nov = dailyCalendar({ ...base, month: '2026-11', today: '2026-11-01', checks: [check('2026-10-31')] });
    expect(nov.days[0]).toMatchObject({ date: '2026-11-01', status: 'pending' });
    expect(nov.stats).toMatchObject({ daysToDate: 1, checked: 0, pending: 1 });
    expect(nov.days.slice(1).every((d) => d.status === 'future')).toBe(true);
    // Checks outside the month are not counted in it.
    expect(nov.days.some((d) => d.recordId)).toBe(false);

    const feb = dailyCalendar({ ...base, since: '2028-01-01', month: '2028-02', today: '2028-03-01', checks: [check('2028-02-29', { late: true })] });
    expect(feb.days).toHaveLength(29);
    expect(feb.days[0].weekday).toBe(2); // 2028-02-01 is a Tuesday
    expect(feb.days.at(-1)).toMatchObject({ date: '2028-02-29', status: 'late' });

    const dec = dailyCalendar({ ...base, month: '2026-12', today: '2026-12-31', checks: [] });
    expect(dec.days.at(-1)).toMatchObject({ date: '2026-12-31', weekday: 4, status: 'pending' });
  });

  it('a whole future month is all future', () => {
    const c = dailyCalendar({ ...base, month: '2026-12', today: '2026-11-25', checks: [] });
    expect(c.days.every((d) => d.status === 'future')).toBe(true);
    expect(c.stats).toMatchObject({ daysToDate: 0, checked: 0, missed: 0, pending: 0 });
  });

  it('dayStatus: the one rule behind the calendar and the weekly / monthly counts', () => {
    expect(dayStatus('2026-11-26', { businessDate: '2026-11-26', late: false }, '2026-11-25')).toBe('future');
    expect(dayStatus('2026-11-20', undefined, '2026-11-25', '2026-11-20')).toBe('missed');
    expect(dayStatus('2026-11-19', undefined, '2026-11-25', '2026-11-20')).toBe('not_due');
    expect(dayStatus('2026-11-25', undefined, '2026-11-25', '2026-11-25')).toBe('pending');
  });
});
