import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  businessDateOf,
  countProblems,
  DailyCheckDto,
  DailyCheckItemAnswer,
  DailyCheckItemRecord,
  ErrorCodes,
  validateAnswers,
} from '@shian/shared';
import { AppError, notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { isUniqueViolation } from '../common/sql';
import { validationFailed } from '../common/validation';
import { Enterprise } from '../enterprises/enterprise.entity';
import { IdempotencyService, Replayable, ReplayCompaction } from '../idempotency/idempotency.service';
import { FilesService } from '../files/files.service';
import { WriteBatch } from '../database/write-batch';
import { EnterpriseRollup } from '../stats/rollup';
import { StatKind } from '../stats/stat.entities';
import { ChainHead } from '../integrity/chain.entities';
import { ChainService } from '../integrity/chain.service';
import { SubmittedRecordReader } from '../integrity/submitted-record-reader';
import { ProblemsService } from '../problems/problems.service';
import { RiskList } from '../risk-lists/risk-list.entity';
import { RiskListsService } from '../risk-lists/risk-lists.service';
import { dailyCheckContent, hashContent } from '../integrity/record-content';
import { DailyCheck } from './daily-check.entity';
import { DailyCheckErrors } from './daily-checks.errors';
import { AmendDailyCheckDto, CreateDailyCheckDto } from './dto/daily-check.dto';

export const SUBMIT_DAILY_CHECK = 'POST /api/daily-checks';
export const AMEND_DAILY_CHECK = 'POST /api/daily-checks/:id/versions';

@Injectable()
export class DailyChecksService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
    @Inject(ChainService) private readonly chain: ChainService,
    @Inject(RiskListsService) private readonly riskLists: RiskListsService,
    @Inject(ProblemsService) private readonly problems: ProblemsService,
    @Inject(FilesService) private readonly files: FilesService,
  ) {}

  /** List (current versions), detail and version history within the caller's scope, as DTOs. */
  readonly read = new SubmittedRecordReader(this.ds, DailyCheck, 'daily_check', 'businessDate', '每日检查记录', (row, name) => this.toDto(row, name));

  /** The key's stored response leaves out the answers (several KB); a replay reads them from the record, which never changes. */
  private readonly compaction: ReplayCompaction<DailyCheckDto> = {
    strip: (body) => {
      const { items, ...rest } = body;
      void items;
      return rest;
    },
    restore: async (stored) => {
      const rest = stored as Omit<DailyCheckDto, 'items'>;
      const row = await this.ds.getRepository(DailyCheck).findOneOrFail({ where: { id: rest.id }, select: { id: true, items: true } });
      return { ...rest, items: row.items };
    },
  };

  /**
   * Submits the caller's enterprise's daily check for a business date. Late submissions are
   * accepted and marked late (never backdated); a second, different one for the date is a 409.
   */
  async submit(caller: Caller, key: string | undefined, dto: CreateDailyCheckDto, now = new Date()): Promise<Replayable<DailyCheckDto>> {
    const idemKey = this.idempotency.checkKey(key);
    if (!caller.enterpriseId) throw AppError.of(DailyCheckErrors, ErrorCodes.NoEnterprise);
    const enterpriseId = caller.enterpriseId;
    const today = businessDateOf(now);
    if (dto.businessDate > today) throw AppError.of(DailyCheckErrors, ErrorCodes.FutureBusinessDate, [{ field: 'businessDate', message: `营业日期不能晚于今天（${today}）` }]);

    try {
      return await this.idempotency.run(caller, idemKey, SUBMIT_DAILY_CHECK, dto, 201, async (em, batch) => {
        // The head's lock, the enterprise and its current list in one statement. A second
        // submission for the date is refused by the unique index (below), not by a read first.
        const ctx = await this.chain.lockForRecord(em, enterpriseId);
        if (!ctx) throw notFound('企业');
        const list = ctx.list ?? (await this.riskLists.current(em, enterpriseId));
        const row = await this.store(em, batch, caller, ctx.head, list, ctx.enterprise, {
          enterpriseId,
          regionCode: ctx.enterprise.regionCode,
          businessDate: dto.businessDate,
          version: 1,
          supersedesId: null,
          amendReason: null,
          items: dto.items,
          remarks: dto.remarks,
          late: dto.businessDate < today,
          submittedAt: now,
        });
        return this.toDto(row, ctx.enterprise.name);
      }, this.compaction);
    } catch (e) {
      // The date has a record already (this one's replay was answered inside run()).
      if (isUniqueViolation(e)) throw await this.existsError(enterpriseId, dto.businessDate);
      throw e;
    }
  }

  /**
   * A correction: a new version of a submitted record, with a reason. The earlier version stays
   * as it was (only its is_current flag, outside the content hash, is cleared).
   */
  async amend(caller: Caller, id: string, key: string | undefined, dto: AmendDailyCheckDto, now = new Date()): Promise<Replayable<DailyCheckDto>> {
    const idemKey = this.idempotency.checkKey(key);
    if (!caller.enterpriseId) throw AppError.of(DailyCheckErrors, ErrorCodes.NoEnterprise);
    try {
      return await this.idempotency.run(caller, idemKey, AMEND_DAILY_CHECK, { id, ...dto }, 201, async (em, batch) => {
        const head = await this.chain.lockHead(em, caller.enterpriseId!);
        const prev = await em.findOne(DailyCheck, { where: { id, enterpriseId: caller.enterpriseId! } });
        if (!prev) throw notFound('每日检查记录');
        if (!prev.isCurrent) throw AppError.of(DailyCheckErrors, 'DAILY_CHECK_NOT_CURRENT');
        await em.update(DailyCheck, { id: prev.id }, { isCurrent: false });
        const enterprise = await em.findOneOrFail(Enterprise, { where: { id: prev.enterpriseId } });
        // A correction answers the list version the original was made against.
        const list = await em.findOneOrFail(RiskList, { where: { enterpriseId: prev.enterpriseId, version: prev.riskListVersion } });
        const row = await this.store(em, batch, caller, head, list, enterprise, {
          enterpriseId: prev.enterpriseId,
          regionCode: prev.regionCode,
          businessDate: prev.businessDate,
          version: prev.version + 1,
          supersedesId: prev.id,
          amendReason: dto.reason.trim(),
          items: dto.items,
          remarks: dto.remarks,
          late: prev.late,
          submittedAt: now,
        });
        return this.toDto(row, enterprise.name);
      }, this.compaction);
    } catch (e) {
      // Another correction of the same version won the race.
      if (isUniqueViolation(e)) throw AppError.of(DailyCheckErrors, 'DAILY_CHECK_NOT_CURRENT');
      throw e;
    }
  }

  /** Writes one immutable version and links it into the enterprise's record chain (through `batch`, flushed by the caller). */
  private async store(
    em: EntityManager,
    batch: WriteBatch,
    caller: Caller,
    head: ChainHead,
    list: RiskList,
    enterprise: Enterprise,
    v: Pick<DailyCheck, 'enterpriseId' | 'regionCode' | 'businessDate' | 'version' | 'supersedesId' | 'amendReason' | 'late' | 'submittedAt'> & {
      items: DailyCheckItemAnswer[];
      remarks?: string;
    },
  ): Promise<DailyCheck> {
    const problems = validateAnswers(list.items, 'daily', v.items);
    if (problems.length) throw validationFailed(problems);
    // Evidence photos must be this enterprise's uploads.
    await this.files.assertUsable(caller, Object.fromEntries(v.items.map((a, i) => [`items[${i}].photoIds`, a.photoIds ?? []])), em);
    const byCode = new Map(list.items.map((i) => [i.code, i]));
    const items: DailyCheckItemRecord[] = v.items.map((a) => ({ ...a, stage: byCode.get(a.code)!.stage, question: byCode.get(a.code)!.measure }));
    const problemCount = countProblems(v.items);
    const row: DailyCheck = Object.assign(new DailyCheck(), {
      ...v,
      id: randomUUID(),
      isCurrent: true,
      riskListVersion: list.version,
      officerId: caller.id,
      officerName: caller.name,
      items,
      remarks: v.remarks?.trim() || null,
      problemCount,
      zeroRisk: problemCount === 0,
    });
    row.contentHash = hashContent(dailyCheckContent(row));
    batch.insert(DailyCheck, row);
    // The dashboard's sums (stats/rollup.ts), sent with the rest: a first version is the day done.
    const rollup = EnterpriseRollup.of(enterprise);
    if (row.version === 1) rollup.record(StatKind.Daily, row.businessDate, row.late);
    await this.problems.recordFromDailyCheck(em, row, batch, rollup);
    this.chain.append(batch, head, 'daily_check', row.id, row.contentHash, row.submittedAt);
    await rollup.write(em, batch);
    return row;
  }

  /** 409 naming who submitted the date's record, and its id (for the form's 「查看已提交」). */
  private async existsError(enterpriseId: string, businessDate: string): Promise<AppError> {
    const existing = await this.ds.getRepository(DailyCheck).findOne({ where: { enterpriseId, businessDate }, select: { id: true, officerName: true }, order: { version: 'ASC' } });
    if (!existing) return AppError.of(DailyCheckErrors, ErrorCodes.DailyCheckExists);
    return AppError.of(DailyCheckErrors, ErrorCodes.DailyCheckExists, { existingId: existing.id }, `${businessDate} 的每日检查记录已由${existing.officerName}提交，不能重复提交`);
  }

  /** The record for one date, if any, within the caller's scope. */
  async findForDate(caller: Caller, enterpriseId: string, businessDate: string): Promise<DailyCheckDto | null> {
    const page = await this.read.list(caller, { enterpriseId, from: businessDate, to: businessDate, page: 1, pageSize: 1 });
    return page.items[0] ?? null;
  }

  private toDto(row: DailyCheck, enterpriseName: string): DailyCheckDto {
    return {
      id: row.id,
      enterpriseId: row.enterpriseId,
      enterpriseName,
      regionCode: row.regionCode,
      businessDate: row.businessDate,
      version: row.version,
      supersedesId: row.supersedesId,
      amendReason: row.amendReason,
      isCurrent: row.isCurrent,
      riskListVersion: row.riskListVersion,
      officerId: row.officerId,
      officerName: row.officerName,
      items: row.items,
      remarks: row.remarks,
      problemCount: row.problemCount,
      zeroRisk: row.zeroRisk,
      late: row.late,
      submittedAt: row.submittedAt.toISOString(),
      contentHash: row.contentHash,
    };
  }
}
