// 包保 statistics (issue #6) on a small known dataset, every rate counted by hand: 主体包保覆盖率,
// 督导任务完成率, 承诺书上传率, 督导整改率, per child region and in total; the reminder list; the
// dashboard's cadreCoverage and supervisionCompletion equal to the same hand counts at every level;
// the sums kept on each write equal to a rebuild, after visits, assignments and a schedule change.
//
// County K (no demo data), townships T1 ⊃ V1 and T2 ⊃ V2, businesses joined before last quarter:
//   E1 C V1 — cadre C1 (乡镇级, T1): visited twice last quarter, once today with two problems
//   E2 C V1 — cadre C1: never visited
//   E3 C V2 — no cadre: visited last quarter
//   E4 D V2 — cadre C3 (村级, V2): visited twice today
// C1 has this year's commitment letter, C3 none, C4 (T2) is deactivated; C5 is a 县级 cadre of K
// itself (counted in K's total, in no township).
import { randomUUID } from 'node:crypto';
import { addDays, CadreLevel, DashboardDto, Grade, isReminderDue, Role, supervisionCycle, todayInShanghai } from '@shian/shared';
import { Enterprise } from '../../server/src/enterprises/enterprise.entity';
import { rebuildRollups, rebuildVisitSums } from '../../server/src/stats/rollup-rebuild';
import { CadreCommitment, SupervisionVisit } from '../../server/src/supervision/supervision.entities';
import { DEMO, expectErrorBody, freshKey, insertEnterprise, insertUser, startTestApp, TestApp } from './harness';
import { allYes, assign, emptyCounty, insertCadre, postVisit, uploadPhoto } from './supervision-visit-helpers';

const today = todayInShanghai();
const thisQuarter = supervisionCycle(today, 'quarter');
const lastQuarter = supervisionCycle(addDays(thisQuarter.from, -1), 'quarter');
const joined = new Date(`${addDays(lastQuarter.from, -30)}T04:00:00Z`);
const frac = (numerator: number, denominator: number) => ({ numerator, denominator, rate: denominator ? numerator / denominator : null });

