// 审阅 (issue #5): an official of the business's region marks a submitted record version reviewed,
// or returns it with a comment; the business answers a return with a new version (the records'
// own POST …/:id/versions), and until it does the return stays on its to-do list. Records are
// never changed here: a review is a row of its own.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Page, RECORD_TYPE_LABELS, REVIEW_ACTION_LABELS, ReturnedRecordTodo, ReviewDto, REVIEWED_RECORD_TYPES } from '@shian/shared';
import { AppError, notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { pageOf } from '../common/pagination';
import { applyScope } from '../common/region-scope';
import { validationFailed } from '../common/validation';
import { IdempotencyService, Replayable } from '../idempotency/idempotency.service';
import { enterpriseNames } from '../staff-duty/people';
import { CreateReviewDto, ListReviewsQuery } from './dto/review.dto';
import { describeVersions, findRecordVersion, RECORD_KINDS, RecordVersionRef, versionsOf } from './record-kinds';
import { RecordReview } from './record-review.entity';
import { ReviewErrors } from './reviews.errors';

export const CREATE_REVIEW = 'POST /api/reviews';

@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
  ) {}

  /** Reviews the current version of a record in the caller's region; an older version is a 409. */
  async create(caller: Caller, key: string | undefined, dto: CreateReviewDto, now = new Date()): Promise<Replayable<ReviewDto>> {
    const idemKey = this.idempotency.checkKey(key);
    const comment = dto.comment?.trim() || null;
    const flagged = dto.flagged === true;
    if (!comment && dto.action === 'returned') throw validationFailed([{ field: 'comment', message: '退回记录须填写退回意见' }]);
    if (!comment && flagged) throw validationFailed([{ field: 'comment', message: '标记有问题须填写问题说明' }]);
    return this.idempotency.run(caller, idemKey, CREATE_REVIEW, dto, 201, async (em) => {
      const record = await findRecordVersion(em, caller, dto.recordType, dto.recordId);
      if (!record) throw notFound(RECORD_KINDS[dto.recordType].label);
      if (!record.isCurrent) throw AppError.of(ReviewErrors, 'REVIEW_NOT_CURRENT');
      const row: RecordReview = Object.assign(new RecordReview(), {
        id: randomUUID(),
        recordType: dto.recordType,
        recordId: record.id,
        enterpriseId: record.enterpriseId,
        regionCode: record.regionCode,
        action: dto.action,
        comment,
        flagged,
        reviewerId: caller.id,
        reviewerName: caller.name,
        createdAt: now,
      });
      await em.insert(RecordReview, row);
      return (await this.hydrate(em, [row]))[0];
    });
  }

  /**
   * A record's reviews over all its versions, oldest first (recordType + recordId, any version);
   * otherwise the scope's (or one business's) reviews, newest first.
   */
  async list(caller: Caller, q: ListReviewsQuery): Promise<Page<ReviewDto>> {
    const { page, pageSize, skip } = pageOf(q);
    if (!!q.recordType !== !!q.recordId) {
      const field = q.recordType ? 'recordId' : 'recordType';
      throw validationFailed([{ field, message: '记录类型（recordType）与记录ID（recordId）须同时提供' }]);
    }
    const qb = this.ds.getRepository(RecordReview).createQueryBuilder('rv');
    applyScope(qb, caller, { region: 'rv.regionCode', enterprise: 'rv.enterpriseId' });
    if (q.recordType && q.recordId) {
      const record = await findRecordVersion(this.ds.manager, caller, q.recordType, q.recordId);
      if (!record) throw notFound(RECORD_KINDS[q.recordType].label);
      const versions = await versionsOf(this.ds.manager, q.recordType, record);
      qb.andWhere('rv.recordType = :type', { type: q.recordType }).andWhere('rv.recordId IN (:...ids)', { ids: versions.map((v) => v.id) });
      qb.orderBy('rv.createdAt', 'ASC');
    } else {
      qb.orderBy('rv.createdAt', 'DESC');
    }
    if (q.enterpriseId) qb.andWhere('rv.enterpriseId = :enterpriseId', { enterpriseId: q.enterpriseId });
    const total = await qb.getCount();
    const rows = await qb.addOrderBy('rv.id', 'ASC').offset(skip).limit(pageSize).getMany();
    return { items: await this.hydrate(this.ds.manager, rows), total, page, pageSize };
  }

  /**
   * For the business's to-do list: current record versions whose latest review returned them. A new
   * version (the correction) is current instead, so the return drops off by itself.
   */
  async returnedFor(enterpriseId: string): Promise<ReturnedRecordTodo[]> {
    const out: ReturnedRecordTodo[] = [];
    for (const type of REVIEWED_RECORD_TYPES) {
      const kind = RECORD_KINDS[type];
      const rows = await this.ds
        .getRepository(RecordReview)
        .createQueryBuilder('rv')
        .innerJoin(kind.entity, 'r', 'r.id = rv.recordId AND r.isCurrent = :current', { current: true })
        .addSelect(['r.version', `r.${kind.period}`])
        .where('rv.enterpriseId = :enterpriseId', { enterpriseId })
        .andWhere('rv.recordType = :type', { type })
        .orderBy('rv.createdAt', 'ASC')
        .addOrderBy('rv.id', 'ASC')
        .getRawAndEntities();
      const periodColumn = this.ds.getMetadata(kind.entity).findColumnWithPropertyName(kind.period)!.databaseName;
      const raws = new Map(rows.raw.map((raw: Record<string, unknown>) => [String(raw.rv_id), raw]));
      // Oldest first: the last one kept per record is its latest review.
      const latest = new Map<string, { review: RecordReview; version: number; period: string }>();
      for (const review of rows.entities) {
        const raw = raws.get(review.id) ?? {};
        latest.set(review.recordId, { review, version: Number(raw.r_version), period: String(raw[`r_${periodColumn}`]) });
      }
      for (const { review, version, period } of latest.values()) {
        if (review.action !== 'returned') continue;
        out.push({
          title: `记录被退回：${review.comment ?? ''}`,
          reviewId: review.id,
          recordType: type,
          recordTypeLabel: RECORD_TYPE_LABELS[type],
          recordId: review.recordId,
          recordVersion: version,
          recordPeriod: period,
          comment: review.comment ?? '',
          reviewerName: review.reviewerName,
          returnedAt: review.createdAt.toISOString(),
        });
      }
    }
    return out.sort((a, b) => a.returnedAt.localeCompare(b.returnedAt));
  }

  /** Rows → responses with the business's name and the reviewed version's number and period. */
  private async hydrate(em: EntityManager, rows: RecordReview[]): Promise<ReviewDto[]> {
    if (!rows.length) return [];
    const versions = await describeVersions(em, rows.map((r) => ({ type: r.recordType, id: r.recordId })));
    const names = await enterpriseNames(em, rows.map((r) => r.enterpriseId));
    return rows.map((r) => this.toDto(r, names.get(r.enterpriseId) ?? '', versions.get(r.recordId)));
  }

  private toDto(r: RecordReview, enterpriseName: string, version: RecordVersionRef | undefined): ReviewDto {
    return {
      id: r.id,
      recordType: r.recordType,
      recordId: r.recordId,
      recordVersion: version?.version ?? 0,
      recordPeriod: version?.period ?? '',
      enterpriseId: r.enterpriseId,
      enterpriseName,
      regionCode: r.regionCode,
      action: r.action,
      actionLabel: REVIEW_ACTION_LABELS[r.action],
      comment: r.comment,
      flagged: r.flagged,
      reviewerId: r.reviewerId,
      reviewerName: r.reviewerName,
      createdAt: r.createdAt.toISOString(),
    };
  }
}
