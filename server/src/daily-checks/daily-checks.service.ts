import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  businessDateOf,
  countProblems,
  DailyCheckDto,
  ErrorCodes,
  MINIMAL_DAILY_CHECKLIST,
  MINIMAL_DAILY_CHECKLIST_VERSION,
  Page,
  validateDailyAnswers,
} from '@shian/shared';
import { AppError, notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { pageOf } from '../common/pagination';
import { applyScope } from '../common/region-scope';
import { isUniqueViolation } from '../common/sql';
import { validationFailed } from '../common/validation';
import { Enterprise } from '../enterprises/enterprise.entity';
import { IdempotencyService, Replayable } from '../idempotency/idempotency.service';
import { DailyCheck } from './daily-check.entity';
import { DailyCheckErrors } from './daily-checks.errors';
import { CreateDailyCheckDto, ListDailyChecksQuery } from './dto/daily-check.dto';

export const SUBMIT_DAILY_CHECK = 'POST /api/daily-checks';

@Injectable()
export class DailyChecksService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
  ) {}

  /**
   * Submits the caller's enterprise's daily check for a business date. Late submissions are
   * accepted and marked late (never backdated); a second, different one for the date is a 409.
   */
  async submit(caller: Caller, key: string | undefined, dto: CreateDailyCheckDto, now = new Date()): Promise<Replayable<DailyCheckDto>> {
    const idemKey = this.idempotency.checkKey(key);
    if (!caller.enterpriseId) throw AppError.of(DailyCheckErrors, ErrorCodes.NoEnterprise);
    const enterpriseId = caller.enterpriseId;
    const problems = validateDailyAnswers(MINIMAL_DAILY_CHECKLIST, dto.items);
    if (problems.length) throw validationFailed(problems);
    const today = businessDateOf(now);
    if (dto.businessDate > today) throw AppError.of(DailyCheckErrors, ErrorCodes.FutureBusinessDate, [{ field: 'businessDate', message: `营业日期不能晚于今天（${today}）` }]);

    try {
      return await this.idempotency.run(caller, idemKey, SUBMIT_DAILY_CHECK, dto, 201, async (em) => {
        await this.assertNoneForDate(em, enterpriseId, dto.businessDate);
        const enterprise = await em.findOneOrFail(Enterprise, { where: { id: enterpriseId } });
        const problemCount = countProblems(dto.items);
        const row: DailyCheck = Object.assign(new DailyCheck(), {
          id: randomUUID(),
          enterpriseId,
          regionCode: enterprise.regionCode,
          businessDate: dto.businessDate,
          checklistVersion: MINIMAL_DAILY_CHECKLIST_VERSION,
          officerId: caller.id,
          officerName: caller.name,
          items: dto.items.map((i) => ({ ...i })),
          remarks: dto.remarks?.trim() || null,
          problemCount,
          zeroRisk: problemCount === 0,
          late: dto.businessDate < today,
          submittedAt: now,
        });
        await em.insert(DailyCheck, row);
        return this.toDto(row, enterprise.name);
      });
    } catch (e) {
      // Lost a race with another submission for the same date (different key).
      if (isUniqueViolation(e)) throw AppError.of(DailyCheckErrors, ErrorCodes.DailyCheckExists);
      throw e;
    }
  }

  private async assertNoneForDate(em: EntityManager, enterpriseId: string, businessDate: string): Promise<void> {
    const existing = await em.findOne(DailyCheck, { where: { enterpriseId, businessDate }, select: { id: true, submittedAt: true, officerName: true } });
    if (existing) {
      throw AppError.of(DailyCheckErrors, ErrorCodes.DailyCheckExists, { existingId: existing.id }, `${businessDate} 的每日检查记录已由${existing.officerName}提交，不能重复提交`);
    }
  }

  async list(caller: Caller, q: ListDailyChecksQuery): Promise<Page<DailyCheckDto>> {
    const { page, pageSize, skip } = pageOf(q);
    const qb = this.ds
      .getRepository(DailyCheck)
      .createQueryBuilder('dc')
      .innerJoin(Enterprise, 'e', 'e.id = dc.enterpriseId')
      .addSelect('e.name', 'enterprise_name');
    applyScope(qb, caller, { region: 'dc.regionCode', enterprise: 'dc.enterpriseId' });
    if (q.from) qb.andWhere('dc.businessDate >= :from', { from: q.from });
    if (q.to) qb.andWhere('dc.businessDate <= :to', { to: q.to });
    if (q.regionCode) qb.andWhere('dc.regionCode LIKE :region', { region: `${q.regionCode}%` });
    if (q.enterpriseId) qb.andWhere('dc.enterpriseId = :enterpriseId', { enterpriseId: q.enterpriseId });
    const total = await qb.getCount();
    const { entities, raw } = await qb
      .orderBy('dc.businessDate', 'DESC')
      .addOrderBy('dc.submittedAt', 'DESC')
      .addOrderBy('dc.id', 'ASC')
      .offset(skip)
      .limit(pageSize)
      .getRawAndEntities();
    const names = new Map(raw.map((r: Record<string, unknown>) => [String(r.dc_id), String(r.enterprise_name)]));
    return { items: entities.map((row) => this.toDto(row, names.get(row.id) ?? '')), total, page, pageSize };
  }

  async findOne(caller: Caller, id: string): Promise<DailyCheckDto> {
    const qb = this.ds.getRepository(DailyCheck).createQueryBuilder('dc').where('dc.id = :id', { id });
    const row = await applyScope(qb, caller, { region: 'dc.regionCode', enterprise: 'dc.enterpriseId' }).getOne();
    if (!row) throw notFound('每日检查记录');
    const enterprise = await this.ds.getRepository(Enterprise).findOneOrFail({ where: { id: row.enterpriseId }, select: { id: true, name: true } });
    return this.toDto(row, enterprise.name);
  }

  /** The record for one date, if any, within the caller's scope. */
  async findForDate(caller: Caller, enterpriseId: string, businessDate: string): Promise<DailyCheckDto | null> {
    const page = await this.list(caller, { enterpriseId, from: businessDate, to: businessDate, page: 1, pageSize: 1 });
    return page.items[0] ?? null;
  }

  private toDto(row: DailyCheck, enterpriseName: string): DailyCheckDto {
    return {
      id: row.id,
      enterpriseId: row.enterpriseId,
      enterpriseName,
      regionCode: row.regionCode,
      businessDate: row.businessDate,
      checklistVersion: row.checklistVersion,
      officerId: row.officerId,
      officerName: row.officerName,
      items: row.items,
      remarks: row.remarks,
      problemCount: row.problemCount,
      zeroRisk: row.zeroRisk,
      late: row.late,
      submittedAt: row.submittedAt.toISOString(),
    };
  }
}