describe('supervision statistics', () => {
  let t: TestApp;
  let K: string;
  let T: [string, string];
  let V: [string, string];
  const e = {} as Record<'E1' | 'E2' | 'E3' | 'E4', Enterprise>;
  let c1: { id: string; token: string; name: string };
  let c3: { id: string; token: string; name: string };
  let regulator: string;
  let farRegulator: string;
  let principal: string;
  let admin: string;
  let orderId: string;

  const stats = (token: string, q: Record<string, string> = {}) => t.request({ url: `/api/stats/supervision?${new URLSearchParams(q)}`, token });
  const reminders = (token: string, q: Record<string, string> = {}) => t.request({ url: `/api/stats/supervision/reminders?${new URLSearchParams(q)}`, token });
  const dashboard = (token: string, regionCode: string) => t.request<DashboardDto>({ url: `/api/stats/dashboard?${new URLSearchParams({ regionCode, from: lastQuarter.to, to: today })}`, token });

  async function pastVisit(enterprise: Enterprise, cadreId: string, date: string): Promise<void> {
    await t.ds.getRepository(SupervisionVisit).insert(
      Object.assign(new SupervisionVisit(), {
        id: randomUUID(),
        enterpriseId: enterprise.id,
        cadreId,
        cadreName: '孙包保',
        cadreLevel: CadreLevel.Township,
        regionCode: enterprise.regionCode,
        grade: enterprise.grade,
        visitDate: date,
        cycleKey: supervisionCycle(date, 'quarter').key,
        answers: allYes(),
        observations: null,
        problems: [],
        photoIds: [],
        location: null,
        rectificationOrderId: null,
        createdAt: new Date(`${date}T04:00:00Z`),
      }),
    );
  }

  async function sumsSnapshot() {
    const rows = async (table: string, order: string) =>
      ((await t.ds.query(`SELECT * FROM ${table} ORDER BY ${order}`)) as Record<string, unknown>[])
        .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' || v === null ? v : Number(v)])))
        .filter((r) => table === 'stat_enterprises' || Object.entries(r).some(([k, v]) => typeof v === 'number' && v !== 0 && !['requiring_director', 'with_director', 'with_officer'].includes(k)));
    return {
      records: await rows('stat_records', 'region_code, kind, unit_date, child_code, grade, business_type'),
      businesses: await rows('stat_businesses', 'region_code, child_code, grade, business_type, since'),
      totals: await rows('stat_business_totals', 'region_code, child_code, grade, business_type'),
      enterprises: await rows('stat_enterprises', 'enterprise_id'),
    };
  }

  async function expectKeptEqualsRebuild(): Promise<void> {
    const kept = await sumsSnapshot();
    expect(kept.records.some((r) => r.kind === 'V')).toBe(true);
    await rebuildRollups(t.ds);
    expect(await sumsSnapshot()).toEqual(kept);
  }

  beforeAll(async () => {
    t = await startTestApp();
    ({ county: K, townships: T, villages: V } = await emptyCounty(t));
    e.E1 = await insertEnterprise(t, { regionCode: V[0], grade: Grade.C, createdAt: joined, name: '统计甲' });
    e.E2 = await insertEnterprise(t, { regionCode: V[0], grade: Grade.C, createdAt: joined, name: '统计乙' });
    e.E3 = await insertEnterprise(t, { regionCode: V[1], grade: Grade.C, createdAt: joined, name: '统计丙' });
    e.E4 = await insertEnterprise(t, { regionCode: V[1], grade: Grade.D, createdAt: joined, name: '统计丁' });
    c1 = await insertCadre(t, CadreLevel.Township, T[0], { name: '孙包保' });
    c3 = await insertCadre(t, CadreLevel.Village, V[1], { name: '钱村干' });
    await insertCadre(t, CadreLevel.Township, T[1], { name: '停用干部', active: false });
    await insertCadre(t, CadreLevel.County, K, { name: '县级干部' });
    await assign(t, e.E1, c1.id);
    await assign(t, e.E2, c1.id);
    await assign(t, e.E4, c3.id);
    await t.ds.getRepository(CadreCommitment).insert(
      Object.assign(new CadreCommitment(), { id: randomUUID(), cadreId: c1.id, regionCode: T[0], year: Number(today.slice(0, 4)), version: 1, method: 'signed', fileIds: [], text: '承诺书', submittedAt: new Date() }),
    );
    await pastVisit(e.E1, c1.id, addDays(lastQuarter.from, 10));
    await pastVisit(e.E1, c1.id, addDays(lastQuarter.from, 20));
    await pastVisit(e.E3, c1.id, addDays(lastQuarter.from, 5));
    await t.ds.transaction((em) => rebuildVisitSums(em));

    const reg = await insertUser(t, { role: Role.Regulator, regionCode: K, name: '统计县监管' });
    regulator = (await t.login(reg.phone)).accessToken;
    const far = await insertUser(t, { role: Role.Regulator, regionCode: '150102', name: '别县监管' });
    farRegulator = (await t.login(far.phone)).accessToken;
    const p = await insertUser(t, { role: Role.Principal, enterpriseId: e.E1.id, name: '甲负责人' });
    principal = (await t.login(p.phone)).accessToken;
    admin = (await t.login(DEMO.admin)).accessToken;

    const photo = await uploadPhoto(t, c1.token, e.E1.id);
    const v1 = await postVisit(t, c1.token, { enterpriseId: e.E1.id, answers: allYes(), problems: ['无进货台账', '灭蝇灯损坏'], rectificationDeadline: addDays(today, 5), photoIds: [photo.id] });
    expect(v1.status).toBe(201);
    orderId = v1.body.rectificationOrderId;
    for (let i = 0; i < 2; i++) expect((await postVisit(t, c3.token, { enterpriseId: e.E4.id, answers: allYes() })).status).toBe(201);
  });
  afterAll(() => t?.close());

  it('counts every rate of the county and its townships by hand', async () => {
    const res = await stats(regulator, { regionCode: K });
    expect(res.status).toBe(200);
    expect(res.body.date).toBe(today);
    expect(res.body.cycles).toEqual(['A', 'B', 'C', 'D'].map((grade) => ({ grade, frequency: 'quarter', key: thisQuarter.key, from: thisQuarter.from, to: thisQuarter.to })));
    expect(res.body.totals).toEqual({
      businesses: 4,
      withCadre: 3,
      coverage: frac(3, 4),
      due: 4,
      visited: 2,
      completion: frac(2, 4),
      cadres: 3,
      cadresWithCommitment: 1,
      commitmentUpload: frac(1, 3),
      rectificationsIssued: 1,
      rectificationsClosed: 0,
      rectification: frac(0, 1),
    });
    const byCode = new Map(res.body.children.map((c: { code: string }) => [c.code, c]));
    expect(byCode.get(T[0])).toMatchObject({ businesses: 2, withCadre: 2, due: 2, visited: 1, cadres: 1, cadresWithCommitment: 1, rectificationsIssued: 1 });
    expect(byCode.get(T[1])).toMatchObject({ businesses: 2, withCadre: 1, coverage: frac(1, 2), due: 2, visited: 1, cadres: 1, cadresWithCommitment: 0, commitmentUpload: frac(0, 1), rectificationsIssued: 0 });
  });

  it('last quarter: the visits of that cycle, none of its orders', async () => {
    const res = await stats(regulator, { regionCode: K, date: lastQuarter.to });
    expect(res.status).toBe(200);
    expect(res.body.cycles[0]).toMatchObject({ key: lastQuarter.key, to: lastQuarter.to });
    const sameYear = lastQuarter.to.slice(0, 4) === today.slice(0, 4);
    expect(res.body.totals).toMatchObject({ due: 4, visited: 2, completion: frac(2, 4), rectificationsIssued: 0, cadresWithCommitment: sameYear ? 1 : 0 });
    expectErrorBody(await stats(regulator, { regionCode: K, date: addDays(today, 1) }), 400);
  });

  it('the rectification rate follows the order to closure', async () => {
    const p = await uploadPhoto(t, principal);
    const answered = await t.request({ method: 'POST', url: `/api/rectifications/${orderId}/respond`, token: principal, headers: { 'idempotency-key': freshKey('a') }, body: { measures: '已整改', photoIds: [p.id] } });
    expect(answered.status).toBe(200);
    expect((await t.request({ method: 'POST', url: `/api/rectifications/${orderId}/accept`, token: c1.token, body: {} })).status).toBe(200);
    const res = await stats(regulator, { regionCode: K });
    expect(res.body.totals).toMatchObject({ rectificationsIssued: 1, rectificationsClosed: 1, rectification: frac(1, 1) });
  });

  it('is scoped: a cadre sees their own region, a village its businesses; outside is 404, a business 403', async () => {
    const mine = await stats(c1.token);
    expect(mine.status).toBe(200);
    expect(mine.body.regionCode).toBe(T[0]);
    expect(mine.body.totals).toMatchObject({ businesses: 2, withCadre: 2, visited: 1, cadres: 1 });
    const village = await stats(regulator, { regionCode: V[1] });
    expect(village.body.totals).toMatchObject({ businesses: 2, withCadre: 1, due: 2, visited: 1, cadres: 1 });
    expect(village.body.children).toEqual([]);
    expectErrorBody(await stats(c1.token, { regionCode: K }), 404);
    expectErrorBody(await stats(farRegulator, { regionCode: K }), 404);
    expectErrorBody(await stats(principal), 403);
    expectErrorBody(await stats(regulator, { regionCode: 'abc' }), 400);
  });

  it('lists the cadres with visits still due this cycle; a cadre sees only themself', async () => {
    const res = await reminders(regulator, { regionCode: K });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { cadreId: c1.id, cadreName: '孙包保', level: CadreLevel.Township, regionCode: T[0], regionName: expect.any(String), assigned: 2, visited: 1, remaining: 1, cycleEnd: thisQuarter.to, urgent: isReminderDue(today, 'quarter') },
    ]);
    expect((await reminders(c1.token)).body.map((r: { cadreId: string }) => r.cadreId)).toEqual([c1.id]);
    expect((await reminders(c3.token)).body).toEqual([]);
    expect((await reminders(farRegulator)).body.some((r: { cadreId: string }) => r.cadreId === c1.id)).toBe(false);
  });

  it('a cycle that has ended: the reminders look for a visit within it', async () => {
    const res = await reminders(regulator, { regionCode: K, date: lastQuarter.to });
    expect(res.status).toBe(200);
    // Last quarter E1 had its two visits and E2 none; E4's visits are today's, none then.
    const seen = res.body.map((r: { cadreId: string; assigned: number; visited: number; cycleEnd: string; urgent: boolean }) => [r.cadreId, r.assigned, r.visited, r.cycleEnd, r.urgent]);
    expect(seen).toEqual(
      [
        [c1.id, 2, 1, lastQuarter.to, true],
        [c3.id, 1, 0, lastQuarter.to, true],
      ].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    );
  });

  it('the dashboard’s cadreCoverage and supervisionCompletion equal the hand counts at every level', async () => {
    const county = await dashboard(regulator, K);
    expect(county.status).toBe(200);
    // Last quarter ended in the period: every business owed it one visit; E1 and E3 had one.
    expect(county.body.total.indicators.supervisionCompletion).toEqual(frac(2, 4));
    expect(county.body.total.indicators.cadreCoverage).toEqual(frac(3, 4));
    const row = (d: DashboardDto, code: string) => d.children.find((c) => c.code === code)!;
    expect(row(county.body, T[0]).indicators).toMatchObject({ supervisionCompletion: frac(1, 2), cadreCoverage: frac(2, 2) });
    expect(row(county.body, T[1]).indicators).toMatchObject({ supervisionCompletion: frac(1, 2), cadreCoverage: frac(1, 2) });
    // Each level equals its children, down to the businesses' own visits below a village.
    const township = await dashboard(regulator, T[0]);
    expect(township.body.total.supervision).toEqual(row(county.body, T[0]).supervision);
    expect(township.body.total.coverage).toEqual(row(county.body, T[0]).coverage);
    const village = await dashboard(regulator, V[0]);
    expect(village.body.total.supervision).toEqual(row(township.body, V[0]).supervision);
    expect(village.body.total.coverage).toEqual(row(township.body, V[0]).coverage);
    expect(Object.fromEntries(village.body.children.map((c) => [c.name, c.indicators.supervisionCompletion]))).toEqual({ 统计甲: frac(1, 1), 统计乙: frac(0, 1) });
  });

  it('the sums kept on every write equal a rebuild (visits, assignments)', async () => {
    await expectKeptEqualsRebuild();
  });

  it('a new visit schedule recomputes the visit sums at once; only an admin sets it', async () => {
    const put = (token: string, frequencies: Record<string, string>) => t.request({ method: 'PUT', url: '/api/supervision/settings/frequencies', token, body: { frequencies } });
    expectErrorBody(await put(regulator, { C: 'half_year' }), 403);
    const bad = await put(admin, { C: 'weekly', X: 'year' });
    expectErrorBody(bad, 400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['frequencies.C', 'frequencies.X']);
    const ok = await put(admin, { C: 'half_year' });
    expect(ok.status).toBe(200);
    expect(ok.body.frequencies).toEqual({ A: 'quarter', B: 'quarter', C: 'half_year', D: 'quarter' });
    const half = supervisionCycle(today, 'half_year');
    const res = await stats(regulator, { regionCode: K });
    expect(res.body.cycles.find((c: { grade: string }) => c.grade === 'C')).toMatchObject({ frequency: 'half_year', key: half.key, to: half.to });
    // This half-year: E1 visited (today and, if in it, last quarter), E3 if last quarter is in it, E4 (D, quarter) today.
    const e3InHalf = lastQuarter.from >= half.from;
    expect(res.body.totals).toMatchObject({ due: 4, visited: 2 + (e3InHalf ? 1 : 0) });
    // Two cycles now: C1 owes E2 by the half-year's end; C3's D business was visited this quarter.
    const owing = await reminders(regulator, { regionCode: K });
    expect(owing.body.map((r: { cadreId: string; remaining: number; cycleEnd: string; urgent: boolean }) => [r.cadreId, r.remaining, r.cycleEnd, r.urgent])).toEqual([
      [c1.id, 1, half.to, isReminderDue(today, 'half_year')],
    ]);
    await expectKeptEqualsRebuild();
    expect((await put(admin, { C: 'quarter' })).status).toBe(200);
    expect((await stats(regulator, { regionCode: K })).body.totals).toMatchObject({ due: 4, visited: 2 });
    await expectKeptEqualsRebuild();
  });

  it('a business given to another cadre brings its visits: today’s visit still counts this cycle', async () => {
    const c6 = await insertCadre(t, CadreLevel.Village, V[1], { name: '李接替' });
    const moved = await t.request({ method: 'POST', url: '/api/assignments', token: regulator, body: { cadreId: c6.id, enterpriseIds: [e.E4.id] } });
    expect(moved.status).toBe(201);
    const res = await reminders(regulator, { regionCode: K });
    expect(res.body.map((r: { cadreId: string }) => r.cadreId)).toEqual([c1.id]);
    expect(await stats(c6.token)).toMatchObject({ body: { totals: { businesses: 2, withCadre: 1, visited: 1 } } });
  });
});
