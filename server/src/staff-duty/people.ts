// Who the papers are about: a director or officer on a business's roster, i.e. a `users` row with
// that role, the business's enterprise_id and active. One place decides it for credentials,
// training hours, spot exams and their to-dos.
import { EntityManager, In } from 'typeorm';
import { AttachedFileDto, ErrorCodes, Role } from '@shian/shared';
import { AppError } from '../common/app-error';
import type { Caller } from '../common/caller';
import { applyScope } from '../common/region-scope';
import { User } from '../auth/user.entity';
import { Enterprise } from '../enterprises/enterprise.entity';
import { EvidenceFile } from '../files/evidence-file.entity';
import { StaffDutyErrors } from './staff-duty.errors';

/** 三人三责: the director and the officers hold credentials and sit spot exams (Order 60). */
export const STAFF_ROLES: readonly Role[] = [Role.Director, Role.Officer];

/** Whether the user is in post at the business as director or officer. */
export function inPost(user: Pick<User, 'active' | 'enterpriseId' | 'role'> | null, enterpriseId: string): boolean {
  return !!user && user.active && user.enterpriseId === enterpriseId && STAFF_ROLES.includes(user.role);
}

/** The caller's enterprise, or 403 for an account bound to none. */
export function enterpriseOf(caller: Caller): string {
  if (!caller.enterpriseId) throw AppError.of(StaffDutyErrors, ErrorCodes.NoEnterprise);
  return caller.enterpriseId;
}

/** A director or officer in post at a business the caller may see (officials: in their region), with the business. */
export async function findStaffInScope(em: EntityManager, caller: Caller, userId: string): Promise<{ user: User; enterprise: Enterprise } | null> {
  const qb = em
    .getRepository(User)
    .createQueryBuilder('u')
    .innerJoinAndSelect('u.enterprise', 'e')
    .where('u.id = :userId', { userId })
    .andWhere('u.active = :active', { active: true })
    .andWhere('u.role IN (:...staffRoles)', { staffRoles: STAFF_ROLES });
  const user = await applyScope(qb, caller, { region: 'e.regionCode', enterprise: 'e.id' }).getOne();
  return user?.enterprise ? { user, enterprise: user.enterprise } : null;
}

/** Names and roles of users by id, for responses. */
export async function peopleById(em: EntityManager, ids: Iterable<string | null | undefined>): Promise<Map<string, Pick<User, 'id' | 'name' | 'role'>>> {
  const wanted = [...new Set([...ids].filter((id): id is string => !!id))];
  if (!wanted.length) return new Map();
  const rows = await em.getRepository(User).find({ where: { id: In(wanted) }, select: { id: true, name: true, role: true } });
  return new Map(rows.map((u) => [u.id, u]));
}

/** Names of enterprises by id, for responses. */
export async function enterpriseNames(em: EntityManager, ids: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const rows = await em.getRepository(Enterprise).find({ where: { id: In(wanted) }, select: { id: true, name: true } });
  return new Map(rows.map((e) => [e.id, e.name]));
}

/** The files records refer to, by id, as responses show them. */
export async function attachedFiles(em: EntityManager, ids: Iterable<string>): Promise<Map<string, AttachedFileDto>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const rows = await em.getRepository(EvidenceFile).find({ where: { id: In(wanted) }, select: { id: true, mime: true, originalName: true } });
  return new Map(rows.map((f) => [f.id, { id: f.id, mime: f.mime, url: `/api/files/${f.id}`, originalName: f.originalName }]));
}
