// Column shapes that behave the same on SQLite and MySQL/MariaDB. Entities and migrations both
// use them so the schema cannot drift between the two.
import { ColumnOptions } from 'typeorm';

/** UUIDs generated in the application (MySQL has no portable default). */
export const ID_COLUMN = { type: 'varchar', length: 36 } as const;
/** Instants, UTC, millisecond precision (MySQL's default DATETIME drops milliseconds). */
export const INSTANT_COLUMN = { type: 'datetime', precision: 3 } as const;
/** Asia/Shanghai business date 'YYYY-MM-DD' kept as text: no driver time-zone conversion can shift it. */
export const BUSINESS_DATE_COLUMN = { type: 'varchar', length: 10 } as const;
export const REGION_CODE_COLUMN = { type: 'varchar', length: 12 } as const;

export function varchar(length: number, extra: ColumnOptions = {}): ColumnOptions {
  return { type: 'varchar', length, ...extra };
}

/**
 * A small non-negative figure with two decimals (training hours, exam scores). mysql2 returns
 * DECIMAL as a string, SQLite as a number: both come back as a number.
 */
export const DECIMAL_COLUMN = {
  type: 'decimal',
  precision: 7,
  scale: 2,
  transformer: { to: (v: number | null | undefined) => v, from: (v: string | number | null) => (v === null || v === undefined ? null : Number(v)) },
} as const;
