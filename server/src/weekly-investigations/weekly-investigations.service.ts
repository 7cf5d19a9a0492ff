import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, EntityManager } from 'typeorm';
import {
  DailyCheckItemRecord,
  ErrorCodes,
  mondayOfIsoWeek,
  Role,
  todayInShanghai,
  validateAnswers,
  weekDates,
  weeklyDueBy,
  WeeklyInvestigationDto,
  weeklySummary,
  WeeklySummary,
} from '@shian/shared';
import { User } from '../auth/user.entity';
import { AppError, notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { isUniqueViolation } from '../common/sql';
import { validationFailed } from '../common/validation';
import { DailyCheck } from '../daily-checks/daily-check.entity';
import { dutiesSince, Enterprise } from '../enterprises/enterprise.entity';
import { FilesService } from '../files/files.service';
import { IdempotencyService, Replayable } from '../idempotency/idempotency.service';
import { ChainHead } from '../integrity/chain.entities';
import { WriteBatch } from '../database/write-batch';
import { EnterpriseRollup } from '../stats/rollup';
import { weekEnd } from '../stats/rollup-rebuild';
import { StatKind } from '../stats/stat.entities';
import { ChainService } from '../integrity/chain.service';
import { SubmittedRecordReader } from '../integrity/submitted-record-reader';
import { hashContent, weeklyInvestigationContent } from '../integrity/record-content';
import { ProblemsService } from '../problems/problems.service';
import { RiskList } from '../risk-lists/risk-list.entity';
import { RiskListsService } from '../risk-lists/risk-lists.service';
import { AmendWeeklyInvestigationDto, CreateWeeklyInvestigationDto } from './dto/weekly-investigation.dto';
import { WeeklyInvestigation } from './weekly-investigation.entity';
import { WeeklyInvestigationErrors as Errors } from './weekly-investigations.errors';

export const SUBMIT_WEEKLY = 'POST /api/weekly-investigations';
export const AMEND_WEEKLY = 'POST /api/weekly-investigations/:id/versions';

type Body = Omit<CreateWeeklyInvestigationDto, 'week'>;

/** The current daily checks of a week and their problems, as a 周排查 report freezes them (Order 60). */
export async function summarizeWeek(em: EntityManager, problems: ProblemsService, enterprise: Enterprise, week: string, today: string): Promise<WeeklySummary> {
  const dates = weekDates(week);
  const checks = await em.find(DailyCheck, { where: { enterpriseId: enterprise.id, isCurrent: true, businessDate: Between(dates[0], dates[6]) }, select: { id: true, businessDate: true, late: true } });
  const entries = await problems.entriesOf(em, 'daily_check', checks.map((c) => c.id));
  return weeklySummary({ week, today, checks, problems: entries, since: dutiesSince(enterprise) });
}

@Injectable()
export class WeeklyInvestigationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
    @Inject(ChainService) private readonly chain: ChainService,
    @Inject(RiskListsService) private readonly riskLists: RiskListsService,
    @Inject(ProblemsService) private readonly problems: ProblemsService,
    @Inject(FilesService) private readonly files: FilesService,
  ) {}

  /** List (current versions), detail and version history within the caller's scope, as DTOs. */
  readonly read = new SubmittedRecordReader(this.ds, WeeklyInvestigation, 'weekly_investigation', 'week', '周排查报告', (row, name) => this.toDto(row, name));

  /**
   * The director's weekly report for a week (the officer's where the business has no director).
   * A late one is accepted and marked late; a second one for the week is a 409.
   */
  async submit(caller: Caller, key: string | undefined, dto: CreateWeeklyInvestigationDto, now = new Date()): Promise<Replayable<WeeklyInvestigationDto>> {
    const idemKey = this.idempotency.checkKey(key);
    const enterpriseId = await this.assertOrganiser(caller);
    const today = todayInShanghai(now);
    if (mondayOfIsoWeek(dto.week)! > today) throw AppError.of(Errors, 'FUTURE_WEEK', [{ field: 'week', message: `周次不能晚于本周（今天是 ${today}）` }]);
    try {
      return await this.idempotency.run(caller, idemKey, SUBMIT_WEEKLY, dto, 201, async (em) => {
        const head = await this.chain.lockHead(em, enterpriseId);
        const existing = await em.findOne(WeeklyInvestigation, { where: { enterpriseId, week: dto.week }, select: { id: true, investigatorName: true } });
        if (existing) throw AppError.of(Errors, 'WEEKLY_INVESTIGATION_EXISTS', { existingId: existing.id }, `${dto.week} 的排查治理报告已由${existing.investigatorName}提交，不能重复提交`);
        const list = await this.riskLists.current(em, enterpriseId);
        const enterprise = await em.findOneOrFail(Enterprise, { where: { id: enterpriseId } });
        const row = await this.store(em, caller, head, list, enterprise, dto, { week: dto.week, version: 1, supersedesId: null, amendReason: null, late: now > weeklyDueBy(dto.week), submittedAt: now });
        return this.toDto(row, enterprise.name);
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw AppError.of(Errors, 'WEEKLY_INVESTIGATION_EXISTS');
      throw e;
    }
  }

  /** A correction: the next version with a reason; the summary is frozen again as of now. */
  async amend(caller: Caller, id: string, key: string | undefined, dto: AmendWeeklyInvestigationDto, now = new Date()): Promise<Replayable<WeeklyInvestigationDto>> {
    const idemKey = this.idempotency.checkKey(key);
    const enterpriseId = await this.assertOrganiser(caller);
    try {
      return await this.idempotency.run(caller, idemKey, AMEND_WEEKLY, { id, ...dto }, 201, async (em) => {
        const head = await this.chain.lockHead(em, enterpriseId);
        const prev = await em.findOne(WeeklyInvestigation, { where: { id, enterpriseId } });
        if (!prev) throw notFound('周排查报告');
        if (!prev.isCurrent) throw AppError.of(Errors, 'WEEKLY_INVESTIGATION_NOT_CURRENT');
        await em.update(WeeklyInvestigation, { id: prev.id }, { isCurrent: false });
        const enterprise = await em.findOneOrFail(Enterprise, { where: { id: enterpriseId } });
        const list = await em.findOneOrFail(RiskList, { where: { enterpriseId, version: prev.riskListVersion } });
        const { reason, ...body } = dto;
        const row = await this.store(em, caller, head, list, enterprise, body, {
          week: prev.week,
          version: prev.version + 1,
          supersedesId: prev.id,
          amendReason: reason.trim(),
          late: prev.late,
          submittedAt: now,
        });
        return this.toDto(row, enterprise.name);
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw AppError.of(Errors, 'WEEKLY_INVESTIGATION_NOT_CURRENT');
      throw e;
    }
  }

  /** The summary a report for the week would freeze now (for the form). */
  async preview(caller: Caller, week: string, now = new Date()): Promise<WeeklySummary> {
    if (!caller.enterpriseId) throw AppError.of(Errors, ErrorCodes.NoEnterprise);
    const today = todayInShanghai(now);
    if (mondayOfIsoWeek(week)! > today) throw AppError.of(Errors, 'FUTURE_WEEK', [{ field: 'week', message: `周次不能晚于本周（今天是 ${today}）` }]);
    const enterprise = await this.ds.getRepository(Enterprise).findOneOrFail({ where: { id: caller.enterpriseId } });
    return summarizeWeek(this.ds.manager, this.problems, enterprise, week, today);
  }

  /**
   * Writes one immutable version: closes the problems it resolves, freezes the week's summary
   * (after those resolutions), links its hash into the chain and records the problems it found.
   */
  private async store(
    em: EntityManager,
    caller: Caller,
    head: ChainHead,
    list: RiskList,
    enterprise: Enterprise,
    body: Body,
    v: Pick<WeeklyInvestigation, 'week' | 'version' | 'supersedesId' | 'amendReason' | 'late' | 'submittedAt'>,
  ): Promise<WeeklyInvestigation> {
    const itemProblems = validateAnswers(list.items, 'weekly', body.items);
    if (itemProblems.length) throw validationFailed(itemProblems);
    // Evidence photos must be this enterprise's uploads.
    await this.files.assertUsable(
      caller,
      Object.fromEntries([
        ...body.items.map((a, i) => [`items[${i}].photoIds`, a.photoIds ?? []] as const),
        ...body.hazards.map((h, i) => [`hazards[${i}].photoIds`, h.photoIds ?? []] as const),
      ]),
      em,
    );
    const byCode = new Map(list.items.map((i) => [i.code, i]));
    const items: DailyCheckItemRecord[] = body.items.map((a) => ({ ...a, stage: byCode.get(a.code)!.stage, question: byCode.get(a.code)!.measure }));
    const id = randomUUID();
    // The dashboard's sums change with it (stats/rollup.ts): a first version is the week done.
    const rollup = EnterpriseRollup.of(enterprise);
    if (v.version === 1) rollup.record(StatKind.Weekly, weekEnd(v.week), v.late);
    const resolutions = await this.problems.resolve(em, caller, enterprise.id, body.resolutions, id, v.submittedAt, rollup);
    const summary = await summarizeWeek(em, this.problems, enterprise, v.week, todayInShanghai(v.submittedAt));
    const row: WeeklyInvestigation = Object.assign(new WeeklyInvestigation(), {
      ...v,
      id,
      enterpriseId: enterprise.id,
      regionCode: enterprise.regionCode,
      isCurrent: true,
      riskListVersion: list.version,
      investigatorId: caller.id,
      investigatorName: caller.name,
      investigatorRole: caller.role,
      items,
      hazards: body.hazards.map((h) => ({ description: h.description.trim(), ...(h.photoIds?.length ? { photoIds: h.photoIds } : {}) })),
      measures: body.measures.map((m) => ({ description: m.description.trim(), owner: m.owner.trim(), deadline: m.deadline })),
      resolutions,
      nextWeekRequirements: body.nextWeekRequirements.trim(),
      summary,
    });
    row.contentHash = hashContent(weeklyInvestigationContent(row));
    const batch = new WriteBatch(em).insert(WeeklyInvestigation, row);
    this.chain.append(batch, head, 'weekly_investigation', row.id, row.contentHash, row.submittedAt);
    await batch.flush();
    await this.problems.recordFromWeekly(em, row, rollup);
    await rollup.write(em);
    return row;
  }

  /** Order 60: the director organises the weekly investigation; the officer only where there is no director. */
  private async assertOrganiser(caller: Caller): Promise<string> {
    if (!caller.enterpriseId) throw AppError.of(Errors, ErrorCodes.NoEnterprise);
    if (caller.role === Role.Officer) {
      const director = await this.ds.getRepository(User).findOne({ where: { enterpriseId: caller.enterpriseId, role: Role.Director, active: true }, select: { id: true } });
      if (director) throw AppError.of(Errors, 'WEEKLY_BY_DIRECTOR');
    }
    return caller.enterpriseId;
  }

  private toDto(r: WeeklyInvestigation, enterpriseName: string): WeeklyInvestigationDto {
    return {
      id: r.id,
      enterpriseId: r.enterpriseId,
      enterpriseName,
      regionCode: r.regionCode,
      week: r.week,
      version: r.version,
      supersedesId: r.supersedesId,
      amendReason: r.amendReason,
      isCurrent: r.isCurrent,
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
      contentHash: r.contentHash,
    };
  }
}
