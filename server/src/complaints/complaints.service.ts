// Handling of public complaints and reports by officials (issue #7; domain.md §3): routed to the
// regulators of the business's region (or of the region the complainant chose), assigned to a
// handler (承办人) who moves it through the shared state machine; each step is appended to
// complaint_events, the statutory deadlines follow from the milestones and the working calendar.
// The complainant's identity is masked in every response; only the handler reads it, through
// reveal(), and each reading is written to identity_reveals.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  allowedActions,
  COMPLAINT_DEADLINE_LABELS,
  COMPLAINT_KIND_LABELS,
  COMPLAINT_STATUS_LABELS,
  ComplaintDetailDto,
  ComplaintDto,
  ComplaintRevealDto,
  FINAL_COMPLAINT_STATUSES,
  isInRegion,
  Page,
  Role,
  todayInShanghai,
  transitionFor,
} from '@shian/shared';
import { User } from '../auth/user.entity';
import { AppError, notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { FieldCrypto } from '../common/field-crypto';
import { whereAfter } from '../common/keyset';
import { pageOf } from '../common/pagination';
import { applyScope } from '../common/region-scope';
import { validationFailed } from '../common/validation';
import { pagedRows, EXPORT_PAGE_SIZE } from '../common/xlsx-export';
import { STORAGE_SERVICE, StorageService } from '../files/storage/storage';
import { RectificationOrder } from '../rectifications/entities/rectification-order.entity';
import { Complaint, ComplaintEvent, ComplaintPhoto, IdentityReveal } from './complaint.entities';
import { deadlinesOf, kindAndStatus } from './complaint-rows';
import { ComplaintErrors } from './complaints.errors';
import { AssignComplaintDto, ComplaintActionDto, ListComplaintsQuery, RevealComplainantDto } from './dto/complaint.dto';
import { complainantContext, publicLabel } from './public-complaints.service';
import { WorkingCalendarService } from './working-calendar.service';

@Injectable()
export class ComplaintsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(FieldCrypto) private readonly crypto: FieldCrypto,
    @Inject(STORAGE_SERVICE) private readonly storage: StorageService,
    @Inject(WorkingCalendarService) private readonly calendar: WorkingCalendarService,
  ) {}

  async list(caller: Caller, q: ListComplaintsQuery, now = new Date()): Promise<Page<ComplaintDto>> {
    const { page, pageSize, skip } = pageOf(q);
    const today = todayInShanghai(now);
    const qb = this.query(caller, q, today);
    const total = await qb.getCount();
    const rows = await qb.orderBy('c.receivedAt', 'DESC').addOrderBy('c.id', 'ASC').offset(skip).limit(pageSize).getMany();
    return { items: rows.map((c) => toDto(c, today)), total, page, pageSize };
  }

  /** Every complaint of the list's filters, a page at a time (for ?format=xlsx; no identity in it). */
  rows(caller: Caller, q: ListComplaintsQuery, now = new Date(), pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<ComplaintDto> {
    const today = todayInShanghai(now);
    return pagedRows<ComplaintDto>(async (after, size) => {
      const qb = this.query(caller, q, today);
      if (after) {
        whereAfter(qb, [
          { column: 'c.receivedAt', direction: 'DESC', value: new Date(after.receivedAt) },
          { column: 'c.id', direction: 'ASC', value: after.id },
        ]);
      }
      const rows = await qb.orderBy('c.receivedAt', 'DESC').addOrderBy('c.id', 'ASC').limit(size).getMany();
      return rows.map((c) => toDto(c, today));
    }, pageSize);
  }

  async findOne(caller: Caller, id: string, now = new Date()): Promise<ComplaintDetailDto> {
    const c = await this.scoped(this.ds.manager, caller, id);
    return this.detail(this.ds.manager, caller, c, todayInShanghai(now));
  }

  /** A regulator or admin names the handler: an active regulator whose region covers the complaint's. */
  async assign(caller: Caller, id: string, dto: AssignComplaintDto, now = new Date()): Promise<ComplaintDetailDto> {
    return this.ds.transaction(async (em) => {
      const c = await this.scoped(em, caller, id);
      const handler = await em.getRepository(User).findOne({ where: { id: dto.handlerId }, select: { id: true, name: true, role: true, active: true, regionCode: true } });
      if (!handler || !handler.active || handler.role !== Role.Regulator || !handler.regionCode || !isInRegion(c.regionCode, handler.regionCode)) {
        throw validationFailed([{ field: 'handlerId', message: '承办人须为辖区覆盖该件的在职监管人员' }]);
      }
      await em.update(Complaint, { id: c.id }, { handlerId: handler.id, handlerName: handler.name, updatedAt: now });
      Object.assign(c, { handlerId: handler.id, handlerName: handler.name });
      await this.append(em, c, caller, now, { action: 'assigned', fromStatus: c.status, toStatus: null, text: `承办人：${handler.name}`, isPublic: false });
      return this.detail(em, caller, c, todayInShanghai(now));
    });
  }

  /**
   * One step of the state machine by the handler (a regulator; the first to act on an unassigned
   * complaint becomes its handler). Guarded on the status, so of two concurrent steps one wins.
   */
  async act(caller: Caller, id: string, dto: ComplaintActionDto, now = new Date()): Promise<ComplaintDetailDto> {
    return this.ds.transaction(async (em) => {
      const c = await this.scoped(em, caller, id);
      if (c.handlerId && c.handlerId !== caller.id) throw AppError.of(ComplaintErrors, 'COMPLAINT_NOT_HANDLER');
      const t = transitionFor(c.kind, c.status, dto.action);
      if (!t) throw AppError.of(ComplaintErrors, 'COMPLAINT_ACTION_NOT_ALLOWED', { status: c.status, allowed: allowedActions(c.kind, c.status) }, `${COMPLAINT_KIND_LABELS[c.kind]}当前状态为「${COMPLAINT_STATUS_LABELS[c.status]}」，不能执行该操作`);
      const text = dto.text ?? null;
      if (t.textRequired && !text) throw validationFailed([{ field: 'text', message: `${t.label}须填写内容（理由、答复或告知内容）` }]);
      if (dto.action === 'extend_check' && c.checkExtended) throw AppError.of(ComplaintErrors, 'COMPLAINT_ALREADY_EXTENDED');

      const today = todayInShanghai(now);
      const patch: Partial<Complaint> = { updatedAt: now };
      if (!c.handlerId) Object.assign(patch, { handlerId: caller.id, handlerName: caller.name });
      if (t.to) patch.status = t.to;
      switch (dto.action) {
        case 'accept':
          Object.assign(patch, { decidedDate: today, acceptedDate: today });
          break;
        case 'not_accept':
        case 'open_case':
        case 'not_open':
          patch.decidedDate = today;
          break;
        case 'agree':
        case 'end_mediation':
          patch.mediationEndedDate = today;
          break;
        case 'notify':
          patch.notifiedDate = today;
          break;
        case 'extend_check':
          patch.checkExtended = true;
          break;
        default:
          break;
      }
      const next = Object.assign(new Complaint(), c, patch);
      const { running } = deadlinesOf(next, await this.calendar.calendar(em), today);
      patch.dueDate = running?.due ?? null;
      patch.dueKey = running?.key ?? null;
      const from = c.status;
      const res = await em.update(Complaint, { id: c.id, status: from }, patch);
      if (!res.affected) throw AppError.of(ComplaintErrors, 'COMPLAINT_ACTION_NOT_ALLOWED');
      Object.assign(c, patch);
      await this.append(em, c, caller, now, { action: dto.action, fromStatus: from, toStatus: t.to, text, isPublic: t.publicText });
      return this.detail(em, caller, c, today);
    });
  }

  /** The handler reads the complainant's name and phone; the reading is audited (who, when, why). */
  async reveal(caller: Caller, id: string, dto: RevealComplainantDto, now = new Date()): Promise<ComplaintRevealDto> {
    return this.ds.transaction(async (em) => {
      const c = await this.scoped(em, caller, id);
      if (c.handlerId !== caller.id) throw AppError.of(ComplaintErrors, 'COMPLAINT_NOT_HANDLER');
      if (c.anonymous || (!c.complainantNameEnc && !c.complainantPhoneEnc)) throw AppError.of(ComplaintErrors, 'COMPLAINT_ANONYMOUS');
      await em.insert(IdentityReveal, Object.assign(new IdentityReveal(), { id: randomUUID(), complaintId: c.id, userId: caller.id, userName: caller.name, reason: dto.reason, at: now }));
      const ctx = complainantContext(c.id);
      return {
        name: c.complainantNameEnc ? this.crypto.decrypt(c.complainantNameEnc, ctx) : null,
        phone: c.complainantPhoneEnc ? this.crypto.decrypt(c.complainantPhoneEnc, ctx) : null,
        revealedAt: now.toISOString(),
      };
    });
  }

  /** A photo of a complaint the caller may see. */
  async photo(caller: Caller, id: string, photoId: string): Promise<{ photo: ComplaintPhoto; stream: Readable }> {
    const c = await this.scoped(this.ds.manager, caller, id);
    const photo = await this.ds.getRepository(ComplaintPhoto).findOne({ where: { id: photoId, complaintId: c.id } });
    if (!photo) throw notFound('照片');
    return { photo, stream: await this.storage.get(photo.storageKey) };
  }

  /** For a rectification order raised from a complaint: the complaint, if the caller may see it. */
  async visible(em: EntityManager, caller: Caller, id: string): Promise<Complaint | null> {
    const qb = em.getRepository(Complaint).createQueryBuilder('c').where('c.id = :id', { id });
    return applyScope(qb, caller, { region: 'c.regionCode', enterprise: 'c.enterpriseId' }).getOne();
  }

  // ---------------------------------------------------------------------------------------------

  private query(caller: Caller, q: ListComplaintsQuery, today: string): SelectQueryBuilder<Complaint> {
    const qb = this.ds.getRepository(Complaint).createQueryBuilder('c');
    applyScope(qb, caller, { region: 'c.regionCode', enterprise: 'c.enterpriseId' });
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.kind) qb.andWhere('c.kind = :kind', { kind: q.kind });
    if (q.regionCode) qb.andWhere('c.regionCode LIKE :region', { region: `${q.regionCode}%` });
    if (q.enterpriseId) qb.andWhere('c.enterpriseId = :enterpriseId', { enterpriseId: q.enterpriseId });
    if (q.open !== undefined) qb.andWhere(`c.status ${q.open ? 'NOT IN' : 'IN'} (:...final)`, { final: FINAL_COMPLAINT_STATUSES });
    if (q.mine === true) qb.andWhere('c.handlerId = :me', { me: caller.id });
    // due_date is the running deadline's last day: overdue once today is past it.
    if (q.overdue === true) qb.andWhere('c.dueDate IS NOT NULL AND c.dueDate < :today', { today });
    if (q.overdue === false) qb.andWhere('(c.dueDate IS NULL OR c.dueDate >= :today)', { today });
    return qb;
  }

  private async scoped(em: EntityManager, caller: Caller, id: string): Promise<Complaint> {
    const c = await this.visible(em, caller, id);
    if (!c) throw notFound('投诉举报');
    return c;
  }

  private async append(em: EntityManager, c: Complaint, caller: Caller, at: Date, e: Pick<ComplaintEvent, 'action' | 'fromStatus' | 'toStatus' | 'text' | 'isPublic'>): Promise<void> {
    const last = await em.createQueryBuilder(ComplaintEvent, 'ev').select('MAX(ev.seq)', 'max').where('ev.complaintId = :id', { id: c.id }).getRawOne<{ max: number | string | null }>();
    await em.insert(ComplaintEvent, Object.assign(new ComplaintEvent(), { complaintId: c.id, seq: Number(last?.max ?? 0) + 1, ...e, actorId: caller.id, actorName: caller.name, at }));
  }

  private async detail(em: EntityManager, caller: Caller, c: Complaint, today: string): Promise<ComplaintDetailDto> {
    const [events, photos, orders] = await Promise.all([
      em.find(ComplaintEvent, { where: { complaintId: c.id }, order: { seq: 'ASC' } }),
      em.find(ComplaintPhoto, { where: { complaintId: c.id }, order: { createdAt: 'ASC', id: 'ASC' } }),
      em.find(RectificationOrder, { where: { sourceType: 'complaint' as never, sourceId: c.id }, select: { id: true }, order: { issuedAt: 'ASC' } }),
    ]);
    const { all } = deadlinesOf(c, await this.calendar.calendar(em), today);
    const mayHandle = caller.role === Role.Regulator && (!c.handlerId || c.handlerId === caller.id);
    return {
      ...toDto(c, today),
      description: c.description,
      photos: photos.map((p) => ({ id: p.id, mime: p.mime, size: p.sizeBytes, url: `/api/complaints/${c.id}/photos/${p.id}` })),
      deadlines: all,
      events: events.map((e) => ({
        seq: e.seq,
        action: e.action,
        label: e.action === 'assigned' ? '指定承办人' : publicLabel(e),
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        text: e.text,
        public: e.isPublic,
        actorName: e.actorName,
        at: e.at.toISOString(),
      })),
      actions: mayHandle ? allowedActions(c.kind, c.status) : [],
      canReveal: c.handlerId === caller.id && !c.anonymous && !!(c.complainantNameEnc || c.complainantPhoneEnc),
      rectificationIds: orders.map((o) => o.id),
    };
  }
}

function toDto(c: Complaint, today: string): ComplaintDto {
  return {
    id: c.id,
    trackingNo: c.trackingNo,
    ...kindAndStatus(c),
    enterpriseId: c.enterpriseId,
    businessName: c.businessName,
    businessAddress: c.businessAddress,
    regionCode: c.regionCode,
    happenedOn: c.happenedOn,
    incidentPlace: c.place,
    receivedAt: c.receivedAt.toISOString(),
    receivedDate: c.receivedDate,
    anonymous: c.anonymous,
    complainantName: c.complainantNameMasked,
    complainantPhone: c.complainantPhoneMasked,
    handlerId: c.handlerId,
    handlerName: c.handlerName,
    dueDate: c.dueDate,
    dueLabel: c.dueKey ? COMPLAINT_DEADLINE_LABELS[c.dueKey] : null,
    overdue: !!c.dueDate && c.dueDate < today,
  };
}

