// Keyset paging: "the rows after this one" in a list's ORDER BY, for exports that walk a whole list
// (pagedRows in xlsx-export.ts). Same results as OFFSET paging while nothing changes, without its
// cost growing with the page number.
import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export interface KeysetKey {
  /** The ORDER BY column, e.g. 'r.businessDate'. */
  column: string;
  direction: 'ASC' | 'DESC';
  /** The previous page's last row's value in that column (never null). */
  value: unknown;
}

/**
 * Adds `(k1, k2, …) after (v1, v2, …)` in the order given — the keys must be the query's full
 * ORDER BY, ending in a unique column, so that no two rows tie.
 */
export function whereAfter<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, keys: readonly KeysetKey[]): SelectQueryBuilder<T> {
  return qb.andWhere(
    new Brackets((or) => {
      keys.forEach((key, i) => {
        or.orWhere(
          new Brackets((and) => {
            for (let j = 0; j < i; j++) and.andWhere(`${keys[j].column} = :keyset${j}`);
            and.andWhere(`${key.column} ${key.direction === 'ASC' ? '>' : '<'} :keyset${i}`);
          }),
        );
      });
    }),
    Object.fromEntries(keys.map((k, i) => [`keyset${i}`, k.value])),
  );
}
