// `npm run seed:province` at a tiny scale on a fresh test database (SQLite file, or a MariaDB database
// with DB_URL): the grade mix, real villages of Inner Mongolia, records only on days that were due,
// record chains that verify, ID numbers that decrypt, and a rerun that adds nothing — while a run
// left half-done is redone.
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  addDays,
  assignmentMismatch,
  CadreLevel,
  cadreRegionLength,
  Grade,
  isValidIdNumber,
  maskIdNumber,
  Role,
  staffingRequirement,
  SUPERVISION_CHECKLIST,
  supervisionCycle,
  SupervisionStatsDto,
  todayInShanghai,
} from '@shian/shared';
import { verifyPassword } from '../../server/src/auth/password';
import { User } from '../../server/src/auth/user.entity';
import { FieldCrypto, idNumberContext } from '../../server/src/common/field-crypto';
import { loadConfig } from '../../server/src/config/config';
import { createDataSource } from '../../server/src/database/data-source';
import { COUNTY_BUSINESSES, gradeQuotas, SEED_DATA_ENCRYPTION_KEY, SEED_PASSWORD } from '../../server/src/database/seed-province/plan';
import { cadreTarget, currentQuarterVisited } from '../../server/src/database/seed-province/supervision';
import { readSeedMarker, SEED_MARKER_KEY, seedProvince, SeedTarget } from '../../server/src/database/seed-province/seed-province';
import { dutiesSince, Enterprise } from '../../server/src/enterprises/enterprise.entity';
import { IdempotencyRecord } from '../../server/src/idempotency/idempotency-record.entity';
import { ChainService } from '../../server/src/integrity/chain.service';
import { JsonLogger } from '../../server/src/common/logger';
import { createApp } from '../../server/src/app.factory';
import { REPO_ROOT } from './harness';
import { staffingProfileOf } from '../../server/src/staff/staff.service';
import { freshDatabase, FreshDatabase } from '../support/db';

const SCALE = 0.002; // 450 of the 225,200 businesses
const quiet = () => undefined;

async function open(target: SeedTarget): Promise<DataSource> {
  const ds = await createDataSource(
    loadConfig({ DB_URL: target.kind === 'mysql' ? target.url : `sqlite:${target.file}`, JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-0123456789', LOG_LEVEL: 'error' }),
    new JsonLogger('error'),
  );
  await ds.initialize();
  return ds;
}

async function counts(ds: DataSource): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['enterprises', 'users', 'daily_checks', 'weekly_investigations', 'monthly_reviews', 'problems', 'record_chain', 'risk_lists']) {
    const [row] = (await ds.query(`SELECT COUNT(*) AS n FROM ${t}`)) as Array<{ n: unknown }>;
    out[t] = Number(row.n);
  }
  return out;
}

