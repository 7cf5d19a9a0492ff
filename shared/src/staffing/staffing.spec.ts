import { BusinessType, CanteenKind, EnterpriseScale, Role } from '../enums';
import { REGULATIONS } from '../regulations';
import { appointmentBanEnds, appointmentBars, evaluateStaffing, RosterMember, StaffingProfile, staffingRequirement } from './requirement';
import { CANTEEN_DIRECTOR_MIN_DINERS, MEAL_SUPPLIER_DIRECTOR_MIN_DINERS } from './thresholds';

const { Catering, Selling, Production, Canteen, MealDistribution } = BusinessType;
const { Large, Medium, Small, Micro } = EnterpriseScale;

const roster = (...roles: Role[]): RosterMember[] => roles.map((role) => ({ role }));
const required = (p: StaffingProfile) => staffingRequirement(p).directorRequired;

describe('who must appoint a 食品安全总监 (domain.md §1)', () => {
  it.each([
    [Production, Large],
    [Production, Medium],
    [Catering, Large],
    [Catering, Medium],
    [Selling, Large],
    [Selling, Medium],
    [MealDistribution, Large],
  ])('%s, %s: required', (businessType, scale) => {
    expect(required({ businessType, scale })).toBe(true);
  });

  it.each([
    [Production, Small],
    [Production, Micro],
    [Catering, Small],
    [Catering, Micro],
    [Selling, Small],
    [Selling, Micro],
  ])('%s, %s: officers only', (businessType, scale) => {
    const r = staffingRequirement({ businessType, scale });
    expect(r).toMatchObject({ directorRequired: false, minDirectors: 0, minOfficers: 1, missing: [] });
  });

  it('special-food producers whatever their size', () => {
    const r = staffingRequirement({ businessType: Production, scale: Micro, specialFood: true });
    expect(r.directorRequired).toBe(true);
    expect(r.reason).toBe(`特殊食品生产企业应当配备食品安全总监，并至少配备1名食品安全员（${REGULATIONS.order60Amended}）`);
  });

  it('chain headquarters of caterers and sellers, small or not', () => {
    expect(required({ businessType: Catering, scale: Small, chainHeadquarters: true })).toBe(true);
    expect(required({ businessType: Selling, scale: Micro, chainHeadquarters: true })).toBe(true);
    expect(staffingRequirement({ businessType: Selling, scale: Small, chainHeadquarters: true }).reason).toMatch(/^连锁销售企业总部应当配备食品安全总监/);
    // A chain's headquarters flag means nothing to a producer.
    expect(required({ businessType: Production, scale: Small, chainHeadquarters: true })).toBe(false);
  });

  it('central kitchens and collective-meal distributors from 1,000 diners, counted as large/medium catering', () => {
    expect(MEAL_SUPPLIER_DIRECTOR_MIN_DINERS).toBe(1000);
    expect(required({ businessType: Catering, scale: Small, centralKitchen: true, dinersPerMeal: 1000 })).toBe(true);
    expect(required({ businessType: Catering, scale: Small, centralKitchen: true, dinersPerMeal: 999 })).toBe(false);
    expect(required({ businessType: MealDistribution, scale: Small, dinersPerMeal: 1000 })).toBe(true);
    expect(required({ businessType: MealDistribution, scale: Small, dinersPerMeal: 999 })).toBe(false);
    // An ordinary restaurant's diner count is not the test.
    expect(required({ businessType: Catering, scale: Small, dinersPerMeal: 5000 })).toBe(false);
    expect(staffingRequirement({ businessType: MealDistribution, dinersPerMeal: 1200 }).reason).toMatch(/^供餐1000人以上的集体用餐配送单位应当配备食品安全总监/);
  });

  describe('canteens (集中用餐单位 rule, 2025-04-15)', () => {
    it.each([
      [CanteenKind.Kindergarten, 300],
      [CanteenKind.ElderlyCare, 300],
      [CanteenKind.School, 500],
      [CanteenKind.Other, 1000],
    ])('%s: from %i diners per meal on average', (canteenKind, min) => {
      expect(CANTEEN_DIRECTOR_MIN_DINERS[canteenKind]).toBe(min);
      expect(required({ businessType: Canteen, canteenKind, dinersPerMeal: min })).toBe(true);
      expect(required({ businessType: Canteen, canteenKind, dinersPerMeal: min - 1 })).toBe(false);
      expect(staffingRequirement({ businessType: Canteen, canteenKind, dinersPerMeal: min }).source).toBe(REGULATIONS.canteenRule2025);
    });

    it('size does not matter to a canteen, only diners', () => {
      expect(required({ businessType: Canteen, canteenKind: CanteenKind.School, scale: Large, dinersPerMeal: 200 })).toBe(false);
    });

    it('a school canteen run by a contractor needs two directors (双总监)', () => {
      const r = staffingRequirement({ businessType: Canteen, canteenKind: CanteenKind.School, contractorOperated: true, dinersPerMeal: 800 });
      expect(r).toMatchObject({ directorRequired: true, minDirectors: 2, minOfficers: 1 });
      expect(r.reason).toBe(
        `学校食堂（承包经营）平均每餐用餐500人以上的，学校和承包经营企业应当各配备1名食品安全总监（双总监），并至少配备1名食品安全员（${REGULATIONS.canteenRule2025}）`,
      );
      // Below the threshold neither appoints one.
      expect(staffingRequirement({ businessType: Canteen, canteenKind: CanteenKind.School, contractorOperated: true, dinersPerMeal: 499 }).minDirectors).toBe(0);
    });

    it('other contracted canteens need one director, the contractor’s', () => {
      const r = staffingRequirement({ businessType: Canteen, canteenKind: CanteenKind.ElderlyCare, contractorOperated: true, dinersPerMeal: 300 });
      expect(r).toMatchObject({ directorRequired: true, minDirectors: 1 });
      expect(r.reason).toMatch(/^养老机构食堂（承包经营）平均每餐用餐300人以上的，应当配备食品安全总监/);
    });

    it('says why a small canteen needs no director', () => {
      expect(staffingRequirement({ businessType: Canteen, canteenKind: CanteenKind.Kindergarten, dinersPerMeal: 120 }).reason).toBe(
        `幼儿园食堂未达到平均每餐用餐300人，可不配备食品安全总监；至少配备1名食品安全员（${REGULATIONS.canteenRule2025}）`,
      );
    });
  });

  describe('facts not yet given', () => {
    it('names what is missing instead of guessing', () => {
      expect(staffingRequirement({ businessType: Catering })).toMatchObject({ directorRequired: false, minDirectors: 0, minOfficers: 1, missing: ['企业规模'] });
      expect(staffingRequirement({ businessType: Canteen, canteenKind: CanteenKind.School }).missing).toEqual(['平均每餐用餐人数']);
      expect(staffingRequirement({ businessType: Canteen }).missing).toEqual(['食堂类别', '平均每餐用餐人数']);
      expect(staffingRequirement({ businessType: MealDistribution }).missing).toEqual(['供餐人数', '企业规模']);
      expect(staffingRequirement({ businessType: Catering, scale: Small, centralKitchen: true }).missing).toEqual(['供餐人数']);
      expect(staffingRequirement({ businessType: Catering, scale: null }).reason).toBe(
        `尚未填写企业规模，暂无法判定是否须配备食品安全总监；至少配备1名食品安全员（${REGULATIONS.order60Amended}）`,
      );
    });

    it('needs nothing more once one rule already applies', () => {
      expect(staffingRequirement({ businessType: Production, specialFood: true })).toMatchObject({ directorRequired: true, missing: [] });
      expect(staffingRequirement({ businessType: Selling, chainHeadquarters: true })).toMatchObject({ directorRequired: true, missing: [] });
    });

    it('refuses a negative or non-numeric diner count', () => {
      expect(() => staffingRequirement({ businessType: MealDistribution, dinersPerMeal: -1 })).toThrow(RangeError);
      expect(() => staffingRequirement({ businessType: Canteen, canteenKind: CanteenKind.Other, dinersPerMeal: NaN })).toThrow(RangeError);
    });
  });
});

