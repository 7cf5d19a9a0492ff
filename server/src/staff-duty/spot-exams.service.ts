// 监督抽查考核 — a regulator spot-examines a director or officer of a business in their region
// (《企业食品安全管理人员监督抽查考核指南》); pass or fail by spotExamOutcome. A fail opens the
// business's to-do; a later pass of the same person closes it.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Page, SpotExamDto, spotExamOutcome, SPOT_EXAM_RESULT_LABELS, SpotExamResult, todayInShanghai } from '@shian/shared';
import { notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { pageOf } from '../common/pagination';
import { applyScope } from '../common/region-scope';
import { FieldProblem, validationFailed } from '../common/validation';
import { IdempotencyService, Replayable } from '../idempotency/idempotency.service';
import { CreateSpotExamDto, ListSpotExamsQuery } from './dto/spot-exam.dto';
import { EnterpriseTodo } from './entities/enterprise-todo.entity';
import { SpotExam } from './entities/spot-exam.entity';
import { EnterpriseTodosService } from './enterprise-todos.service';
import { enterpriseNames, findStaffInScope, peopleById } from './people';

export const RECORD_SPOT_EXAM = 'POST /api/spot-exams';
const DEFAULT_FULL_MARK = 100;

@Injectable()
export class SpotExamsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
    @Inject(EnterpriseTodosService) private readonly todos: EnterpriseTodosService,
  ) {}

  async record(caller: Caller, key: string | undefined, dto: CreateSpotExamDto, now = new Date()): Promise<Replayable<SpotExamDto>> {
    const idemKey = this.idempotency.checkKey(key);
    const today = todayInShanghai(now);
    const fullMark = dto.fullMark ?? DEFAULT_FULL_MARK;
    const problems: FieldProblem[] = [];
    if (dto.examinedOn > today) problems.push({ field: 'examinedOn', message: `抽查考核日期不能晚于今天（${today}）` });
    if (dto.score > fullMark) problems.push({ field: 'score', message: `成绩不能大于满分 ${fullMark}` });
    if (problems.length) throw validationFailed(problems);
    return this.idempotency.run(caller, idemKey, RECORD_SPOT_EXAM, dto, 201, async (em) => {
      const staff = await findStaffInScope(em, caller, dto.userId);
      if (!staff) throw notFound('人员');
      const outcome = spotExamOutcome(dto.score, { fullMark });
      const exam: SpotExam = Object.assign(new SpotExam(), {
        id: randomUUID(),
        enterpriseId: staff.enterprise.id,
        regionCode: staff.enterprise.regionCode,
        userId: staff.user.id,
        personRole: staff.user.role,
        examinedOn: dto.examinedOn,
        score: dto.score,
        fullMark,
        passed: outcome.passed,
        questionCount: dto.questionCount ?? null,
        notes: dto.notes?.trim() || null,
        examinerId: caller.id,
        createdAt: now,
      });
      await em.insert(SpotExam, exam);
      if (outcome.passed) await this.todos.closeOnPass(em, exam);
      else await this.todos.openForFailedExam(em, exam, outcome.action);
      return (await this.hydrate(em, [exam]))[0];
    });
  }

  async list(caller: Caller, q: ListSpotExamsQuery): Promise<Page<SpotExamDto>> {
    const { page, pageSize, skip } = pageOf(q);
    const qb = this.ds.getRepository(SpotExam).createQueryBuilder('x');
    applyScope(qb, caller, { region: 'x.regionCode', enterprise: 'x.enterpriseId' });
    if (q.enterpriseId) qb.andWhere('x.enterpriseId = :enterpriseId', { enterpriseId: q.enterpriseId });
    if (q.regionCode) qb.andWhere('x.regionCode LIKE :region', { region: `${q.regionCode}%` });
    if (q.userId) qb.andWhere('x.userId = :userId', { userId: q.userId });
    if (q.passed !== undefined) qb.andWhere('x.passed = :passed', { passed: q.passed });
    if (q.followUp) qb.innerJoin(EnterpriseTodo, 't', 't.sourceId = x.id AND t.kind = :todoKind AND t.status = :todoStatus', { todoKind: 'spot_exam_failed', todoStatus: q.followUp });
    const total = await qb.getCount();
    const rows = await qb.orderBy('x.examinedOn', 'DESC').addOrderBy('x.createdAt', 'DESC').addOrderBy('x.id', 'ASC').offset(skip).limit(pageSize).getMany();
    return { items: await this.hydrate(this.ds.manager, rows), total, page, pageSize };
  }

  async findOne(caller: Caller, id: string): Promise<SpotExamDto> {
    const qb = this.ds.getRepository(SpotExam).createQueryBuilder('x').where('x.id = :id', { id });
    const row = await applyScope(qb, caller, { region: 'x.regionCode', enterprise: 'x.enterpriseId' }).getOne();
    if (!row) throw notFound('抽查考核记录');
    return (await this.hydrate(this.ds.manager, [row]))[0];
  }

  private async hydrate(em: EntityManager, rows: SpotExam[]): Promise<SpotExamDto[]> {
    if (!rows.length) return [];
    const people = await peopleById(em, rows.flatMap((r) => [r.userId, r.examinerId]));
    const names = await enterpriseNames(em, rows.map((r) => r.enterpriseId));
    const followUps = await this.todos.byExam(em, rows.map((r) => r.id));
    return rows.map((x) => {
      const t = followUps.get(x.id);
      return {
        id: x.id,
        enterpriseId: x.enterpriseId,
        enterpriseName: names.get(x.enterpriseId) ?? '',
        regionCode: x.regionCode,
        userId: x.userId,
        personName: people.get(x.userId)?.name ?? '',
        personRole: x.personRole,
        examinedOn: x.examinedOn,
        score: x.score,
        fullMark: x.fullMark,
        passed: x.passed,
        resultLabel: SPOT_EXAM_RESULT_LABELS[x.passed ? SpotExamResult.Pass : SpotExamResult.Fail],
        questionCount: x.questionCount,
        notes: x.notes,
        examinerId: x.examinerId,
        examinerName: people.get(x.examinerId)?.name ?? '',
        followUp: t ? { todoId: t.id, status: t.status, closure: t.closure, closedAt: t.closedAt ? t.closedAt.toISOString() : null, closedByExamId: t.closedBySourceId } : null,
        createdAt: x.createdAt.toISOString(),
      };
    });
  }
}
