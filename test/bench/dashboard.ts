// `npm run bench:dashboard`: the officials' dashboard at province scale. Generates the data first when
// it is missing (npm run seed:province: Inner Mongolia on MariaDB, and one county of 15,000 businesses
// in SQLite), starts the built server on each, and measures
//   1. p95 of GET /api/stats/dashboard for the province (regionCode=15, the last 30 days) over
//      ≥ 200 sequential requests, a province regulator logged in, some with grade/type filters;
//   2. a naive GROUP BY over the raw records computing the same figures per city (median of 3);
//   3. p95 of the county's dashboard on SQLite, a county regulator logged in;
//   4. (issue 6) p50/p95 of GET /api/stats/supervision and GET /api/stats/supervision/reminders, the
//      same way, for the province regulator on MariaDB and the county regulator on SQLite.
// Ends with: `p95: X ms  naive: Y ms  speedup: Z  sqlite-county-p95: W ms  supervision-p50/p95: …`.
// Targets (issue 5): p95 ≤ 200 ms, speedup ≥ 100, sqlite-county-p95 ≤ 300 ms; (issue 6) the
// supervision stats within the dashboard's p95 ≤ 200 ms.
// BENCH_SKIP_DASHBOARD=1 measures the supervision stats alone (no dashboard, no naive pass).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createConnection } from 'mysql2/promise';
import { addDays, BusinessType, Grade, monthsEndingIn, weeksEndingIn } from '@shian/shared';
import { REPO_ROOT, startServer, type RunningServer } from '../support/server';

const PROVINCE_DB_URL = process.env.PROVINCE_DB_URL || 'mysql://root@127.0.0.1:3306/shian_province';
const COUNTY = '150102';
const COUNTY_FILE = resolve(REPO_ROOT, 'data', `seed-county-${COUNTY}.sqlite`);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARMUP = 20;
const SEED_CLI = resolve(REPO_ROOT, 'server/dist/database/seed-province/cli.js');
// The seed's published demo key (server/src/database/seed-province/plan.ts): the ID numbers decrypt with it.
const SEED_DATA_ENCRYPTION_KEY = 'HH6T3XbfoVBibauFz74yO44Q9RjIKGIgijDZGXIdWs4=';
const PASSWORD = 'Demo@2026';

interface Official {
  phone: string;
  regionCode: string;
  label: string;
}

interface Marker {
  complete: boolean;
  asOf: string;
  businesses: number;
  seconds: number;
  officials: Official[];
}

/** Runs `npm run seed:province`'s CLI (a no-op when the data is complete). */
function seed(args: string[]): void {
  const res = spawnSync(process.execPath, [SEED_CLI, ...args], { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, PROVINCE_DB_URL } });
  if (res.status !== 0) throw new Error(`seed:province ${args.join(' ')} failed (${res.status})`);
}

