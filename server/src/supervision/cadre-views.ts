// How cadres and assignments show in responses, and the one scope rule for cadre accounts: an
// official sees the cadres whose region lies in theirs (users.region_code LIKE 'prefix%').
import { EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { AssignmentDto, assignmentMismatch, CADRE_LEVEL_LABELS, CadreDto, CadreLevel, maskPhone, Role } from '@shian/shared';
import { User } from '../auth/user.entity';
import type { Caller } from '../common/caller';
import { applyScope } from '../common/region-scope';
import { toNumber } from '../common/sql';
import { Region } from '../regions/region.entity';
import { enterpriseNames } from '../staff-duty/people';
import { loadLevelOverrides } from './settings';
import { CadreAssignment, CadreCommitment } from './supervision.entities';

/** Cadre accounts the caller may see (a cadre: only their own). */
export function cadresInScope(em: EntityManager, caller: Caller): SelectQueryBuilder<User> {
  const qb = em.getRepository(User).createQueryBuilder('u').where('u.role = :cadreRole', { cadreRole: Role.Cadre });
  if (caller.role === Role.Cadre) return qb.andWhere('u.id = :self', { self: caller.id });
  return applyScope(qb, caller, { region: 'u.regionCode', enterprise: 'u.enterpriseId' });
}

export async function findCadreInScope(em: EntityManager, caller: Caller, id: string): Promise<User | null> {
  return cadresInScope(em, caller).andWhere('u.id = :id', { id }).getOne();
}

export async function regionNames(em: EntityManager, codes: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...codes].filter((c): c is string => !!c))];
  if (!wanted.length) return new Map();
  const rows = await em.getRepository(Region).find({ where: { code: In(wanted) }, select: { code: true, name: true } });
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Cadre rows → responses: businesses assigned now and whether this year's letter is on file, in two queries. */
export async function cadreDtos(em: EntityManager, users: User[], year: number): Promise<CadreDto[]> {
  if (!users.length) return [];
  const ids = users.map((u) => u.id);
  const counts = await em
    .createQueryBuilder(CadreAssignment, 'a')
    .select('a.cadreId', 'cadre_id')
    .addSelect('COUNT(*)', 'n')
    .where('a.cadreId IN (:...ids)', { ids })
    .groupBy('a.cadreId')
    .getRawMany<{ cadre_id: string; n: unknown }>();
  const businesses = new Map(counts.map((r) => [r.cadre_id, toNumber(r.n)]));
  const signed = await em
    .createQueryBuilder(CadreCommitment, 'c')
    .select('DISTINCT c.cadreId', 'cadre_id')
    .where('c.cadreId IN (:...ids)', { ids })
    .andWhere('c.year = :year', { year })
    .getRawMany<{ cadre_id: string }>();
  const withLetter = new Set(signed.map((r) => r.cadre_id));
  const names = await regionNames(em, users.map((u) => u.regionCode));
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    phone: maskPhone(u.phone),
    title: u.title,
    level: u.cadreLevel as CadreLevel,
    levelLabel: u.cadreLevel ? CADRE_LEVEL_LABELS[u.cadreLevel] : '',
    regionCode: u.regionCode ?? '',
    regionName: names.get(u.regionCode ?? '') ?? '',
    active: u.active,
    businesses: businesses.get(u.id) ?? 0,
    commitmentThisYear: withLetter.has(u.id),
  }));
}

/** Assignment rows → responses, each saying whether the cadre still fits the business under today's rule. */
export async function assignmentDtos(em: EntityManager, rows: CadreAssignment[]): Promise<AssignmentDto[]> {
  if (!rows.length) return [];
  const cadres = new Map((await em.getRepository(User).find({ where: { id: In([...new Set(rows.map((r) => r.cadreId))]) } })).map((u) => [u.id, u]));
  const names = await enterpriseNames(em, rows.map((r) => r.enterpriseId));
  const regions = await regionNames(em, rows.map((r) => r.regionCode));
  const overrides = await loadLevelOverrides(em);
  return rows.map((r) => {
    const cadre = cadres.get(r.cadreId);
    return {
      enterpriseId: r.enterpriseId,
      enterpriseName: names.get(r.enterpriseId) ?? '',
      grade: r.grade,
      regionCode: r.regionCode,
      regionName: regions.get(r.regionCode) ?? '',
      cadreId: r.cadreId,
      cadreName: cadre?.name ?? '',
      cadreLevel: cadre?.cadreLevel as CadreLevel,
      assignedAt: r.assignedAt.toISOString(),
      assignedDate: r.assignedDate,
      mismatch: cadre ? assignmentMismatch(cadre, { grade: r.grade, regionCode: r.regionCode }, overrides) : '包保干部账号不存在',
    };
  });
}