describe('seed:province', () => {
  let db: FreshDatabase;
  let target: SeedTarget;
  let ds: DataSource;
  const today = todayInShanghai();

  beforeAll(async () => {
    db = await freshDatabase('seed');
    target = db.dbUrl ? { kind: 'mysql', url: db.dbUrl } : { kind: 'sqlite', file: join(db.dataDir, 'province.sqlite') };
    const res = await seedProvince({ target, scale: SCALE, today, workers: 0, log: quiet });
    expect(res.skipped).toBe(false);
    ds = await open(target);
  });

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
  });

  it('generates the grade mix: A ≈ 0.1 %, B ≈ 1 %, C ≈ 11 %, D the rest', async () => {
    const rows = (await ds.query('SELECT grade, COUNT(*) AS n FROM enterprises GROUP BY grade')) as Array<{ grade: Grade; n: unknown }>;
    const byGrade = Object.fromEntries(rows.map((r) => [r.grade, Number(r.n)]));
    const n = Math.round(225_200 * SCALE);
    expect(byGrade).toEqual(Object.fromEntries(Object.entries(gradeQuotas(n)).filter(([, count]) => count > 0)));
    expect(byGrade.B / n).toBeCloseTo(0.01, 2);
    expect(byGrade.C / n).toBeCloseTo(0.11, 2);
    expect(byGrade.D / n).toBeCloseTo(0.88, 2);
  });

  it('puts every business in a real village of Inner Mongolia, with a principal and an officer (and a director where required)', async () => {
    const [outside] = (await ds.query(
      "SELECT COUNT(*) AS n FROM enterprises e LEFT JOIN regions r ON r.code = e.region_code AND r.level = 'village' WHERE r.code IS NULL OR e.region_code NOT LIKE '15%'",
    )) as Array<{ n: unknown }>;
    expect(Number(outside.n)).toBe(0);
    const [villages] = (await ds.query('SELECT COUNT(DISTINCT region_code) AS n FROM enterprises')) as Array<{ n: unknown }>;
    expect(Number(villages.n)).toBeGreaterThan(100);
    const directors = (await ds.query("SELECT enterprise_id, COUNT(*) AS n FROM users WHERE role = 'director' GROUP BY enterprise_id")) as Array<{ enterprise_id: string; n: unknown }>;
    const directorsOf = new Map(directors.map((d) => [d.enterprise_id, Number(d.n)]));
    const people = (await ds.query("SELECT enterprise_id, role, COUNT(*) AS n FROM users WHERE role IN ('principal', 'officer') GROUP BY enterprise_id, role")) as Array<{ enterprise_id: string; n: unknown }>;
    const enterprises = await ds.getRepository(Enterprise).find();
    expect(people.length).toBe(enterprises.length * 2);
    expect(people.every((p) => Number(p.n) === 1)).toBe(true);
    // A director exactly where the shared staffing rule requires one (two for a contracted school canteen).
    const wrong = enterprises.filter((e) => (directorsOf.get(e.id) ?? 0) !== staffingRequirement(staffingProfileOf(e)).minDirectors);
    expect(wrong).toEqual([]);
    expect(directorsOf.size).toBeGreaterThan(0);
  });

  it('has daily checks only for past days from the business start, mostly on time, some late (补报)', async () => {
    const enterprises = await ds.getRepository(Enterprise).find({ select: { id: true, createdAt: true, confirmedAt: true } });
    const since = new Map(enterprises.map((e) => [e.id, dutiesSince(e)]));
    const checks = (await ds.query('SELECT enterprise_id, business_date, late FROM daily_checks')) as Array<{ enterprise_id: string; business_date: string; late: unknown }>;
    expect(checks.length).toBeGreaterThan(enterprises.length * 20);
    const early = checks.filter((c) => c.business_date < since.get(c.enterprise_id)!);
    const future = checks.filter((c) => c.business_date >= today);
    expect(early).toEqual([]);
    expect(future).toEqual([]);
    expect(checks.every((c) => c.business_date >= addDays(today, -30))).toBe(true);
    const late = checks.filter((c) => Number(c.late) === 1).length;
    expect(late / checks.length).toBeGreaterThan(0.02);
    expect(late / checks.length).toBeLessThan(0.2);
    // Some businesses are silent: no record at all.
    const [silent] = (await ds.query('SELECT COUNT(*) AS n FROM enterprises e WHERE NOT EXISTS (SELECT 1 FROM daily_checks d WHERE d.enterprise_id = e.id)')) as Array<{ n: unknown }>;
    expect(Number(silent.n)).toBeGreaterThan(0);
    // Problems: some found, most fixed (on the spot or by a weekly investigation).
    const problems = (await ds.query('SELECT status, COUNT(*) AS n FROM problems GROUP BY status')) as Array<{ status: string; n: unknown }>;
    const byStatus = Object.fromEntries(problems.map((p) => [p.status, Number(p.n)]));
    expect(byStatus.resolved).toBeGreaterThan(byStatus.open * 2);
    expect(byStatus.open).toBeGreaterThan(0);
  });

  it("links every record into its business's hash chain, verifiable by the app (sample)", async () => {
    const chain = new ChainService(ds);
    const sample = (await ds.query('SELECT enterprise_id FROM chain_heads ORDER BY enterprise_id LIMIT 25')) as Array<{ enterprise_id: string }>;
    expect(sample.length).toBe(25);
    for (const { enterprise_id } of sample) {
      const res = await chain.verify(enterprise_id);
      expect(res).toEqual({ ok: true, checked: expect.any(Number), brokenAt: null });
      expect(res.checked).toBeGreaterThan(0);
    }
    // Tampering with a stored record shows: the hashes are the app's own, not merely self-consistent.
    const [victim] = (await ds.query("SELECT id, enterprise_id FROM daily_checks WHERE remarks IS NULL ORDER BY id LIMIT 1")) as Array<{ id: string; enterprise_id: string }>;
    await ds.query("UPDATE daily_checks SET remarks = '事后改动' WHERE id = ?", [victim.id]);
    const broken = await chain.verify(victim.enterprise_id);
    await ds.query('UPDATE daily_checks SET remarks = NULL WHERE id = ?', [victim.id]);
    expect(broken.ok).toBe(false);
    expect(broken.brokenAt?.recordId).toBe(victim.id);
  });

  it('encrypts ID numbers with the seed key the way the app does, and everyone signs in with the demo password', async () => {
    const crypto = new FieldCrypto(Buffer.from(SEED_DATA_ENCRYPTION_KEY, 'base64'));
    const staff = await ds.getRepository(User).find({ where: { role: Role.Officer }, take: 5, order: { id: 'ASC' } });
    for (const u of staff) {
      const idNumber = crypto.decrypt(u.idNumberEnc!, idNumberContext(u.id));
      expect(isValidIdNumber(idNumber)).toBe(true);
      expect(u.idNumberMask).toBe(maskIdNumber(idNumber));
    }
    expect(await verifyPassword(SEED_PASSWORD, staff[0].passwordHash)).toBe(true);
    const marker = await readSeedMarker(ds);
    const province = marker!.officials.find((o) => o.regionCode === '15')!;
    const regulator = await ds.getRepository(User).findOneByOrFail({ phone: province.phone });
    expect(regulator.role).toBe('regulator');
    expect(await verifyPassword(SEED_PASSWORD, regulator.passwordHash)).toBe(true);
  });

  it('does nothing on a rerun, and redoes a run left half-done (same data: it is deterministic)', async () => {
    const before = await counts(ds);
    const ids = ((await ds.query('SELECT id FROM enterprises ORDER BY id LIMIT 5')) as Array<{ id: string }>).map((r) => r.id);
    const again = await seedProvince({ target, scale: SCALE, today, workers: 0, log: quiet });
    expect(again.skipped).toBe(true);
    expect(await counts(ds)).toEqual(before);

    // A run that stopped half-way leaves its marker incomplete (and some rows): the next run starts over.
    const marker = (await readSeedMarker(ds))!;
    await ds.getRepository(IdempotencyRecord).update({ idempotencyKey: SEED_MARKER_KEY }, { responseBody: JSON.stringify({ ...marker, complete: false }), statusCode: 202 });
    await ds.query("DELETE FROM record_chain WHERE seq > 3");
    await ds.destroy();
    const redo = await seedProvince({ target, scale: SCALE, today, workers: 0, log: quiet });
    expect(redo.skipped).toBe(false);
    ds = await open(target);
    expect(await counts(ds)).toEqual(before);
    expect(((await ds.query('SELECT id FROM enterprises ORDER BY id LIMIT 5')) as Array<{ id: string }>).map((r) => r.id)).toEqual(ids);
    expect((await readSeedMarker(ds))!.complete).toBe(true);
  });
});

