// Keeps the dashboard's sums (stat.entities.ts) in step with the writes they sum, in the same
// transaction: a record submitted adds one to its unit's row at every level of the region tree
// (country → province → city → county → township, each split by its child), a problem found or
// fixed likewise, and a business confirmed, regraded or staffed moves its own share. One statement
// per table, its rows in key order, so concurrent transactions lock shared rows in the same order
// (no deadlock among themselves) and, on the pipelined runner, it travels with the COMMIT.
import type { EntityManager } from 'typeorm';
import { EnterpriseStatus, REGION_CODE_LENGTHS, RegionLevel } from '@shian/shared';
import type { WriteBatch } from '../database/write-batch';
import { dutiesSince, Enterprise } from '../enterprises/enterprise.entity';
import { StatKind } from './stat.entities';

/** Where a business's figures are summed: its village, grade, type, and the day its duties started. */
export interface RollupKey {
  regionCode: string;
  grade: string;
  businessType: string;
  since: string;
}

/** Confirmed (active) businesses with a grade are counted; others have no key. */
export function rollupKeyOf(e: Pick<Enterprise, 'status' | 'grade' | 'regionCode' | 'businessType' | 'createdAt' | 'confirmedAt'>): RollupKey | null {
  if (e.status !== EnterpriseStatus.Active || !e.grade) return null;
  return { regionCode: e.regionCode, grade: e.grade, businessType: e.businessType, since: dutiesSince(e) };
}

/** Code lengths from province (2) to village (12), from shared's GB/T 2260 rule. */
export const LEVEL_LENGTHS = [RegionLevel.Province, RegionLevel.City, RegionLevel.County, RegionLevel.Township, RegionLevel.Village].map((l) => REGION_CODE_LENGTHS[l]);

/** [region, child] at every level above the code: ['', '15'], ['15', '1501'], … ['150102001', code]. */
export function regionChildPairs(code: string): Array<[string, string]> {
  const prefixes = LEVEL_LENGTHS.filter((n) => n <= code.length).map((n) => code.slice(0, n));
  return prefixes.map((child, i) => [i === 0 ? '' : prefixes[i - 1], child]);
}

export interface RecordSums {
  done: number;
  late: number;
  unowed: number;
  found: number;
  fixed: number;
}

export interface BusinessSums {
  businesses: number;
  requiringDirector: number;
  withDirector: number;
  withOfficer: number;
  /** 1 when it has a cadre assigned (主体包保覆盖率). */
  withCadre: number;
}

export const emptyBusinessSums = (): BusinessSums => ({ businesses: 0, requiringDirector: 0, withDirector: 0, withOfficer: 0, withCadre: 0 });

const RECORD_COLUMNS = ['done', 'late', 'unowed', 'found', 'fixed'] as const;
const BUSINESS_COLUMNS = ['businesses', 'requiring_director', 'with_director', 'with_officer', 'with_cadre'] as const;

/** Changes to the sums, keyed by village-level row; expanded to every level when written. */
export class RollupSums {
  private readonly records = new Map<string, { key: RollupKey; kind: StatKind; date: string; sums: RecordSums }>();
  private readonly businesses = new Map<string, { key: RollupKey; sums: BusinessSums }>();

  get empty(): boolean {
    return this.records.size === 0 && this.businesses.size === 0;
  }

  /** A record (D, W, M) for the unit ending on `date`, added (sign 1) or taken away (-1). */
  record(key: RollupKey, kind: StatKind, date: string, late: boolean, sign = 1): this {
    return this.addRecord(key, kind, date, { done: sign, late: late ? sign : 0, unowed: date < key.since ? sign : 0, found: 0, fixed: 0 });
  }

  /** Problems found on `date` (found) and how many of them are resolved (fixed); negative to take back. */
  problems(key: RollupKey, date: string, found: number, fixed: number): this {
    if (found === 0 && fixed === 0) return this;
    return this.addRecord(key, StatKind.Problem, date, { done: 0, late: 0, unowed: 0, found, fixed });
  }

  addRecord(key: RollupKey, kind: StatKind, date: string, sums: RecordSums): this {
    const id = `${key.regionCode}|${key.grade}|${key.businessType}|${kind}|${date}`;
    const row = this.records.get(id);
    if (!row) this.records.set(id, { key, kind, date, sums: { ...sums } });
    else for (const c of RECORD_COLUMNS) row.sums[c] += sums[c];
    return this;
  }

  /** A business's share of stat_businesses, added (sign 1) or taken away (-1). */
  business(key: RollupKey, sums: BusinessSums, sign = 1): this {
    const id = `${key.regionCode}|${key.grade}|${key.businessType}|${key.since}`;
    const row = this.businesses.get(id) ?? { key, sums: emptyBusinessSums() };
    for (const c of Object.keys(row.sums) as Array<keyof BusinessSums>) row.sums[c] += sign * sums[c];
    this.businesses.set(id, row);
    return this;
  }

