// The 包保 rules (issue #6): cycles in Asia/Shanghai across quarter and year boundaries, the
// end-of-cycle reminder window, which level of cadre a business needs (region overrides, nearest
// wins) and why a cadre cannot take a business.
import { todayInShanghai } from '../dates';
import { CadreLevel, Grade } from '../enums';
import { cyclesEndingIn, supervisionCycle } from '../indicators/supervision';
import { assignmentMismatch, isReminderDue, reminderWindow, requiredCadreLevel, SUPERVISION_LIMITS } from './rules';

describe('supervision cycles in Asia/Shanghai', () => {
  it('an instant late on 31 December UTC is already the next year’s first quarter in Shanghai', () => {
    const day = todayInShanghai(new Date('2026-12-31T16:30:00Z'));
    expect(day).toBe('2027-01-01');
    expect(supervisionCycle(day, 'quarter')).toEqual({ key: '2027-Q1', from: '2027-01-01', to: '2027-03-31' });
    expect(supervisionCycle(day, 'half_year')).toEqual({ key: '2027-H1', from: '2027-01-01', to: '2027-06-30' });
    expect(supervisionCycle(day, 'year')).toEqual({ key: '2027', from: '2027-01-01', to: '2027-12-31' });
    // 15:59 UTC is still 23:59 on the 31st in Shanghai.
    expect(supervisionCycle(todayInShanghai(new Date('2026-12-31T15:59:00Z')), 'quarter').key).toBe('2026-Q4');
  });

  it('a quarter’s last day and the next one’s first day', () => {
    expect(supervisionCycle(todayInShanghai(new Date('2026-03-31T15:59:59Z')), 'quarter')).toEqual({ key: '2026-Q1', from: '2026-01-01', to: '2026-03-31' });
    expect(supervisionCycle(todayInShanghai(new Date('2026-03-31T16:00:00Z')), 'quarter')).toEqual({ key: '2026-Q2', from: '2026-04-01', to: '2026-06-30' });
    expect(supervisionCycle('2026-09-30', 'half_year').key).toBe('2026-H2');
    expect(supervisionCycle('2028-02-29', 'quarter').to).toBe('2028-03-31');
  });

  it('the cycles due in a period are those ending in it, across a year boundary', () => {
    const period = { from: '2026-11-15', to: '2027-04-10' };
    expect(cyclesEndingIn(period, 'quarter').map((c) => c.key)).toEqual(['2026-Q4', '2027-Q1']);
    expect(cyclesEndingIn(period, 'half_year').map((c) => c.key)).toEqual(['2026-H2']);
    expect(cyclesEndingIn(period, 'year').map((c) => c.key)).toEqual(['2026']);
    expect(cyclesEndingIn({ from: '2027-01-01', to: '2027-03-30' }, 'quarter')).toEqual([]);
  });
});

describe('the end-of-cycle reminder', () => {
  it(`starts ${SUPERVISION_LIMITS.reminderDays} days before a cycle’s last day, that day included`, () => {
    expect(reminderWindow('2026-11-25', 'quarter')).toMatchObject({ key: '2026-Q4', to: '2026-12-31', remindFrom: '2026-12-17' });
    expect(isReminderDue('2026-12-16', 'quarter')).toBe(false);
    expect(isReminderDue('2026-12-17', 'quarter')).toBe(true);
    expect(isReminderDue('2026-12-31', 'quarter')).toBe(true);
    expect(isReminderDue('2027-01-01', 'quarter')).toBe(false);
    // A half-year's reminder: not at the end of its first quarter.
    expect(isReminderDue('2026-03-25', 'half_year')).toBe(false);
    expect(isReminderDue('2026-06-20', 'half_year')).toBe(true);
    expect(reminderWindow('2026-02-10', 'quarter').remindFrom).toBe('2026-03-17');
  });
});

describe('which cadre a business needs', () => {
  const village = '150102001001';
  it('the default rule: A → 市级, B → 县级, C → 乡镇级, D → 村级', () => {
    expect([Grade.A, Grade.B, Grade.C, Grade.D].map((g) => requiredCadreLevel(g, village))).toEqual([CadreLevel.City, CadreLevel.County, CadreLevel.Township, CadreLevel.Village]);
  });

  it('a region’s override applies below it; the nearest region’s wins; other grades and regions keep the default', () => {
    const overrides = [
      { regionCode: '1501', grade: Grade.D, level: CadreLevel.Township },
      { regionCode: '150102', grade: Grade.D, level: CadreLevel.County },
      { regionCode: '150103', grade: Grade.C, level: CadreLevel.County },
    ];
    expect(requiredCadreLevel(Grade.D, village, overrides)).toBe(CadreLevel.County);
    expect(requiredCadreLevel(Grade.D, '150104001001', overrides)).toBe(CadreLevel.Township);
    expect(requiredCadreLevel(Grade.D, '150202001001', overrides)).toBe(CadreLevel.Village);
    expect(requiredCadreLevel(Grade.C, village, overrides)).toBe(CadreLevel.Township);
    expect(requiredCadreLevel(Grade.D, village, [...overrides].reverse())).toBe(CadreLevel.County);
  });

  it('says why a cadre cannot take a business', () => {
    const cadre = { cadreLevel: CadreLevel.Township, regionCode: '150102001', active: true };
    const business = { grade: Grade.C, regionCode: village };
    expect(assignmentMismatch(cadre, business)).toBeNull();
    expect(assignmentMismatch({ ...cadre, active: false }, business)).toBe('该包保干部账号已停用');
    expect(assignmentMismatch({ ...cadre, cadreLevel: null }, business)).toBe('该账号未设置包保层级或所属区域');
    expect(assignmentMismatch(cadre, { ...business, grade: null })).toBe('该企业尚未评定风险等级，不能分配包保干部');
    expect(assignmentMismatch(cadre, { ...business, grade: Grade.D })).toBe('风险等级D级企业应由村级包保干部包保，该干部为乡镇级');
    expect(assignmentMismatch(cadre, { ...business, regionCode: '150102002001' })).toBe('企业不在该包保干部所属区域内');
    // With an override, the same cadre may take a D business of the county.
    expect(assignmentMismatch(cadre, { ...business, grade: Grade.D }, [{ regionCode: '150102', grade: Grade.D, level: CadreLevel.Township }])).toBeNull();
  });
});
