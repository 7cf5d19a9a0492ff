// Reading submitted records the same way for every kind: current versions only in lists, any
// version by id, the whole version history — always through the caller's scope.
import { DataSource, EntityTarget, FindOptionsWhere, In, SelectQueryBuilder } from 'typeorm';
import type { Page, RecordReviewMark, ReviewedRecordType } from '@shian/shared';
import { notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { whereAfter } from '../common/keyset';
import { pageOf, PageQuery } from '../common/pagination';
import { applyScope } from '../common/region-scope';
import { EXPORT_PAGE_SIZE, pagedRows } from '../common/xlsx-export';
import { Enterprise } from '../enterprises/enterprise.entity';
import { RecordReview } from '../reviews/record-review.entity';
import { SubmittedRecord } from './submitted-record';

export interface RecordListQuery extends PageQuery {
  /** Inclusive bounds on the period column ('YYYY-MM-DD', '2026-W48' or '2026-11': all sort as text). */
  from?: string;
  to?: string;
  regionCode?: string;
  enterpriseId?: string;
  /** true: versions with an official's review; false: those without (the review queue). */
  reviewed?: boolean;
}

/** Reads one kind of record (entity T) and answers with its DTO (D): the services' list / detail / versions. */
export class SubmittedRecordReader<T extends SubmittedRecord, D> {
  constructor(
    private readonly ds: DataSource,
    private readonly entity: EntityTarget<T>,
    /** Its name in record_reviews. */
    private readonly recordType: ReviewedRecordType,
    /** The property naming the record's period: businessDate, week or month. */
    private readonly period: keyof T & string,
    /** For 404s: 「每日检查记录不存在或无权查看」. */
    private readonly label: string,
    private readonly toDto: (row: T, enterpriseName: string) => D,
  ) {}

  /** Current versions, newest period first, within the caller's scope and the filters. */
  async list(caller: Caller, q: RecordListQuery): Promise<Page<D>> {
    const { page, pageSize, skip } = pageOf(q);
    const qb = this.filtered(caller, q);
    const total = await qb.getCount();
    return { items: await this.dtos(this.ordered(qb).offset(skip).limit(pageSize)), total, page, pageSize };
  }

  /** Every row of the list, in its order, a page at a time (for the .xlsx export). */
  rows(caller: Caller, q: RecordListQuery, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<D> {
    let last: T | undefined;
    return pagedRows<D>(async (after, size) => {
      const qb = this.filtered(caller, q);
      if (after && last) {
        whereAfter(qb, [
          { column: `r.${this.period}`, direction: 'DESC', value: last[this.period] },
          { column: 'r.submittedAt', direction: 'DESC', value: last.submittedAt },
          { column: 'r.id', direction: 'ASC', value: last.id },
        ]);
      }
      const { entities, raw } = await this.ordered(qb).limit(size).getRawAndEntities();
      last = entities[entities.length - 1];
      return this.toDtos(entities, raw);
    }, pageSize);
  }

  private filtered(caller: Caller, q: RecordListQuery): SelectQueryBuilder<T> {
    const qb = this.ds.getRepository(this.entity).createQueryBuilder('r').innerJoin(Enterprise, 'e', 'e.id = r.enterpriseId').addSelect('e.name', 'enterprise_name');
    applyScope(qb, caller, { region: 'r.regionCode', enterprise: 'r.enterpriseId' });
    qb.andWhere('r.isCurrent = :current', { current: true });
    if (q.from) qb.andWhere(`r.${this.period} >= :from`, { from: q.from });
    if (q.to) qb.andWhere(`r.${this.period} <= :to`, { to: q.to });
    if (q.regionCode) qb.andWhere('r.regionCode LIKE :region', { region: `${q.regionCode}%` });
    if (q.enterpriseId) qb.andWhere('r.enterpriseId = :enterpriseId', { enterpriseId: q.enterpriseId });
    if (q.reviewed !== undefined) {
      const reviews = qb.subQuery().select('1').from(RecordReview, 'rv').where('rv.recordType = :recordType AND rv.recordId = r.id').getQuery();
      qb.andWhere(`${q.reviewed ? '' : 'NOT '}EXISTS ${reviews}`, { recordType: this.recordType });
    }
    return qb;
  }

  private ordered(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
    return qb.orderBy(`r.${this.period}`, 'DESC').addOrderBy('r.submittedAt', 'DESC').addOrderBy('r.id', 'ASC');
  }

  private async dtos(qb: SelectQueryBuilder<T>): Promise<D[]> {
    const { entities, raw } = await qb.getRawAndEntities();
    return this.toDtos(entities, raw);
  }

  /** The page's DTOs, each with its latest review (one query for the page). */
  private async toDtos(entities: T[], raw: Record<string, unknown>[]): Promise<Array<D & { review: RecordReviewMark | null }>> {
    const names = new Map(raw.map((r) => [String(r.r_id), String(r.enterprise_name)]));
    const marks = new Map<string, RecordReviewMark>();
    if (entities.length) {
      const reviews = await this.ds.getRepository(RecordReview).find({
        where: { recordType: this.recordType, recordId: In(entities.map((e) => e.id)) },
        select: { recordId: true, action: true, reviewerName: true, createdAt: true },
        order: { createdAt: 'ASC' },
      });
      for (const rv of reviews) marks.set(rv.recordId, { action: rv.action, reviewerName: rv.reviewerName, createdAt: rv.createdAt.toISOString() });
    }
    return entities.map((row) => ({ ...this.toDto(row, names.get(row.id) ?? ''), review: marks.get(row.id) ?? null }));
  }

  /** Any version by id, within scope; out of scope answers like missing. */
  async findOne(caller: Caller, id: string): Promise<D> {
    const { row, enterpriseName } = await this.findRow(caller, id);
    return this.toDto(row, enterpriseName);
  }

  /** Every version of the record's period, oldest first: officials see the history. */
  async versions(caller: Caller, id: string): Promise<D[]> {
    const { row, enterpriseName } = await this.findRow(caller, id);
    const where = { enterpriseId: row.enterpriseId, [this.period]: row[this.period] } as FindOptionsWhere<T>;
    const rows = await this.ds.getRepository(this.entity).find({ where, order: { version: 'ASC' } as never });
    return rows.map((r) => this.toDto(r, enterpriseName));
  }

  private async findRow(caller: Caller, id: string): Promise<{ row: T; enterpriseName: string }> {
    const qb = this.ds.getRepository(this.entity).createQueryBuilder('r').where('r.id = :id', { id });
    const row = await applyScope(qb, caller, { region: 'r.regionCode', enterprise: 'r.enterpriseId' }).getOne();
    if (!row) throw notFound(this.label);
    const enterprise = await this.ds.getRepository(Enterprise).findOneOrFail({ where: { id: row.enterpriseId }, select: { id: true, name: true } });
    return { row, enterpriseName: enterprise.name };
  }
}