  /** The upserts, one per table (chunked for big rebuilds), rows in primary-key order. */
  statements(em: EntityManager, chunk = 2000): Array<{ sql: string; params: unknown[] }> {
    const mysql = em.connection.options.type === 'mysql' || em.connection.options.type === 'mariadb';
    const out: Array<{ sql: string; params: unknown[] }> = [];

    const recordRows = new Rows(6);
    for (const { key, kind, date, sums } of this.records.values()) {
      for (const [region, child] of regionChildPairs(key.regionCode)) {
        recordRows.add([region, kind, date, child, key.grade, key.businessType], [sums.done, sums.late, sums.unowed, sums.found, sums.fixed]);
      }
    }
    out.push(...upserts(mysql, 'stat_records', ['region_code', 'kind', 'unit_date', 'child_code', 'grade', 'business_type'], [...RECORD_COLUMNS], recordRows.list(), chunk));

    const businessRows = new Rows(5);
    for (const { key, sums } of this.businesses.values()) {
      for (const [region, child] of regionChildPairs(key.regionCode)) {
        businessRows.add([region, child, key.grade, key.businessType, key.since], [sums.businesses, sums.requiringDirector, sums.withDirector, sums.withOfficer, sums.withCadre]);
      }
    }
    out.push(...upserts(mysql, 'stat_businesses', ['region_code', 'child_code', 'grade', 'business_type', 'since'], [...BUSINESS_COLUMNS], businessRows.list(), chunk));
    const totalRows = new Rows(4);
    for (const row of businessRows.list()) totalRows.add(row.slice(0, 4) as string[], row.slice(5) as number[]);
    out.push(...upserts(mysql, 'stat_business_totals', ['region_code', 'child_code', 'grade', 'business_type'], [...BUSINESS_COLUMNS], totalRows.list(), chunk));
    return out;
  }

  /** Adds the statements to the transaction's batch (sent with the COMMIT), or runs them now. */
  async write(em: EntityManager, batch?: WriteBatch): Promise<void> {
    for (const s of this.statements(em)) {
      if (batch) batch.raw(s.sql, s.params);
      else await em.query(s.sql, s.params);
    }
    this.records.clear();
    this.businesses.clear();
  }
}

/** Rows of one table by key, their values summed; all-zero changes dropped. */
class Rows {
  private readonly byKey = new Map<string, unknown[]>();

  constructor(private readonly keyLength: number) {}

  add(key: string[], values: number[]): void {
    const id = key.join('|');
    const row = this.byKey.get(id);
    if (!row) this.byKey.set(id, [...key, ...values]);
    else for (let i = 0; i < values.length; i++) row[this.keyLength + i] = (row[this.keyLength + i] as number) + values[i];
  }

  list(): unknown[][] {
    return [...this.byKey.values()].filter((r) => r.slice(this.keyLength).some((v) => v !== 0));
  }
}

const compareRows = (keyLength: number) => (a: unknown[], b: unknown[]): number => {
  for (let i = 0; i < keyLength; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

/** INSERT … adding to existing rows: ON DUPLICATE KEY UPDATE (MySQL) / ON CONFLICT DO UPDATE (SQLite). */
function upserts(mysql: boolean, table: string, keys: string[], values: string[], rows: unknown[][], chunk: number): Array<{ sql: string; params: unknown[] }> {
  if (!rows.length) return [];
  rows.sort(compareRows(keys.length));
  const columns = [...keys, ...values];
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const q = (c: string) => (mysql ? `\`${c}\`` : `"${c}"`);
  const tail = mysql
    ? ` ON DUPLICATE KEY UPDATE ${values.map((c) => `${q(c)} = ${q(c)} + VALUES(${q(c)})`).join(', ')}`
    : ` ON CONFLICT (${keys.map(q).join(', ')}) DO UPDATE SET ${values.map((c) => `${q(c)} = ${q(c)} + excluded.${q(c)}`).join(', ')}`;
  const out: Array<{ sql: string; params: unknown[] }> = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    out.push({ sql: `INSERT INTO ${q(table)} (${columns.map(q).join(', ')}) VALUES ${part.map(() => tuple).join(', ')}${tail}`, params: part.flat() });
  }
  return out;
}

/** One business's writes in one transaction: the sums under its key (none for a business not counted). */
export class EnterpriseRollup {
  private readonly sums = new RollupSums();

  constructor(readonly key: RollupKey | null) {}

  static of(e: Parameters<typeof rollupKeyOf>[0]): EnterpriseRollup {
    return new EnterpriseRollup(rollupKeyOf(e));
  }

  record(kind: StatKind, date: string, late: boolean): this {
    if (this.key) this.sums.record(this.key, kind, date, late);
    return this;
  }

  problems(date: string, found: number, fixed: number): this {
    if (this.key) this.sums.problems(this.key, date, found, fixed);
    return this;
  }

  /** A business's first supervision visit of the cycle ending on `cycleEnd`. */
  visit(cycleEnd: string): this {
    if (this.key) this.sums.record(this.key, StatKind.Visit, cycleEnd, false);
    return this;
  }

  write(em: EntityManager, batch?: WriteBatch): Promise<void> {
    return this.sums.write(em, batch);
  }
}
