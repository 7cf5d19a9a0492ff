// 资质证明 of directors and officers (Order 60; issue #4): the business uploads, a regulator of the
// region verifies or rejects, expiry is derived on reading (Asia/Shanghai business dates) and
// warned EXPIRY_WARNING_DAYS ahead. A re-upload or renewal is a new row naming the old one.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import {
  addDays,
  CREDENTIAL_KIND_LABELS,
  CredentialDto,
  CredentialKind,
  CredentialStatus,
  CredentialSummaryDto,
  credentialState,
  EXPIRY_WARNING_DAYS,
  Page,
  Role,
  todayInShanghai,
} from '@shian/shared';
import { AppError, notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { pageOf } from '../common/pagination';
import { applyScope } from '../common/region-scope';
import { isUniqueViolation } from '../common/sql';
import { FieldProblem, validationFailed } from '../common/validation';
import { Enterprise } from '../enterprises/enterprise.entity';
import { FilesService } from '../files/files.service';
import { IdempotencyService, Replayable } from '../idempotency/idempotency.service';
import { User } from '../auth/user.entity';
import { CreateCredentialDto, ExpiringCredentialsQuery, ListCredentialsQuery, RejectCredentialDto } from './dto/credential.dto';
import { Credential } from './entities/credential.entity';
import { attachedFiles, enterpriseNames, enterpriseOf, inPost, peopleById, STAFF_ROLES } from './people';
import { StaffDutyErrors } from './staff-duty.errors';

export const UPLOAD_CREDENTIAL = 'POST /api/credentials';

/** The holder's current credential of each kind, by user id (see CredentialsService.statesFor). */
export type CredentialStatesByHolder = Map<string, Partial<Record<CredentialKind, CredentialSummaryDto>>>;

type Esc = (name: string) => string;

/**
 * SQL: no credential replaces `c`. Raw column names, escaped for the dialect, because TypeORM
 * does not map property names inside a hand-written sub-select.
 */
function notReplacedSql(esc: Esc, alias: string): string {
  return `NOT EXISTS (SELECT 1 FROM ${esc('credentials')} r_${alias} WHERE r_${alias}.${esc('supersedes_id')} = ${esc(alias)}.${esc('id')})`;
}

/**
 * SQL: `c` is its holder's latest credential of its kind: no other credential of the same holder,
 * business and kind, itself not replaced, was issued later (or on the same day, uploaded later).
 * So an old training record does not keep warning once a newer one is on file.
 */
function latestSql(esc: Esc): string {
  const c = (col: string) => `${esc('c')}.${esc(col)}`;
  const n = (col: string) => `n.${esc(col)}`;
  const later = `(${n('issued_on')} > ${c('issued_on')} OR (${n('issued_on')} = ${c('issued_on')} AND (${n('created_at')} > ${c('created_at')} OR (${n('created_at')} = ${c('created_at')} AND ${n('id')} > ${c('id')}))))`;
  return (
    `NOT EXISTS (SELECT 1 FROM ${esc('credentials')} n WHERE ${n('enterprise_id')} = ${c('enterprise_id')} AND ${n('user_id')} = ${c('user_id')} ` +
    `AND ${n('kind')} = ${c('kind')} AND ${later} AND ${notReplacedSql(esc, 'n')})`
  );
}

@Injectable()
export class CredentialsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
    @Inject(FilesService) private readonly files: FilesService,
  ) {}

  private readonly esc: Esc = (name) => this.ds.driver.escape(name);

  /** A business user uploads a credential for one of their director or officers (an officer: only their own). */
  async upload(caller: Caller, key: string | undefined, dto: CreateCredentialDto, now = new Date()): Promise<Replayable<CredentialDto>> {
    const idemKey = this.idempotency.checkKey(key);
    const enterpriseId = enterpriseOf(caller);
    if (caller.role === Role.Officer && dto.userId !== caller.id) throw AppError.of(StaffDutyErrors, 'CREDENTIAL_OWN_ONLY');
    const today = todayInShanghai(now);
    this.assertFields(dto, today);
    try {
      return await this.idempotency.run(caller, idemKey, UPLOAD_CREDENTIAL, dto, 201, async (em) => {
        const holder = await em.findOne(User, { where: { id: dto.userId }, select: { id: true, active: true, enterpriseId: true, role: true } });
        if (!inPost(holder, enterpriseId)) throw validationFailed([{ field: 'userId', message: '人员不是本企业在岗的食品安全总监或食品安全员' }]);
        await this.files.assertUsable(caller, { fileIds: dto.fileIds }, em, ['credential']);
        if (dto.supersedesId) await this.assertReplaceable(em, enterpriseId, dto);
        const enterprise = await em.findOneOrFail(Enterprise, { where: { id: enterpriseId }, select: { id: true, regionCode: true } });
        const row: Credential = Object.assign(new Credential(), {
          id: randomUUID(),
          enterpriseId,
          regionCode: enterprise.regionCode,
          userId: dto.userId,
          kind: dto.kind,
          fileIds: dto.fileIds.map((id) => id.toLowerCase()),
          issuedOn: dto.issuedOn,
          validUntil: dto.validUntil ?? null,
          trainingHours: dto.trainingHours ?? null,
          assessmentScore: dto.assessmentScore ?? null,
          status: CredentialStatus.Pending,
          rejectReason: null,
          reviewedBy: null,
          reviewedAt: null,
          supersedesId: dto.supersedesId ?? null,
          uploadedBy: caller.id,
          createdAt: now,
        });
        await em.insert(Credential, row);
        return (await this.hydrate(em, [row], today))[0];
      });
    } catch (e) {
      // Two re-uploads naming the same credential: the unique index lets one through.
      if (isUniqueViolation(e)) throw AppError.of(StaffDutyErrors, 'CREDENTIAL_ALREADY_REPLACED');
      throw e;
    }
  }

  /** Scoped list; `status=pending` is the review queue: not replaced, oldest first. */
  async list(caller: Caller, q: ListCredentialsQuery, now = new Date()): Promise<Page<CredentialDto>> {
    const { page, pageSize, skip } = pageOf(q);
    const qb = this.scopedQuery(caller, q);
    if (q.userId) qb.andWhere('c.userId = :userId', { userId: q.userId });
    if (q.kind) qb.andWhere('c.kind = :kind', { kind: q.kind });
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    const queue = q.status === CredentialStatus.Pending;
    if (queue) qb.andWhere(notReplacedSql(this.esc, 'c'));
    const total = await qb.getCount();
    const rows = await qb
      .orderBy('c.createdAt', queue ? 'ASC' : 'DESC')
      .addOrderBy('c.id', 'ASC')
      .offset(skip)
      .limit(pageSize)
      .getMany();
    return { items: await this.hydrate(this.ds.manager, rows, todayInShanghai(now)), total, page, pageSize };
  }

  /**
   * Each holder's latest credential of a kind that lapses within the warning window (or has lapsed,
   * with state=expired), for holders still in post; soonest first.
   */
  async expiring(caller: Caller, q: ExpiringCredentialsQuery, now = new Date()): Promise<Page<CredentialDto>> {
    const { page, pageSize, skip } = pageOf(q);
    const today = todayInShanghai(now);
    const qb = this.scopedQuery(caller, q);
    this.currentOfStaff(qb);
    qb.andWhere('c.status != :rejected', { rejected: CredentialStatus.Rejected }).andWhere('c.validUntil IS NOT NULL');
    if (q.state === 'expired') qb.andWhere('c.validUntil < :today', { today });
    else qb.andWhere('c.validUntil >= :today AND c.validUntil <= :limit', { today, limit: addDays(today, EXPIRY_WARNING_DAYS) });
    const total = await qb.getCount();
    const rows = await qb.orderBy('c.validUntil', q.state === 'expired' ? 'DESC' : 'ASC').addOrderBy('c.id', 'ASC').offset(skip).limit(pageSize).getMany();
    return { items: await this.hydrate(this.ds.manager, rows, today), total, page, pageSize };
  }

  async findOne(caller: Caller, id: string, now = new Date()): Promise<CredentialDto> {
    const row = await this.scoped(caller, id);
    return (await this.hydrate(this.ds.manager, [row], todayInShanghai(now)))[0];
  }

  /** The credential's line of replacements, oldest first: every upload kept, each naming the one before. */
  async history(caller: Caller, id: string, now = new Date()): Promise<CredentialDto[]> {
    const row = await this.scoped(caller, id);
    const all = await this.ds.getRepository(Credential).find({ where: { enterpriseId: row.enterpriseId, userId: row.userId, kind: row.kind } });
    const byId = new Map(all.map((c) => [c.id, c]));
    const next = new Map(all.filter((c) => c.supersedesId).map((c) => [c.supersedesId!, c]));
    let first = row;
    while (first.supersedesId && byId.has(first.supersedesId)) first = byId.get(first.supersedesId)!;
    const line: Credential[] = [first];
    while (next.has(line[line.length - 1].id)) line.push(next.get(line[line.length - 1].id)!);
    return this.hydrate(this.ds.manager, line, todayInShanghai(now));
  }

  verify(caller: Caller, id: string, now = new Date()): Promise<CredentialDto> {
    return this.review(caller, id, { status: CredentialStatus.Verified, rejectReason: null }, now);
  }

  reject(caller: Caller, id: string, dto: RejectCredentialDto, now = new Date()): Promise<CredentialDto> {
    return this.review(caller, id, { status: CredentialStatus.Rejected, rejectReason: dto.reason.trim() }, now);
  }

  /**
   * For a roster (GET /api/enterprises/:id/staff): each holder's latest credential of each kind
   * with its state today. The caller of this method has already checked the enterprise is in scope.
   */
  async statesFor(enterpriseId: string, now = new Date(), em: EntityManager = this.ds.manager): Promise<CredentialStatesByHolder> {
    const today = todayInShanghai(now);
    const qb = em.getRepository(Credential).createQueryBuilder('c').where('c.enterpriseId = :enterpriseId', { enterpriseId });
    qb.andWhere(notReplacedSql(this.esc, 'c')).andWhere(latestSql(this.esc));
    const out: CredentialStatesByHolder = new Map();
    for (const c of await qb.getMany()) {
      const kinds = out.get(c.userId) ?? {};
      kinds[c.kind] = { id: c.id, kind: c.kind, status: c.status, state: credentialState({ review: c.status, validUntil: c.validUntil }, today), issuedOn: c.issuedOn, validUntil: c.validUntil };
      out.set(c.userId, kinds);
    }
    return out;
  }

  /**
   * The business's own warnings for GET /api/todos/mine: latest credentials of people in post
   * that lapse within the warning window or have lapsed, and those a regulator rejected (upload
   * again). `userId` narrows to one holder (an officer sees their own).
   */
  async warningsFor(enterpriseId: string, userId: string | null, now = new Date()): Promise<{ expiring: CredentialDto[]; rejected: CredentialDto[] }> {
    const today = todayInShanghai(now);
    const qb = this.ds.getRepository(Credential).createQueryBuilder('c').where('c.enterpriseId = :enterpriseId', { enterpriseId });
    if (userId) qb.andWhere('c.userId = :userId', { userId });
    this.currentOfStaff(qb);
    qb.andWhere(
      new Brackets((w) =>
        w.where('c.status = :rejected', { rejected: CredentialStatus.Rejected }).orWhere('c.validUntil IS NOT NULL AND c.validUntil <= :limit', { limit: addDays(today, EXPIRY_WARNING_DAYS) }),
      ),
    );
    const rows = await qb.orderBy('c.validUntil', 'ASC').addOrderBy('c.createdAt', 'ASC').addOrderBy('c.id', 'ASC').getMany();
    const dtos = await this.hydrate(this.ds.manager, rows, today);
    return { expiring: dtos.filter((d) => d.status !== CredentialStatus.Rejected), rejected: dtos.filter((d) => d.status === CredentialStatus.Rejected) };
  }

  // ---------------------------------------------------------------------------------------------

  /** Kind-specific fields and dates: 400s naming the field. */
  private assertFields(dto: CreateCredentialDto, today: string): void {
    const problems: FieldProblem[] = [];
    if (dto.issuedOn > today) problems.push({ field: 'issuedOn', message: `签发日期不能晚于今天（${today}）` });
    if (dto.validUntil && dto.validUntil < dto.issuedOn) problems.push({ field: 'validUntil', message: '有效期至不能早于签发日期' });
    const training = dto.kind === CredentialKind.TrainingRecord;
    if (training && dto.trainingHours == null) problems.push({ field: 'trainingHours', message: '培训记录须填写培训学时' });
    if (!training && dto.trainingHours != null) problems.push({ field: 'trainingHours', message: '只有培训记录才填写培训学时' });
    if (dto.kind !== CredentialKind.Assessment && dto.assessmentScore != null) problems.push({ field: 'assessmentScore', message: '只有考核结果才填写考核成绩' });
    if (problems.length) throw validationFailed(problems);
  }

  /** The credential a re-upload replaces: same business, holder and kind, not yet replaced. */
  private async assertReplaceable(em: EntityManager, enterpriseId: string, dto: CreateCredentialDto): Promise<void> {
    const prev = await em.findOne(Credential, { where: { id: dto.supersedesId!, enterpriseId }, select: { id: true, userId: true, kind: true } });
    if (!prev) throw validationFailed([{ field: 'supersedesId', message: '被替换的资质记录不存在或不属于本企业' }]);
    if (prev.userId !== dto.userId || prev.kind !== dto.kind) throw validationFailed([{ field: 'supersedesId', message: '被替换的资质记录须是同一人员、同一类型的' }]);
    if (await em.exists(Credential, { where: { supersedesId: prev.id } })) throw AppError.of(StaffDutyErrors, 'CREDENTIAL_ALREADY_REPLACED');
  }

  /** A regulator of the region decides a pending credential once; out of region is 404. */
  private async review(caller: Caller, id: string, decision: Pick<Credential, 'status' | 'rejectReason'>, now: Date): Promise<CredentialDto> {
    const row = await this.scoped(caller, id);
    if (row.status !== CredentialStatus.Pending) throw AppError.of(StaffDutyErrors, 'CREDENTIAL_ALREADY_REVIEWED', { status: row.status });
    if (await this.ds.getRepository(Credential).exists({ where: { supersedesId: row.id } })) throw AppError.of(StaffDutyErrors, 'CREDENTIAL_SUPERSEDED');
    // Guarded on status: of two reviewers at once, one decides.
    const res = await this.ds.getRepository(Credential).update({ id: row.id, status: CredentialStatus.Pending }, { ...decision, reviewedBy: caller.id, reviewedAt: now });
    if (!res.affected) throw AppError.of(StaffDutyErrors, 'CREDENTIAL_ALREADY_REVIEWED');
    Object.assign(row, decision, { reviewedBy: caller.id, reviewedAt: now });
    return (await this.hydrate(this.ds.manager, [row], todayInShanghai(now)))[0];
  }

  private scopedQuery(caller: Caller, q: { enterpriseId?: string; regionCode?: string }): SelectQueryBuilder<Credential> {
    const qb = this.ds.getRepository(Credential).createQueryBuilder('c');
    applyScope(qb, caller, { region: 'c.regionCode', enterprise: 'c.enterpriseId' });
    if (q.enterpriseId) qb.andWhere('c.enterpriseId = :enterpriseId', { enterpriseId: q.enterpriseId });
    if (q.regionCode) qb.andWhere('c.regionCode LIKE :region', { region: `${q.regionCode}%` });
    return qb;
  }

  /** Only each holder's latest, unreplaced credential of a kind, and only for directors and officers still in post there. */
  private currentOfStaff(qb: SelectQueryBuilder<Credential>): void {
    qb.innerJoin(User, 'u', 'u.id = c.userId AND u.enterpriseId = c.enterpriseId AND u.active = :active AND u.role IN (:...staffRoles)', { active: true, staffRoles: STAFF_ROLES })
      .andWhere(notReplacedSql(this.esc, 'c'))
      .andWhere(latestSql(this.esc));
  }

  private async scoped(caller: Caller, id: string): Promise<Credential> {
    const qb = this.ds.getRepository(Credential).createQueryBuilder('c').where('c.id = :id', { id });
    const row = await applyScope(qb, caller, { region: 'c.regionCode', enterprise: 'c.enterpriseId' }).getOne();
    if (!row) throw notFound('资质证明');
    return row;
  }

  /** Rows → responses, with names, files, replacements and the state on `today`, in four queries. */
  private async hydrate(em: EntityManager, rows: Credential[], today: string): Promise<CredentialDto[]> {
    if (!rows.length) return [];
    // One after another: `em` may be a transaction's single connection.
    const people = await peopleById(em, rows.flatMap((r) => [r.userId, r.reviewedBy]));
    const names = await enterpriseNames(em, rows.map((r) => r.enterpriseId));
    const files = await attachedFiles(em, rows.flatMap((r) => r.fileIds));
    const replacements = await em.find(Credential, { where: { supersedesId: In(rows.map((r) => r.id)) }, select: { id: true, supersedesId: true } });
    const replacedBy = new Map(replacements.map((r) => [r.supersedesId!, r.id]));
    return rows.map((c) => {
      const holder = people.get(c.userId);
      return {
        id: c.id,
        enterpriseId: c.enterpriseId,
        enterpriseName: names.get(c.enterpriseId) ?? '',
        regionCode: c.regionCode,
        userId: c.userId,
        holderName: holder?.name ?? '',
        holderRole: holder?.role ?? Role.Officer,
        kind: c.kind,
        kindLabel: CREDENTIAL_KIND_LABELS[c.kind],
        files: c.fileIds.flatMap((id) => files.get(id) ?? []),
        issuedOn: c.issuedOn,
        validUntil: c.validUntil,
        trainingHours: c.trainingHours,
        assessmentScore: c.assessmentScore,
        status: c.status,
        state: credentialState({ review: c.status, validUntil: c.validUntil }, today),
        rejectReason: c.rejectReason,
        reviewedBy: c.reviewedBy,
        reviewerName: c.reviewedBy ? (people.get(c.reviewedBy)?.name ?? null) : null,
        reviewedAt: c.reviewedAt ? c.reviewedAt.toISOString() : null,
        supersedesId: c.supersedesId,
        supersededById: replacedBy.get(c.id) ?? null,
        uploadedBy: c.uploadedBy,
        createdAt: c.createdAt.toISOString(),
      };
    });
  }
}
