// What a record's content hash covers: every field a person submitted or the server decided at
// receipt. A changed stored row no longer matches its hash, so chain verification finds it.
// The fields are listed by hand on purpose (not derived from the entity's columns, nor shared with
// the DTOs): a column added later must not change what older records were hashed over.
import { createHash } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { canonicalJson } from '../common/canonical-json';
import { DailyCheck } from '../daily-checks/daily-check.entity';
import { MonthlyReview } from '../monthly-reviews/monthly-review.entity';
import { WeeklyInvestigation } from '../weekly-investigations/weekly-investigation.entity';

export const sha256Hex = (s: string): string => createHash('sha256').update(s).digest('hex');

export function dailyCheckContent(r: DailyCheck): Record<string, unknown> {
  return {
    type: 'daily_check',
    id: r.id,
    enterpriseId: r.enterpriseId,
    regionCode: r.regionCode,
    businessDate: r.businessDate,
    version: r.version,
    supersedesId: r.supersedesId,
    amendReason: r.amendReason,
    riskListVersion: r.riskListVersion,
    officerId: r.officerId,
    officerName: r.officerName,
    items: r.items,
    remarks: r.remarks,
    problemCount: r.problemCount,
    zeroRisk: r.zeroRisk,
    late: r.late,
    submittedAt: r.submittedAt.toISOString(),
  };
}

export function weeklyInvestigationContent(r: WeeklyInvestigation): Record<string, unknown> {
  return {
    type: 'weekly_investigation',
    id: r.id,
    enterpriseId: r.enterpriseId,
    regionCode: r.regionCode,
    week: r.week,
    version: r.version,
    supersedesId: r.supersedesId,
    amendReason: r.amendReason,
    riskListVersion: r.riskListVersion,
    investigatorId: r.investigatorId,
    investigatorName: r.investigatorName,
    investigatorRole: r.investigatorRole,
    items: r.items,
    hazards: r.hazards,
    measures: r.measures,
    resolutions: r.resolutions,
    nextWeekRequirements: r.nextWeekRequirements,
    summary: r.summary,
    late: r.late,
    submittedAt: r.submittedAt.toISOString(),
  };
}

export function monthlyReviewContent(r: MonthlyReview): Record<string, unknown> {
  return {
    type: 'monthly_review',
    id: r.id,
    enterpriseId: r.enterpriseId,
    regionCode: r.regionCode,
    month: r.month,
    version: r.version,
    supersedesId: r.supersedesId,
    amendReason: r.amendReason,
    chairId: r.chairId,
    chairName: r.chairName,
    meetingDate: r.meetingDate,
    place: r.place,
    attendees: r.attendees,
    discussion: r.discussion,
    decisions: r.decisions,
    nextMonthWork: r.nextMonthWork,
    report: r.report,
    late: r.late,
    submittedAt: r.submittedAt.toISOString(),
  };
}

export function hashContent(content: Record<string, unknown>): string {
  return sha256Hex(canonicalJson(content));
}

/** Per record type: recompute the content hashes of stored rows, for verification. */
export const RECORD_TYPES: Record<string, (em: EntityManager, ids: string[]) => Promise<Map<string, string>>> = {
  daily_check: async (em, ids) => {
    const rows = ids.length ? await em.find(DailyCheck, { where: { id: In(ids) } }) : [];
    return new Map(rows.map((r) => [r.id, hashContent(dailyCheckContent(r))]));
  },
  weekly_investigation: async (em, ids) => {
    const rows = ids.length ? await em.find(WeeklyInvestigation, { where: { id: In(ids) } }) : [];
    return new Map(rows.map((r) => [r.id, hashContent(weeklyInvestigationContent(r))]));
  },
  monthly_review: async (em, ids) => {
    const rows = ids.length ? await em.find(MonthlyReview, { where: { id: In(ids) } }) : [];
    return new Map(rows.map((r) => [r.id, hashContent(monthlyReviewContent(r))]));
  },
};
