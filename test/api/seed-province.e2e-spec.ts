// `npm run seed:province` at a tiny scale on a fresh test database (SQLite file, or a MariaDB database
// with DB_URL): the grade mix, real villages of Inner Mongolia, records only on days that were due,
// record chains that verify, ID numbers that decrypt, and a rerun that adds nothing — while a run
// left half-done is redone.
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { addDays, Grade, isValidIdNumber, maskIdNumber, Role, staffingRequirement, todayInShanghai } from '@shian/shared';
import { verifyPassword } from '../../server/src/auth/password';
import { User } from '../../server/src/auth/user.entity';
import { FieldCrypto, idNumberContext } from '../../server/src/common/field-crypto';
import { loadConfig } from '../../server/src/config/config';
import { createDataSource } from '../../server/src/database/data-source';
import { gradeQuotas, SEED_DATA_ENCRYPTION_KEY, SEED_PASSWORD } from '../../server/src/database/seed-province/plan';
import { readSeedMarker, SEED_MARKER_KEY, seedProvince, SeedTarget } from '../../server/src/database/seed-province/seed-province';
import { dutiesSince, Enterprise } from '../../server/src/enterprises/enterprise.entity';
import { IdempotencyRecord } from '../../server/src/idempotency/idempotency-record.entity';
import { ChainService } from '../../server/src/integrity/chain.service';
import { JsonLogger } from '../../server/src/common/logger';
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