describe('evaluateStaffing — what the business lacks', () => {
  const large = staffingRequirement({ businessType: Catering, scale: Large });
  const small = staffingRequirement({ businessType: Catering, scale: Small });
  const dual = staffingRequirement({ businessType: Canteen, canteenKind: CanteenKind.School, contractorOperated: true, dinersPerMeal: 600 });

  it('nothing when fully staffed', () => {
    expect(evaluateStaffing(large, roster(Role.Principal, Role.Director, Role.Officer))).toEqual([]);
    expect(evaluateStaffing(small, roster(Role.Principal, Role.Officer))).toEqual([]);
    expect(evaluateStaffing(dual, roster(Role.Principal, Role.Director, Role.Director, Role.Officer))).toEqual([]);
  });

  it('lists each gap in Chinese', () => {
    expect(evaluateStaffing(large, [])).toEqual([
      { code: 'principal_missing', message: '须明确主要负责人' },
      { code: 'director_missing', message: '须配备食品安全总监' },
      { code: 'officers_short', message: '至少配备1名食品安全员' },
    ]);
    expect(evaluateStaffing(large, roster(Role.Principal, Role.Officer, Role.Officer)).map((g) => g.message)).toEqual(['须配备食品安全总监']);
  });

  it('a director does not stand in for the officer', () => {
    expect(evaluateStaffing(small, roster(Role.Principal, Role.Director)).map((g) => g.message)).toEqual(['至少配备1名食品安全员']);
  });

  it('counts both directors of a contracted school canteen', () => {
    expect(evaluateStaffing(dual, roster(Role.Principal, Role.Director, Role.Officer))).toEqual([
      { code: 'director_missing', message: '学校和承包经营企业须各配备1名食品安全总监（现有1名）' },
    ]);
  });

  it('ignores officials on the roster', () => {
    expect(evaluateStaffing(small, roster(Role.Principal, Role.Cadre, Role.Regulator)).map((g) => g.code)).toEqual(['officers_short']);
  });
});

