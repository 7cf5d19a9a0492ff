import { addDays, businessDateOf, daysBetween, endOfBusinessDay, isBusinessDate, isoWeekKey, isoWeekOf, monthKey, todayInShanghai } from './dates';

describe('business dates (Asia/Shanghai)', () => {
  it('changes date at Shanghai midnight, i.e. 16:00 UTC', () => {
    expect(businessDateOf(new Date('2026-11-24T15:59:59.999Z'))).toBe('2026-11-24');
    expect(businessDateOf(new Date('2026-11-24T16:00:00.000Z'))).toBe('2026-11-25');
  });

  it('rolls over month and year at Shanghai midnight', () => {
    expect(businessDateOf(new Date('2026-12-31T15:59:59.999Z'))).toBe('2026-12-31');
    expect(businessDateOf(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
    expect(businessDateOf(new Date('2028-02-28T16:00:00.000Z'))).toBe('2028-02-29');
  });

  it('early UTC morning is the same Shanghai day', () => {
    expect(businessDateOf(new Date('2026-11-25T00:00:00Z'))).toBe('2026-11-25');
    expect(todayInShanghai(new Date('2026-11-25T02:00:00Z'))).toBe('2026-11-25');
  });

  it('accepts real dates and rejects impossible or malformed ones', () => {
    expect(isBusinessDate('2026-02-28')).toBe(true);
    expect(isBusinessDate('2028-02-29')).toBe(true);
    expect(isBusinessDate('2026-02-29')).toBe(false);
    expect(isBusinessDate('2026-02-30')).toBe(false);
    expect(isBusinessDate('2026-04-31')).toBe(false);
    expect(isBusinessDate('2026-13-01')).toBe(false);
    expect(isBusinessDate('2026-00-10')).toBe(false);
    expect(isBusinessDate('2026-01-00')).toBe(false);
    expect(isBusinessDate('2026-1-5')).toBe(false);
    expect(isBusinessDate('2026/01/05')).toBe(false);
    expect(isBusinessDate('2026-01-05T00:00:00Z')).toBe(false);
    expect(isBusinessDate(' 2026-01-05')).toBe(false);
    expect(isBusinessDate('')).toBe(false);
    expect(isBusinessDate(20260105)).toBe(false);
    expect(isBusinessDate(null)).toBe(false);
  });

  it('ISO weeks at year edges', () => {
    expect(isoWeekKey('2026-12-31')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-01')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-03')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-04')).toBe('2027-W01');
    expect(isoWeekKey('2021-01-03')).toBe('2020-W53');
    expect(isoWeekKey('2021-01-04')).toBe('2021-W01');
    // 2024-12-30 (Monday) already belongs to 2025-W01.
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeekKey('2026-01-01')).toBe('2026-W01');
    expect(isoWeekKey('2026-02-02')).toBe('2026-W06');
  });

  it('ends the business day at the next Shanghai midnight', () => {
    expect(endOfBusinessDay('2026-11-25').toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(endOfBusinessDay('2026-12-31').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(endOfBusinessDay('2028-02-28').toISOString()).toBe('2028-02-28T16:00:00.000Z');
    // The instant just before the end is still that day; the end itself is the next day.
    const end = endOfBusinessDay('2026-11-25');
    expect(businessDateOf(new Date(end.getTime() - 1))).toBe('2026-11-25');
    expect(businessDateOf(end)).toBe('2026-11-26');
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2027-01-01', '2026-12-25')).toBe(-7);
    expect(monthKey('2026-11-25')).toBe('2026-11');
  });

  it('refuses to do arithmetic on a malformed date', () => {
    expect(() => addDays('2026/11/25', 1)).toThrow(RangeError);
  });
});
