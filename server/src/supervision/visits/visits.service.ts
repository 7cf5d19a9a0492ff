// 督导记录 (issue #6; domain.md §2): a cadre visits a business assigned to them, answers the
// supervision checklist with photos and the device's location; problems found raise a rectification
// order (source 'visit') in the same transaction, followed up to closure by that cadre. A visit is
// never changed. The business's first visit of a cycle (its grade's frequency) is summed for the
// dashboard ('V' in stat_records) in the same transaction.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import {
  ErrorCodes,
  Grade,
  Page,
  rectificationDeadlineProblem,
  Role,
  SUPERVISION_ANSWER_LABELS,
  SUPERVISION_CHECKLIST,
  SUPERVISION_LIMITS,
  SupervisionAnswerDto,
  supervisionCycle,
  SupervisionVisitDto,
  todayInShanghai,
} from '@shian/shared';
import { AppError, notFound } from '../../common/app-error';
import type { Caller } from '../../common/caller';
import { pageOf } from '../../common/pagination';
import { applyScope } from '../../common/region-scope';
import { FieldProblem, validationFailed } from '../../common/validation';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { EvidenceFile } from '../../files/evidence-file.entity';
import { IdempotencyService, Replayable } from '../../idempotency/idempotency.service';
import { RectificationsService } from '../../rectifications/rectifications.service';
import { attachedFiles, enterpriseNames } from '../../staff-duty/people';
import { RollupSums } from '../../stats/rollup';
import { StatEnterprise, StatKind } from '../../stats/stat.entities';
import { loadFrequencies } from '../settings';
import { CadreAssignment, SupervisionVisit } from '../supervision.entities';
import type { CreateVisitDto, ListVisitsQuery } from './visit.dto';

export const CREATE_VISIT = 'POST /api/supervision-visits';

const L = SUPERVISION_LIMITS;
const CHECKLIST_KEYS = new Set(SUPERVISION_CHECKLIST.map((i) => i.key));
const CHECKLIST_TEXT = new Map(SUPERVISION_CHECKLIST.map((i) => [i.key, i.text]));

export const VisitErrors = {
  VISIT_NOT_ASSIGNED: { status: 403, message: '该企业不是您当前包保的企业，不能提交督导记录' },
  [ErrorCodes.Forbidden]: { status: 403, message: '只有设置了包保层级的包保干部可以提交督导记录' },
} as const;

/** The checklist rules of a visit, each problem named by field; empty when the visit may be recorded. */
export function visitProblems(dto: CreateVisitDto, today: string): FieldProblem[] {
  const out: FieldProblem[] = [];
  const seen = new Set<string>();
  dto.answers.forEach((a, i) => {
    const field = `answers[${i}]`;
    if (!CHECKLIST_KEYS.has(a.key)) out.push({ field: `${field}.key`, message: `检查结论第${i + 1}项的督导检查项不存在` });
    else if (seen.has(a.key)) out.push({ field: `${field}.key`, message: `检查结论第${i + 1}项重复：「${CHECKLIST_TEXT.get(a.key)}」已回答` });
    seen.add(a.key);
    const note = typeof a.note === 'string' ? a.note.trim() : '';
    if (a.answer === 'no' && !note) out.push({ field: `${field}.note`, message: `检查结论第${i + 1}项为不符合，须填写说明` });
    if (note.length > L.noteMaxLength) out.push({ field: `${field}.note`, message: `检查结论第${i + 1}项的说明不能超过 ${L.noteMaxLength} 字` });
  });
  const missing = SUPERVISION_CHECKLIST.filter((i) => !seen.has(i.key));
  if (missing.length) out.push({ field: 'answers', message: `检查结论缺少：${missing.map((i) => `「${i.text}」`).join('、')}` });

  const problems = dto.problems ?? [];
  if (problems.length > L.maxProblems) out.push({ field: 'problems', message: `发现的问题最多 ${L.maxProblems} 条` });
  problems.forEach((p, i) => {
    const text = p.trim();
    if (!text) out.push({ field: `problems[${i}]`, message: `发现的问题第${i + 1}条不能为空` });
    else if (text.length > L.problemMaxLength) out.push({ field: `problems[${i}]`, message: `发现的问题第${i + 1}条不能超过 ${L.problemMaxLength} 字` });
  });
  if (problems.length) {
    if (!dto.rectificationDeadline) out.push({ field: 'rectificationDeadline', message: '发现问题时须填写整改期限' });
    else {
      const p = rectificationDeadlineProblem(dto.rectificationDeadline, today);
      if (p) out.push({ field: 'rectificationDeadline', message: p });
    }
    if (!dto.photoIds?.length) out.push({ field: 'photoIds', message: '发现问题时请上传至少 1 张现场照片' });
  } else if (dto.rectificationDeadline) {
    out.push({ field: 'rectificationDeadline', message: '未发现问题时不填写整改期限' });
  }
  return out;
}

