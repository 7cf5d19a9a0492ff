import { BusinessType, CanteenKind, EnterpriseScale, Role } from '../enums';
import { staffingRequirement } from '../staffing/requirement';
import { appointmentCounts, directorAppointment, directorAppointmentRate, officerAppointment, officerAppointmentRate } from './appointment-rates';

describe('配备率 (domain.md §2)', () => {
  it('食品安全总监配备率: with a director ÷ required to have one', () => {
    // Inner Mongolia: 1,806 large/medium businesses, all with a director.
    expect(directorAppointmentRate({ requiringDirector: 1806, withDirector: 1806 })).toBe(1);
    expect(directorAppointmentRate({ requiringDirector: 16, withDirector: 12 })).toBe(0.75);
  });

  it('食品安全员配备率: with an officer ÷ all businesses', () => {
    expect(officerAppointmentRate({ businesses: 15688, withOfficer: 15688 })).toBe(1);
    expect(officerAppointmentRate({ businesses: 8, withOfficer: 2 })).toBe(0.25);
    expect(officerAppointmentRate({ businesses: 8, withOfficer: 0 })).toBe(0);
  });

  it('as fractions for the dashboard table: the same formulas, with their counts', () => {
    const counts = { businesses: 8, withOfficer: 6, requiringDirector: 4, withDirector: 3 };
    expect(directorAppointment(counts)).toEqual({ numerator: 3, denominator: 4, rate: 0.75 });
    expect(officerAppointment(counts)).toEqual({ numerator: 6, denominator: 8, rate: 0.75 });
    expect(directorAppointment({ requiringDirector: 0, withDirector: 0 }).rate).toBeNull();
    expect(() => officerAppointment({ businesses: 1, withOfficer: 2 })).toThrow(RangeError);
  });

  it('is null, not NaN or 0, when nothing is required', () => {
    expect(directorAppointmentRate({ requiringDirector: 0, withDirector: 0 })).toBeNull();
    expect(officerAppointmentRate({ businesses: 0, withOfficer: 0 })).toBeNull();
  });

  it('refuses impossible counts', () => {
    expect(() => directorAppointmentRate({ requiringDirector: 3, withDirector: 4 })).toThrow(RangeError);
    expect(() => officerAppointmentRate({ businesses: -1, withOfficer: 0 })).toThrow(RangeError);
    expect(() => officerAppointmentRate({ businesses: 2.5, withOfficer: 1 })).toThrow(RangeError);
    expect(() => officerAppointmentRate({ businesses: NaN, withOfficer: 0 })).toThrow(RangeError);
  });

  it('counts businesses by the same rule as evaluateStaffing', () => {
    const large = staffingRequirement({ businessType: BusinessType.Catering, scale: EnterpriseScale.Large });
    const small = staffingRequirement({ businessType: BusinessType.Selling, scale: EnterpriseScale.Small });
    const dual = staffingRequirement({ businessType: BusinessType.Canteen, canteenKind: CanteenKind.School, contractorOperated: true, dinersPerMeal: 900 });
    const r = (...roles: Role[]) => roles.map((role) => ({ role }));
    const counts = appointmentCounts([
      { requirement: large, roster: r(Role.Principal, Role.Director, Role.Officer) },
      { requirement: large, roster: r(Role.Principal, Role.Officer) },
      // A director appointed without being required counts in neither figure of the director rate.
      { requirement: small, roster: r(Role.Principal, Role.Director) },
      // One of the two directors 双总监 asks for is not yet 配备到位.
      { requirement: dual, roster: r(Role.Principal, Role.Director, Role.Officer) },
    ]);
    expect(counts).toEqual({ businesses: 4, withOfficer: 3, requiringDirector: 3, withDirector: 1 });
    expect(directorAppointmentRate(counts)).toBeCloseTo(1 / 3);
    expect(officerAppointmentRate(counts)).toBe(0.75);
    expect(appointmentCounts([])).toEqual({ businesses: 0, withOfficer: 0, requiringDirector: 0, withDirector: 0 });
  });
});
