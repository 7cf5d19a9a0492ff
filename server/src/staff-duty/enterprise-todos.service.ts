// The to-dos a regulator's finding opens for a business — a failed spot exam: 「抽查考核不合格：须
// 重新培训或更换人员」 (domain.md §1). It closes when the same person later passes a spot exam, or
// once the person is no longer the business's director or officer (replaced).
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { EnterpriseTodoDto, Role, SPOT_EXAM_TODO_TITLE, SpotExamTodoDto, StaffingTodos } from '@shian/shared';
import { AppError, notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { User } from '../auth/user.entity';
import { CredentialsService } from './credentials.service';
import { CloseTodoDto } from './dto/spot-exam.dto';
import { EnterpriseTodo } from './entities/enterprise-todo.entity';
import { SpotExam } from './entities/spot-exam.entity';
import { enterpriseOf, inPost, peopleById } from './people';
import { StaffDutyErrors } from './staff-duty.errors';

const SPOT_EXAM_FAILED = 'spot_exam_failed' as const;

@Injectable()
export class EnterpriseTodosService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(CredentialsService) private readonly credentials: CredentialsService,
  ) {}

  /** In the exam's transaction: a failed exam opens the business's to-do. */
  async openForFailedExam(em: EntityManager, exam: SpotExam, detail: string | null): Promise<EnterpriseTodo> {
    const todo: EnterpriseTodo = Object.assign(new EnterpriseTodo(), {
      id: randomUUID(),
      enterpriseId: exam.enterpriseId,
      regionCode: exam.regionCode,
      kind: SPOT_EXAM_FAILED,
      subjectUserId: exam.userId,
      sourceId: exam.id,
      title: SPOT_EXAM_TODO_TITLE,
      detail,
      status: 'open',
      createdAt: exam.createdAt,
      closedAt: null,
      closedBy: null,
      closure: null,
      closedBySourceId: null,
      closingNote: null,
    });
    await em.insert(EnterpriseTodo, todo);
    return todo;
  }

  /** In a passing exam's transaction: closes the person's open failures at this business examined on or before it. */
  async closeOnPass(em: EntityManager, exam: SpotExam): Promise<number> {
    const open = await em.find(EnterpriseTodo, { where: { enterpriseId: exam.enterpriseId, subjectUserId: exam.userId, kind: SPOT_EXAM_FAILED, status: 'open' }, select: { id: true, sourceId: true } });
    if (!open.length) return 0;
    const failed = await em.find(SpotExam, { where: { id: In(open.map((t) => t.sourceId)) }, select: { id: true, examinedOn: true } });
    const earlier = new Set(failed.filter((f) => f.examinedOn <= exam.examinedOn).map((f) => f.id));
    const ids = open.filter((t) => earlier.has(t.sourceId)).map((t) => t.id);
    if (!ids.length) return 0;
    await em.update(EnterpriseTodo, { id: In(ids), status: 'open' }, { status: 'closed', closure: 'passed_exam', closedAt: exam.createdAt, closedBy: exam.examinerId, closedBySourceId: exam.id });
    return ids.length;
  }

  /**
   * For the people feature: when a director or officer is removed or replaced, call this in the
   * same transaction to close the open to-dos about them at that business (closure 'replaced').
   */
  async closeForReplacedPerson(em: EntityManager, enterpriseId: string, userId: string, closedBy: string, at: Date, note: string | null = null): Promise<number> {
    const res = await em.update(
      EnterpriseTodo,
      { enterpriseId, subjectUserId: userId, status: 'open' },
      { status: 'closed', closure: 'replaced', closedAt: at, closedBy, closingNote: note },
    );
    return res.affected ?? 0;
  }

  /**
   * POST /api/todos/:id/close — the principal or director closes a failure's to-do once the person
   * is out of post (deactivated, moved, or no longer director/officer here); while they are in
   * post only a passed exam closes it (409).
   */
  async close(caller: Caller, id: string, dto: CloseTodoDto, now = new Date()): Promise<EnterpriseTodoDto> {
    const enterpriseId = enterpriseOf(caller);
    const todo = await this.ds.getRepository(EnterpriseTodo).findOne({ where: { id, enterpriseId } });
    if (!todo) throw notFound('待办');
    if (todo.status !== 'open') throw AppError.of(StaffDutyErrors, 'TODO_ALREADY_CLOSED');
    const subject = todo.subjectUserId ? await this.ds.getRepository(User).findOne({ where: { id: todo.subjectUserId }, select: { id: true, active: true, enterpriseId: true, role: true } }) : null;
    if (inPost(subject, enterpriseId)) throw AppError.of(StaffDutyErrors, 'TODO_PERSON_IN_POST');
    const patch = { status: 'closed' as const, closure: dto.closure, closedAt: now, closedBy: caller.id, closingNote: dto.note?.trim() || null };
    const res = await this.ds.getRepository(EnterpriseTodo).update({ id, status: 'open' }, patch);
    if (!res.affected) throw AppError.of(StaffDutyErrors, 'TODO_ALREADY_CLOSED');
    return this.toDto(Object.assign(todo, patch));
  }

  /** Follow-ups of the given exams, by exam id. */
  async byExam(em: EntityManager, examIds: string[]): Promise<Map<string, EnterpriseTodo>> {
    if (!examIds.length) return new Map();
    const rows = await em.find(EnterpriseTodo, { where: { kind: SPOT_EXAM_FAILED, sourceId: In(examIds) } });
    return new Map(rows.map((t) => [t.sourceId, t]));
  }

  /**
   * The papers part of GET /api/todos/mine: the principal and director see the whole business's;
   * an officer their own.
   */
  async mine(caller: Caller, now = new Date()): Promise<StaffingTodos> {
    const enterpriseId = enterpriseOf(caller);
    const onlyUser = caller.role === Role.Officer ? caller.id : null;
    const { expiring, rejected } = await this.credentials.warningsFor(enterpriseId, onlyUser, now);
    const open = await this.ds.getRepository(EnterpriseTodo).find({
      where: { enterpriseId, kind: SPOT_EXAM_FAILED, status: 'open', ...(onlyUser ? { subjectUserId: onlyUser } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const exams = new Map((await this.ds.getRepository(SpotExam).find({ where: { id: In(open.map((t) => t.sourceId)) } })).map((e) => [e.id, e]));
    const people = await peopleById(this.ds.manager, open.map((t) => t.subjectUserId));
    const spotExamFailures: SpotExamTodoDto[] = open.flatMap((t) => {
      const exam = exams.get(t.sourceId);
      if (!exam) return [];
      return [
        {
          id: t.id,
          title: t.title,
          detail: t.detail,
          examId: exam.id,
          userId: exam.userId,
          personName: people.get(exam.userId)?.name ?? '',
          personRole: exam.personRole,
          examinedOn: exam.examinedOn,
          score: exam.score,
          fullMark: exam.fullMark,
          openedAt: t.createdAt.toISOString(),
        },
      ];
    });
    return { expiringCredentials: expiring, rejectedCredentials: rejected, spotExamFailures };
  }

  toDto(t: EnterpriseTodo): EnterpriseTodoDto {
    return {
      id: t.id,
      enterpriseId: t.enterpriseId,
      kind: t.kind,
      title: t.title,
      detail: t.detail,
      subjectUserId: t.subjectUserId,
      sourceId: t.sourceId,
      status: t.status,
      closure: t.closure,
      closedAt: t.closedAt ? t.closedAt.toISOString() : null,
      closedBy: t.closedBy,
      closedBySourceId: t.closedBySourceId,
      closingNote: t.closingNote,
      createdAt: t.createdAt.toISOString(),
    };
  }
}
