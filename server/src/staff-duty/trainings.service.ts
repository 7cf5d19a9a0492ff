// 企业内部培训考核 — the business trains and assesses its director and officers and keeps the
// records (Order 60); each person's hours in a year are counted against the annual minimum
// (annualTrainingHours, domain.md §1: 40 hours, configurable).
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  annualTrainingHours,
  CredentialKind,
  CredentialRecord,
  CredentialStatus,
  isEnterpriseRole,
  Page,
  todayInShanghai,
  TrainingDto,
  TrainingHoursResponse,
  TrainingHoursRow,
} from '@shian/shared';
import { notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { pageOf } from '../common/pagination';
import { applyScope } from '../common/region-scope';
import { FieldProblem, validationFailed } from '../common/validation';
import { User } from '../auth/user.entity';
import { Enterprise } from '../enterprises/enterprise.entity';
import { FilesService } from '../files/files.service';
import { IdempotencyService, Replayable } from '../idempotency/idempotency.service';
import { CreateTrainingDto, ListTrainingsQuery, TrainingHoursQuery } from './dto/training.dto';
import { Credential } from './entities/credential.entity';
import { Training } from './entities/training.entity';
import { attachedFiles, enterpriseNames, enterpriseOf, peopleById, STAFF_ROLES } from './people';

export const RECORD_TRAINING = 'POST /api/trainings';

const round2 = (n: number) => Math.round(n * 100) / 100;

@Injectable()
export class TrainingsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
    @Inject(FilesService) private readonly files: FilesService,
  ) {}

  /** The principal or director records a training session held for the business's people. */
  async record(caller: Caller, key: string | undefined, dto: CreateTrainingDto, now = new Date()): Promise<Replayable<TrainingDto>> {
    const idemKey = this.idempotency.checkKey(key);
    const enterpriseId = enterpriseOf(caller);
    const today = todayInShanghai(now);
    if (dto.heldOn > today) throw validationFailed([{ field: 'heldOn', message: `培训日期不能晚于今天（${today}）` }]);
    return this.idempotency.run(caller, idemKey, RECORD_TRAINING, dto, 201, async (em) => {
      const attendeeIds = dto.attendeeIds.map((id) => id.toLowerCase());
      await this.assertAttendees(em, enterpriseId, attendeeIds);
      const fileIds = (dto.fileIds ?? []).map((id) => id.toLowerCase());
      await this.files.assertUsable(caller, { fileIds }, em, ['photo', 'document', 'credential']);
      const enterprise = await em.findOneOrFail(Enterprise, { where: { id: enterpriseId }, select: { id: true, regionCode: true } });
      const row: Training = Object.assign(new Training(), {
        id: randomUUID(),
        enterpriseId,
        regionCode: enterprise.regionCode,
        heldOn: dto.heldOn,
        topic: dto.topic.trim(),
        hours: dto.hours,
        trainer: dto.trainer.trim(),
        attendeeIds,
        assessment: dto.assessment?.trim() || null,
        fileIds,
        createdBy: caller.id,
        createdAt: now,
      });
      await em.insert(Training, row);
      return (await this.hydrate(em, [row]))[0];
    });
  }

  async list(caller: Caller, q: ListTrainingsQuery): Promise<Page<TrainingDto>> {
    const { page, pageSize, skip } = pageOf(q);
    const qb = this.ds.getRepository(Training).createQueryBuilder('t');
    applyScope(qb, caller, { region: 't.regionCode', enterprise: 't.enterpriseId' });
    if (q.enterpriseId) qb.andWhere('t.enterpriseId = :enterpriseId', { enterpriseId: q.enterpriseId });
    if (q.regionCode) qb.andWhere('t.regionCode LIKE :region', { region: `${q.regionCode}%` });
    if (q.from) qb.andWhere('t.heldOn >= :from', { from: q.from });
    if (q.to) qb.andWhere('t.heldOn <= :to', { to: q.to });
    // attendee_ids is a JSON list of lower-case UUIDs: the quoted id matches exactly one element.
    if (q.userId) qb.andWhere('t.attendeeIds LIKE :attendee', { attendee: `%"${q.userId.toLowerCase()}"%` });
    const total = await qb.getCount();
    const rows = await qb.orderBy('t.heldOn', 'DESC').addOrderBy('t.createdAt', 'DESC').addOrderBy('t.id', 'ASC').offset(skip).limit(pageSize).getMany();
    return { items: await this.hydrate(this.ds.manager, rows), total, page, pageSize };
  }

  /**
   * Each director's and officer's training hours in the year. What counts: the business's own
   * training records (its archive under Order 60; no review) and verified training-record
   * credentials; credentials awaiting review are shown apart. Rejected or replaced ones never count.
   */
  async hours(caller: Caller, q: TrainingHoursQuery, now = new Date()): Promise<TrainingHoursResponse> {
    const enterpriseId = await this.enterpriseInScope(caller, q.enterpriseId);
    const year = q.year ?? Number(todayInShanghai(now).slice(0, 4));
    const people = await this.ds.getRepository(User).find({
      where: { enterpriseId, active: true, role: In([...STAFF_ROLES]) },
      select: { id: true, name: true, role: true },
      order: { role: 'ASC', name: 'ASC', id: 'ASC' },
    });
    const [from, to] = [`${year}-01-01`, `${year}-12-31`];
    const trainings = await this.ds
      .getRepository(Training)
      .createQueryBuilder('t')
      .select(['t.id', 't.heldOn', 't.hours', 't.attendeeIds'])
      .where('t.enterpriseId = :enterpriseId AND t.heldOn >= :from AND t.heldOn <= :to', { enterpriseId, from, to })
      .getMany();
    const credentials = await this.ds
      .getRepository(Credential)
      .createQueryBuilder('c')
      .leftJoin(Credential, 'r', 'r.supersedesId = c.id')
      .where('c.enterpriseId = :enterpriseId AND c.kind = :kind AND c.issuedOn >= :from AND c.issuedOn <= :to', { enterpriseId, kind: CredentialKind.TrainingRecord, from, to })
      .andWhere('r.id IS NULL')
      .getMany();
    const rows: TrainingHoursRow[] = people.map((p) => {
      const internal: CredentialRecord[] = trainings
        .filter((t) => t.attendeeIds.includes(p.id))
        .map((t) => ({ kind: CredentialKind.TrainingRecord, review: CredentialStatus.Verified, issuedOn: t.heldOn, validUntil: null, hours: t.hours }));
      const papers: CredentialRecord[] = credentials
        .filter((c) => c.userId === p.id)
        .map((c) => ({ kind: c.kind, review: c.status, issuedOn: c.issuedOn, validUntil: c.validUntil, hours: c.trainingHours }));
      const sum = (rs: CredentialRecord[]) => round2(rs.filter((r) => r.review === CredentialStatus.Verified).reduce((a, r) => a + (r.hours ?? 0), 0));
      return { userId: p.id, name: p.name, role: p.role, ...annualTrainingHours([...internal, ...papers], year), internalHours: sum(internal), credentialHours: sum(papers) };
    });
    return { enterpriseId, year, people: rows };
  }

  /** Business users: their own business. Officials: the one they name, within their region (else 404). */
  private async enterpriseInScope(caller: Caller, enterpriseId: string | undefined): Promise<string> {
    if (isEnterpriseRole(caller.role)) {
      const own = enterpriseOf(caller);
      if (enterpriseId && enterpriseId !== own) throw notFound('企业');
      return own;
    }
    if (!enterpriseId) throw validationFailed([{ field: 'enterpriseId', message: '企业ID不能为空（监管人员和包保干部须指定本辖区内的企业）' }]);
    const qb = this.ds.getRepository(Enterprise).createQueryBuilder('e').select('e.id').where('e.id = :id', { id: enterpriseId });
    if (!(await applyScope(qb, caller, { region: 'e.regionCode', enterprise: 'e.id' }).getOne())) throw notFound('企业');
    return enterpriseId;
  }

  /** Attendees are people of this business (any of its roles), each once. */
  private async assertAttendees(em: EntityManager, enterpriseId: string, ids: string[]): Promise<void> {
    const found = new Set(
      (await em.find(User, { where: { id: In([...new Set(ids)]), enterpriseId, active: true }, select: { id: true, role: true } })).filter((u) => isEnterpriseRole(u.role)).map((u) => u.id),
    );
    const seen = new Set<string>();
    const problems: FieldProblem[] = [];
    ids.forEach((id, i) => {
      if (seen.has(id)) problems.push({ field: `attendeeIds[${i}]`, message: `参训人员第${i + 1}项重复` });
      else if (!found.has(id)) problems.push({ field: `attendeeIds[${i}]`, message: `参训人员第${i + 1}项不是本企业在岗人员` });
      seen.add(id);
    });
    if (problems.length) throw validationFailed(problems);
  }

  private async hydrate(em: EntityManager, rows: Training[]): Promise<TrainingDto[]> {
    if (!rows.length) return [];
    const people = await peopleById(em, rows.flatMap((r) => r.attendeeIds));
    const names = await enterpriseNames(em, rows.map((r) => r.enterpriseId));
    const files = await attachedFiles(em, rows.flatMap((r) => r.fileIds));
    return rows.map((t) => ({
      id: t.id,
      enterpriseId: t.enterpriseId,
      enterpriseName: names.get(t.enterpriseId) ?? '',
      regionCode: t.regionCode,
      heldOn: t.heldOn,
      topic: t.topic,
      hours: t.hours,
      trainer: t.trainer,
      attendees: t.attendeeIds.flatMap((id) => {
        const p = people.get(id);
        return p ? [{ userId: p.id, name: p.name, role: p.role }] : [];
      }),
      assessment: t.assessment,
      files: t.fileIds.flatMap((id) => files.get(id) ?? []),
      createdBy: t.createdBy,
      createdAt: t.createdAt.toISOString(),
    }));
  }
}
