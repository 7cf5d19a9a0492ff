// 包保干部 accounts (domain.md §2): officials open them in their region with a level whose region
// code length matches (市级 a city code … 村级 a village code), list and update them; deactivating
// one ends all their assignments. A cadre's home shows their businesses with each one's state, the
// visits due in the current cycles and their progress, with the quarter-end reminder.
import { randomInt, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import {
  CADRE_LEVEL_LABELS,
  CadreBusinessState,
  CadreCreatedDto,
  CadreDto,
  CadreHomeDto,
  cadreRegionLength,
  complianceOf,
  complianceWindow,
  CREDENTIAL_KIND_LABELS,
  CredentialKind,
  CredentialStatus,
  evaluateStaffing,
  fraction,
  Grade,
  isReminderDue,
  Page,
  Role,
  staffingRequirement,
  supervisionCycle,
  todayInShanghai,
} from '@shian/shared';
import { hashPassword } from '../auth/password';
import { RefreshToken } from '../auth/refresh-token.entity';
import { User } from '../auth/user.entity';
import { AppError, notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { pageOf } from '../common/pagination';
import { canSee } from '../common/region-scope';
import { isUniqueViolation } from '../common/sql';
import { DailyCheck } from '../daily-checks/daily-check.entity';
import { dutiesSince, Enterprise } from '../enterprises/enterprise.entity';
import { Problem } from '../problems/problem.entity';
import { RectificationOrder } from '../rectifications/entities/rectification-order.entity';
import { Region } from '../regions/region.entity';
import { CredentialsService } from '../staff-duty/credentials.service';
import { STAFF_ROLES } from '../staff-duty/people';
import { staffingProfileOf } from '../staff/staff.service';
import { AssignmentsService, CADRE_DEACTIVATED } from './assignments.service';
import { cadreDtos, cadresInScope, findCadreInScope, regionNames } from './cadre-views';
import { CreateCadreDto, ListCadresQuery, UpdateCadreDto } from './dto/supervision.dto';
import { loadFrequencies } from './settings';
import { CadreAssignment, SupervisionVisit } from './supervision.entities';
import { SupervisionErrors } from './supervision.errors';

/** Letters and digits that cannot be misread for each other (no 0/O, 1/l/I). */
const PASSWORD_LETTERS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const PASSWORD_DIGITS = '23456789';

/** A one-time initial password: 10 characters with letters and digits (newPasswordProblem accepts it). */
export function initialPassword(): string {
  const pick = (set: string) => set[randomInt(set.length)];
  const chars = [pick(PASSWORD_LETTERS), pick(PASSWORD_DIGITS), ...Array.from({ length: 8 }, () => pick(PASSWORD_LETTERS + PASSWORD_DIGITS))];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

const yearOf = (date: string) => Number(date.slice(0, 4));
const PAPER_KINDS = [CredentialKind.AppointmentLetter, CredentialKind.TrainingRecord] as const;
const ROLE_NAMES: Partial<Record<Role, string>> = { [Role.Director]: '食品安全总监', [Role.Officer]: '食品安全员' };

@Injectable()
export class CadresService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(AssignmentsService) private readonly assignments: AssignmentsService,
    @Inject(CredentialsService) private readonly credentials: CredentialsService,
  ) {}

  /** A regulator or admin opens a cadre account in their region; the initial password is shown once. */
  async create(caller: Caller, dto: CreateCadreDto, now = new Date()): Promise<CadreCreatedDto> {
    const length = cadreRegionLength(dto.level);
    if (dto.regionCode.length !== length) {
      const message = `区域与包保层级不符：${CADRE_LEVEL_LABELS[dto.level]}包保干部的区域须为${length}位区划代码`;
      throw AppError.of(SupervisionErrors, 'CADRE_REGION', [{ field: 'regionCode', message }], message);
    }
    const region = await this.ds.getRepository(Region).findOne({ where: { code: dto.regionCode } });
    if (!region || !canSee(caller, { regionCode: region.code, enterpriseId: '' })) throw notFound('区域');
    const taken = () => AppError.of(SupervisionErrors, 'CADRE_PHONE_TAKEN', [{ field: 'phone', message: SupervisionErrors.CADRE_PHONE_TAKEN.message }]);
    if (await this.ds.getRepository(User).exist({ where: { phone: dto.phone } })) throw taken();
    const password = initialPassword();
    const user = Object.assign(new User(), {
      id: randomUUID(),
      name: dto.name,
      phone: dto.phone,
      passwordHash: await hashPassword(password),
      role: Role.Cadre,
      enterpriseId: null,
      regionCode: region.code,
      cadreLevel: dto.level,
      title: dto.title?.trim() || null,
      wechatOpenId: null,
      failedLoginCount: 0,
      lockedUntil: null,
      active: true,
      idNumberEnc: null,
      idNumberMask: null,
      idNumberHash: null,
      createdAt: now,
    });
    try {
      await this.ds.getRepository(User).insert(user);
    } catch (e) {
      if (isUniqueViolation(e)) throw taken();
      throw e;
    }
    // Read back: on MySQL the insert leaves the raw value (1) of defaulted columns such as active on the object.
    const [cadre] = await cadreDtos(this.ds.manager, [await this.ds.getRepository(User).findOneByOrFail({ id: user.id })], yearOf(todayInShanghai(now)));
    return { cadre, initialPassword: password };
  }

  async list(caller: Caller, q: ListCadresQuery, now = new Date()): Promise<Page<CadreDto>> {
    const { page, pageSize, skip } = pageOf(q);
    const qb = cadresInScope(this.ds.manager, caller);
    if (q.regionCode) qb.andWhere('u.regionCode LIKE :region', { region: `${q.regionCode}%` });
    if (q.level) qb.andWhere('u.cadreLevel = :level', { level: q.level });
    if (q.active !== undefined) qb.andWhere('u.active = :active', { active: q.active });
    if (q.q) {
      const like = `%${q.q.replace(/[!%_]/g, (c) => `!${c}`)}%`;
      qb.andWhere("(u.name LIKE :q ESCAPE '!' OR u.phone LIKE :q ESCAPE '!')", { q: like });
    }
    const total = await qb.getCount();
    const rows = await qb.orderBy('u.regionCode', 'ASC').addOrderBy('u.name', 'ASC').addOrderBy('u.id', 'ASC').offset(skip).limit(pageSize).getMany();
    return { items: await cadreDtos(this.ds.manager, rows, yearOf(todayInShanghai(now))), total, page, pageSize };
  }

  async findOne(caller: Caller, id: string, now = new Date()): Promise<CadreDto> {
    const user = await findCadreInScope(this.ds.manager, caller, id);
    if (!user) throw notFound('包保干部');
    return (await cadreDtos(this.ds.manager, [user], yearOf(todayInShanghai(now))))[0];
  }

  /** Title and active; deactivating ends the cadre's assignments (reason 干部账号停用) and their sessions. */
  async update(caller: Caller, id: string, dto: UpdateCadreDto, now = new Date()): Promise<CadreDto> {
    await this.ds.transaction(async (em) => {
      const user = await findCadreInScope(em, caller, id);
      if (!user) throw notFound('包保干部');
      const patch: Partial<User> = {};
      if (dto.title !== undefined) patch.title = dto.title?.trim() || null;
      if (dto.active !== undefined) patch.active = dto.active;
      if (Object.keys(patch).length) await em.update(User, { id }, patch);
      if (dto.active === false && user.active) {
        await this.assignments.endAllOf(em, id, CADRE_DEACTIVATED, caller.id, now);
        await em.update(RefreshToken, { userId: id, revokedAt: IsNull() }, { revokedAt: now });
      }
    });
    return this.findOne(caller, id, now);
  }

  /** GET /api/cadres/me/home: the cadre's businesses and how each stands, what is due this cycle, progress. */
  async home(caller: Caller, now = new Date()): Promise<CadreHomeDto> {
    const em = this.ds.manager;
    const today = todayInShanghai(now);
    const me = await em.findOne(User, { where: { id: caller.id, role: Role.Cadre } });
    if (!me) throw notFound('包保干部');
    const [cadre] = await cadreDtos(em, [me], yearOf(today));
    const rows = await em.find(CadreAssignment, { where: { cadreId: me.id } });
    const ids = rows.map((r) => r.enterpriseId);
    const enterprises = ids.length ? await em.find(Enterprise, { where: { id: In(ids) } }) : [];
    enterprises.sort((a, b) => (a.grade ?? '').localeCompare(b.grade ?? '') || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    const frequencies = await loadFrequencies(em);
    const regions = await regionNames(em, enterprises.map((e) => e.regionCode));
    const facts = await this.facts(ids, today);

    const businesses: CadreBusinessState[] = [];
    for (const e of enterprises) {
      const grade = (e.grade ?? rows.find((r) => r.enterpriseId === e.id)!.grade) as Grade;
      const cycle = supervisionCycle(today, frequencies[grade]);
      const last = facts.lastVisit.get(e.id) ?? null;
      const checks = facts.checks.get(e.id) ?? [];
      businesses.push({
        enterpriseId: e.id,
        enterpriseName: e.name,
        grade,
        regionCode: e.regionCode,
        regionName: regions.get(e.regionCode) ?? '',
        cycleKey: cycle.key,
        cycleEnd: cycle.to,
        // Visits are dated the day they are made, so the last one is in this cycle or before it.
        visitedThisCycle: last !== null && last >= cycle.from,
        lastVisitDate: last,
        missedDays: (() => {
          const c = complianceOf(checks.map((d) => ({ businessDate: d, late: false })), today, dutiesSince(e));
          return c.due - c.done;
        })(),
        openProblems: facts.problems.get(e.id) ?? 0,
        openRectifications: facts.rectifications.get(e.id) ?? 0,
        missing: await this.missing(e, now),
      });
    }
    const visited = businesses.filter((b) => b.visitedThisCycle).length;
    // The reminder: the earliest cycle end among businesses still owed a visit, once in its window.
    const owed = businesses.filter((b) => !b.visitedThisCycle && isReminderDue(today, frequencies[b.grade]));
    const first = owed.reduce<CadreBusinessState | null>((a, b) => (!a || b.cycleEnd < a.cycleEnd ? b : a), null);
    return {
      cadre,
      today,
      businesses,
      progress: { due: businesses.length, visited, completion: fraction(visited, businesses.length) },
      reminder: first ? { cycleKey: first.cycleKey, cycleEnd: first.cycleEnd, remaining: owed.length } : null,
    };
  }

  /** Per business: the last visit, daily-check days of the compliance window, open problems and rectification orders. */
  private async facts(ids: string[], today: string) {
    const out = { lastVisit: new Map<string, string>(), checks: new Map<string, string[]>(), problems: new Map<string, number>(), rectifications: new Map<string, number>() };
    if (!ids.length) return out;
    const push = (m: Map<string, string[]>, k: string, v: string) => m.set(k, [...(m.get(k) ?? []), v]);
    const em = this.ds.manager;
    const visits = await em
      .createQueryBuilder(SupervisionVisit, 'v')
      .select('v.enterpriseId', 'eid')
      .addSelect('MAX(v.visitDate)', 'd')
      .where('v.enterpriseId IN (:...ids)', { ids })
      .groupBy('v.enterpriseId')
      .getRawMany<{ eid: string; d: string }>();
    for (const v of visits) out.lastVisit.set(v.eid, v.d);
    const window = complianceWindow(today);
    // Version 1 exists for every day with a check (a correction adds versions, never removes one).
    const checks = await em
      .createQueryBuilder(DailyCheck, 'c')
      .select('c.enterpriseId', 'eid')
      .addSelect('c.businessDate', 'd')
      .where('c.enterpriseId IN (:...ids)', { ids })
      .andWhere('c.businessDate >= :from AND c.businessDate <= :to', { from: window[0], to: window[window.length - 1] })
      .andWhere('c.version = 1')
      .getRawMany<{ eid: string; d: string }>();
    for (const c of checks) push(out.checks, c.eid, c.d);
    const count = async (entity: typeof Problem | typeof RectificationOrder, where: string, params: Record<string, unknown>, into: Map<string, number>) => {
      const rows = await em.createQueryBuilder(entity, 'x').select('x.enterpriseId', 'eid').addSelect('COUNT(*)', 'n').where('x.enterpriseId IN (:...ids)', { ids }).andWhere(where, params).groupBy('x.enterpriseId').getRawMany<{ eid: string; n: unknown }>();
      for (const r of rows) into.set(r.eid, Number(r.n));
    };
    await count(Problem, 'x.status = :open', { open: 'open' }, out.problems);
    await count(RectificationOrder, 'x.status != :closed', { closed: 'closed' }, out.rectifications);
    return out;
  }

  /** What the business lacks of 三人三责 (evaluateStaffing) and the papers of its director and officers. */
  private async missing(e: Enterprise, now: Date): Promise<string[]> {
    const roster = await this.ds.getRepository(User).find({ where: { enterpriseId: e.id, active: true }, select: { id: true, role: true, name: true } });
    const out = evaluateStaffing(staffingRequirement(staffingProfileOf(e)), roster).map((g) => g.message);
    const papers = await this.credentials.statesFor(e.id, now);
    for (const person of roster.filter((u) => STAFF_ROLES.includes(u.role))) {
      const mine = papers.get(person.id) ?? {};
      for (const kind of PAPER_KINDS) {
        const paper = mine[kind];
        const what = `${ROLE_NAMES[person.role]}${person.name}的${CREDENTIAL_KIND_LABELS[kind]}`;
        if (!paper) out.push(`${what}未上传`);
        else if (paper.state.status === CredentialStatus.Expired || paper.state.status === CredentialStatus.Rejected) out.push(`${what}${paper.state.label}`);
      }
    }
    return out;
  }
}
