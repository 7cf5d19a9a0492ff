// `npm run bench:submit`: daily-check submissions per second through the real API (JWT auth,
// validation, idempotency, risk list, hash chain, TypeORM) on MariaDB with 64 concurrent clients,
// against a bare Fastify + mysql2 handler inserting the same rows into the same table, in one run.
// Ends with: `ratio: R  p50: A ms  p99: B ms  rss: M MB`. Targets: ratio ≥ 0.6, p99 ≤ 100 ms.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import bcrypt from 'bcryptjs';
import { createPool, Pool } from 'mysql2/promise';
import { addDays, BusinessType, CheckResult, itemsDue, listFromTemplate, templateFor, todayInShanghai, usccCheckChar } from '@shian/shared';
import { startServer } from '../support/server';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 64);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP_SECONDS = 2;

const dailyItems = itemsDue(listFromTemplate(templateFor(BusinessType.Catering)), 'daily');
const answers = dailyItems.map((i) => ({ code: i.code, result: CheckResult.Pass }));

interface Run {
  /** Every answered request, warm-up included (the CPU figures are per request over the whole phase). */
  total: number;
  ok: number;
  errors: number;
  /** Failed requests by HTTP status (0: no answer), to say what went wrong. */
  failures: Record<number, number>;
  latencies: number[];
  seconds: number;
}

/** Each client submits one enterprise's checks for successive past dates, as fast as answered. */
async function drive(clients: number, seconds: number, send: (client: number, date: string) => Promise<number>): Promise<Run> {
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  let total = 0;
  const failures: Record<number, number> = {};
  const start = performance.now();
  const warmEnd = start + WARMUP_SECONDS * 1000;
  const end = warmEnd + seconds * 1000;
  const today = todayInShanghai();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let n = 1; performance.now() < end; n++) {
        const t0 = performance.now();
        const status = await send(c, addDays(today, -n)).catch(() => 0);
        const t1 = performance.now();
        total++;
        if (t0 < warmEnd) continue;
        if (status === 201) {
          ok++;
          latencies.push(t1 - t0);
        } else {
          errors++;
          failures[status] = (failures[status] ?? 0) + 1;
        }
      }
    }),
  );
  return { total, ok, errors, failures, latencies: latencies.sort((a, b) => a - b), seconds };
}

const pct = (sorted: number[], p: number): number => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

/** CPU time (user + system, ms) a process has used so far; NaN when it cannot be read. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in USER_HZ (100)
  } catch {
    return NaN;
  }
}

function pidOf(name: string): number {
  for (const dir of readdirSync('/proc')) {
    if (!/^\d+$/.test(dir)) continue;
    try {
      if (readFileSync(`/proc/${dir}/comm`, 'utf8').trim() === name) return Number(dir);
    } catch {
      // gone meanwhile
    }
  }
  return NaN;
}

/** CPU ms per request of each process over a phase: where a submission's cost goes. */
async function measureCpu<T extends { total: number }>(pids: Record<string, number>, phase: () => Promise<T>): Promise<{ run: T; perRequest: Record<string, number> }> {
  const before = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuMs(pid)]));
  const run = await phase();
  const perRequest = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, (cpuMs(pid) - before[k]) / Math.max(1, run.total)]));
  return { run, perRequest };
}

const cpuLine = (perRequest: Record<string, number>) =>
  Object.entries(perRequest)
    .filter(([, ms]) => Number.isFinite(ms))
    .map(([k, ms]) => `${k} ${ms.toFixed(2)}`)
    .join(', ');

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** 64 catering businesses in the demo county, each with one officer. */
async function seedClients(pool: Pool): Promise<Array<{ phone: string; enterpriseId: string; regionCode: string }>> {
  const [[village]] = (await pool.query("SELECT code FROM regions WHERE code LIKE '150102%' AND level = 'village' ORDER BY code LIMIT 1")) as unknown as [[{ code: string }]];
  const hash = await bcrypt.hash('Bench@2026', 10);
  const out = [];
  for (let i = 0; i < CLIENTS; i++) {
    const id = randomUUID();
    const first17 = `91150102MB${String(i).padStart(7, '0')}`;
    await pool.query('INSERT INTO enterprises (id, name, uscc, licence_no, business_type, grade, region_code, address, created_at) VALUES (?,?,?,?,?,?,?,?,NOW(3))', [
      id,
      `压测餐馆${i}`,
      first17 + usccCheckChar(first17),
      `JY2150102${String(i).padStart(7, '0')}`,
      BusinessType.Catering,
      'D',
      village.code,
      '压测地址',
    ]);
    const phone = `137${String(i).padStart(8, '0')}`;
    await pool.query("INSERT INTO users (id, name, phone, password_hash, role, enterprise_id, failed_login_count, active, created_at) VALUES (?,?,?,?,'officer',?,0,1,NOW(3))", [randomUUID(), `压测员${i}`, phone, hash, id]);
    out.push({ phone, enterpriseId: id, regionCode: village.code });
  }
  return out;
}

