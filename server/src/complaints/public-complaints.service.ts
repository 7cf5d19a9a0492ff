// What the public does without an account (issue #7; the business's 公示牌 page is
// GET /api/public/enterprises/:id, enterprises/public-page.ts): upload photos, submit a 投诉 or 举报, and follow it with the tracking number and query code.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import {
  addDays,
  businessDateOf,
  COMPLAINT_KIND_LABELS,
  COMPLAINT_LIMITS,
  COMPLAINT_STATUS_LABELS,
  COMPLAINT_TRANSITIONS,
  ComplaintAction,
  EnterpriseStatus,
  maskName,
  maskPhone,
  normaliseCode,
  PublicComplaintCreateRequest,
  PublicComplaintPhotoDto,
  PublicComplaintReceipt,
  PublicComplaintStatusDto,
  PublicEnterpriseSearchItem,
  queryCodeOf,
  Role,
  todayInShanghai,
  trackingNoOf,
} from '@shian/shared';
import { AppError } from '../common/app-error';
import type { Caller } from '../common/caller';
import { FieldCrypto } from '../common/field-crypto';
import { FieldProblem, validationFailed } from '../common/validation';
import { escapeLike } from '../enterprises/enterprise-directory.service';
import { Enterprise } from '../enterprises/enterprise.entity';
import { sniffMime } from '../files/content-type';
import { FileErrorCodes, FileErrors, tooLarge } from '../files/files.errors';
import type { IncomingUpload } from '../files/files.service';
import { STORAGE_SERVICE, StorageService, storageKeyFor } from '../files/storage/storage';
import { IdempotencyService, ReplayCompaction, Replayable } from '../idempotency/idempotency.service';
import { Region } from '../regions/region.entity';
import { Complaint, ComplaintEvent, ComplaintPhoto } from './complaint.entities';
import { deadlinesOf, kindAndStatus } from './complaint-rows';
import { ComplaintErrors } from './complaints.errors';
import { PublicGuard } from './public-guard';
import { WorkingCalendarService } from './working-calendar.service';

export const SUBMIT_COMPLAINT = 'POST /api/public/complaints';
const L = COMPLAINT_LIMITS;
const PHOTO_MIMES = ['image/jpeg', 'image/png', 'image/webp'];
/** Compared against when the tracking number is unknown, so both answers take the same work. */
const DUMMY_HASH = '0'.repeat(64);

export const complainantContext = (complaintId: string): string => `complaints.complainant:${complaintId}`;
const QUERY_CODE_PURPOSE = 'complaints.query_code';
const DEVICE_PURPOSE = 'complaints.device';

/** Where a public request came from: rate limits and the device that owns uploads and retries. */
export interface PublicClient {
  ip: string;
  deviceId: string;
}

