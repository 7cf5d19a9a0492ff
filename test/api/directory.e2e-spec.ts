// 企业名录: officials search (name or USCC), filter (grade, type, region, status, 7-day 日管控
// state) and page through the businesses of their region. Each row's state and its done/due days
// agree with that business's own 检查日历 over the same 7 days, and the state filter and the
// pages agree with the rows.
import {
  addDays,
  BusinessType,
  complianceWindow,
  DailyCalendarDto,
  EnterpriseDirectoryItem,
  endOfBusinessDay,
  EnterpriseStatus,
  Grade,
  monthKey,
  Role,
  todayInShanghai,
} from '@shian/shared';
import { Enterprise } from '../../server/src/enterprises/enterprise.entity';
import { allPassItems, demoCast, DEMO, expectErrorBody, freshKey, insertEnterprise, insertUser, startTestApp, submitDaily, TestApp, type Cast } from './harness';

describe('business directory (企业名录)', () => {
  let t: TestApp;
  let cast: Cast;
  let cadre: string;
  const today = todayInShanghai();
  const window = complianceWindow(today);
  const longAgo = new Date(endOfBusinessDay(addDays(today, -40)).getTime() - 10 * 3600_000);
  const ids: Record<string, string> = {};

  const list = (token: string, query = '') => t.request<{ items: EnterpriseDirectoryItem[]; total: number; page: number; pageSize: number }>({ url: `/api/enterprises?pageSize=100${query}`, token });
  const names = (items: EnterpriseDirectoryItem[]): string[] => items.map((e) => e.name).sort();

  /** A business of 新城区 with its own officer, checking on the given days (offsets from today). */
  async function business(name: string, days: number[], opts: { createdAt?: Date; grade?: Grade; businessType?: BusinessType; countyCode?: string } = {}): Promise<Enterprise> {
    const e = await insertEnterprise(t, { name, createdAt: opts.createdAt ?? longAgo, grade: opts.grade, businessType: opts.businessType, countyCode: opts.countyCode });
    ids[name] = e.id;
    if (days.length) {
      const officer = await insertUser(t, { role: Role.Officer, enterpriseId: e.id, name: `${name.slice(0, 2)}安全员` });
      const token = (await t.login(officer.phone)).accessToken;
      for (const d of days) expect((await submitDaily(t, token, addDays(today, d), { key: freshKey(), items: allPassItems(opts.businessType) })).status).toBe(201);
    }
    return e;
  }

  /** What the business's calendar counts over the window: done and missed days. */
  async function fromCalendar(id: string): Promise<{ done: number; due: number }> {
    let done = 0;
    let missed = 0;
    for (const month of [...new Set(window.map(monthKey))]) {
      const res = await t.request<DailyCalendarDto>({ url: `/api/daily-checks/calendar?enterpriseId=${id}&month=${month}`, token: cast.tok.regulator });
      expect(res.status).toBe(200);
      for (const day of res.body.days.filter((d) => window.includes(d.date))) {
        if (day.status === 'done' || day.status === 'late') done++;
        if (day.status === 'missed') missed++;
      }
    }
    return { done, due: done + missed };
  }

  beforeAll(async () => {
    t = await startTestApp();
    cast = await demoCast(t);
    cadre = (await t.login(DEMO.cadre)).accessToken;
    await business('名录每日都查餐馆', [-6, -5, -4, -3, -2, -1], { grade: Grade.B });
    await business('名录偶尔检查超市', [-6, -3, -1], { businessType: BusinessType.Selling });
    await business('名录从不检查小吃店', []);
    await business('名录只查今天面馆', [0]);
    // Registered two days ago (Shanghai, 10:00): only the two days since count.
    await business('名录新开业烧烤店', [], { createdAt: new Date(endOfBusinessDay(addDays(today, -3)).getTime() + 2 * 3600_000) });
    await business('名录今天开业茶饮店', [], { createdAt: new Date() });
    // Registered long ago but confirmed yesterday: its duties start at the confirmation.
    const late = await business('名录昨天确认饺子馆', []);
    await t.ds.getRepository(Enterprise).update({ id: late.id }, { confirmedAt: new Date(endOfBusinessDay(addDays(today, -2)).getTime() + 3600_000) });
    // A corrected check counts once.
    const corrected = await business('名录更正过记录餐厅', [-6, -5, -4, -3, -2, -1]);
    const officer = await insertUser(t, { role: Role.Officer, enterpriseId: corrected.id });
    const token = (await t.login(officer.phone)).accessToken;
    const mine = await t.request({ url: `/api/daily-checks?from=${addDays(today, -2)}&to=${addDays(today, -2)}`, token });
    const amend = await t.request({ method: 'POST', url: `/api/daily-checks/${mine.body.items[0].id}/versions`, token, headers: { 'idempotency-key': freshKey() }, body: { reason: '补充备注', items: mine.body.items[0].items.map((i: { code: string; result: string }) => ({ code: i.code, result: i.result })), remarks: '补', confirm: true } });
    expect(amend.status).toBe(201);
    await business('名录回民区不查店', [], { countyCode: '150103' });
  });
  afterAll(() => t?.close());

  it('each row carries its 7-day state, agreeing with the business’s own calendar', async () => {
    const res = await list(cast.tok.regulator, '&q=名录');
    expect(res.status).toBe(200);
    const byName = new Map(res.body.items.map((e) => [e.name, e]));
    const expected: Record<string, [string, number, number]> = {
      名录每日都查餐馆: ['ok', 6, 6],
      名录偶尔检查超市: ['gaps', 3, 6],
      名录从不检查小吃店: ['silent', 0, 6],
      名录只查今天面馆: ['gaps', 1, 7],
      名录新开业烧烤店: ['silent', 0, 2],
      名录今天开业茶饮店: ['ok', 0, 0],
      名录昨天确认饺子馆: ['silent', 0, 1],
      名录更正过记录餐厅: ['ok', 6, 6],
    };
    expect(names(res.body.items)).toEqual(Object.keys(expected).sort());
    for (const [name, [state, done, due]] of Object.entries(expected)) {
      const row = byName.get(name)!;
      expect({ name, ...row.compliance }).toEqual({ name, state, done, due, from: window[0], to: today });
      expect(await fromCalendar(row.id)).toEqual({ done, due });
    }
  });

  it('the state filter gives exactly the rows in that state, with matching totals and pages', async () => {
    const all = (await list(cast.tok.regulator)).body.items;
    for (const state of ['ok', 'gaps', 'silent'] as const) {
      const res = await list(cast.tok.regulator, `&compliance=${state}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(res.body.items.length);
      expect(res.body.items.map((e) => e.id)).toEqual(all.filter((e) => e.compliance?.state === state).map((e) => e.id));
    }
    // Pages of 2 put together are the whole filtered list, in order.
    const paged: string[] = [];
    for (let page = 1; page <= 5; page++) {
      const res = await t.request({ url: `/api/enterprises?compliance=silent&pageSize=2&page=${page}`, token: cast.tok.regulator });
      expect(res.body).toMatchObject({ page, pageSize: 2 });
      paged.push(...res.body.items.map((e: EnterpriseDirectoryItem) => e.id));
    }
    expect(paged).toEqual(all.filter((e) => e.compliance?.state === 'silent').map((e) => e.id));
    // Nothing is owed before confirmation: the pending registration (好运来) has no state and is in no state.
    const pending = all.find((e) => e.status === EnterpriseStatus.Pending)!;
    expect(pending).toMatchObject({ name: '新城区好运来小吃店', compliance: null });
    for (const state of ['ok', 'gaps', 'silent']) expect((await list(cast.tok.regulator, `&compliance=${state}`)).body.items.map((e) => e.id)).not.toContain(pending.id);
  });

  it('searches by part of the name or by the USCC, and filters by grade, type and region', async () => {
    expect(names((await list(cast.tok.regulator, `&q=${encodeURIComponent('好运来')}`)).body.items)).toEqual(['新城区好运来小吃店']);
    const uscc = (await t.ds.getRepository(Enterprise).findOneByOrFail({ id: ids['名录偶尔检查超市'] })).uscc;
    expect(names((await list(cast.tok.regulator, `&q=${uscc.toLowerCase()}`)).body.items)).toEqual(['名录偶尔检查超市']);
    expect(names((await list(cast.tok.regulator, `&q=${uscc.slice(0, 17)}`)).body.items)).toContain('名录偶尔检查超市');
    // % and _ are plain characters, not wildcards.
    expect((await list(cast.tok.regulator, '&q=%25')).body.total).toBe(0);
    expect(names((await list(cast.tok.regulator, '&q=名录&grade=B')).body.items)).toEqual(['名录每日都查餐馆']);
    expect(names((await list(cast.tok.regulator, '&q=名录&businessType=selling')).body.items)).toEqual(['名录偶尔检查超市']);
    expect(names((await list(cast.tok.regulator, '&q=名录&businessType=selling&compliance=gaps')).body.items)).toEqual(['名录偶尔检查超市']);
    const village = (await t.ds.getRepository(Enterprise).findOneByOrFail({ id: ids['名录每日都查餐馆'] })).regionCode;
    const inVillage = (await list(cast.tok.regulator, `&regionCode=${village}`)).body.items;
    expect(inVillage.length).toBeGreaterThan(0);
    expect(inVillage.every((e) => e.regionCode === village)).toBe(true);
  });

  it('stays within the official’s region: another county’s businesses appear in no search and no state', async () => {
    for (const token of [cast.tok.regulator, cadre]) {
      const res = await list(token, '&q=名录');
      expect(res.status).toBe(200);
      expect(res.body.items.every((e) => e.regionCode.startsWith('150102'))).toBe(true);
      expect(names(res.body.items)).not.toContain('名录回民区不查店');
      expect(names((await list(token, '&compliance=silent')).body.items)).not.toContain('名录回民区不查店');
      expect((await list(token, '&regionCode=150103')).body.total).toBe(0);
    }
    const far = await list(cast.tok.farRegulator, '&q=名录');
    expect(names(far.body.items)).toEqual(['名录回民区不查店']);
    // A business user sees only his own business.
    const own = await list(cast.tok.officer);
    expect(own.body.items.map((e) => e.id)).toEqual([cast.homeId]);
  });

  it('names a business’s place from the province down (the business page’s 所在地区)', async () => {
    const village = (await t.ds.getRepository(Enterprise).findOneByOrFail({ id: ids['名录每日都查餐馆'] })).regionCode;
    const res = await t.request({ url: `/api/regions/${village}/path` });
    expect(res.status).toBe(200);
    expect(res.body.map((r: { code: string }) => r.code)).toEqual([village.slice(0, 2), village.slice(0, 4), village.slice(0, 6), village.slice(0, 9), village]);
    expect(res.body.slice(0, 3).map((r: { name: string }) => r.name)).toEqual(['内蒙古自治区', '呼和浩特市', '新城区']);
    expectErrorBody(await t.request({ url: '/api/regions/159999999999/path' }), 404);
    expectErrorBody(await t.request({ url: '/api/regions/abc/path' }), 404);
  });

  it('refuses bad filters with a Chinese message naming the field', async () => {
    for (const [query, label] of [
      ['&compliance=good', '日管控状态'],
      ['&grade=E', '风险等级'],
      ['&q=' + 'x'.repeat(101), '搜索关键词'],
      ['&regionCode=15x', '区划代码'],
    ] as const) {
      const res = await t.request({ url: `/api/enterprises?pageSize=100${query}`, token: cast.tok.regulator });
      expectErrorBody(res, 400, 'VALIDATION_FAILED');
      expect(res.body.message).toContain(label);
    }
  });
});
