import { addDays } from '../dates';
import { CredentialKind, CredentialStatus, SpotExamResult } from '../enums';
import { annualTrainingHours, CredentialRecord, credentialState } from './credentials';
import { spotExamOutcome } from './spot-exam';
import { EXPIRY_WARNING_DAYS, SPOT_EXAM_PASS_PERCENT, TRAINING_MIN_HOURS_PER_YEAR } from './thresholds';

const { Pending, Verified, Rejected, Expired } = CredentialStatus;

describe('credentialState (Asia/Shanghai business dates)', () => {
  const validUntil = '2026-06-30';
  const verified = { review: Verified, validUntil } as const;

  it('warns 30 days ahead', () => {
    expect(EXPIRY_WARNING_DAYS).toBe(30);
  });

  it('is plainly verified on the 31st day before the last valid day', () => {
    expect(credentialState(verified, '2026-05-30')).toEqual({ status: Verified, expiring: false, daysLeft: 31, label: '已核验' });
  });

  it('is expiring from the 30th day before through the last valid day', () => {
    expect(credentialState(verified, '2026-05-31')).toEqual({ status: Verified, expiring: true, daysLeft: 30, label: '即将到期' });
    expect(credentialState(verified, '2026-06-30')).toEqual({ status: Verified, expiring: true, daysLeft: 0, label: '即将到期' });
  });

  it('is expired the day after', () => {
    expect(credentialState(verified, '2026-07-01')).toEqual({ status: Expired, expiring: false, daysLeft: -1, label: '已过期' });
  });

  it('crosses month and year ends by calendar days, and a leap February', () => {
    expect(credentialState({ review: Verified, validUntil: '2027-01-10' }, '2026-12-11').expiring).toBe(true);
    expect(credentialState({ review: Verified, validUntil: '2027-01-10' }, '2026-12-10').expiring).toBe(false);
    // 2028-03-15 minus 30 days is 2028-02-14 (29 days in February 2028).
    expect(credentialState({ review: Verified, validUntil: '2028-03-15' }, '2028-02-14').daysLeft).toBe(30);
    expect(addDays('2028-03-15', -30)).toBe('2028-02-14');
  });

  it('flags a pending credential that is about to lapse, keeping 待审核 as its label', () => {
    expect(credentialState({ review: Pending, validUntil }, '2026-06-20')).toEqual({ status: Pending, expiring: true, daysLeft: 10, label: '待审核' });
    expect(credentialState({ review: Pending, validUntil }, '2026-07-01').status).toBe(Expired);
  });

  it('a rejection stands whatever the dates', () => {
    expect(credentialState({ review: Rejected, validUntil }, '2026-06-20')).toEqual({ status: Rejected, expiring: false, daysLeft: 10, label: '已驳回' });
    expect(credentialState({ review: Rejected, validUntil }, '2027-01-01').status).toBe(Rejected);
  });

  it('never lapses without an end date (an appointment until revoked)', () => {
    expect(credentialState({ review: Verified, validUntil: null }, '2099-12-31')).toEqual({ status: Verified, expiring: false, daysLeft: null, label: '已核验' });
  });

  it('takes another warning window when configured', () => {
    expect(credentialState(verified, '2026-05-30', 60).expiring).toBe(true);
    expect(credentialState(verified, '2026-06-29', 0).expiring).toBe(false);
    expect(credentialState(verified, '2026-06-30', 0).expiring).toBe(true);
  });

  it('refuses what is not a business date (an instant, a slash date, 30 February)', () => {
    expect(() => credentialState(verified, '2026-06-01T00:00:00Z')).toThrow(RangeError);
    expect(() => credentialState(verified, '2026/06/01')).toThrow(RangeError);
    expect(() => credentialState({ review: Verified, validUntil: '2026-02-30' }, '2026-02-01')).toThrow(RangeError);
  });
});