@Injectable()
export class PublicComplaintsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(FieldCrypto) private readonly crypto: FieldCrypto,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
    @Inject(STORAGE_SERVICE) private readonly storage: StorageService,
    @Inject(PublicGuard) private readonly guard: PublicGuard,
    @Inject(WorkingCalendarService) private readonly calendar: WorkingCalendarService,
  ) {}

  /** Active businesses whose name contains the text, for the complaint form's picker: at most 20, no identifiers beyond the address. */
  async searchEnterprises(ip: string, q: { q: string; regionCode?: string }): Promise<PublicEnterpriseSearchItem[]> {
    this.guard.limit([['searchPerIp', ip]]);
    const qb = this.ds
      .getRepository(Enterprise)
      .createQueryBuilder('e')
      .select(['e.id', 'e.name', 'e.address'])
      .where('e.status = :active', { active: EnterpriseStatus.Active })
      .andWhere("e.name LIKE :name ESCAPE '!'", { name: `%${escapeLike(q.q)}%` });
    if (q.regionCode) qb.andWhere('e.regionCode LIKE :region', { region: `${q.regionCode}%` });
    const rows = await qb.orderBy('e.name', 'ASC').addOrderBy('e.id', 'ASC').limit(20).getMany();
    return rows.map((e) => ({ id: e.id, name: e.name, address: e.address }));
  }

  /** A photo for a complaint not yet submitted: images only, small, counted per IP and device. */
  async uploadPhoto(client: PublicClient, upload: IncomingUpload, now = new Date()): Promise<PublicComplaintPhotoDto> {
    this.guard.limit([['photoPerIp', client.ip], ['photoPerDevice', client.deviceId]]);
    const { content } = upload;
    if (content.length === 0) throw AppError.of(FileErrors, FileErrorCodes.Empty, [{ field: 'file', message: FileErrors[FileErrorCodes.Empty].message }]);
    if (content.length > L.photoMaxBytes) throw tooLarge(L.photoMaxBytes);
    const mime = sniffMime(content);
    if (!mime || !PHOTO_MIMES.includes(mime)) throw AppError.of(FileErrors, FileErrorCodes.TypeNotAllowed, [{ field: 'file', message: FileErrors[FileErrorCodes.TypeNotAllowed].message }]);
    const id = randomUUID();
    const row = Object.assign(new ComplaintPhoto(), {
      id,
      complaintId: null,
      deviceHash: this.deviceHash(client.deviceId),
      mime,
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      storageKey: storageKeyFor(id, businessDateOf(now)),
      createdAt: now,
    });
    await this.storage.put(row.storageKey, content, mime);
    await this.ds.getRepository(ComplaintPhoto).insert(row);
    return { id, mime, size: content.length };
  }

  /** A submission: rate limits, the challenge, then one transaction under the Idempotency-Key. */
  async submit(client: PublicClient, key: string | undefined, dto: PublicComplaintCreateRequest, now = new Date()): Promise<Replayable<PublicComplaintReceipt>> {
    this.guard.limit([['submitPerIp', client.ip], ['submitPerDevice', client.deviceId]], 'COMPLAINT_RATE_LIMITED');
    const idemKey = this.idempotency.checkKey(key);
    const today = todayInShanghai(now);
    const problems: FieldProblem[] = [];
    if (dto.happenedOn > today) problems.push({ field: 'happenedOn', message: `发生日期不能晚于今天（${today}）` });
    else if (dto.happenedOn < addDays(today, -L.maxAgeDays)) problems.push({ field: 'happenedOn', message: '发生日期过早：只受理三年内发生的事项' });
    if (!dto.enterpriseId) {
      if (!dto.businessName) problems.push({ field: 'businessName', message: '请选择被投诉举报的企业，或填写经营者名称' });
      if (!dto.businessAddress) problems.push({ field: 'businessAddress', message: '未登记的经营者须填写地址' });
      if (!dto.regionCode || dto.regionCode.length < 6) problems.push({ field: 'regionCode', message: '未登记的经营者须选择所在区县（6位及以上区划代码）' });
    }
    if (dto.anonymous && (dto.contactName || dto.contactPhone)) problems.push({ field: 'anonymous', message: '匿名提交时请不要填写姓名和手机号' });
    if (problems.length) throw validationFailed(problems);

    const caller = this.publicCaller(client.deviceId);
    const deviceHash = this.deviceHash(client.deviceId);
    const compaction: ReplayCompaction<PublicComplaintReceipt> = {
      // The query code is kept only encrypted, for a retry of this very request from the same device.
      strip: (body) => ({ ...body, queryCode: this.crypto.encrypt(body.queryCode, `complaints.receipt:${deviceHash}:${idemKey}`) }),
      restore: async (stored) => {
        const body = stored as PublicComplaintReceipt;
        return { ...body, queryCode: this.crypto.decrypt(body.queryCode, `complaints.receipt:${deviceHash}:${idemKey}`) };
      },
    };
    const request = { ...dto, challengeToken: undefined, challengeAnswer: undefined };
    return this.idempotency.run(
      caller,
      idemKey,
      SUBMIT_COMPLAINT,
      request,
      201,
      async (em) => {
        const nonce = this.guard.verify(dto.challengeToken, dto.challengeAnswer);
        const where = await this.whereOf(em, dto);
        const id = randomUUID();
        // 6 random characters a day make a repeat unlikely (≈ 1 in 10⁹); one is drawn again, not answered 500.
        let trackingNo = trackingNoOf(dto.kind, today, randomBytes(6));
        for (let i = 0; i < 5 && (await em.count(Complaint, { where: { trackingNo } })) > 0; i++) trackingNo = trackingNoOf(dto.kind, today, randomBytes(6));
        const queryCode = queryCodeOf(randomBytes(8));
        const complaint: Complaint = Object.assign(new Complaint(), {
          id,
          trackingNo,
          queryCodeHash: this.crypto.blindIndex(queryCode, `${QUERY_CODE_PURPOSE}:${trackingNo}`),
          kind: dto.kind,
          status: 'received' as const,
          ...where,
          description: dto.description,
          happenedOn: dto.happenedOn,
          place: dto.incidentPlace ?? null,
          anonymous: dto.anonymous,
          complainantNameEnc: dto.contactName ? this.crypto.encrypt(dto.contactName, complainantContext(id)) : null,
          complainantPhoneEnc: dto.contactPhone ? this.crypto.encrypt(dto.contactPhone, complainantContext(id)) : null,
          complainantNameMasked: dto.contactName ? maskName(dto.contactName) : null,
          complainantPhoneMasked: dto.contactPhone ? maskPhone(dto.contactPhone) : null,
          deviceHash,
          receivedAt: now,
          receivedDate: today,
          decidedDate: null,
          acceptedDate: null,
          mediationEndedDate: null,
          notifiedDate: null,
          checkExtended: false,
          handlerId: null,
          handlerName: null,
          dueDate: null as string | null,
          dueKey: null as Complaint['dueKey'],
          updatedAt: now,
        });
        const { running } = deadlinesOf(complaint, await this.calendar.calendar(em), today);
        complaint.dueDate = running?.due ?? null;
        complaint.dueKey = running?.key ?? null;
        await em.insert(Complaint, complaint);
        await this.claimPhotos(em, id, deviceHash, dto.photoIds ?? []);
        await em.insert(
          ComplaintEvent,
          Object.assign(new ComplaintEvent(), { complaintId: id, seq: 1, action: 'submitted', fromStatus: null, toStatus: 'received', text: null, isPublic: true, actorId: null, actorName: null, at: now }),
        );
        this.guard.consume(nonce);
        return { trackingNo, queryCode, kind: dto.kind, kindLabel: COMPLAINT_KIND_LABELS[dto.kind], receivedAt: now.toISOString() };
      },
      compaction,
    );
  }

  /**
   * The complainant's view. An unknown number and a wrong code give the same 404 after the same
   * work (a lookup, a keyed hash, a constant-time compare), so the answer says nothing about existence.
   */
  async status(ip: string, trackingNoRaw: string, codeRaw: string): Promise<PublicComplaintStatusDto> {
    this.guard.limit([['queryPerIp', ip]]);
    const trackingNo = normaliseCode(String(trackingNoRaw)).slice(0, 16);
    const code = normaliseCode(String(codeRaw ?? ''));
    const c = await this.ds.getRepository(Complaint).findOne({ where: { trackingNo } });
    const expected = Buffer.from(c?.queryCodeHash ?? DUMMY_HASH, 'utf8');
    const given = Buffer.from(this.crypto.blindIndex(code, `${QUERY_CODE_PURPOSE}:${trackingNo}`), 'utf8');
    const match = expected.length === given.length && timingSafeEqual(expected, given);
    if (!c || !match) throw AppError.of(ComplaintErrors, 'COMPLAINT_QUERY_FAILED');
    const events = await this.ds.getRepository(ComplaintEvent).find({ where: { complaintId: c.id }, order: { seq: 'ASC' } });
    return {
      trackingNo: c.trackingNo,
      ...kindAndStatus(c),
      businessName: c.businessName,
      receivedDate: c.receivedDate,
      // Internal steps (assignment, the start of a check) are not the complainant's to follow.
      history: events.filter((e) => e.isPublic).map((e) => ({ at: e.at.toISOString(), label: publicLabel(e), text: e.text })),
    };
  }

  // ---------------------------------------------------------------------------------------------

  /** The business named (active, in the directory) or described; its region routes the complaint. */
  private async whereOf(em: EntityManager, dto: PublicComplaintCreateRequest): Promise<Pick<Complaint, 'enterpriseId' | 'businessName' | 'businessAddress' | 'regionCode'>> {
    if (dto.enterpriseId) {
      const e = await em.getRepository(Enterprise).findOne({ where: { id: dto.enterpriseId, status: EnterpriseStatus.Active }, select: { id: true, name: true, address: true, regionCode: true } });
      if (!e) throw validationFailed([{ field: 'enterpriseId', message: '企业不存在，请重新选择或填写经营者名称和地址' }]);
      return { enterpriseId: e.id, businessName: e.name, businessAddress: e.address, regionCode: e.regionCode };
    }
    if (!(await em.getRepository(Region).exists({ where: { code: dto.regionCode! } }))) throw validationFailed([{ field: 'regionCode', message: '区划代码不存在' }]);
    return { enterpriseId: null, businessName: dto.businessName!, businessAddress: dto.businessAddress ?? null, regionCode: dto.regionCode! };
  }

  /** The named photos must be this device's unclaimed uploads; they now belong to the complaint. */
  private async claimPhotos(em: EntityManager, complaintId: string, deviceHash: string, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const wanted = [...new Set(ids.map((i) => i.toLowerCase()))];
    const res = await em.update(ComplaintPhoto, { id: In(wanted), deviceHash, complaintId: IsNull() }, { complaintId });
    if (wanted.length !== ids.length || res.affected !== wanted.length) {
      throw validationFailed([{ field: 'photoIds', message: '照片不存在、已被使用或不是本设备上传的，请重新上传' }]);
    }
  }

  private deviceHash(deviceId: string): string {
    return this.crypto.blindIndex(deviceId, DEVICE_PURPOSE);
  }

  /** Idempotency keys are per caller: the public's are per device (a UUID-shaped id from its hash); only `id` is used. */
  private publicCaller(deviceId: string): Caller {
    const h = this.deviceHash(deviceId);
    return { id: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`, name: '公众', role: Role.Officer, enterpriseId: null, regionCode: null, cadreLevel: null };
  }
}

/** The step as the complainant reads it: 已收到, 已受理, 答复 … */
export function publicLabel(e: Pick<ComplaintEvent, 'action' | 'toStatus'>): string {
  if (e.action === 'submitted') return '已收到';
  if (e.action === 'reply') return '答复';
  if (e.toStatus) return COMPLAINT_STATUS_LABELS[e.toStatus];
  return COMPLAINT_TRANSITIONS[e.action as ComplaintAction]?.[0]?.label ?? e.action;
}
