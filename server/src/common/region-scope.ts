// The one place that decides which rows a caller may read. Officials see their region (code
// prefix, in SQL, on an indexed column); enterprise users see their own enterprise; admins all.
// Out of scope and missing answer alike (404), so existence leaks nothing.
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { isEnterpriseRole, isInRegion, Role } from '@shian/shared';
import type { Caller } from './caller';

export type Scope =
  | { kind: 'all' }
  | { kind: 'region'; prefix: string }
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'none' };

export function scopeOf(caller: Caller): Scope {
  if (caller.role === Role.Admin) return { kind: 'all' };
  if (isEnterpriseRole(caller.role)) return caller.enterpriseId ? { kind: 'enterprise', enterpriseId: caller.enterpriseId } : { kind: 'none' };
  return caller.regionCode ? { kind: 'region', prefix: caller.regionCode } : { kind: 'none' };
}

export interface ScopedColumns {
  /** e.g. 'dc.regionCode' */
  region: string;
  /** e.g. 'dc.enterpriseId' (or 'e.id' on the enterprises table) */
  enterprise: string;
}

/** Adds the caller's scope to a query. Every list, detail, stats and export query goes through it. */
export function applyScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, caller: Caller, cols: ScopedColumns): SelectQueryBuilder<T> {
  const scope = scopeOf(caller);
  switch (scope.kind) {
    case 'all':
      return qb;
    case 'region':
      return qb.andWhere(`${cols.region} LIKE :scopePrefix`, { scopePrefix: `${scope.prefix}%` });
    case 'enterprise':
      return qb.andWhere(`${cols.enterprise} = :scopeEnterprise`, { scopeEnterprise: scope.enterpriseId });
    case 'none':
      return qb.andWhere('1 = 0');
  }
}

/** The same rule for one row already in hand. */
export function canSee(caller: Caller, row: { regionCode: string; enterpriseId: string }): boolean {
  const scope = scopeOf(caller);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'region':
      return isInRegion(row.regionCode, scope.prefix);
    case 'enterprise':
      return row.enterpriseId === scope.enterpriseId;
    case 'none':
      return false;
  }
}