/** The same row the API stores, written by a bare handler: no auth, no validation, no ORM. */
function bareServer(pool: Pool, clients: Array<{ enterpriseId: string; regionCode: string }>) {
  const app = Fastify({ logger: false });
  const items = JSON.stringify(dailyItems.map((i) => ({ code: i.code, result: CheckResult.Pass, stage: i.stage, question: i.measure })));
  app.post<{ Params: { c: string }; Body: { businessDate: string } }>('/bare/:c', async (req, reply) => {
    const c = clients[Number(req.params.c)];
    await pool.query(
      `INSERT INTO daily_checks (id, enterprise_id, region_code, business_date, version, supersedes_id, amend_reason, is_current, risk_list_version,
        officer_id, officer_name, items, remarks, problem_count, zero_risk, late, submitted_at, content_hash)
       SELECT ?, ?, ?, ?, 1, NULL, NULL, 1, 1, u.id, u.name, ?, NULL, 0, 1, 1, NOW(3), ? FROM users u WHERE u.enterprise_id = ? LIMIT 1`,
      [randomUUID(), c.enterpriseId, c.regionCode, req.body.businessDate, items, '0'.repeat(64), c.enterpriseId],
    );
    return reply.status(201).send({ ok: true });
  });
  return app;
}

async function main(): Promise<void> {
  process.env.DB_URL ??= 'mysql://root@127.0.0.1:3306/shian_bench';
  process.env.LOG_LEVEL = 'error';
  // BENCH_BASE_URL + BENCH_PID: measure a server started by hand (e.g. under --cpu-prof) on DB_URL.
  const server = process.env.BENCH_BASE_URL
    ? { baseUrl: process.env.BENCH_BASE_URL, pid: Number(process.env.BENCH_PID), dbUrl: process.env.DB_URL, stop: async () => undefined }
    : await startServer();
  const pool = createPool({ uri: server.dbUrl!, connectionLimit: 20 });
  try {
    const clients = await seedClients(pool);
    const tokens = await Promise.all(
      clients.map(async ({ phone }) => {
        const res = await fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone, password: 'Bench@2026' }) });
        return ((await res.json()) as { accessToken: string }).accessToken;
      }),
    );
    console.log(`${CLIENTS} clients, ${SECONDS} s each side (+${WARMUP_SECONDS} s warm-up), MariaDB ${server.dbUrl!.replace(/\/\/[^@]*@/, '//')}`);

    let shownFailure = false;
    const mariadb = pidOf('mariadbd');
    const { run: api, perRequest: apiCpu } = await measureCpu({ server: server.pid, mariadb, 'load generator': process.pid }, () => drive(CLIENTS, SECONDS, async (c, date) => {
      const res = await fetch(`${server.baseUrl}/api/daily-checks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[c]}`, 'idempotency-key': randomUUID() },
        body: JSON.stringify({ businessDate: date, items: answers, confirm: true }),
      });
      const text = await res.text();
      if (res.status !== 201 && !shownFailure) {
        shownFailure = true;
        console.log(`first failed submission: ${res.status} ${text.slice(0, 300)}`);
      }
      return res.status;
    }));
    const rss = rssMb(server.pid);

    // The bare handler writes into the same table, on dates the API run did not reach.
    const bare = bareServer(pool, clients);
    await bare.listen({ port: 0, host: '127.0.0.1' });
    const address = bare.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const { run: base, perRequest: bareCpu } = await measureCpu({ mariadb, 'load generator + bare handler': process.pid }, () =>
      drive(CLIENTS, SECONDS, async (c, date) => {
        const res = await fetch(`http://127.0.0.1:${port}/bare/${c}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ businessDate: addDays(date, -5000) }) });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    await bare.close();

    const rate = (r: Run) => r.ok / r.seconds;
    const line = (name: string, r: Run) =>
      `${name.padEnd(6)} ${rate(r).toFixed(0).padStart(6)} submissions/s  p50 ${pct(r.latencies, 50).toFixed(1)} ms  p99 ${pct(r.latencies, 99).toFixed(1)} ms  errors ${r.errors}${r.errors ? ` ${JSON.stringify(r.failures)}` : ''}`;
    console.log(line('api', api));
    console.log(line('bare', base));
    console.log(`CPU ms per request, api:  ${cpuLine(apiCpu)}`);
    console.log(`CPU ms per request, bare: ${cpuLine(bareCpu)}`);
    console.log(`server RSS after the API run: ${rss.toFixed(0)} MB`);
    console.log(`ratio: ${(rate(api) / rate(base)).toFixed(2)}  p50: ${pct(api.latencies, 50).toFixed(1)} ms  p99: ${pct(api.latencies, 99).toFixed(1)} ms  rss: ${rss.toFixed(0)} MB`);
  } finally {
    await pool.end();
    await server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
