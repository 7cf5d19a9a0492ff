// The problem to-do list: every 不符合 and every hazard a record finds becomes a problem, open until
// fixed on the spot or resolved by a weekly investigation (Order 60: the director resolves the
// problems found in daily control).
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import {
  CheckResult,
  ErrorCodes,
  isoWeekKey,
  monthKey,
  monthlyDueBy,
  MyTodosResponse,
  Page,
  PeriodProblemEntry,
  ProblemDto,
  ProblemResolutionRequest,
  ProblemSourceType,
  todayInShanghai,
  weeklyDueBy,
  WeeklyInvestigationDto,
} from '@shian/shared';
import { AppError } from '../common/app-error';
import type { Caller } from '../common/caller';
import { whereAfter } from '../common/keyset';
import { pageOf } from '../common/pagination';
import { applyScope } from '../common/region-scope';
import { validationFailed } from '../common/validation';
import { EXPORT_PAGE_SIZE, pagedRows } from '../common/xlsx-export';
import type { WriteBatch } from '../database/write-batch';
import type { EnterpriseRollup } from '../stats/rollup';
import type { DailyCheck } from '../daily-checks/daily-check.entity';
import { Enterprise } from '../enterprises/enterprise.entity';
import { MonthlyReview } from '../monthly-reviews/monthly-review.entity';
import { EnterpriseTodosService } from '../staff-duty/enterprise-todos.service';
import { RectificationTodosService } from '../rectifications/rectification-todos.service';
import { WeeklyInvestigation } from '../weekly-investigations/weekly-investigation.entity';
import { ListProblemsQuery } from './dto/problem.dto';
import { Problem } from './problem.entity';
import { PROBLEM_NOT_OPEN, ProblemErrors } from './problems.errors';

/** What an open problem of a replaced record version is closed with. */
export const SUPERSEDED_RESOLUTION = '记录已更正';

interface Finding {
  itemCode: string | null;
  description: string;
  measureTaken: string | null;
  fixedOnSpot: boolean;
}

