import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, EntityManager, In } from 'typeorm';
import { ErrorCodes, monthDates, monthlyDueBy, MonthlyReport, monthlyReport, MonthlyReviewDto, todayInShanghai, weeksOverlappingMonth } from '@shian/shared';
import { AppError, notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { isUniqueViolation } from '../common/sql';
import { DailyCheck } from '../daily-checks/daily-check.entity';
import { dutiesSince, Enterprise } from '../enterprises/enterprise.entity';
import { IdempotencyService, Replayable } from '../idempotency/idempotency.service';
import { ChainHead } from '../integrity/chain.entities';
import { WriteBatch } from '../database/write-batch';
import { EnterpriseRollup } from '../stats/rollup';
import { monthEnd } from '../stats/rollup-rebuild';
import { StatKind } from '../stats/stat.entities';
import { ChainService } from '../integrity/chain.service';
import { SubmittedRecordReader } from '../integrity/submitted-record-reader';
import { hashContent, monthlyReviewContent } from '../integrity/record-content';
import { ProblemsService } from '../problems/problems.service';
import { WeeklyInvestigation } from '../weekly-investigations/weekly-investigation.entity';
import { AmendMonthlyReviewDto, CreateMonthlyReviewDto } from './dto/monthly-review.dto';
import { MonthlyReview } from './monthly-review.entity';
import { MonthlyReviewErrors as Errors } from './monthly-reviews.errors';

export const SUBMIT_MONTHLY = 'POST /api/monthly-reviews';
export const AMEND_MONTHLY = 'POST /api/monthly-reviews/:id/versions';

type Body = Omit<CreateMonthlyReviewDto, 'month'>;

@Injectable()
export class MonthlyReviewsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
    @Inject(ChainService) private readonly chain: ChainService,
    @Inject(ProblemsService) private readonly problems: ProblemsService,
  ) {}

  /** List (current versions), detail and version history within the caller's scope, as DTOs. */
  readonly read = new SubmittedRecordReader(this.ds, MonthlyReview, 'monthly_review', 'month', '月调度纪要', (row, name) => this.toDto(row, name));

  /** The principal's minutes of the month's review; late after the month ended, 409 for a second. */
  async submit(caller: Caller, key: string | undefined, dto: CreateMonthlyReviewDto, now = new Date()): Promise<Replayable<MonthlyReviewDto>> {
    const idemKey = this.idempotency.checkKey(key);
    const enterpriseId = this.enterpriseOf(caller);
    const today = todayInShanghai(now);
    if (`${dto.month}-01` > today) throw AppError.of(Errors, 'FUTURE_MONTH', [{ field: 'month', message: `月份不能晚于本月（今天是 ${today}）` }]);
    this.assertMeetingDate(dto, today);
    try {
      return await this.idempotency.run(caller, idemKey, SUBMIT_MONTHLY, dto, 201, async (em) => {
        const head = await this.chain.lockHead(em, enterpriseId);
        const existing = await em.findOne(MonthlyReview, { where: { enterpriseId, month: dto.month }, select: { id: true, chairName: true } });
        if (existing) throw AppError.of(Errors, 'MONTHLY_REVIEW_EXISTS', { existingId: existing.id }, `${dto.month} 的调度会议纪要已由${existing.chairName}提交，不能重复提交`);
        const enterprise = await em.findOneOrFail(Enterprise, { where: { id: enterpriseId } });
        const row = await this.store(em, caller, head, enterprise, dto, { month: dto.month, version: 1, supersedesId: null, amendReason: null, late: now > monthlyDueBy(dto.month), submittedAt: now });
        return this.toDto(row, enterprise.name);
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw AppError.of(Errors, 'MONTHLY_REVIEW_EXISTS');
      throw e;
    }
  }

  async amend(caller: Caller, id: string, key: string | undefined, dto: AmendMonthlyReviewDto, now = new Date()): Promise<Replayable<MonthlyReviewDto>> {
    const idemKey = this.idempotency.checkKey(key);
    const enterpriseId = this.enterpriseOf(caller);
    this.assertMeetingDate(dto, todayInShanghai(now));
    try {
      return await this.idempotency.run(caller, idemKey, AMEND_MONTHLY, { id, ...dto }, 201, async (em) => {
        const head = await this.chain.lockHead(em, enterpriseId);
        const prev = await em.findOne(MonthlyReview, { where: { id, enterpriseId } });
        if (!prev) throw notFound('月调度纪要');
        if (!prev.isCurrent) throw AppError.of(Errors, 'MONTHLY_REVIEW_NOT_CURRENT');
        await em.update(MonthlyReview, { id: prev.id }, { isCurrent: false });
        const enterprise = await em.findOneOrFail(Enterprise, { where: { id: enterpriseId } });
        const { reason, ...body } = dto;
        const row = await this.store(em, caller, head, enterprise, body, {
          month: prev.month,
          version: prev.version + 1,
          supersedesId: prev.id,
          amendReason: reason.trim(),
          late: prev.late,
          submittedAt: now,
        });
        return this.toDto(row, enterprise.name);
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw AppError.of(Errors, 'MONTHLY_REVIEW_NOT_CURRENT');
      throw e;
    }
  }

  /** The director's report a review of the month would freeze now (for the form). */
  async preview(caller: Caller, month: string, now = new Date()): Promise<MonthlyReport> {
    const enterpriseId = this.enterpriseOf(caller);
    const today = todayInShanghai(now);
    if (`${month}-01` > today) throw AppError.of(Errors, 'FUTURE_MONTH', [{ field: 'month', message: `月份不能晚于本月（今天是 ${today}）` }]);
    const enterprise = await this.ds.getRepository(Enterprise).findOneOrFail({ where: { id: enterpriseId } });
    return this.report(this.ds.manager, enterprise, month, today);
  }

  /** 总监汇报 (Order 60): the month's daily checks, problems and weekly investigations as they stand. */
  private async report(em: EntityManager, enterprise: Enterprise, month: string, today: string): Promise<MonthlyReport> {
    const dates = monthDates(month);
    const checks = await em.find(DailyCheck, {
      where: { enterpriseId: enterprise.id, isCurrent: true, businessDate: Between(dates[0], dates[dates.length - 1]) },
      select: { id: true, businessDate: true, late: true },
    });
    const weeklies = await em.find(WeeklyInvestigation, { where: { enterpriseId: enterprise.id, isCurrent: true, week: In(weeksOverlappingMonth(month)) } });
    const problems = [
      ...(await this.problems.entriesOf(em, 'daily_check', checks.map((c) => c.id))),
      ...(await this.problems.entriesOf(em, 'weekly_investigation', weeklies.map((w) => w.id))),
    ];
    return monthlyReport({
      month,
      today,
      checks,
      problems,
      investigations: weeklies.map((w) => ({ id: w.id, week: w.week, investigatorName: w.investigatorName, late: w.late, hazards: w.hazards })),
      since: dutiesSince(enterprise),
    });
  }

  private async store(
    em: EntityManager,
    caller: Caller,
    head: ChainHead,
    enterprise: Enterprise,
    body: Body,
    v: Pick<MonthlyReview, 'month' | 'version' | 'supersedesId' | 'amendReason' | 'late' | 'submittedAt'>,
  ): Promise<MonthlyReview> {
    const row: MonthlyReview = Object.assign(new MonthlyReview(), {
      ...v,
      id: randomUUID(),
      enterpriseId: enterprise.id,
      regionCode: enterprise.regionCode,
      isCurrent: true,
      chairId: caller.id,
      chairName: caller.name,
      meetingDate: body.meetingDate,
      place: body.place.trim(),
      attendees: body.attendees.map((a) => a.trim()),
      discussion: body.discussion.trim(),
      decisions: body.decisions.map((d) => d.trim()),
      nextMonthWork: body.nextMonthWork.map((w) => w.trim()),
      report: await this.report(em, enterprise, v.month, todayInShanghai(v.submittedAt)),
    });
    row.contentHash = hashContent(monthlyReviewContent(row));
    const batch = new WriteBatch(em).insert(MonthlyReview, row);
    this.chain.append(batch, head, 'monthly_review', row.id, row.contentHash, row.submittedAt);
    // The dashboard's sums (stats/rollup.ts): a first version is the month done.
    if (v.version === 1) await EnterpriseRollup.of(enterprise).record(StatKind.Monthly, monthEnd(v.month), v.late).write(em, batch);
    await batch.flush();
    return row;
  }

  private assertMeetingDate(dto: { meetingDate: string }, today: string): void {
    if (dto.meetingDate > today) throw AppError.of(Errors, 'FUTURE_MEETING_DATE', [{ field: 'meetingDate', message: `会议日期不能晚于今天（${today}）` }]);
  }

  private enterpriseOf(caller: Caller): string {
    if (!caller.enterpriseId) throw AppError.of(Errors, ErrorCodes.NoEnterprise);
    return caller.enterpriseId;
  }

  private toDto(r: MonthlyReview, enterpriseName: string): MonthlyReviewDto {
    return {
      id: r.id,
      enterpriseId: r.enterpriseId,
      enterpriseName,
      regionCode: r.regionCode,
      month: r.month,
      version: r.version,
      supersedesId: r.supersedesId,
      amendReason: r.amendReason,
      isCurrent: r.isCurrent,
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
      contentHash: r.contentHash,
    };
  }
}