@Injectable()
export class VisitsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
    @Inject(RectificationsService) private readonly rectifications: RectificationsService,
  ) {}

  /** A cadre records a visit to a business assigned to them, today (Asia/Shanghai). */
  async create(caller: Caller, key: string | undefined, dto: CreateVisitDto, now = new Date()): Promise<Replayable<SupervisionVisitDto>> {
    const idemKey = this.idempotency.checkKey(key);
    if (caller.role !== Role.Cadre || !caller.cadreLevel) throw AppError.of(VisitErrors, ErrorCodes.Forbidden);
    const today = todayInShanghai(now);
    const problems = visitProblems(dto, today);
    if (problems.length) throw validationFailed(problems);

    return this.idempotency.run(caller, idemKey, CREATE_VISIT, dto, 201, async (em, batch) => {
      const enterprise = await em.findOne(Enterprise, { where: { id: dto.enterpriseId }, select: { id: true, name: true, regionCode: true, grade: true } });
      if (!enterprise) throw notFound('企业');
      // The assignment row is the business's lock: two visits of one business count its cycle once.
      const qb = em.getRepository(CadreAssignment).createQueryBuilder('a').where('a.enterpriseId = :id', { id: enterprise.id });
      if (em.connection.options.type !== 'better-sqlite3') qb.setLock('pessimistic_write');
      const assignment = await qb.getOne();
      if (!assignment || assignment.cadreId !== caller.id) throw AppError.of(VisitErrors, 'VISIT_NOT_ASSIGNED');
      if (!enterprise.grade) throw validationFailed([{ field: 'enterpriseId', message: '该企业尚未评定风险等级' }]);
      const photoIds = (dto.photoIds ?? []).map((p) => p.toLowerCase());
      await this.assertPhotos(em, caller, enterprise.id, photoIds);

      const frequency = (await loadFrequencies(em))[enterprise.grade as Grade];
      const cycle = supervisionCycle(today, frequency);
      const earlier = await em
        .createQueryBuilder(SupervisionVisit, 'v')
        .where('v.enterpriseId = :id AND v.visitDate >= :from AND v.visitDate <= :to', { id: enterprise.id, from: cycle.from, to: cycle.to })
        .getCount();

      const id = randomUUID();
      const items = (dto.problems ?? []).map((p) => p.trim());
      const order = items.length
        ? await this.rectifications.issue(em, caller, { enterprise, sourceType: 'visit', sourceId: id, items, deadline: dto.rectificationDeadline! }, now)
        : null;
      const visit: SupervisionVisit = Object.assign(new SupervisionVisit(), {
        id,
        enterpriseId: enterprise.id,
        cadreId: caller.id,
        cadreName: caller.name,
        cadreLevel: caller.cadreLevel,
        regionCode: enterprise.regionCode,
        grade: enterprise.grade,
        visitDate: today,
        cycleKey: cycle.key,
        answers: dto.answers.map((a): SupervisionAnswerDto => ({ key: a.key, answer: a.answer, note: a.note?.trim() || null })),
        observations: dto.observations?.trim() || null,
        problems: items,
        photoIds,
        location: dto.location ? { latitude: dto.location.latitude, longitude: dto.location.longitude, accuracy: dto.location.accuracy ?? null } : null,
        rectificationOrderId: order?.id ?? null,
        createdAt: now,
      });
      await em.insert(SupervisionVisit, visit);
      // Today is never before an earlier visit: the latest visit is this one.
      await em.update(CadreAssignment, { enterpriseId: enterprise.id }, { lastVisitDate: today });
      if (earlier === 0) {
        const stat = await em.findOne(StatEnterprise, { where: { enterpriseId: enterprise.id } });
        if (stat) await new RollupSums().record(stat, StatKind.Visit, cycle.to, false).write(em, batch);
      }
      return (await this.hydrate(em, [visit]))[0];
    });
  }

  async list(caller: Caller, q: ListVisitsQuery): Promise<Page<SupervisionVisitDto>> {
    const { page, pageSize, skip } = pageOf(q);
    const qb = this.scoped(this.ds.manager, caller);
    if (q.enterpriseId) qb.andWhere('v.enterpriseId = :enterpriseId', { enterpriseId: q.enterpriseId });
    if (q.cadreId) qb.andWhere('v.cadreId = :cadreId', { cadreId: q.cadreId });
    if (q.regionCode) qb.andWhere('v.regionCode LIKE :region', { region: `${q.regionCode}%` });
    if (q.from) qb.andWhere('v.visitDate >= :from', { from: q.from });
    if (q.to) qb.andWhere('v.visitDate <= :to', { to: q.to });
    const total = await qb.getCount();
    const rows = await qb.orderBy('v.createdAt', 'DESC').addOrderBy('v.id', 'ASC').offset(skip).limit(pageSize).getMany();
    return { items: await this.hydrate(this.ds.manager, rows), total, page, pageSize };
  }

  async findOne(caller: Caller, id: string): Promise<SupervisionVisitDto> {
    const visit = await this.scoped(this.ds.manager, caller).andWhere('v.id = :id', { id }).getOne();
    if (!visit) throw notFound('督导记录');
    return (await this.hydrate(this.ds.manager, [visit]))[0];
  }

  /** A cadre sees their own visits, a regulator the region's, a business its own; out of scope is 404. */
  private scoped(em: EntityManager, caller: Caller): SelectQueryBuilder<SupervisionVisit> {
    const qb = em.getRepository(SupervisionVisit).createQueryBuilder('v');
    if (caller.role === Role.Cadre) return qb.andWhere('v.cadreId = :me', { me: caller.id });
    return applyScope(qb, caller, { region: 'v.regionCode', enterprise: 'v.enterpriseId' });
  }

  /** Every photo is the caller's own upload of kind photo for this business, each once. */
  private async assertPhotos(em: EntityManager, caller: Caller, enterpriseId: string, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const rows = await em.find(EvidenceFile, { where: { id: In([...new Set(ids)]) }, select: { id: true, kind: true, uploadedBy: true, enterpriseId: true } });
    const byId = new Map(rows.map((r) => [r.id.toLowerCase(), r]));
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      const row = byId.get(id);
      let problem: string | null = null;
      if (!row || row.uploadedBy !== caller.id || row.enterpriseId !== enterpriseId) problem = '不存在或不是您为该企业上传的，请重新上传';
      else if (row.kind !== 'photo') problem = '不是照片';
      else if (seen.has(id)) problem = '重复';
      seen.add(id);
      if (problem) problems.push({ field: `photoIds[${i}]`, message: `照片第${i + 1}项${problem}` });
    });
    if (problems.length) throw validationFailed(problems);
  }

  private async hydrate(em: EntityManager, rows: SupervisionVisit[]): Promise<SupervisionVisitDto[]> {
    if (!rows.length) return [];
    const names = await enterpriseNames(em, rows.map((r) => r.enterpriseId));
    const files = await attachedFiles(em, rows.flatMap((r) => r.photoIds));
    return rows.map((v) => ({
      id: v.id,
      enterpriseId: v.enterpriseId,
      enterpriseName: names.get(v.enterpriseId) ?? '',
      regionCode: v.regionCode,
      grade: v.grade,
      cadreId: v.cadreId,
      cadreName: v.cadreName,
      cadreLevel: v.cadreLevel,
      visitDate: v.visitDate,
      cycleKey: v.cycleKey,
      answers: v.answers.map((a) => ({ ...a, note: a.note ?? null, text: CHECKLIST_TEXT.get(a.key) ?? a.key, answerLabel: SUPERVISION_ANSWER_LABELS[a.answer] ?? a.answer })),
      observations: v.observations,
      problems: v.problems,
      photos: v.photoIds.flatMap((id) => files.get(id) ?? []),
      location: v.location,
      rectificationOrderId: v.rectificationOrderId,
      createdAt: v.createdAt.toISOString(),
    }));
  }
}