describe('who may not be appointed (domain.md §1)', () => {
  it('bars for 5 years after a licence revocation, to the same date, the last day included', () => {
    expect(appointmentBanEnds('2021-03-10')).toBe('2026-03-10');
    const candidate = { role: Role.Officer, licenceRevokedOn: '2021-03-10' } as const;
    expect(appointmentBars(candidate, Catering, '2026-03-10')).toEqual(['所在企业因食品安全违法被吊销许可证未满5年（至2026-03-10），不得担任食品安全员']);
    expect(appointmentBars(candidate, Catering, '2026-03-11')).toEqual([]);
  });

  it('a revocation on 29 February ends on the last day of February five years on', () => {
    expect(appointmentBanEnds('2020-02-29')).toBe('2025-02-28');
    expect(appointmentBanEnds('2024-02-29')).toBe('2029-02-28');
    expect(appointmentBars({ role: Role.Director, licenceRevokedOn: '2020-02-29' }, Production, '2025-03-01')).toEqual([]);
  });

  it('bars someone who failed training or assessment', () => {
    expect(appointmentBars({ role: Role.Director, failedAssessment: true }, Selling, '2026-01-05')).toEqual(['培训考核不合格，不得任命为食品安全总监']);
  });

  it('a business director must be in management; unknown is not held against them', () => {
    expect(appointmentBars({ role: Role.Director, inManagement: false }, Catering, '2026-01-05')).toEqual(['食品安全总监应当由企业管理层人员担任']);
    expect(appointmentBars({ role: Role.Director, inManagement: null }, Catering, '2026-01-05')).toEqual([]);
    expect(appointmentBars({ role: Role.Officer, inManagement: false }, Catering, '2026-01-05')).toEqual([]);
    expect(appointmentBars({ role: Role.Director, inManagement: false }, Canteen, '2026-01-05')).toEqual([]);
  });

  it('lists every bar that applies', () => {
    expect(appointmentBars({ role: Role.Director, licenceRevokedOn: '2024-06-01', failedAssessment: true, inManagement: false }, Production, '2026-01-05')).toHaveLength(3);
  });

  it('refuses dates that are not business dates', () => {
    expect(() => appointmentBanEnds('2021-02-30')).toThrow(RangeError);
    expect(() => appointmentBars({ role: Role.Officer }, Catering, '2026/01/05')).toThrow(RangeError);
  });
});