@Injectable()
export class ProblemsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(EnterpriseTodosService) private readonly staffDuty: EnterpriseTodosService,
    @Inject(RectificationTodosService) private readonly rectifications: RectificationTodosService,
  ) {}

  /** A daily check's 不符合 answers, in the check's transaction (the director sees them at once); the rows go into `batch` (the caller flushes it). */
  recordFromDailyCheck(em: EntityManager, row: DailyCheck, batch: WriteBatch, rollup: EnterpriseRollup): Promise<void> {
    const findings = row.items
      .filter((a) => a.result === CheckResult.Fail)
      .map((a) => ({ itemCode: a.code, description: a.problem!.trim(), measureTaken: a.measure?.trim() || null, fixedOnSpot: a.fixedOnSpot === true }));
    return this.record(em, 'daily_check', row, row.officerId, findings, rollup, batch);
  }

  /** A weekly investigation's 不符合 answers and the hazards it found. */
  recordFromWeekly(em: EntityManager, row: WeeklyInvestigation, rollup: EnterpriseRollup): Promise<void> {
    const findings: Finding[] = [
      ...row.items
        .filter((a) => a.result === CheckResult.Fail)
        .map((a) => ({ itemCode: a.code, description: a.problem!.trim(), measureTaken: a.measure?.trim() || null, fixedOnSpot: a.fixedOnSpot === true })),
      ...row.hazards.map((h) => ({ itemCode: null, description: h.description, measureTaken: null, fixedOnSpot: false })),
    ];
    const lastDay = row.summary.to < row.summary.asOf ? row.summary.to : row.summary.asOf;
    return this.record(em, 'weekly_investigation', { ...row, businessDate: lastDay }, row.investigatorId, findings, rollup);
  }

  /**
   * Writes a record version's problems. For a correction, the replaced version's problems are
   * marked superseded (they belong to no current record; open ones are closed 「记录已更正」), and
   * a problem of the same item that a weekly investigation had already resolved keeps that
   * resolution instead of reopening.
   */
  private async record(
    em: EntityManager,
    sourceType: ProblemSourceType,
    row: { id: string; enterpriseId: string; regionCode: string; businessDate: string; supersedesId: string | null; submittedAt: Date },
    finderId: string,
    findings: Finding[],
    rollup: EnterpriseRollup,
    batch?: WriteBatch,
  ): Promise<void> {
    const carried = new Map<string, Problem>();
    if (row.supersedesId) {
      const old = await em.find(Problem, { where: { sourceType, sourceId: row.supersedesId } });
      for (const p of old) if (p.status === 'resolved' && p.resolvedIn && p.itemCode) carried.set(p.itemCode, p);
      // Superseded problems leave the dashboard's counts (a superseded one already had).
      for (const p of old) if (p.status !== 'superseded') rollup.problems(p.businessDate, -1, p.status === 'resolved' ? -1 : 0);
      await em.update(Problem, { sourceType, sourceId: row.supersedesId, status: 'open' }, { status: 'superseded', resolution: SUPERSEDED_RESOLUTION, resolvedAt: row.submittedAt, resolvedBy: finderId });
      await em.update(Problem, { sourceType, sourceId: row.supersedesId, status: 'resolved' }, { status: 'superseded' });
    }
    if (!findings.length) return;
    const rows = findings.map((f) => {
      const prior = f.itemCode && !f.fixedOnSpot ? carried.get(f.itemCode) : undefined;
      return Object.assign(new Problem(), {
        id: randomUUID(),
        enterpriseId: row.enterpriseId,
        regionCode: row.regionCode,
        sourceType,
        sourceId: row.id,
        itemCode: f.itemCode,
        businessDate: row.businessDate,
        description: f.description,
        measureTaken: f.measureTaken,
        fixedOnSpot: f.fixedOnSpot,
        status: f.fixedOnSpot || prior ? 'resolved' : 'open',
        resolvedAt: f.fixedOnSpot ? row.submittedAt : (prior?.resolvedAt ?? null),
        resolvedBy: f.fixedOnSpot ? finderId : (prior?.resolvedBy ?? null),
        resolution: f.fixedOnSpot ? f.measureTaken : (prior?.resolution ?? null),
        resolvedIn: prior?.resolvedIn ?? null,
        createdAt: row.submittedAt,
      });
    });
    for (const p of rows) rollup.problems(p.businessDate, 1, p.status === 'resolved' ? 1 : 0);
    if (batch) batch.insert(Problem, rows);
    else await em.insert(Problem, rows);
  }

  /**
   * Closes open problems of the enterprise in a weekly investigation's transaction. Every id must
   * be an open problem of this enterprise; returns each with its description, for the record.
   */
  async resolve(em: EntityManager, caller: Caller, enterpriseId: string, requests: ProblemResolutionRequest[], weeklyId: string, at: Date, rollup: EnterpriseRollup): Promise<WeeklyInvestigationDto['resolutions']> {
    if (!requests.length) return [];
    const ids = requests.map((r) => r.problemId);
    const found = new Map((await em.find(Problem, { where: { id: In(ids), enterpriseId, status: 'open' } })).map((p) => [p.id, p]));
    const seen = new Set<string>();
    const problems = requests.flatMap((r, i) => {
      if (seen.has(r.problemId)) return [{ field: `resolutions[${i}].problemId`, message: `问题处理第${i + 1}项重复` }];
      seen.add(r.problemId);
      return found.has(r.problemId) ? [] : [{ field: `resolutions[${i}].problemId`, message: `问题处理第${i + 1}项：${PROBLEM_NOT_OPEN}` }];
    });
    if (problems.length) throw validationFailed(problems);
    const out: WeeklyInvestigationDto['resolutions'] = [];
    for (const r of requests) {
      const p = found.get(r.problemId)!;
      const resolution = r.resolution.trim();
      // Guarded on status: a concurrent resolution of the same problem changes nothing twice.
      const res = await em.update(Problem, { id: p.id, status: 'open' }, { status: 'resolved', resolvedAt: at, resolvedBy: caller.id, resolution, resolvedIn: weeklyId });
      if (res.affected === 0) throw validationFailed([{ field: 'resolutions', message: PROBLEM_NOT_OPEN }]);
      rollup.problems(p.businessDate, 0, 1);
      out.push({ problemId: p.id, resolution, description: p.description, businessDate: p.businessDate });
    }
    return out;
  }

  /** Problems of the given record versions, as summaries freeze them. */
  async entriesOf(em: EntityManager, sourceType: ProblemSourceType, sourceIds: string[]): Promise<PeriodProblemEntry[]> {
    if (!sourceIds.length) return [];
    const rows = await em.find(Problem, { where: { sourceType, sourceId: In(sourceIds) } });
    return rows.map((p) => ({
      id: p.id,
      businessDate: p.businessDate,
      itemCode: p.itemCode,
      description: p.description,
      measureTaken: p.measureTaken,
      fixedOnSpot: p.fixedOnSpot,
      status: p.status,
      resolution: p.resolution,
      resolvedAt: p.resolvedAt ? p.resolvedAt.toISOString() : null,
    }));
  }

  async list(caller: Caller, q: ListProblemsQuery): Promise<Page<ProblemDto>> {
    const { page, pageSize, skip } = pageOf(q);
    const qb = this.filtered(caller, q);
    const total = await qb.getCount();
    const { entities, raw } = await this.ordered(qb).offset(skip).limit(pageSize).getRawAndEntities();
    return { items: this.toDtos(entities, raw), total, page, pageSize };
  }

  /** Every row of the list, in its order, a page at a time (for the .xlsx export). */
  rows(caller: Caller, q: ListProblemsQuery, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<ProblemDto> {
    return pagedRows<ProblemDto>(async (after, size) => {
      const qb = this.filtered(caller, q);
      if (after) {
        whereAfter(qb, [
          { column: 'p.businessDate', direction: 'DESC', value: after.businessDate },
          { column: 'p.createdAt', direction: 'DESC', value: new Date(after.createdAt) },
          { column: 'p.id', direction: 'ASC', value: after.id },
        ]);
      }
      const { entities, raw } = await this.ordered(qb).limit(size).getRawAndEntities();
      return this.toDtos(entities, raw);
    }, pageSize);
  }

  private filtered(caller: Caller, q: ListProblemsQuery): SelectQueryBuilder<Problem> {
    const qb = this.ds.getRepository(Problem).createQueryBuilder('p').innerJoin(Enterprise, 'e', 'e.id = p.enterpriseId').addSelect('e.name', 'enterprise_name');
    applyScope(qb, caller, { region: 'p.regionCode', enterprise: 'p.enterpriseId' });
    if (q.status) qb.andWhere('p.status = :status', { status: q.status });
    if (q.from) qb.andWhere('p.businessDate >= :from', { from: q.from });
    if (q.to) qb.andWhere('p.businessDate <= :to', { to: q.to });
    if (q.regionCode) qb.andWhere('p.regionCode LIKE :region', { region: `${q.regionCode}%` });
    if (q.enterpriseId) qb.andWhere('p.enterpriseId = :enterpriseId', { enterpriseId: q.enterpriseId });
    return qb;
  }

  private ordered(qb: SelectQueryBuilder<Problem>): SelectQueryBuilder<Problem> {
    return qb.orderBy('p.businessDate', 'DESC').addOrderBy('p.createdAt', 'DESC').addOrderBy('p.id', 'ASC');
  }

  private toDtos(entities: Problem[], raw: Record<string, unknown>[]): ProblemDto[] {
    const names = new Map(raw.map((r) => [String(r.p_id), String(r.enterprise_name)]));
    return entities.map((p) => this.toDto(p, names.get(p.id) ?? ''));
  }

  /**
   * The enterprise user's to-do: open problems, whether this week's and this month's records are
   * due, and the papers' warnings and spot-exam failures (staff-duty).
   */
  async mine(caller: Caller, now = new Date()): Promise<MyTodosResponse> {
    if (!caller.enterpriseId) throw AppError.of(ProblemErrors, ErrorCodes.NoEnterprise);
    const enterpriseId = caller.enterpriseId;
    const today = todayInShanghai(now);
    const [week, month] = [isoWeekKey(today), monthKey(today)];
    const enterprise = await this.ds.getRepository(Enterprise).findOneOrFail({ where: { id: enterpriseId }, select: { id: true, name: true } });
    const open = await this.ds.getRepository(Problem).find({ where: { enterpriseId, status: 'open' }, order: { businessDate: 'ASC', createdAt: 'ASC', id: 'ASC' } });
    const weekly = await this.ds.getRepository(WeeklyInvestigation).findOne({ where: { enterpriseId, week, isCurrent: true }, select: { id: true } });
    const review = await this.ds.getRepository(MonthlyReview).findOne({ where: { enterpriseId, month, isCurrent: true }, select: { id: true } });
    return {
      today,
      openProblems: open.map((p) => this.toDto(p, enterprise.name)),
      weekly: { week, due: !weekly, investigationId: weekly?.id ?? null, dueBy: weeklyDueBy(week).toISOString() },
      monthly: { month, due: !review, reviewId: review?.id ?? null, dueBy: monthlyDueBy(month).toISOString() },
      ...(await this.staffDuty.mine(caller, now)),
      ...(await this.rectifications.mine(caller, now)),
    };
  }

  private toDto(p: Problem, enterpriseName: string): ProblemDto {
    return {
      id: p.id,
      enterpriseId: p.enterpriseId,
      enterpriseName,
      regionCode: p.regionCode,
      sourceType: p.sourceType,
      sourceId: p.sourceId,
      itemCode: p.itemCode,
      businessDate: p.businessDate,
      description: p.description,
      measureTaken: p.measureTaken,
      fixedOnSpot: p.fixedOnSpot,
      status: p.status,
      resolvedAt: p.resolvedAt ? p.resolvedAt.toISOString() : null,
      resolvedBy: p.resolvedBy,
      resolution: p.resolution,
      resolvedIn: p.resolvedIn,
      createdAt: p.createdAt.toISOString(),
    };
  }
}
