// The officials' dashboard (issue 5): figures that agree at every level (the pre-summed path above a
// village, each business's own calendar below it, and a rebuild from the records), that never carry
// a number from outside the caller's region, and that export as they show.
import ExcelJS from 'exceljs';
import { addDays, BusinessType, CheckResult, DailyCheckItemAnswer, DashboardDto, DashboardFigures, Grade, isoWeekKey, itemsDue, listFromTemplate, monthKey, RankingDto, Role, templateFor, todayInShanghai } from '@shian/shared';
import { Enterprise } from '../../server/src/enterprises/enterprise.entity';
import { Region } from '../../server/src/regions/region.entity';
import { rebuildRollups, refreshEnterpriseRollup } from '../../server/src/stats/rollup-rebuild';
import { allPassItems, demoCast, DEMO, expectErrorBody, freshKey, insertEnterprise, insertUser, startTestApp, submitDaily, TestApp } from './harness';

const DAY_MS = 86_400_000;
const today = todayInShanghai();

function withProblem(open: boolean): DailyCheckItemAnswer[] {
  const items = allPassItems();
  items[0] = open
    ? { code: items[0].code, result: CheckResult.Fail, problem: '冷藏柜温度 12℃，超出 0–8℃', measure: '转移食品并报修冷藏柜', fixedOnSpot: false }
    : { code: items[0].code, result: CheckResult.Fail, problem: '操作台有积水', measure: '当场拖干', fixedOnSpot: true };
  return items;
}

/** Everything but the indicators (they follow from the counts). */
const countsOf = (f: DashboardFigures) => ({ daily: f.daily, weekly: f.weekly, monthly: f.monthly, problems: f.problems, rectifications: f.rectifications, appointments: f.appointments });

