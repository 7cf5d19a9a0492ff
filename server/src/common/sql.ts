// Dialect traps in one place.
import { QueryFailedError } from 'typeorm';

/** A unique-constraint violation, on SQLite (SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY) or MySQL (ER_DUP_ENTRY). */
export function isUniqueViolation(e: unknown): boolean {
  if (!(e instanceof QueryFailedError)) return false;
  const d = e.driverError as { code?: string; errno?: number } | undefined;
  return d?.code === 'ER_DUP_ENTRY' || d?.errno === 1062 || d?.code === 'SQLITE_CONSTRAINT_UNIQUE' || d?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** MySQL returns COUNT(*) and SUM() as strings (BIGINT/DECIMAL); SQLite as numbers. */
export function toNumber(v: unknown): number {
  if (v === null || v === undefined) return 0;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : 0;
}

/** MySQL's deadlock victim (ER_LOCK_DEADLOCK 1213) or lock wait timeout (1205): the transaction can be retried. */
export function isDeadlock(e: unknown): boolean {
  if (!(e instanceof QueryFailedError)) return false;
  const d = e.driverError as { code?: string; errno?: number } | undefined;
  return d?.errno === 1213 || d?.errno === 1205 || d?.code === 'ER_LOCK_DEADLOCK' || d?.code === 'ER_LOCK_WAIT_TIMEOUT';
}
