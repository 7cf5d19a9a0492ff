// Writing the seed's rows: column lists from the app's own entity metadata (so a column added later
// is either filled by its default or named in an error, never silently skipped), values converted the
// way TypeORM stores them on both databases (instants as UTC 'YYYY-MM-DD HH:MM:SS.mmm', booleans 1/0,
// simple-json as JSON text), sent as multi-row prepared INSERTs — binary protocol on MariaDB (no
// escaping, no lexing of kilobytes of JSON), prepared statements in one transaction on SQLite.
import type { Connection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { ENTITIES } from '../entities';
import { PreJson, Rows, SEED_TABLES } from './generate';

type Kind = 'json' | 'bool' | 'date' | 'plain';

export interface ColumnPlan {
  property: string;
  column: string;
  kind: Kind;
  /** NOT NULL without a default: a row must give it. */
  required: boolean;
}

export interface TablePlan {
  entity: string;
  table: string;
  columns: ColumnPlan[];
}

export type TablePlans = Record<string, TablePlan>;

/** The column plan of every entity, from the data source's metadata (plain data: it goes to worker threads). */
export function tablePlans(ds: DataSource): TablePlans {
  const plans: TablePlans = {};
  for (const entity of ENTITIES) {
    const meta = ds.getMetadata(entity);
    const seen = new Set<string>();
    const columns: ColumnPlan[] = [];
    for (const c of meta.columns) {
      // An explicit column that is also a relation's join column (enterpriseId + enterprise) appears once.
      if (seen.has(c.databaseName)) continue;
      seen.add(c.databaseName);
      const type = typeof c.type === 'string' ? c.type : '';
      const kind: Kind = type === 'simple-json' ? 'json' : type === 'boolean' ? 'bool' : type === 'datetime' ? 'date' : 'plain';
      columns.push({ property: c.propertyName, column: c.databaseName, kind, required: !c.isNullable && c.default === undefined && !c.isGenerated });
    }
    plans[meta.name] = { entity: meta.name, table: meta.tableName, columns };
  }
  return plans;
}

/** 'YYYY-MM-DD HH:MM:SS.mmm' in UTC, as TypeORM writes a datetime(3) on both drivers. */
function instant(d: Date): string {
  const iso = d.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

/** The columns a table's rows give (all rows of a table have the same shape), checked against the plan. */
function columnsFor(plan: TablePlan, sample: Record<string, unknown>): ColumnPlan[] {
  const known = new Set(plan.columns.map((c) => c.property));
  const unknown = Object.keys(sample).filter((k) => !known.has(k));
  if (unknown.length) throw new Error(`seed: ${plan.table} has no column for ${unknown.join(', ')}`);
  const cols = plan.columns.filter((c) => sample[c.property] !== undefined);
  const missing = plan.columns.filter((c) => c.required && sample[c.property] === undefined);
  if (missing.length) throw new Error(`seed: rows of ${plan.table} lack the required column(s) ${missing.map((c) => c.column).join(', ')}`);
  return cols;
}

function valueOf(c: ColumnPlan, v: unknown, bytes: boolean): unknown {
  if (v === null || v === undefined) return null;
  switch (c.kind) {
    case 'json':
      return v instanceof PreJson ? (bytes ? v.bytes : v.text) : JSON.stringify(v);
    case 'bool':
      return v ? 1 : 0;
    case 'date':
      return instant(v as Date);
    default:
      return v;
  }
}

/** Rows per statement: a few thousand small rows, fewer big ones (≤ ~4 MB and ≤ 60,000 placeholders). */
function batchSize(cols: number, sampleChars: number, maxParams: number): number {
  return Math.max(1, Math.min(Math.floor(maxParams / cols), 4000, Math.floor(1_300_000 / Math.max(1, sampleChars))));
}

function rowChars(row: Record<string, unknown>): number {
  let n = 0;
  for (const v of Object.values(row)) n += v instanceof PreJson ? v.text.length : typeof v === 'string' ? v.length : 8;
  return n;
}

/**
 * Splits n rows into statements of `size` rows and, for the rest, of powers of two: few distinct
 * statements, each prepared once per connection.
 */
function* parts(n: number, size: number): Generator<[number, number]> {
  let at = 0;
  while (n - at >= size) {
    yield [at, size];
    at += size;
  }
  for (let p = 1 << 12; p >= 1; p >>= 1) {
    while (n - at >= p) {
      yield [at, p];
      at += p;
    }
  }
}

export interface RowSink {
  /** Writes batch number `batch` of businesses' rows, atomically. */
  write(rows: Rows, batch: number): Promise<void>;
  close(): Promise<void>;
}

type WaitAsync = (array: Int32Array, index: number, value: number) => { async: boolean; value: Promise<string> | string };

/**
 * The order of the writer threads' inserts, table by table: batch b's rows of a table go in after
 * batch b-1's, whichever thread wrote that. Every table is then appended to in key order by one
 * connection at a time — measured: two connections appending 5 KB daily checks each just before the
 * other's first row left the pages with one row instead of two (each split drags the other's first
 * row along), twice the bytes written. The threads still work in parallel, on different tables.
 * `done[t]` (shared memory) is the number of batches whose rows of table t are written.
 */
export class TableGate {
  private readonly done: Int32Array;

  constructor(shared: SharedArrayBuffer) {
    this.done = new Int32Array(shared);
  }

  static memory(): SharedArrayBuffer {
    return new SharedArrayBuffer(SEED_TABLES.length * Int32Array.BYTES_PER_ELEMENT);
  }

  async turn(table: number, batch: number): Promise<void> {
    const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;
    for (;;) {
      const now = Atomics.load(this.done, table);
      if (now === batch) return;
      if (now > batch) throw new Error(`seed: batch ${batch} of ${SEED_TABLES[table]} written twice`);
      const wait = waitAsync(this.done, table, now);
      if (wait.async) await wait.value;
    }
  }

  pass(table: number, batch: number): void {
    Atomics.store(this.done, table, batch + 1);
    Atomics.notify(this.done, table);
  }
}

/** Session variables holding the shared JSON values (PreJson.shared) on a MariaDB connection. */
const SHARED_SLOTS = 16;

/**
 * MariaDB/MySQL: one connection, one transaction per batch, foreign-key checks off for the load.
 * A JSON value many rows share (a type's all-pass answers: most daily checks) is set once into a
 * session variable and picked by number in each row — COALESCE(?, ELT(?, @seed_json1, …)) — so its
 * kilobytes are neither sent nor parsed per row (about a quarter less server CPU per daily check).
 */
export class MysqlSink implements RowSink {
  private readonly slots = new Map<string, number>();
  private readonly sharedList = Array.from({ length: SHARED_SLOTS }, (_, i) => `@seed_json${i + 1}`).join(', ');

  private constructor(
    private readonly conn: Connection,
    private readonly plans: TablePlans,
    private readonly gate: TableGate | null,
  ) {}

  /** `gate`: when several threads write, the shared per-table order (TableGate). */
  static async open(url: string, plans: TablePlans, gate: TableGate | null = null): Promise<MysqlSink> {
    const mysql = await import('mysql2/promise');
    const u = new URL(url);
    const conn = await mysql.createConnection({ uri: url, socketPath: u.searchParams.get('socketPath') ?? undefined, charset: 'utf8mb4_unicode_ci', supportBigNumbers: true, bigNumberStrings: true });
    // The rows are consistent by construction (every reference made in the same batch or before).
    // unique_checks stays on: with it off, MariaDB's bulk-insert path for an empty table measured
    // slower here for these kilobyte rows (docs/performance.md).
    await conn.query('SET SESSION foreign_key_checks = 0');
    return new MysqlSink(conn, plans, gate);
  }

  async write(rows: Rows, batch: number): Promise<void> {
    await this.conn.query('START TRANSACTION');
    try {
      for (const [i, table] of SEED_TABLES.entries()) {
        await this.gate?.turn(i, batch);
        await this.insert(this.plans[table], rows[table]);
        this.gate?.pass(i, batch);
      }
      await this.conn.query('COMMIT');
    } catch (e) {
      await this.conn.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  /** The variable number of a shared value, set on first use. */
  private async slot(value: PreJson): Promise<number> {
    let n = this.slots.get(value.shared!);
    if (n === undefined) {
      n = this.slots.size + 1;
      if (n > SHARED_SLOTS) throw new Error('seed: more shared JSON values than session variables');
      await this.conn.query(`SET @seed_json${n} = ?`, [value.bytes]);
      this.slots.set(value.shared!, n);
    }
    return n;
  }

  private async insert(plan: TablePlan, rows: Array<Record<string, unknown>>): Promise<void> {
    if (!rows.length) return;
    const cols = columnsFor(plan, rows[0]);
    // JSON columns where some rows carry a shared value go through the variables.
    const viaSlots = new Set<ColumnPlan>();
    for (const c of cols) {
      if (c.kind !== 'json') continue;
      for (const row of rows) {
        const v = row[c.property];
        if (v instanceof PreJson && v.shared) {
          viaSlots.add(c);
          await this.slot(v);
        }
      }
    }
    const size = batchSize(cols.length + viaSlots.size, viaSlots.size ? 2000 : rowChars(rows[0]) * 1.5, 60_000);
    const tuple = `(${cols.map((c) => (viaSlots.has(c) ? `COALESCE(?, ELT(?, ${this.sharedList}))` : '?')).join(',')})`;
    const head = `INSERT INTO ${plan.table} (${cols.map((c) => c.column).join(',')}) VALUES `;
    for (const [from, n] of parts(rows.length, size)) {
      const params: unknown[] = [];
      for (let i = from; i < from + n; i++) {
        const row = rows[i];
        for (const c of cols) {
          const v = row[c.property];
          if (!viaSlots.has(c)) params.push(valueOf(c, v, true));
          else if (v instanceof PreJson && v.shared) params.push(null, this.slots.get(v.shared)!);
          else params.push(valueOf(c, v, true), null);
        }
      }
      await this.conn.execute(head + Array(n).fill(tuple).join(','), params);
    }
  }

  async close(): Promise<void> {
    await this.conn.end();
  }
}

interface SqliteDatabase {
  prepare(sql: string): { run(...params: unknown[]): unknown };
  exec(sql: string): unknown;
}

/** SQLite (better-sqlite3, synchronous): one transaction per batch. */
export class SqliteSink implements RowSink {
  private readonly statements = new Map<string, { run(...params: unknown[]): unknown }>();

  constructor(
    private readonly db: SqliteDatabase,
    private readonly plans: TablePlans,
  ) {}

  async write(rows: Rows): Promise<void> {
    this.db.exec('BEGIN');
    try {
      for (const table of SEED_TABLES) this.insert(this.plans[table], rows[table]);
      this.db.exec('COMMIT');
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
  }

  private insert(plan: TablePlan, rows: Array<Record<string, unknown>>): void {
    if (!rows.length) return;
    const cols = columnsFor(plan, rows[0]);
    const size = batchSize(cols.length, rowChars(rows[0]) * 1.5, 30_000);
    const tuple = `(${cols.map(() => '?').join(',')})`;
    const head = `INSERT INTO ${plan.table} (${cols.map((c) => c.column).join(',')}) VALUES `;
    for (const [from, n] of parts(rows.length, size)) {
      const sql = head + Array(n).fill(tuple).join(',');
      let stmt = this.statements.get(sql);
      if (!stmt) {
        stmt = this.db.prepare(sql);
        this.statements.set(sql, stmt);
      }
      const params: unknown[] = [];
      for (let i = from; i < from + n; i++) {
        const row = rows[i];
        for (const c of cols) params.push(valueOf(c, row[c.property], false));
      }
      stmt.run(params);
    }
  }

  async close(): Promise<void> {
    // The connection belongs to the caller.
  }
}

