// 整改通知 (issue #5; domain.md §2: problems → rectification with follow-up, 闭环): a regulator
// orders a business of the region to rectify items by a deadline, optionally from a record it
// submitted; the business answers with its measures and photos; the regulator accepts (closed) or
// returns it for another round. The order row holds the current status, every step is appended to
// rectification_events; overdue = not closed after the deadline day (shared isRectificationOverdue).
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import {
  businessDateOf,
  ErrorCodes,
  isRectificationOverdue,
  Page,
  RECTIFICATION_EVENT_LABELS,
  RECTIFICATION_LIMITS,
  RECTIFICATION_SOURCE_LABELS,
  RECTIFICATION_STATUS_LABELS,
  RectificationEventDto,
  RectificationEventKind,
  RectificationOrderDetailDto,
  RectificationOrderDto,
  RectificationOrderStatus,
  RectificationSourceType,
  rectificationDeadlineProblem,
  Role,
  todayInShanghai,
} from '@shian/shared';
import { AppError, notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { pageOf } from '../common/pagination';
import { whereAfter } from '../common/keyset';
import { applyScope } from '../common/region-scope';
import { FieldProblem, validationFailed } from '../common/validation';
import { EXPORT_PAGE_SIZE, pagedRows } from '../common/xlsx-export';
import { Complaint } from '../complaints/complaint.entities';
import { Enterprise } from '../enterprises/enterprise.entity';
import { FilesService } from '../files/files.service';
import { IdempotencyService, Replayable } from '../idempotency/idempotency.service';
import { describeVersions, findRecordVersion } from '../reviews/record-kinds';
import { attachedFiles, enterpriseNames } from '../staff-duty/people';
import { AcceptRectificationDto, CreateRectificationDto, ListRectificationsQuery, RejectRectificationDto, RespondRectificationDto } from './dto/rectification.dto';
import { RectificationEvent } from './entities/rectification-event.entity';
import { RectificationOrder } from './entities/rectification-order.entity';
import { RectificationErrorCode, RectificationErrors } from './rectifications.errors';

export const CREATE_RECTIFICATION = 'POST /api/rectifications';
export const RESPOND_RECTIFICATION = 'POST /api/rectifications/:id/respond';

const L = RECTIFICATION_LIMITS;
/** The business answers these; the official decides on an answered one. */
const AWAITING_ANSWER: readonly RectificationOrderStatus[] = ['open', 'returned'];
const AWAITING_DECISION: readonly RectificationOrderStatus[] = ['answered'];

@Injectable()
export class RectificationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
    @Inject(FilesService) private readonly files: FilesService,
  ) {}

  /** A regulator issues an order to a business of the region (optionally from one of its records). */
  async create(caller: Caller, key: string | undefined, dto: CreateRectificationDto, now = new Date()): Promise<Replayable<RectificationOrderDetailDto>> {
    const idemKey = this.idempotency.checkKey(key);
    const today = todayInShanghai(now);
    const sourceType = dto.sourceType ?? 'manual';
    // Orders from a visit are issued with the visit itself (POST /api/supervision-visits).
    if (sourceType === 'visit') throw validationFailed([{ field: 'sourceType', message: '督导检查的整改通知随督导记录下发，不能单独下发' }]);
    const problems: FieldProblem[] = [];
    const deadlineProblem = rectificationDeadlineProblem(dto.deadline, today);
    if (deadlineProblem) problems.push({ field: 'deadline', message: deadlineProblem });
    if (sourceType === 'manual' && dto.sourceId) problems.push({ field: 'sourceId', message: '直接下发的整改通知不填写来源记录' });
    if (sourceType !== 'manual' && !dto.sourceId) problems.push({ field: 'sourceId', message: `从${RECTIFICATION_SOURCE_LABELS[sourceType]}下发须填写来源记录` });
    if (problems.length) throw validationFailed(problems);

    return this.idempotency.run(caller, idemKey, CREATE_RECTIFICATION, dto, 201, async (em) => {
      const qb = em.getRepository(Enterprise).createQueryBuilder('e').select(['e.id', 'e.regionCode']).where('e.id = :id', { id: dto.enterpriseId });
      const enterprise = await applyScope(qb, caller, { region: 'e.regionCode', enterprise: 'e.id' }).getOne();
      if (!enterprise) throw notFound('企业');
      if (sourceType === 'complaint') {
        // Raised from a public complaint (issue #7): one about this business that the caller may see.
        const cq = em.getRepository(Complaint).createQueryBuilder('c').select(['c.id', 'c.enterpriseId']).where('c.id = :id', { id: dto.sourceId });
        const complaint = await applyScope(cq, caller, { region: 'c.regionCode', enterprise: 'c.enterpriseId' }).getOne();
        if (!complaint || complaint.enterpriseId !== enterprise.id) throw validationFailed([{ field: 'sourceId', message: '来源投诉举报不存在或不是针对该企业的' }]);
      } else if (sourceType !== 'manual') {
        const record = await findRecordVersion(em, caller, sourceType, dto.sourceId!);
        if (!record || record.enterpriseId !== enterprise.id) throw validationFailed([{ field: 'sourceId', message: '来源记录不存在或不属于该企业' }]);
      }
      const order = await this.issue(em, caller, { enterprise, sourceType, sourceId: dto.sourceId ?? null, items: dto.items, deadline: dto.deadline }, now);
      return this.detail(em, order, today);
    });
  }

  /**
   * Writes a new order and its 'issued' step in the caller's transaction — for create above and for
   * a supervision visit that found problems (sourceType 'visit', issued by the cadre). Checked by the caller.
   */
  async issue(
    em: EntityManager,
    caller: Caller,
    input: { enterprise: Pick<Enterprise, 'id' | 'regionCode'>; sourceType: RectificationSourceType; sourceId: string | null; items: string[]; deadline: string },
    now: Date,
  ): Promise<RectificationOrder> {
    const order: RectificationOrder = Object.assign(new RectificationOrder(), {
      id: randomUUID(),
      enterpriseId: input.enterprise.id,
      regionCode: input.enterprise.regionCode,
      sourceType: input.sourceType,
      sourceId: input.sourceId,
      items: input.items.map((i) => i.trim()),
      deadline: input.deadline,
      status: 'open' as const,
      issuedBy: caller.id,
      issuerName: caller.name,
      issuedAt: now,
      issuedDate: todayInShanghai(now),
      answeredAt: null,
      closedAt: null,
      closedDate: null,
      round: 1,
    });
    await em.insert(RectificationOrder, order);
    await em.insert(RectificationEvent, this.event(order.id, 1, 'issued', caller, now, null, []));
    return order;
  }

  /** The business answers an open or returned order with its measures and at least one photo. */
  async respond(caller: Caller, id: string, key: string | undefined, dto: RespondRectificationDto, now = new Date()): Promise<Replayable<RectificationOrderDetailDto>> {
    const idemKey = this.idempotency.checkKey(key);
    if (!caller.enterpriseId) throw AppError.of(RectificationErrors, ErrorCodes.NoEnterprise);
    if (dto.photoIds.length < L.minPhotos) throw validationFailed([{ field: 'photoIds', message: '请上传至少 1 张整改后的照片' }]);
    return this.idempotency.run(caller, idemKey, RESPOND_RECTIFICATION, { id, ...dto }, 200, async (em) => {
      const order = await this.scoped(em, caller, id);
      if (!AWAITING_ANSWER.includes(order.status)) throw this.stateError(order.status, 'answer');
      // Evidence must be this business's own photo uploads.
      await this.files.assertUsable(caller, { photoIds: dto.photoIds }, em);
      await this.step(em, caller, order, 'answer', { status: 'answered', answeredAt: now }, 'answered', dto.measures.trim(), dto.photoIds.map((p) => p.toLowerCase()), now);
      return this.detail(em, order, todayInShanghai(now));
    });
  }

  /** The regulator accepts the answer: the order is closed (验收通过). */
  accept(caller: Caller, id: string, dto: AcceptRectificationDto, now = new Date()): Promise<RectificationOrderDetailDto> {
    return this.ds.transaction(async (em) => {
      const order = await this.decidable(em, caller, id);
      if (!AWAITING_DECISION.includes(order.status)) throw this.stateError(order.status, 'decide');
      await this.step(em, caller, order, 'decide', { status: 'closed', closedAt: now, closedDate: businessDateOf(now) }, 'accepted', dto.comment?.trim() || null, [], now);
      return this.detail(em, order, todayInShanghai(now));
    });
  }

  /** The regulator returns the answer with what is still wrong: the business answers again (next round). */
  reject(caller: Caller, id: string, dto: RejectRectificationDto, now = new Date()): Promise<RectificationOrderDetailDto> {
    return this.ds.transaction(async (em) => {
      const order = await this.decidable(em, caller, id);
      if (!AWAITING_DECISION.includes(order.status)) throw this.stateError(order.status, 'decide');
      await this.step(em, caller, order, 'decide', { status: 'returned', round: order.round + 1 }, 'returned', dto.comment.trim(), [], now);
      return this.detail(em, order, todayInShanghai(now));
    });
  }

  /** Scoped list, newest first; each item says whether it is overdue today. */
  async list(caller: Caller, q: ListRectificationsQuery, now = new Date()): Promise<Page<RectificationOrderDto>> {
    const { page, pageSize, skip } = pageOf(q);
    const today = todayInShanghai(now);
    const qb = this.query(caller, q, today);
    const total = await qb.getCount();
    const rows = await qb.orderBy('o.issuedAt', 'DESC').addOrderBy('o.id', 'ASC').offset(skip).limit(pageSize).getMany();
    return { items: await this.hydrate(this.ds.manager, rows, today), total, page, pageSize };
  }

  /** Every order of the list's filters, in its order, a page at a time by keyset (for ?format=xlsx). */
  rows(caller: Caller, q: ListRectificationsQuery, now = new Date(), pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<RectificationOrderDto> {
    const today = todayInShanghai(now);
    return pagedRows<RectificationOrderDto>(async (after, size) => {
      const qb = this.query(caller, q, today);
      if (after) {
        whereAfter(qb, [
          { column: 'o.issuedAt', direction: 'DESC', value: new Date(after.issuedAt) },
          { column: 'o.id', direction: 'ASC', value: after.id },
        ]);
      }
      const rows = await qb.orderBy('o.issuedAt', 'DESC').addOrderBy('o.id', 'ASC').limit(size).getMany();
      return this.hydrate(this.ds.manager, rows, today);
    }, pageSize);
  }

  async findOne(caller: Caller, id: string, now = new Date()): Promise<RectificationOrderDetailDto> {
    const order = await this.scoped(this.ds.manager, caller, id);
    return this.detail(this.ds.manager, order, todayInShanghai(now));
  }

  /** For the business's to-do list: orders waiting for its answer, soonest deadline first. */
  async awaitingAnswer(enterpriseId: string, now = new Date()): Promise<RectificationOrderDto[]> {
    const rows = await this.ds.getRepository(RectificationOrder).find({
      where: { enterpriseId, status: In([...AWAITING_ANSWER]) },
      order: { deadline: 'ASC', issuedAt: 'ASC', id: 'ASC' },
    });
    return this.hydrate(this.ds.manager, rows, todayInShanghai(now));
  }

  // ---------------------------------------------------------------------------------------------

  /** The list's query: the caller's scope, then the filters. */
  private query(caller: Caller, q: ListRectificationsQuery, today: string): SelectQueryBuilder<RectificationOrder> {
    const qb = this.ds.getRepository(RectificationOrder).createQueryBuilder('o');
    scopeOrders(qb, caller);
    if (q.enterpriseId) qb.andWhere('o.enterpriseId = :enterpriseId', { enterpriseId: q.enterpriseId });
    if (q.regionCode) qb.andWhere('o.regionCode LIKE :region', { region: `${q.regionCode}%` });
    if (q.status) qb.andWhere('o.status = :status', { status: q.status });
    if (q.from) qb.andWhere('o.issuedDate >= :from', { from: q.from });
    if (q.to) qb.andWhere('o.issuedDate <= :to', { to: q.to });
    if (q.sourceId) qb.andWhere('o.sourceId = :sourceId', { sourceId: q.sourceId });
    // isRectificationOverdue in SQL: not closed and the deadline day is over.
    if (q.overdue === true) qb.andWhere('o.status != :closed AND o.deadline < :today', { closed: 'closed', today });
    if (q.overdue === false) qb.andWhere('(o.status = :closed OR o.deadline >= :today)', { closed: 'closed', today });
    return qb;
  }

  private async scoped(em: EntityManager, caller: Caller, id: string): Promise<RectificationOrder> {
    const qb = em.getRepository(RectificationOrder).createQueryBuilder('o').where('o.id = :id', { id });
    const order = await scopeOrders(qb, caller).getOne();
    if (!order) throw notFound('整改通知');
    return order;
  }

  /** Who decides on an answer: a regulator of the region, or the cadre who issued the order from a visit. */
  private async decidable(em: EntityManager, caller: Caller, id: string): Promise<RectificationOrder> {
    const order = await this.scoped(em, caller, id);
    if (caller.role === Role.Cadre && (order.sourceType !== 'visit' || order.issuedBy !== caller.id)) throw AppError.of(RectificationErrors, 'RECTIFICATION_NOT_ISSUER');
    return order;
  }

  /**
   * Moves the order on, guarded on its status (of two concurrent steps one wins; the other gets the
   * 409 of the status it finds), and appends the step to its history.
   */
  private async step(
    em: EntityManager,
    caller: Caller,
    order: RectificationOrder,
    action: 'answer' | 'decide',
    patch: Partial<RectificationOrder>,
    kind: RectificationEventKind,
    text: string | null,
    photoIds: string[],
    now: Date,
  ): Promise<void> {
    const from = action === 'answer' ? AWAITING_ANSWER : AWAITING_DECISION;
    const res = await em.update(RectificationOrder, { id: order.id, status: In([...from]) }, patch);
    if (!res.affected) {
      const fresh = await em.findOneOrFail(RectificationOrder, { where: { id: order.id }, select: { id: true, status: true } });
      throw this.stateError(fresh.status, action);
    }
    Object.assign(order, patch);
    const last = await em.createQueryBuilder(RectificationEvent, 'ev').select('MAX(ev.seq)', 'max').where('ev.orderId = :id', { id: order.id }).getRawOne<{ max: number | string | null }>();
    await em.insert(RectificationEvent, this.event(order.id, Number(last?.max ?? 0) + 1, kind, caller, now, text, photoIds));
  }

  /** The 409 for a step the order's status does not allow. */
  private stateError(status: RectificationOrderStatus, action: 'answer' | 'decide'): AppError {
    let code: RectificationErrorCode;
    if (status === 'closed') code = 'RECTIFICATION_CLOSED';
    else if (action === 'answer') code = 'RECTIFICATION_AWAITING_ACCEPTANCE';
    else code = 'RECTIFICATION_NOT_ANSWERED';
    return AppError.of(RectificationErrors, code, { status });
  }

  private event(orderId: string, seq: number, kind: RectificationEventKind, caller: Caller, at: Date, text: string | null, photoIds: string[]): RectificationEvent {
    return Object.assign(new RectificationEvent(), { orderId, seq, kind, actorId: caller.id, actorName: caller.name, at, text, photoIds });
  }

  /** One order with its history and the history's photos. */
  private async detail(em: EntityManager, order: RectificationOrder, today: string): Promise<RectificationOrderDetailDto> {
    const [dto] = await this.hydrate(em, [order], today);
    const events = await em.find(RectificationEvent, { where: { orderId: order.id }, order: { seq: 'ASC' } });
    const files = await attachedFiles(em, events.flatMap((e) => e.photoIds));
    return {
      ...dto,
      events: events.map(
        (e): RectificationEventDto => ({
          seq: e.seq,
          kind: e.kind,
          kindLabel: RECTIFICATION_EVENT_LABELS[e.kind],
          actorId: e.actorId,
          actorName: e.actorName,
          at: e.at.toISOString(),
          text: e.text,
          photos: e.photoIds.flatMap((id) => files.get(id) ?? []),
        }),
      ),
    };
  }

  /** Rows → responses with the business's name and the source record's period, in two queries. */
  private async hydrate(em: EntityManager, rows: RectificationOrder[], today: string): Promise<RectificationOrderDto[]> {
    if (!rows.length) return [];
    const names = await enterpriseNames(em, rows.map((o) => o.enterpriseId));
    const sources = await describeVersions(em, rows.flatMap((o) => (o.sourceId ? [{ type: o.sourceType, id: o.sourceId }] : [])));
    // An order from a supervision visit: the visit's date.
    const visitIds = [...new Set(rows.flatMap((o) => (o.sourceType === 'visit' && o.sourceId ? [o.sourceId] : [])))];
    const visitDates = new Map<string, string>();
    if (visitIds.length) {
      const visits = (await em.query(`SELECT id, visit_date AS d FROM supervision_visits WHERE id IN (${visitIds.map(() => '?').join(', ')})`, visitIds)) as Array<{ id: string; d: string }>;
      for (const v of visits) visitDates.set(v.id, v.d);
    }
    return rows.map((o) => ({
      id: o.id,
      enterpriseId: o.enterpriseId,
      enterpriseName: names.get(o.enterpriseId) ?? '',
      regionCode: o.regionCode,
      sourceType: o.sourceType,
      sourceLabel: RECTIFICATION_SOURCE_LABELS[o.sourceType] ?? o.sourceType,
      sourceId: o.sourceId,
      sourcePeriod: o.sourceId ? (sources.get(o.sourceId)?.period ?? visitDates.get(o.sourceId) ?? null) : null,
      items: o.items,
      deadline: o.deadline,
      status: o.status,
      statusLabel: RECTIFICATION_STATUS_LABELS[o.status],
      overdue: isRectificationOverdue(o, today),
      issuedBy: o.issuedBy,
      issuerName: o.issuerName,
      issuedAt: o.issuedAt.toISOString(),
      issuedDate: o.issuedDate,
      answeredAt: o.answeredAt ? o.answeredAt.toISOString() : null,
      closedAt: o.closedAt ? o.closedAt.toISOString() : null,
      closedDate: o.closedDate,
      round: o.round,
    }));
  }
}

/**
 * The orders a caller may see: applyScope's, except that a cadre sees the orders they issued and
 * those of the businesses assigned to them now, not their whole region.
 */
function scopeOrders<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, caller: Caller): SelectQueryBuilder<T> {
  if (caller.role !== Role.Cadre) return applyScope(qb, caller, { region: 'o.regionCode', enterprise: 'o.enterpriseId' });
  return qb.andWhere('(o.issuedBy = :scopeCadre OR o.enterpriseId IN (SELECT a.enterprise_id FROM cadre_assignments a WHERE a.cadre_id = :scopeCadre))', { scopeCadre: caller.id });
}