async function markerOf(query: (sql: string) => Promise<Array<{ response_body: string }>>): Promise<Marker> {
  const [row] = await query("SELECT response_body FROM idempotency_records WHERE idempotency_key = 'seed:province'");
  const marker = JSON.parse(row.response_body) as Marker;
  if (!marker.complete) throw new Error('the seed marker says the data is incomplete');
  return marker;
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function login(baseUrl: string, phone: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${phone}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** A little variety: mostly the whole region, sometimes one grade or one business type. */
const FILTERS: string[] = ['', '', '', '', '', `&grade=${Grade.D}`, `&grade=${Grade.C}`, `&type=${BusinessType.Catering}`, `&type=${BusinessType.Selling}`, `&grade=${Grade.D}&type=${BusinessType.Catering}`];

interface Timing {
  p50: number;
  p95: number;
  max: number;
  /** What the first answer said (children, items). */
  first: unknown;
}

/** p50, p95 and max of GET `path(i)` over `REQUESTS` sequential requests after a warm-up. */
async function measure(server: RunningServer, token: string, path: (i: number) => string): Promise<Timing> {
  let first: unknown = null;
  const once = async (i: number): Promise<number> => {
    const t0 = performance.now();
    const res = await fetch(`${server.baseUrl}${path(i)}`, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.text();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`GET ${path(i)} → ${res.status} ${body.slice(0, 300)}`);
    if (i === 0) first = JSON.parse(body);
    return ms;
  };
  for (let i = 0; i < WARMUP; i++) await once(i);
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) times.push(await once(i));
  times.sort((a, b) => a - b);
  return { p50: pct(times, 50), p95: pct(times, 95), max: times[times.length - 1], first };
}

/** The dashboard over the period, mostly the whole region, sometimes filtered. */
async function measureDashboard(server: RunningServer, token: string, regionCode: string, from: string, to: string): Promise<Timing & { children: number }> {
  const t = await measure(server, token, (i) => `/api/stats/dashboard?regionCode=${regionCode}&from=${from}&to=${to}${FILTERS[i % FILTERS.length]}`);
  return { ...t, children: (t.first as { children: unknown[] }).children.length };
}

/**
 * The 包保 statistics of the region on the data's day (its current cycles: coverage, visits due and
 * done, commitment letters, rectifications) and the cadres still owing visits.
 */
async function measureSupervision(server: RunningServer, token: string, regionCode: string, date: string): Promise<{ stats: Timing; reminders: Timing }> {
  const stats = await measure(server, token, () => `/api/stats/supervision?regionCode=${regionCode}&date=${date}`);
  const reminders = await measure(server, token, () => `/api/stats/supervision/reminders?regionCode=${regionCode}`);
  return { stats, reminders };
}

const timingText = (t: Timing) => `p50 ${t.p50.toFixed(1)} ms  p95 ${t.p95.toFixed(1)} ms  max ${t.max.toFixed(1)} ms`;

/** What the province's statistics say, to check the benchmark read real figures. */
function describeSupervision(s: { stats: Timing; reminders: Timing }): string {
  const totals = (s.stats.first as { totals?: Record<string, unknown> }).totals ?? {};
  const reminders = s.reminders.first as unknown;
  const count = Array.isArray(reminders) ? reminders.length : ((reminders as { total?: number; items?: unknown[] })?.total ?? (reminders as { items?: unknown[] })?.items?.length);
  return `businesses ${String(totals.businesses)}, with a cadre ${String(totals.withCadre)}, due ${String(totals.due)}, visited ${String(totals.visited)}, cadres ${String(totals.cadres)}; reminders: ${String(count)}`;
}

/**
 * The same figures straight from the records, per city of the province: businesses, daily checks
 * done and late in the period, weekly investigations and monthly reviews done and late for the weeks
 * and months ending in it, problems found in it and fixed since. One pass of the queries, ms.
 */
async function naive(url: string, from: string, to: string): Promise<{ ms: number; daily: number }> {
  const conn = await createConnection({ uri: url });
  try {
    const weeks = weeksEndingIn({ from, to }).map((w) => w.key);
    const months = monthsEndingIn({ from, to }).map((m) => m.key);
    const inList = (xs: string[]) => (xs.length ? xs.map((x) => conn.escape(x)).join(',') : "''");
    const t0 = performance.now();
    await conn.query("SELECT LEFT(region_code, 4) AS city, COUNT(*) AS businesses FROM enterprises WHERE status = 'active' AND region_code LIKE '15%' GROUP BY city");
    const [daily] = (await conn.query(
      `SELECT LEFT(e.region_code, 4) AS city, COUNT(*) AS done, SUM(d.late) AS late FROM daily_checks d JOIN enterprises e ON e.id = d.enterprise_id
       WHERE d.is_current = 1 AND d.business_date BETWEEN ? AND ? AND e.status = 'active' AND e.region_code LIKE '15%' GROUP BY city`,
      [from, to],
    )) as unknown as [Array<{ done: string }>];
    await conn.query(
      `SELECT LEFT(e.region_code, 4) AS city, COUNT(*) AS done, SUM(w.late) AS late FROM weekly_investigations w JOIN enterprises e ON e.id = w.enterprise_id
       WHERE w.is_current = 1 AND w.week IN (${inList(weeks)}) AND e.status = 'active' AND e.region_code LIKE '15%' GROUP BY city`,
    );
    await conn.query(
      `SELECT LEFT(e.region_code, 4) AS city, COUNT(*) AS done, SUM(m.late) AS late FROM monthly_reviews m JOIN enterprises e ON e.id = m.enterprise_id
       WHERE m.is_current = 1 AND m.month IN (${inList(months)}) AND e.status = 'active' AND e.region_code LIKE '15%' GROUP BY city`,
    );
    await conn.query(
      `SELECT LEFT(p.region_code, 4) AS city, COUNT(*) AS found, SUM(CASE WHEN p.status = 'resolved' THEN 1 ELSE 0 END) AS fixed FROM problems p JOIN enterprises e ON e.id = p.enterprise_id
       WHERE p.status <> 'superseded' AND p.business_date BETWEEN ? AND ? AND e.status = 'active' AND e.region_code LIKE '15%' GROUP BY city`,
      [from, to],
    );
    return { ms: performance.now() - t0, daily: daily.reduce((n, r) => n + Number(r.done), 0) };
  } finally {
    await conn.end();
  }
}

async function main(): Promise<void> {
  if (!process.env.BENCH_SKIP_SEED) {
    seed([]);
    seed(['--county', COUNTY]);
  }
  const conn = await createConnection({ uri: PROVINCE_DB_URL });
  const province = await markerOf(async (sql) => ((await conn.query(sql)) as unknown as [Array<{ response_body: string }>])[0]);
  await conn.end();
  const to = province.asOf;
  const from = addDays(to, -29);
  const regulator = province.officials.find((o) => o.regionCode === '15')!;
  console.log(`province: ${province.businesses} businesses as of ${province.asOf} (seeded in ${province.seconds} s); period ${from} … ${to}`);
  console.log(`province regulator: ${regulator.phone} / ${PASSWORD}  (${regulator.label})`);

  const dataDir = mkdtempSync(join(tmpdir(), 'shian-bench-dashboard-'));
  const keep = async () => undefined;
  const env = { DATA_ENCRYPTION_KEY: SEED_DATA_ENCRYPTION_KEY, LOG_LEVEL: 'error' };
  const skipDashboard = Boolean(process.env.BENCH_SKIP_DASHBOARD);
  let server = await startServer({ database: { dbUrl: PROVINCE_DB_URL, dataDir, drop: keep }, env });
  let dash: Awaited<ReturnType<typeof measureDashboard>> | null = null;
  let sup: Awaited<ReturnType<typeof measureSupervision>>;
  try {
    const token = await login(server.baseUrl, regulator.phone);
    if (!skipDashboard) dash = await measureDashboard(server, token, '15', from, to);
    sup = await measureSupervision(server, token, '15', to);
  } finally {
    await server.stop();
  }
  if (dash) console.log(`dashboard (MariaDB, regionCode=15, ${dash.children} cities): p50 ${dash.p50.toFixed(1)} ms  p95 ${dash.p95.toFixed(1)} ms  max ${dash.max.toFixed(1)} ms over ${REQUESTS} requests`);
  console.log(`supervision stats (MariaDB, regionCode=15, date=${to}): ${timingText(sup.stats)}; reminders: ${timingText(sup.reminders)} over ${REQUESTS} requests each`);
  console.log(`  ${describeSupervision(sup)}`);

  // BENCH_NAIVE_RUNS=0 skips the naive pass (minutes at province scale) to re-measure the dashboard alone.
  const runs: number[] = [];
  for (let i = 0; i < (skipDashboard ? 0 : Number(process.env.BENCH_NAIVE_RUNS ?? 3)); i++) {
    const r = await naive(PROVINCE_DB_URL, from, to);
    runs.push(r.ms);
    console.log(`naive GROUP BY over the records, run ${i + 1}: ${(r.ms / 1000).toFixed(1)} s (${r.daily} daily checks)`);
  }
  const naiveMs = runs.length ? median(runs) : NaN;

  // The county on SQLite.
  // better-sqlite3 ships no types; the two calls used here.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const Database = require('better-sqlite3') as new (file: string, opts: { readonly: boolean }) => { prepare(sql: string): { all(): unknown[] }; close(): void };
  const sqlite = new Database(COUNTY_FILE, { readonly: true });
  const county = await markerOf(async (sql) => sqlite.prepare(sql).all() as Array<{ response_body: string }>);
  sqlite.close();
  const countyRegulator = county.officials.find((o) => o.regionCode === COUNTY)!;
  console.log(`county ${COUNTY}: ${county.businesses} businesses as of ${county.asOf} (seeded in ${county.seconds} s); county regulator: ${countyRegulator.phone} / ${PASSWORD}`);
  server = await startServer({ database: { dbUrl: `sqlite:${COUNTY_FILE}`, dataDir, drop: keep }, env });
  let countyDash: Awaited<ReturnType<typeof measureDashboard>> | null = null;
  let countySup: Awaited<ReturnType<typeof measureSupervision>>;
  try {
    const token = await login(server.baseUrl, countyRegulator.phone);
    if (!skipDashboard) countyDash = await measureDashboard(server, token, COUNTY, addDays(county.asOf, -29), county.asOf);
    countySup = await measureSupervision(server, token, COUNTY, county.asOf);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (countyDash) console.log(`dashboard (SQLite, regionCode=${COUNTY}, ${countyDash.children} townships): p50 ${countyDash.p50.toFixed(1)} ms  p95 ${countyDash.p95.toFixed(1)} ms  max ${countyDash.max.toFixed(1)} ms`);
  console.log(`supervision stats (SQLite, regionCode=${COUNTY}): ${timingText(countySup.stats)}; reminders: ${timingText(countySup.reminders)}`);
  console.log(`  ${describeSupervision(countySup)}`);

  const f = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '-' : x.toFixed(0));
  const pair = (t: Timing) => `${f(t.p50)}/${f(t.p95)} ms`;
  console.log(
    `p95: ${f(dash?.p95)} ms  naive: ${f(naiveMs)} ms  speedup: ${dash ? f(naiveMs / dash.p95) : '-'}  sqlite-county-p95: ${f(countyDash?.p95)} ms  ` +
      `supervision-p50/p95: ${pair(sup.stats)}  reminders-p50/p95: ${pair(sup.reminders)}  sqlite-county-supervision-p50/p95: ${pair(countySup.stats)}  sqlite-county-reminders-p50/p95: ${pair(countySup.reminders)}`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