describe('annual training hours (domain.md §1: at least 40 a year, configurable)', () => {
  const training = (issuedOn: string, hours: number, review: CredentialRecord['review'] = Verified): CredentialRecord => ({
    kind: CredentialKind.TrainingRecord,
    review,
    issuedOn,
    validUntil: null,
    hours,
  });

  it('defaults to 40 hours', () => {
    expect(TRAINING_MIN_HOURS_PER_YEAR).toBe(40);
  });

  it('counts verified training in the calendar year, from 1 January to 31 December', () => {
    const records = [training('2025-12-31', 16), training('2026-01-01', 16), training('2026-06-15', 16), training('2026-12-31', 8), training('2027-01-01', 16)];
    expect(annualTrainingHours(records, 2026)).toEqual({ year: 2026, verifiedHours: 40, pendingHours: 0, requiredHours: 40, shortfall: 0, met: true });
  });

  it('is short by what is missing; pending hours are shown but do not count, rejected ones not at all', () => {
    const records = [training('2026-03-01', 24), training('2026-04-01', 8, Pending), training('2026-05-01', 16, Rejected)];
    expect(annualTrainingHours(records, 2026)).toEqual({ year: 2026, verifiedHours: 24, pendingHours: 8, requiredHours: 40, shortfall: 16, met: false });
  });

  it('39.5 hours are not enough; half hours add up without float dust', () => {
    const halves = Array.from({ length: 79 }, () => training('2026-02-02', 0.5));
    expect(annualTrainingHours(halves, 2026)).toMatchObject({ verifiedHours: 39.5, shortfall: 0.5, met: false });
    expect(annualTrainingHours([...halves, training('2026-02-03', 0.5)], 2026)).toMatchObject({ verifiedHours: 40, met: true });
    const tenths = Array.from({ length: 400 }, () => training('2026-02-02', 0.1));
    expect(annualTrainingHours(tenths, 2026)).toMatchObject({ verifiedHours: 40, met: true });
  });

  it('ignores appointment letters and assessments', () => {
    const letter: CredentialRecord = { kind: CredentialKind.AppointmentLetter, review: Verified, issuedOn: '2026-01-05', validUntil: null, hours: 40 };
    expect(annualTrainingHours([letter], 2026).verifiedHours).toBe(0);
  });

  it('takes a locally configured minimum', () => {
    expect(annualTrainingHours([training('2026-03-01', 24)], 2026, 24).met).toBe(true);
  });

  it('refuses negative hours', () => {
    expect(() => annualTrainingHours([training('2026-03-01', -2)], 2026)).toThrow(RangeError);
  });
});

describe('spotExamOutcome (监督抽查考核)', () => {
  it('passes at 90 of 100 and fails just below', () => {
    expect(SPOT_EXAM_PASS_PERCENT).toBe(90);
    expect(spotExamOutcome(90)).toEqual({ result: SpotExamResult.Pass, passed: true, label: '合格', action: null });
    expect(spotExamOutcome(100).passed).toBe(true);
    const fail = spotExamOutcome(89.5);
    expect(fail).toMatchObject({ result: SpotExamResult.Fail, passed: false, label: '不合格' });
    expect(fail.action).toBe('抽查考核不合格：企业应当组织其重新培训考核，或另行任命合格人员');
    expect(spotExamOutcome(0).passed).toBe(false);
  });

  it('on a 30-question paper, 27 right passes and 26 fails', () => {
    expect(spotExamOutcome(27, { fullMark: 30 }).passed).toBe(true);
    expect(spotExamOutcome(26, { fullMark: 30 }).passed).toBe(false);
  });

  it('takes a configured pass mark', () => {
    expect(spotExamOutcome(80, { passPercent: 80 }).passed).toBe(true);
    expect(spotExamOutcome(79, { passPercent: 80 }).passed).toBe(false);
  });

  it('refuses scores outside the paper', () => {
    expect(() => spotExamOutcome(-1)).toThrow(RangeError);
    expect(() => spotExamOutcome(101)).toThrow(RangeError);
    expect(() => spotExamOutcome(NaN)).toThrow(RangeError);
    expect(() => spotExamOutcome(10, { fullMark: 0 })).toThrow(RangeError);
  });
});
