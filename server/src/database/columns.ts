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