// The 包保 stage (issue #6) on one county at a tenth of its size (1,500 businesses in 90 communities):
// cadres in the seed's proportion, by the level each grade calls for, every assignment one the app
// would accept, commitment letters, visits of the previous and the current quarter — and the stage
// alone added to a province generated without it, giving the same rows.
describe('seed:province — 包保 cadres, assignments, commitments, visits', () => {
  const COUNTY = '150102';
  const COUNTY_SCALE = 0.1;
  let db: FreshDatabase;
  let target: SeedTarget;
  let ds: DataSource;
  const today = todayInShanghai();
  const yesterday = addDays(today, -1);
  const n = Math.round(COUNTY_BUSINESSES * COUNTY_SCALE);

  interface Assigned {
    enterprise_id: string;
    cadre_id: string;
    region_code: string;
    grade: Grade;
    cadre_level: CadreLevel;
    cadre_region: string;
    active: unknown;
    e_region: string;
    e_grade: Grade;
  }
  const assignments = () =>
    ds.query(
      `SELECT a.enterprise_id, a.cadre_id, a.region_code, a.grade, u.cadre_level, u.region_code AS cadre_region, u.active, e.region_code AS e_region, e.grade AS e_grade
       FROM cadre_assignments a JOIN users u ON u.id = a.cadre_id JOIN enterprises e ON e.id = a.enterprise_id ORDER BY a.enterprise_id`,
    ) as Promise<Assigned[]>;
  const supervisionCounts = async () => {
    const out: Record<string, number> = {};
    for (const [k, sql] of Object.entries({
      cadres: "SELECT COUNT(*) AS n FROM users WHERE role = 'cadre'",
      assignments: 'SELECT COUNT(*) AS n FROM cadre_assignments',
      events: 'SELECT COUNT(*) AS n FROM cadre_assignment_events',
      commitments: 'SELECT COUNT(*) AS n FROM cadre_commitments',
      visits: 'SELECT COUNT(*) AS n FROM supervision_visits',
      orders: "SELECT COUNT(*) AS n FROM rectification_orders WHERE source_type = 'visit'",
      orderEvents: 'SELECT COUNT(*) AS n FROM rectification_events',
    })) {
      const [row] = (await ds.query(sql)) as Array<{ n: unknown }>;
      out[k] = Number(row.n);
    }
    return out;
  };

  beforeAll(async () => {
    db = await freshDatabase('seedsup');
    target = db.dbUrl ? { kind: 'mysql', url: db.dbUrl } : { kind: 'sqlite', file: join(db.dataDir, 'county.sqlite') };
    const res = await seedProvince({ target, county: COUNTY, scale: COUNTY_SCALE, today, workers: 0, log: quiet });
    expect(res.skipped).toBe(false);
    expect(res.marker.cadres?.map((c) => c.level)).toEqual(['city', 'county', 'township', 'village']);
    ds = await open(target);
  });

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
  });

  it('makes about one cadre per 5.7 businesses, of every level, each in a region of its level, with a 职务 and the demo password', async () => {
    const cadres = await ds.getRepository(User).find({ where: { role: Role.Cadre } });
    expect(cadres.length).toBe(cadreTarget(n));
    expect(n / cadres.length).toBeGreaterThan(5.5);
    expect(n / cadres.length).toBeLessThan(5.9);
    const byLevel = new Map<CadreLevel, number>();
    for (const c of cadres) byLevel.set(c.cadreLevel!, (byLevel.get(c.cadreLevel!) ?? 0) + 1);
    expect([...byLevel.keys()].sort()).toEqual(['city', 'county', 'township', 'village']);
    // Most are village cadres (D businesses are 89 %), a few city cadres.
    expect(byLevel.get(CadreLevel.Village)!).toBeGreaterThan(cadres.length * 0.7);
    expect(cadres.filter((c) => c.regionCode!.length !== cadreRegionLength(c.cadreLevel!) || !c.regionCode!.startsWith(COUNTY.slice(0, 4)))).toEqual([]);
    expect(cadres.every((c) => c.title && c.active && c.name)).toBe(true);
    expect(new Set(cadres.map((c) => c.phone)).size).toBe(cadres.length);
    const marker = (await readSeedMarker(ds))!;
    const village = cadres.find((c) => c.phone === marker.cadres!.find((x) => x.level === 'village')!.phone)!;
    expect(village.cadreLevel).toBe(CadreLevel.Village);
    expect(await verifyPassword(SEED_PASSWORD, village.passwordHash)).toBe(true);
  });

  it('gives ≈ 97 % of businesses a cadre, each one the app would accept (level and region), with its assigned event', async () => {
    const rows = await assignments();
    expect(rows.length / n).toBeGreaterThan(0.94);
    expect(rows.length / n).toBeLessThan(0.995);
    const refused = rows
      .map((a) => assignmentMismatch({ cadreLevel: a.cadre_level, regionCode: a.cadre_region, active: Number(a.active) === 1 || a.active === true }, { grade: a.e_grade, regionCode: a.e_region }))
      .filter((r) => r !== null);
    expect(refused).toEqual([]);
    expect(rows.every((a) => a.region_code === a.e_region && a.grade === a.e_grade)).toBe(true);
    // Several village cadres where a village has many businesses, each with a few.
    const perCadre = new Map<string, number>();
    for (const a of rows) perCadre.set(a.cadre_id, (perCadre.get(a.cadre_id) ?? 0) + 1);
    expect(Math.max(...perCadre.values())).toBeLessThan(20);
    const events = (await ds.query("SELECT enterprise_id, cadre_id, kind FROM cadre_assignment_events ORDER BY enterprise_id")) as Array<{ enterprise_id: string; cadre_id: string; kind: string }>;
    expect(events).toEqual(rows.map((a) => ({ enterprise_id: a.enterprise_id, cadre_id: a.cadre_id, kind: 'assigned' })));
  });

  it('has this year’s commitment letters (signed) for ≈ 92 % of cadres', async () => {
    const [cadres] = (await ds.query("SELECT COUNT(*) AS n FROM users WHERE role = 'cadre'")) as Array<{ n: unknown }>;
    const letters = (await ds.query('SELECT cadre_id, year, version, method, region_code, submitted_at FROM cadre_commitments')) as Array<{ cadre_id: string; year: unknown; version: unknown; method: string }>;
    const share = letters.length / Number(cadres.n);
    // Early in January fewer have signed yet.
    if (today.slice(5) >= '02-01') {
      expect(share).toBeGreaterThan(0.87);
      expect(share).toBeLessThan(0.97);
    }
    expect(new Set(letters.map((l) => l.cadre_id)).size).toBe(letters.length);
    expect(letters.every((l) => Number(l.year) === Number(today.slice(0, 4)) && Number(l.version) === 1 && l.method === 'signed')).toBe(true);
  });

  it('has visits by the business’s cadre: ≈ 95 % of businesses in the previous quarter, the expected share so far in this one, every item answered', async () => {
    const current = supervisionCycle(yesterday, 'quarter');
    const previous = supervisionCycle(addDays(current.from, -1), 'quarter');
    const cadreOf = new Map((await assignments()).map((a) => [a.enterprise_id, a.cadre_id]));
    const enterprises = await ds.getRepository(Enterprise).find({ select: { id: true, createdAt: true, confirmedAt: true } });
    const since = new Map(enterprises.map((e) => [e.id, dutiesSince(e)]));
    const visits = (await ds.query('SELECT id, enterprise_id, cadre_id, visit_date, cycle_key, answers, problems, rectification_order_id FROM supervision_visits')) as Array<{
      id: string;
      enterprise_id: string;
      cadre_id: string;
      visit_date: string;
      cycle_key: string;
      answers: string;
      problems: string;
      rectification_order_id: string | null;
    }>;
    expect(visits.filter((v) => v.cadre_id !== cadreOf.get(v.enterprise_id))).toEqual([]);
    expect(visits.filter((v) => v.visit_date < since.get(v.enterprise_id)! || v.visit_date > yesterday || v.visit_date < previous.from)).toEqual([]);
    expect(visits.every((v) => v.cycle_key === supervisionCycle(v.visit_date, 'quarter').key)).toBe(true);
    const keys = SUPERVISION_CHECKLIST.map((i) => i.key);
    for (const v of visits) {
      const answers = JSON.parse(v.answers) as Array<{ key: string; answer: string; note?: string }>;
      expect(answers.map((a) => a.key)).toEqual(keys);
      expect(answers.filter((a) => a.answer === 'no').map((a) => a.note)).toEqual(JSON.parse(v.problems));
      expect(Boolean(v.rectification_order_id)).toBe(JSON.parse(v.problems).length > 0);
    }
    const visited = (cycle: { from: string; to: string }) => new Set(visits.filter((v) => v.visit_date >= cycle.from && v.visit_date <= cycle.to).map((v) => v.enterprise_id));
    const longAssigned = [...cadreOf.keys()].filter((id) => since.get(id)! < previous.from);
    const prevShare = longAssigned.filter((id) => visited(previous).has(id)).length / longAssigned.length;
    expect(prevShare).toBeGreaterThan(0.91);
    expect(prevShare).toBeLessThan(0.99);
    if (current.from < yesterday) {
      const curShare = visited(current).size / cadreOf.size;
      expect(Math.abs(curShare - currentQuarterVisited(today))).toBeLessThan(0.06);
    }
  });

  it('raises a rectification order (source visit) for each visit with problems, issued by its cadre', async () => {
    const orders = (await ds.query(
      "SELECT o.id, o.source_id, o.items, o.status, o.issued_by, o.issued_date, v.cadre_id, v.problems, v.visit_date FROM rectification_orders o JOIN supervision_visits v ON v.rectification_order_id = o.id WHERE o.source_type = 'visit'",
    )) as Array<{ id: string; source_id: string; items: string; status: string; issued_by: string; issued_date: string; cadre_id: string; problems: string; visit_date: string }>;
    const [withProblems] = (await ds.query('SELECT COUNT(*) AS n FROM supervision_visits WHERE rectification_order_id IS NOT NULL')) as Array<{ n: unknown }>;
    expect(orders.length).toBe(Number(withProblems.n));
    expect(orders.length).toBeGreaterThan(0);
    expect(orders.every((o) => o.issued_by === o.cadre_id && o.issued_date === o.visit_date && o.items === o.problems)).toBe(true);
    // The previous quarter's are mostly closed by now.
    expect(orders.filter((o) => o.status === 'closed').length).toBeGreaterThan(orders.length / 2);
    const events = (await ds.query('SELECT order_id, seq, kind FROM rectification_events ORDER BY order_id, seq')) as Array<{ order_id: string; seq: unknown; kind: string }>;
    const kinds = new Map<string, string[]>();
    for (const e of events) kinds.set(e.order_id, [...(kinds.get(e.order_id) ?? []), e.kind]);
    const expected = { open: ['issued'], answered: ['issued', 'answered'], closed: ['issued', 'answered', 'accepted'] } as Record<string, string[]>;
    expect(orders.filter((o) => JSON.stringify(kinds.get(o.id)) !== JSON.stringify(expected[o.status]))).toEqual([]);
  });

  it('reads the same figures through GET /api/stats/supervision: coverage = the generated assignments, cadres, letters, visits', async () => {
    const config = loadConfig(
      {
        NODE_ENV: 'test',
        DATA_DIR: db.dataDir,
        DB_URL: target.kind === 'mysql' ? target.url : `sqlite:${target.file}`,
        JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-0123456789',
        DATA_ENCRYPTION_KEY: SEED_DATA_ENCRYPTION_KEY,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'error',
        H5_DIR: join(db.dataDir, 'no-h5'),
      },
      REPO_ROOT,
    );
    const app = await createApp(config, new JsonLogger('error'));
    try {
      await app.getHttpAdapter().getInstance().ready();
      const regulator = (await readSeedMarker(ds))!.officials.find((o) => o.regionCode === COUNTY)!;
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ phone: regulator.phone, password: SEED_PASSWORD }) });
      expect(login.statusCode).toBe(200);
      const res = await app.inject({ method: 'GET', url: `/api/stats/supervision?regionCode=${COUNTY}&date=${today}`, headers: { authorization: `Bearer ${JSON.parse(login.body).accessToken}` } });
      expect(res.statusCode).toBe(200);
      const stats = JSON.parse(res.body) as SupervisionStatsDto;
      const one = async (sql: string, params: unknown[] = []) => Number(((await ds.query(sql, params)) as Array<{ n: unknown }>)[0].n);
      const cycle = supervisionCycle(today, 'quarter');
      expect({
        businesses: stats.totals.businesses,
        withCadre: stats.totals.withCadre,
        visited: stats.totals.visited,
        cadres: stats.totals.cadres,
        cadresWithCommitment: stats.totals.cadresWithCommitment,
      }).toEqual({
        businesses: n,
        withCadre: (await assignments()).length,
        visited: await one('SELECT COUNT(DISTINCT enterprise_id) AS n FROM supervision_visits WHERE visit_date BETWEEN ? AND ?', [cycle.from, cycle.to]),
        // The county's own (the city's cadres belong to 1501).
        cadres: await one(`SELECT COUNT(*) AS n FROM users WHERE role = 'cadre' AND region_code LIKE '${COUNTY}%'`),
        cadresWithCommitment: await one(`SELECT COUNT(DISTINCT c.cadre_id) AS n FROM cadre_commitments c JOIN users u ON u.id = c.cadre_id WHERE u.region_code LIKE '${COUNTY}%' AND c.year = ?`, [Number(today.slice(0, 4))]),
      });
      expect(stats.totals.withCadre / stats.totals.businesses).toBeGreaterThan(0.94);
    } finally {
      await app.close();
    }
  });

  const withoutCadresInMarker = async () => {
    const { cadres, ...old } = (await readSeedMarker(ds))!;
    expect(cadres).toBeDefined();
    await ds.getRepository(IdempotencyRecord).update({ idempotencyKey: SEED_MARKER_KEY }, { responseBody: JSON.stringify(old) });
  };

  it('adds only the 包保 stage to complete data generated without it, with the same rows', async () => {
    const before = await supervisionCounts();
    const ids = ((await ds.query('SELECT id FROM supervision_visits ORDER BY id LIMIT 5')) as Array<{ id: string }>).map((r) => r.id);
    const enterprises = await counts(ds);
    // As a province made before issue 6 is: no cadres, nothing of theirs, a marker that names none.
    // (SQLite checks each deleted user against every table naming users, unindexed: unchecked here.)
    if (db.kind === 'sqlite') await ds.query('PRAGMA foreign_keys = OFF');
    for (const sql of [
      'DELETE FROM rectification_events',
      "DELETE FROM rectification_orders WHERE source_type = 'visit'",
      'DELETE FROM supervision_visits',
      'DELETE FROM cadre_commitments',
      'DELETE FROM cadre_assignment_events',
      'DELETE FROM cadre_assignments',
      "DELETE FROM users WHERE role = 'cadre'",
    ])
      await ds.query(sql);
    await withoutCadresInMarker();
    await ds.destroy();
    const res = await seedProvince({ target, county: COUNTY, scale: COUNTY_SCALE, today, workers: 0, log: quiet });
    expect(res.skipped).toBe(false);
    ds = await open(target);
    expect(await supervisionCounts()).toEqual(before);
    expect(await counts(ds)).toEqual(enterprises);
    expect(((await ds.query('SELECT id FROM supervision_visits ORDER BY id LIMIT 5')) as Array<{ id: string }>).map((r) => r.id)).toEqual(ids);
    expect((await readSeedMarker(ds))!.cadres).toHaveLength(4);
    // And then it is complete: a rerun does nothing.
    await ds.destroy();
    expect((await seedProvince({ target, county: COUNTY, scale: COUNTY_SCALE, today, workers: 0, log: quiet })).skipped).toBe(true);
    ds = await open(target);
    expect(await supervisionCounts()).toEqual(before);
  });

  it('redoes a 包保 stage that stopped half-way (its rows written, the marker not yet updated)', async () => {
    const before = await supervisionCounts();
    await ds.query('DELETE FROM supervision_visits WHERE rectification_order_id IS NULL');
    await withoutCadresInMarker();
    await ds.destroy();
    expect((await seedProvince({ target, county: COUNTY, scale: COUNTY_SCALE, today, workers: 0, log: quiet })).skipped).toBe(false);
    ds = await open(target);
    expect(await supervisionCounts()).toEqual(before);
  });
});
