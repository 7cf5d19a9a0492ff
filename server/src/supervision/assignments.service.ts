// 包保分配 (domain.md §2): officials give the active, graded businesses of their region to cadres of
// the level each business's grade calls for (assignmentMismatch, with the regions' overrides), one
// at a time, in bulk (all or none) or from a workbook (each row on its own). cadre_assignments holds
// who answers for a business now; cadre_assignment_events keeps every start and end. After each
// change the business's dashboard share is refreshed in the same transaction (主体包保覆盖率).
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  AssignmentCreatedDto,
  AssignmentDto,
  AssignmentImportReport,
  AssignmentRefusal,
  assignmentMismatch,
  businessDateOf,
  CADRE_LEVEL_LABELS,
  cadreCoverage,
  CoverageGapPage,
  EnterpriseStatus,
  Grade,
  GradeLevelOverride,
  isValidMobilePhone,
  isValidUscc,
  Page,
  requiredCadreLevel,
  Role,
} from '@shian/shared';
import { User } from '../auth/user.entity';
import { AppError, notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { pageOf } from '../common/pagination';
import { applyScope } from '../common/region-scope';
import { Enterprise } from '../enterprises/enterprise.entity';
import { ImportColumn, readImportWorkbook } from '../enterprises/enterprise-workbook';
import { refreshEnterpriseRollup } from '../stats/rollup-rebuild';
import { assignmentDtos, cadresInScope, findCadreInScope, regionNames } from './cadre-views';
import { CoverageGapQueryDto, CreateAssignmentDto, EndAssignmentDto, ListAssignmentsQuery } from './dto/supervision.dto';
import { loadLevelOverrides } from './settings';
import { CadreAssignment, CadreAssignmentEvent, SupervisionVisit } from './supervision.entities';
import { SupervisionErrors } from './supervision.errors';

const text = (t: string) => ({ value: t });

/** The assignment workbook: one row per business, its USCC and its cadre's phone. */
export const ASSIGNMENT_IMPORT_COLUMNS: readonly ImportColumn[] = [
  { header: '统一社会信用代码', field: 'uscc', required: true, width: 24, note: '必填，18位，须为本辖区已确认并评定风险等级的企业', parse: (t) => ({ value: t.toUpperCase() }) },
  { header: '包保干部手机号', field: 'phone', required: true, width: 18, note: '必填，11位，须为本辖区已开通的包保干部账号；企业已有包保干部的改由该干部包保', parse: text },
];

export const ASSIGNMENT_IMPORT_TEMPLATE = {
  columns: ASSIGNMENT_IMPORT_COLUMNS,
  sheetName: '包保分配',
  tips: ['只导入第一个工作表；每行单独判断，有错的行不分配，导入结果会逐行说明原因。', '风险等级与包保层级须对应（默认 A 级市级、B 级县级、C 级乡镇级、D 级村级，以本地区设置为准）。'],
};

/** The reason given when a business passes to another cadre. */
const REASSIGNED = '改由其他包保干部包保';
/** The reason given when a cadre account is deactivated. */
export const CADRE_DEACTIVATED = '干部账号停用';

@Injectable()
export class AssignmentsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** POST /api/assignments: every business goes to the cadre, or none does (400 listing each refusal). */
  async assign(caller: Caller, dto: CreateAssignmentDto, now = new Date()): Promise<AssignmentCreatedDto> {
    const ids = [...new Set(dto.enterpriseIds.map((id) => id.toLowerCase()))];
    return this.ds.transaction(async (em) => {
      const cadre = await findCadreInScope(em, caller, dto.cadreId);
      if (!cadre) throw notFound('包保干部');
      const qb = em.getRepository(Enterprise).createQueryBuilder('e').where('e.id IN (:...ids)', { ids });
      const found = new Map((await applyScope(qb, caller, { region: 'e.regionCode', enterprise: 'e.id' }).getMany()).map((e) => [e.id.toLowerCase(), e]));
      const overrides = await loadLevelOverrides(em);
      const refusals: AssignmentRefusal[] = [];
      const ok: Enterprise[] = [];
      for (const id of ids) {
        const e = found.get(id);
        const reason = e ? refusal(cadre, e, overrides) : '企业不存在或不在本辖区内';
        if (reason) refusals.push({ enterpriseId: e?.id ?? id, enterpriseName: e?.name ?? null, reason });
        else ok.push(e!);
      }
      if (refusals.length) {
        const first = refusals[0];
        const message = `${SupervisionErrors.ASSIGNMENT_REFUSED.message}：${first.enterpriseName ?? '企业'}${first.reason}${refusals.length > 1 ? `等 ${refusals.length} 家` : ''}`;
        throw AppError.of(SupervisionErrors, 'ASSIGNMENT_REFUSED', refusals, message);
      }
      const rows: CadreAssignment[] = [];
      for (const e of ok) rows.push(await this.put(em, caller.id, cadre, e, now));
      return { assigned: await assignmentDtos(em, rows) };
    });
  }

  /** DELETE /api/assignments/:enterpriseId: the business no longer has a cadre (a coverage gap). */
  async end(caller: Caller, enterpriseId: string, dto: EndAssignmentDto, now = new Date()): Promise<void> {
    await this.ds.transaction(async (em) => {
      const qb = em.getRepository(CadreAssignment).createQueryBuilder('a').where('a.enterpriseId = :enterpriseId', { enterpriseId });
      const row = await applyScope(qb, caller, { region: 'a.regionCode', enterprise: 'a.enterpriseId' }).getOne();
      if (!row) {
        const e = await applyScope(em.getRepository(Enterprise).createQueryBuilder('e').where('e.id = :enterpriseId', { enterpriseId }), caller, { region: 'e.regionCode', enterprise: 'e.id' }).getOne();
        throw e ? AppError.of(SupervisionErrors, 'ASSIGNMENT_NONE') : notFound('企业');
      }
      await this.remove(em, row, dto.reason.trim(), caller.id, now);
    });
  }

  /** Ends every assignment of a cadre (deactivation), in the caller's transaction. */
  async endAllOf(em: EntityManager, cadreId: string, reason: string, actorId: string, now: Date): Promise<number> {
    const rows = await em.find(CadreAssignment, { where: { cadreId } });
    for (const row of rows) await this.remove(em, row, reason, actorId, now);
    return rows.length;
  }

  async list(caller: Caller, q: ListAssignmentsQuery): Promise<Page<AssignmentDto>> {
    const { page, pageSize, skip } = pageOf(q);
    const qb = this.ds.getRepository(CadreAssignment).createQueryBuilder('a');
    if (caller.role === Role.Cadre) qb.andWhere('a.cadreId = :self', { self: caller.id });
    else applyScope(qb, caller, { region: 'a.regionCode', enterprise: 'a.enterpriseId' });
    if (q.cadreId) qb.andWhere('a.cadreId = :cadreId', { cadreId: q.cadreId });
    if (q.regionCode) qb.andWhere('a.regionCode LIKE :region', { region: `${q.regionCode}%` });
    const total = await qb.getCount();
    const rows = await qb.orderBy('a.assignedAt', 'DESC').addOrderBy('a.enterpriseId', 'ASC').offset(skip).limit(pageSize).getMany();
    return { items: await assignmentDtos(this.ds.manager, rows), total, page, pageSize };
  }

  /** GET /api/assignments/gaps: the businesses without a cadre, and 主体包保覆盖率 over the same set. */
  async gaps(caller: Caller, q: CoverageGapQueryDto): Promise<CoverageGapPage> {
    const { page, pageSize, skip } = pageOf(q);
    const businesses = await this.graded(caller, q).getCount();
    const gapQuery = () => this.graded(caller, q).leftJoin(CadreAssignment, 'a', 'a.enterpriseId = e.id').andWhere('a.enterpriseId IS NULL');
    const total = await gapQuery().getCount();
    const rows = await gapQuery().orderBy('e.regionCode', 'ASC').addOrderBy('e.name', 'ASC').addOrderBy('e.id', 'ASC').offset(skip).limit(pageSize).getMany();
    const regions = await regionNames(this.ds.manager, rows.map((e) => e.regionCode));
    const overrides = rows.length ? await loadLevelOverrides(this.ds.manager) : [];
    const withCadre = businesses - total;
    return {
      coverage: cadreCoverage({ businesses, withCadre }),
      businesses,
      withCadre,
      items: rows.map((e) => {
        const level = requiredCadreLevel(e.grade as Grade, e.regionCode, overrides);
        return {
          enterpriseId: e.id,
          enterpriseName: e.name,
          uscc: e.uscc,
          grade: e.grade as Grade,
          regionCode: e.regionCode,
          regionName: regions.get(e.regionCode) ?? '',
          requiredLevel: level,
          requiredLevelLabel: CADRE_LEVEL_LABELS[level],
        };
      }),
      total,
      page,
      pageSize,
    };
  }

  /** POST /api/assignments/import: each row assigns its business to its cadre, or says why not. */
  async import(caller: Caller, content: Buffer, now = new Date()): Promise<AssignmentImportReport> {
    const sheet = await readImportWorkbook(content, ASSIGNMENT_IMPORT_COLUMNS);
    const [usccCol, phoneCol] = ASSIGNMENT_IMPORT_COLUMNS;
    const errors: AssignmentImportReport['errors'] = [];
    let assigned = 0;
    const firstRow = new Map<string, number>();
    const overrides = await loadLevelOverrides(this.ds.manager);
    for (const r of sheet.rows) {
      const uscc = (r.cells.get(usccCol) ?? '').toUpperCase();
      const phone = r.cells.get(phoneCol) ?? '';
      const problems: Array<{ field: string; message: string }> = [];
      if (!uscc) problems.push({ field: usccCol.header, message: '统一社会信用代码不能为空' });
      else if (!isValidUscc(uscc)) problems.push({ field: usccCol.header, message: '统一社会信用代码无效：须为18位且校验位正确' });
      else if (firstRow.has(uscc)) problems.push({ field: usccCol.header, message: `统一社会信用代码与第${firstRow.get(uscc)}行重复` });
      else firstRow.set(uscc, r.row);
      if (!phone) problems.push({ field: phoneCol.header, message: '包保干部手机号不能为空' });
      else if (!isValidMobilePhone(phone)) problems.push({ field: phoneCol.header, message: '包保干部手机号必须是11位手机号' });
      if (!problems.length) {
        const problem = await this.ds.transaction(async (em) => {
          const enterprise = await applyScope(em.getRepository(Enterprise).createQueryBuilder('e').where('e.uscc = :uscc', { uscc }), caller, { region: 'e.regionCode', enterprise: 'e.id' }).getOne();
          if (!enterprise) return { field: usccCol.header, message: '本辖区没有该统一社会信用代码的企业' };
          const cadre = await cadresInScope(em, caller).andWhere('u.phone = :phone', { phone }).getOne();
          if (!cadre) return { field: phoneCol.header, message: '本辖区没有该手机号的包保干部' };
          const reason = refusal(cadre, enterprise, overrides);
          if (reason) return { field: '行', message: `${enterprise.name}：${reason}` };
          await this.put(em, caller.id, cadre, enterprise, now);
          return null;
        });
        if (problem) problems.push(problem);
      }
      for (const p of problems) errors.push({ row: r.row, ...p });
      if (!problems.length) assigned += 1;
    }
    return { rows: sheet.rows.length, assigned, errors };
  }

  // ---------------------------------------------------------------------------------------------

  /** Gives the business to the cadre: replaces its current cadre (an 'ended' and an 'assigned' event); the same cadre again changes nothing. */
  private async put(em: EntityManager, actorId: string, cadre: User, e: Enterprise, now: Date): Promise<CadreAssignment> {
    const current = await em.findOne(CadreAssignment, { where: { enterpriseId: e.id } });
    if (current?.cadreId === cadre.id) return current;
    if (current) {
      await em.delete(CadreAssignment, { enterpriseId: e.id });
      await em.insert(CadreAssignmentEvent, this.event(e.id, current.cadreId, 'ended', REASSIGNED, actorId, now));
    }
    // Read after the delete, which waits for a visit in progress (it holds the row): that visit counts.
    const last = (await em
      .createQueryBuilder(SupervisionVisit, 'v')
      .select('MAX(v.visitDate)', 'last')
      .where('v.enterpriseId = :id', { id: e.id })
      .getRawOne()) as { last: string | null } | undefined;
    const row = Object.assign(new CadreAssignment(), {
      enterpriseId: e.id,
      cadreId: cadre.id,
      regionCode: e.regionCode,
      grade: e.grade as Grade,
      assignedBy: actorId,
      assignedAt: now,
      assignedDate: businessDateOf(now),
      lastVisitDate: last?.last ?? null,
    });
    await em.insert(CadreAssignment, row);
    await em.insert(CadreAssignmentEvent, this.event(e.id, cadre.id, 'assigned', null, actorId, now));
    await refreshEnterpriseRollup(em, e.id);
    return row;
  }

  private async remove(em: EntityManager, row: CadreAssignment, reason: string, actorId: string, now: Date): Promise<void> {
    await em.delete(CadreAssignment, { enterpriseId: row.enterpriseId });
    await em.insert(CadreAssignmentEvent, this.event(row.enterpriseId, row.cadreId, 'ended', reason, actorId, now));
    await refreshEnterpriseRollup(em, row.enterpriseId);
  }

  private event(enterpriseId: string, cadreId: string, kind: 'assigned' | 'ended', reason: string | null, actorId: string, at: Date): CadreAssignmentEvent {
    return Object.assign(new CadreAssignmentEvent(), { id: randomUUID(), enterpriseId, cadreId, kind, reason, actorId, at });
  }

  /** Active graded businesses in the caller's scope and the query's filters. */
  private graded(caller: Caller, q: CoverageGapQueryDto): SelectQueryBuilder<Enterprise> {
    const qb = this.ds.getRepository(Enterprise).createQueryBuilder('e').where('e.status = :active', { active: EnterpriseStatus.Active }).andWhere('e.grade IS NOT NULL');
    applyScope(qb, caller, { region: 'e.regionCode', enterprise: 'e.id' });
    if (q.regionCode) qb.andWhere('e.regionCode LIKE :region', { region: `${q.regionCode}%` });
    if (q.grade) qb.andWhere('e.grade = :grade', { grade: q.grade });
    return qb;
  }
}

/** Why this cadre cannot take this business, or null. */
function refusal(cadre: User, e: Enterprise, overrides: readonly GradeLevelOverride[]): string | null {
  if (e.status !== EnterpriseStatus.Active) return '企业尚未确认或已被驳回，不能分配包保干部';
  return assignmentMismatch(cadre, { grade: e.grade, regionCode: e.regionCode }, overrides);
}
