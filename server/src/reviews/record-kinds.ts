// The submitted records an official may review or raise a rectification order from: one table per
// kind, each row a version. Reviews and orders point at a version by (type, id); this reads them.
import { EntityManager, In } from 'typeorm';
import { RECORD_TYPE_LABELS, ReviewedRecordType } from '@shian/shared';
import type { Caller } from '../common/caller';
import { applyScope } from '../common/region-scope';
import { DailyCheck } from '../daily-checks/daily-check.entity';
import { SubmittedRecord } from '../integrity/submitted-record';
import { MonthlyReview } from '../monthly-reviews/monthly-review.entity';
import { WeeklyInvestigation } from '../weekly-investigations/weekly-investigation.entity';

type RecordClass = typeof DailyCheck | typeof WeeklyInvestigation | typeof MonthlyReview;

interface RecordKind {
  entity: RecordClass;
  /** The property naming the record's period: the versions of a record share it. */
  period: 'businessDate' | 'week' | 'month';
  /** 「每日检查记录」 */
  label: string;
}

export const RECORD_KINDS: Record<ReviewedRecordType, RecordKind> = {
  daily_check: { entity: DailyCheck, period: 'businessDate', label: RECORD_TYPE_LABELS.daily_check },
  weekly_investigation: { entity: WeeklyInvestigation, period: 'week', label: RECORD_TYPE_LABELS.weekly_investigation },
  monthly_review: { entity: MonthlyReview, period: 'month', label: RECORD_TYPE_LABELS.monthly_review },
};

/** What reviews and orders need of a record version. */
export interface RecordVersionRef {
  id: string;
  enterpriseId: string;
  regionCode: string;
  version: number;
  isCurrent: boolean;
  /** Business date, ISO week or month. */
  period: string;
}

const COLUMNS = ['id', 'enterpriseId', 'regionCode', 'version', 'isCurrent'] as const;

function toRef(type: ReviewedRecordType, row: SubmittedRecord): RecordVersionRef {
  const period = (row as unknown as Record<string, string>)[RECORD_KINDS[type].period];
  return { id: row.id, enterpriseId: row.enterpriseId, regionCode: row.regionCode, version: row.version, isCurrent: row.isCurrent, period };
}

/** One version by id within the caller's scope (officials: their region; business users: their business), or null. */
export async function findRecordVersion(em: EntityManager, caller: Caller, type: ReviewedRecordType, id: string): Promise<RecordVersionRef | null> {
  const kind = RECORD_KINDS[type];
  const qb = em
    .getRepository<SubmittedRecord>(kind.entity)
    .createQueryBuilder('r')
    .select([...COLUMNS, kind.period].map((c) => `r.${c}`))
    .where('r.id = :id', { id });
  const row = await applyScope(qb, caller, { region: 'r.regionCode', enterprise: 'r.enterpriseId' }).getOne();
  return row ? toRef(type, row) : null;
}

/** Every version of the record `ref` is a version of, oldest first. */
export async function versionsOf(em: EntityManager, type: ReviewedRecordType, ref: RecordVersionRef): Promise<RecordVersionRef[]> {
  const kind = RECORD_KINDS[type];
  const rows = await em.getRepository<SubmittedRecord>(kind.entity).find({
    where: { enterpriseId: ref.enterpriseId, [kind.period]: ref.period } as never,
    select: Object.fromEntries([...COLUMNS, kind.period].map((c) => [c, true])) as never,
    order: { version: 'ASC' },
  });
  return rows.map((r) => toRef(type, r));
}

/** Versions by id, for responses that name them (reviews, orders' sources); ids of other kinds are skipped. */
export async function describeVersions(em: EntityManager, refs: ReadonlyArray<{ type: string; id: string }>): Promise<Map<string, RecordVersionRef>> {
  const out = new Map<string, RecordVersionRef>();
  for (const type of Object.keys(RECORD_KINDS) as ReviewedRecordType[]) {
    const ids = [...new Set(refs.filter((r) => r.type === type).map((r) => r.id))];
    if (!ids.length) continue;
    const kind = RECORD_KINDS[type];
    // One after another: `em` may be a transaction's single connection.
    const rows = await em.getRepository<SubmittedRecord>(kind.entity).find({
      where: { id: In(ids) } as never,
      select: Object.fromEntries([...COLUMNS, kind.period].map((c) => [c, true])) as never,
    });
    for (const r of rows) out.set(r.id, toRef(type, r));
  }
  return out;
}
