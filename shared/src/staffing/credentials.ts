// The papers behind 三人三责: appointment letters, training records and assessment results the
// business keeps for its director and officers (Order 60; domain.md §1). A reviewer verifies or
// rejects each; whether one has expired depends on the day asked, in Asia/Shanghai business dates.
import { BusinessDate, daysBetween, isBusinessDate } from '../dates';
import { CREDENTIAL_STATUS_LABELS, CredentialKind, CredentialReview, CredentialStatus } from '../enums';
import { EXPIRY_WARNING_DAYS, TRAINING_MIN_HOURS_PER_YEAR } from './thresholds';

export interface CredentialRecord {
  kind: CredentialKind;
  /** The reviewer's decision, as stored. */
  review: CredentialReview;
  /** 任命日期 / 培训日期 / 考核日期. */
  issuedOn: BusinessDate;
  /** The last day it is valid (有效期至), inclusive; null when it does not lapse (an appointment until revoked). */
  validUntil: BusinessDate | null;
  /** Training records: hours of training. */
  hours?: number | null;
}

export const CREDENTIAL_EXPIRING_LABEL = '即将到期';

export interface CredentialState {
  status: CredentialStatus;
  /** Still valid, with `validUntil` within the warning window (the last day included). */
  expiring: boolean;
  /** Days from `today` to the last valid day: 0 on that day, negative once expired; null without an end. */
  daysLeft: number | null;
  /** 已核验 / 即将到期 / 待审核 / 已驳回 / 已过期. */
  label: string;
}

function assertDate(value: string, name: string): void {
  if (!isBusinessDate(value)) throw new RangeError(`${name} is not a business date: ${value}`);
}

/**
 * The credential's state on `today`. A rejection stands whatever the dates; otherwise a credential
 * past its last valid day is expired, and one within `warningDays` of it (30 days ahead through the
 * last day itself) is flagged expiring.
 */
export function credentialState(
  credential: Pick<CredentialRecord, 'review' | 'validUntil'>,
  today: BusinessDate,
  warningDays: number = EXPIRY_WARNING_DAYS,
): CredentialState {
  assertDate(today, 'today');
  const { review, validUntil } = credential;
  if (validUntil !== null) assertDate(validUntil, 'validUntil');
  const daysLeft = validUntil === null ? null : daysBetween(today, validUntil);
  let status: CredentialStatus = review;
  if (review !== CredentialStatus.Rejected && daysLeft !== null && daysLeft < 0) status = CredentialStatus.Expired;
  const expiring = status !== CredentialStatus.Rejected && status !== CredentialStatus.Expired && daysLeft !== null && daysLeft <= warningDays;
  const label = expiring && status === CredentialStatus.Verified ? CREDENTIAL_EXPIRING_LABEL : CREDENTIAL_STATUS_LABELS[status];
  return { status, expiring, daysLeft, label };
}

export interface TrainingHoursSummary {
  year: number;
  /** Hours on verified training records dated in the year — what counts. */
  verifiedHours: number;
  /** Hours still awaiting review, shown so nobody re-enters them. */
  pendingHours: number;
  requiredHours: number;
  /** Hours still to do; 0 when met. */
  shortfall: number;
  met: boolean;
}

const roundHours = (h: number) => Math.round(h * 100) / 100;

/**
 * One person's training hours in a calendar year against the annual minimum (domain.md §1:
 * "at least 40 hours a year", configurable). Training counts in the year it took place (issuedOn),
 * whether or not the record has since expired; rejected records never count.
 */
export function annualTrainingHours(
  credentials: readonly CredentialRecord[],
  year: number,
  requiredHours: number = TRAINING_MIN_HOURS_PER_YEAR,
): TrainingHoursSummary {
  let verified = 0;
  let pending = 0;
  for (const c of credentials) {
    if (c.kind !== CredentialKind.TrainingRecord || !c.issuedOn.startsWith(`${year}-`)) continue;
    const hours = c.hours ?? 0;
    if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`training hours must be a non-negative number: ${hours}`);
    if (c.review === CredentialStatus.Verified) verified += hours;
    else if (c.review === CredentialStatus.Pending) pending += hours;
  }
  const verifiedHours = roundHours(verified);
  const shortfall = roundHours(Math.max(0, requiredHours - verifiedHours));
  return { year, verifiedHours, pendingHours: roundHours(pending), requiredHours, shortfall, met: shortfall === 0 };
}