describe('the officials’ dashboard', () => {
  let t: TestApp;
  let regulator: string;
  let farRegulator: string;
  let county: string;
  let villageA: string;
  let villageB: string;
  let e1: Enterprise;
  let e3: Enterprise;
  const from = addDays(today, -40);

  const get = <T>(token: string, query: Record<string, string | undefined>) => {
    const qs = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined)).toString();
    return t.request<T>({ url: `/api/stats/dashboard?${qs}`, token });
  };

  async function officerOf(e: Enterprise): Promise<string> {
    const u = await insertUser(t, { role: Role.Officer, enterpriseId: e.id });
    return (await t.login(u.phone)).accessToken;
  }

  beforeAll(async () => {
    t = await startTestApp();
    const cast = await demoCast(t);
    regulator = cast.tok.regulator;
    farRegulator = cast.tok.farRegulator;
    county = '150102';
    const villages = await t.ds.getRepository(Region).createQueryBuilder('r').where('r.code LIKE :p', { p: `${county}%` }).andWhere("r.level = 'village'").orderBy('r.code').getMany();
    villageA = villages[0].code;
    villageB = villages.find((v) => v.code.slice(0, 9) !== villageA.slice(0, 9))!.code;

    const started = new Date(Date.now() - 20 * DAY_MS);
    e1 = await insertEnterprise(t, { regionCode: villageA, grade: Grade.C, createdAt: started, name: '看板甲餐馆' });
    const e2 = await insertEnterprise(t, { regionCode: villageA, grade: Grade.D, businessType: BusinessType.Selling, createdAt: started, name: '看板乙超市' });
    e3 = await insertEnterprise(t, { regionCode: villageB, grade: Grade.C, createdAt: started, name: '看板丙餐馆' });
    const [o1, o2, o3] = await Promise.all([officerOf(e1), officerOf(e2), officerOf(e3)]);

    // e1: ten days back, two missed, one late-on-purpose problem, a fixed problem, and today.
    for (let i = 10; i >= 1; i--) {
      if (i === 4 || i === 7) continue;
      const items = i === 3 ? withProblem(true) : i === 5 ? withProblem(false) : undefined;
      expect((await submitDaily(t, o1, addDays(today, -i), { items })).status).toBe(201);
    }
    expect((await submitDaily(t, o1, today)).status).toBe(201);
    // e1 corrects day -3: the open problem is superseded by a fixed one.
    const day3 = await t.request<{ id: string }[] | { items: { id: string; businessDate: string }[] }>({ url: `/api/daily-checks?enterpriseId=${e1.id}&from=${addDays(today, -3)}&to=${addDays(today, -3)}`, token: regulator });
    const list = (Array.isArray(day3.body) ? day3.body : day3.body.items) as { id: string }[];
    const amend = await t.request({ method: 'POST', url: `/api/daily-checks/${list[0].id}/versions`, token: o1, headers: { 'idempotency-key': freshKey() }, body: { items: withProblem(false), reason: '补充整改情况', confirm: true } });
    expect(amend.status).toBe(201);
    // e2: two days; e3: today only.
    for (const d of [addDays(today, -2), addDays(today, -1)]) expect((await submitDaily(t, o2, d, { items: allPassItems(BusinessType.Selling) })).status).toBe(201);
    expect((await submitDaily(t, o3, today)).status).toBe(201);
    // The demo business: last week's investigation (late) and last month's review (late).
    const director = (await t.login(DEMO.director)).accessToken;
    const principal = (await t.login(DEMO.principal)).accessToken;
    const lastWeek = isoWeekKey(addDays(today, -7));
    const weekly = await t.request({
      method: 'POST', url: '/api/weekly-investigations', token: director, headers: { 'idempotency-key': freshKey() },
      body: { week: lastWeek, items: itemsDue(listFromTemplate(templateFor(BusinessType.Catering)), 'weekly').map((i) => ({ code: i.code, result: CheckResult.Pass })), hazards: [], measures: [], resolutions: [], nextWeekRequirements: '继续做好每日检查', confirm: true },
    });
    expect(weekly.status).toBe(201);
    const lastMonth = monthKey(addDays(`${monthKey(today)}-01`, -1));
    const monthly = await t.request({
      method: 'POST', url: '/api/monthly-reviews', token: principal, headers: { 'idempotency-key': freshKey() },
      body: { month: lastMonth, meetingDate: today, place: '店内', attendees: ['张负责'], discussion: '本月情况', decisions: ['无'], nextMonthWork: ['继续'], confirm: true },
    });
    expect(monthly.status).toBe(201);
    // Outside the county: the 回民区 business checks too.
    expect((await submitDaily(t, cast.tok.farOfficer, addDays(today, -1))).status).toBe(201);
  });
  afterAll(() => t?.close());

  it('a business below a village: hand-counted from its calendar', async () => {
    const period = { from: addDays(today, -6), to: today };
    const res = await get<DashboardDto>(regulator, { regionCode: villageB, ...period });
    expect(res.status).toBe(200);
    const row = res.body.children.find((c) => c.code === e3.id)!;
    expect(row).toMatchObject({ kind: 'enterprise', name: '看板丙餐馆' });
    // Six past days missed, today done: 1 of 7.
    expect(row.daily).toEqual({ businesses: 1, due: 7, done: 1, late: 0, missed: 6, pending: 0 });
    expect(row.indicators.dailyCheckCompletion).toEqual({ numerator: 1, denominator: 7, rate: 1 / 7 });
    expect(row.appointments).toEqual({ businesses: 1, withOfficer: 1, requiringDirector: 0, withDirector: 0 });
  });

  it('every level agrees: a child row equals that child’s own dashboard, down to each business’s calendar', async () => {
    const period = { from, to: today };
    const c = await get<DashboardDto>(regulator, period);
    expect(c.status).toBe(200);
    expect(c.body.region).toMatchObject({ code: county, name: '新城区' });
    const township = villageA.slice(0, 9);
    const tRow = c.body.children.find((r) => r.code === township)!;
    const tDash = await get<DashboardDto>(regulator, { ...period, regionCode: township });
    expect(countsOf(tDash.body.total)).toEqual(countsOf(tRow));
    const vRow = tDash.body.children.find((r) => r.code === villageA)!;
    const vDash = await get<DashboardDto>(regulator, { ...period, regionCode: villageA });
    expect(vDash.body.children.map((r) => r.kind)).toEqual(expect.arrayContaining(['enterprise']));
    expect(countsOf(vDash.body.total)).toEqual(countsOf(vRow));
    // e1: eight past days (all late, as they were sent today) and today's.
    const e1Row = vDash.body.children.find((r) => r.code === e1.id)!;
    expect(e1Row.daily).toMatchObject({ done: 9, late: 8, pending: 0 });
    expect(e1Row.problems).toEqual({ found: 2, fixed: 2, open: 0 });
    // The county total is the sum of its children.
    const sum = (k: 'due' | 'done' | 'missed') => c.body.children.reduce((n, r) => n + r.daily[k], 0);
    expect(c.body.total.daily.due).toBe(sum('due'));
    expect(c.body.total.daily.done).toBe(sum('done'));
    expect(c.body.total.daily.missed).toBe(sum('missed'));
    // Weekly and monthly from the demo business.
    expect(c.body.total.weekly.done).toBeGreaterThanOrEqual(1);
    expect(c.body.total.weekly.late).toBeGreaterThanOrEqual(1);
    expect(c.body.total.monthly.done).toBe(1);
    // The trend adds up to the period.
    expect(c.body.granularity).toBe('week');
    expect(c.body.trend.reduce((n, p) => n + p.daily.done, 0)).toBe(c.body.total.daily.done);
    expect(c.body.trend.reduce((n, p) => n + p.problems.found, 0)).toBe(c.body.total.problems.found);
  });

  it('the sums kept on every write equal a rebuild from the records', async () => {
    const snapshot = async () => {
      const rows = async (table: string, order: string) =>
        ((await t.ds.query(`SELECT * FROM ${table} ORDER BY ${order}`)) as Record<string, unknown>[])
          .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' || v === null ? v : Number(v)])))
          .filter((r) => Object.entries(r).some(([k, v]) => typeof v === 'number' && v !== 0 && !['requiring_director', 'with_director', 'with_officer'].includes(k)) || table === 'stat_enterprises');
      return {
        records: await rows('stat_records', 'region_code, kind, unit_date, child_code, grade, business_type'),
        businesses: await rows('stat_businesses', 'region_code, child_code, grade, business_type, since'),
        totals: await rows('stat_business_totals', 'region_code, child_code, grade, business_type'),
        enterprises: await rows('stat_enterprises', 'enterprise_id'),
      };
    };
    const kept = await snapshot();
    expect(kept.records.length).toBeGreaterThan(10);
    await rebuildRollups(t.ds);
    expect(await snapshot()).toEqual(kept);
  });

  it('a regraded business takes its history with it', async () => {
    const period = { from, to: today, regionCode: villageA.slice(0, 9) };
    const before = await get<DashboardDto>(regulator, { ...period, grade: 'B' });
    await t.ds.getRepository(Enterprise).update({ id: e1.id }, { grade: Grade.B });
    await refreshEnterpriseRollup(t.ds.manager, e1.id);
    const after = await get<DashboardDto>(regulator, { ...period, grade: 'B' });
    expect(after.body.total.daily.done - before.body.total.daily.done).toBe(9);
    expect(after.body.total.appointments.businesses - before.body.total.appointments.businesses).toBe(1);
    const asC = await get<DashboardDto>(regulator, { ...period, grade: 'C' });
    expect(asC.body.children.flatMap((r) => (r.code === villageA ? [r.daily.done] : []))).toEqual([0]);
    await t.ds.getRepository(Enterprise).update({ id: e1.id }, { grade: Grade.C });
    await refreshEnterpriseRollup(t.ds.manager, e1.id);
  });

  it('never a number from outside the caller’s region, at any level', async () => {
    const period = { from, to: today };
    for (const code of ['150103', '15', '1501', '', villageB.replace(county, '150103')]) {
      const res = await get(regulator, { ...period, regionCode: code || undefined });
      if (code === '') expect(res.status).toBe(200);
      else expectErrorBody(res, 404);
    }
    const own = await get<DashboardDto>(regulator, period);
    expect(own.body.children.every((r) => r.code.startsWith(county))).toBe(true);
    expect(own.body.path.map((p) => p.code)).toEqual([county]);
    const active = await t.ds.getRepository(Enterprise).createQueryBuilder('e').where("e.status = 'active'").andWhere('e.region_code LIKE :p', { p: `${county}%` }).getCount();
    expect(own.body.total.appointments.businesses).toBe(active);
    // The other county's regulator sees his business's check, and none of ours.
    const far = await get<DashboardDto>(farRegulator, period);
    expect(far.body.region.code).toBe('150103');
    expect(far.body.total.daily.done).toBe(1);
    expect(far.body.children.every((r) => r.code.startsWith('150103'))).toBe(true);
    // Business accounts have no dashboard.
    const officer = (await t.login(DEMO.officer)).accessToken;
    expect((await get(officer, period)).status).toBe(403);
    const ranking = await t.request<RankingDto>({ url: `/api/stats/ranking?from=${from}&to=${today}&regionCode=150103`, token: regulator });
    expectErrorBody(ranking, 404);
  });

  it('bad queries are 400s naming the field', async () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ to: today }, /开始日期/],
      [{ from, to: addDays(today, 1) }, /结束日期/],
      [{ from: today, to: addDays(today, -1) }, /结束日期/],
      [{ from: '2026-13-01', to: today }, /开始日期/],
      [{ from, to: today, grade: 'E' }, /风险等级/],
      [{ from, to: today, type: 'bakery' }, /业态/],
      [{ from, to: today, rankBy: 'happiness' }, /排名指标/],
      [{ from: addDays(today, -400), to: today }, /366/],
    ];
    for (const [query, message] of cases) {
      const res = await get<{ message: string }>(regulator, query);
      expectErrorBody(res, 400);
      expect(res.body.message).toMatch(message);
    }
  });

  it('ranks children with ties sharing a place, and exports the table as it shows', async () => {
    const period = { from: addDays(today, -6), to: today, regionCode: villageA };
    const ranking = await t.request<RankingDto>({ url: `/api/stats/ranking?from=${period.from}&to=${period.to}&regionCode=${villageA}&indicator=officerAppointment`, token: regulator });
    expect(ranking.status).toBe(200);
    // Every business here has its officer: all tie for first.
    expect(ranking.body.rows.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ranking.body.rows.map((r) => r.rank))).toEqual(new Set([1]));
    const byDaily = await t.request<RankingDto>({ url: `/api/stats/ranking?from=${period.from}&to=${period.to}&regionCode=${villageA}`, token: regulator });
    const rates = byDaily.body.rows.map((r) => r.value!.rate!);
    expect([...rates].sort((a, b) => b - a)).toEqual(rates);

    const json = await get<DashboardDto>(regulator, period);
    const file = await t.app.getHttpAdapter().getInstance().inject({ url: `/api/stats/dashboard?${new URLSearchParams({ ...period, format: 'xlsx' })}`, headers: { authorization: `Bearer ${regulator}` } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['排名', '区划/企业', '企业数', '日管控完成率']);
    const names = [...json.body.children.map((c) => c.name), '合计（' + json.body.region.name + '）'];
    expect(sheet.rowCount).toBe(names.length + 1);
    names.forEach((name, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(2).value).toBe(name);
      const figures = i < json.body.children.length ? json.body.children[i] : json.body.total;
      expect(row.getCell(7).value).toBe(figures.daily.done);
      const rate = figures.indicators.dailyCheckCompletion!.rate;
      if (rate === null) expect(row.getCell(4).value).toBe('—');
      else expect(row.getCell(4).value).toBeCloseTo(rate, 10);
    });
  });
});
