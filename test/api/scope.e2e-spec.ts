// Region scoping: officials see their region (by code prefix), enterprise users their own
// enterprise, admins everything; out of scope answers exactly like missing (404).
import { addDays, Role, todayInShanghai } from '@shian/shared';
import { DEMO, enterpriseByName, expectErrorBody, insertEnterprise, insertUser, startTestApp, submitDaily, TestApp } from './harness';

describe('region scope', () => {
  let t: TestApp;
  const date = addDays(todayInShanghai(), -3);
  let homeId: string;
  let outsideId: string;
  let recordIn: string; // 150102 (新城区)
  let recordOut: string; // 150103 (回民区)
  let tokens: Record<'officer' | 'director' | 'regulator' | 'cadre' | 'admin' | 'reg103' | 'officer103' | 'cityReg' | 'otherOfficer' | 'regNoRegion', string>;

  const list = (token: string, query = '') => t.request({ url: `/api/daily-checks?from=${date}&to=${date}${query}`, token });
  const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((i) => i.id).sort();

  beforeAll(async () => {
    t = await startTestApp();
    homeId = (await enterpriseByName(t, '新城区青城味道餐馆')).id;
    outsideId = (await enterpriseByName(t, '回民区老街烧麦馆')).id;
    const otherEnt = await insertEnterprise(t, { countyCode: '150102', name: '同县另一家' });
    const reg103 = await insertUser(t, { role: Role.Regulator, regionCode: '150103', name: '回民区监管' });
    const officer103 = await insertUser(t, { role: Role.Officer, enterpriseId: outsideId, name: '烧麦馆安全员' });
    const cityReg = await insertUser(t, { role: Role.Regulator, regionCode: '1501', name: '市级监管' });
    const otherOfficer = await insertUser(t, { role: Role.Officer, enterpriseId: otherEnt.id, name: '另一家安全员' });
    const regNoRegion = await insertUser(t, { role: Role.Regulator, regionCode: null, name: '无辖区监管' });
    const tok = async (phone: string) => (await t.login(phone)).accessToken;
    tokens = {
      officer: await tok(DEMO.officer),
      director: await tok(DEMO.director),
      regulator: await tok(DEMO.regulator),
      cadre: await tok(DEMO.cadre),
      admin: await tok(DEMO.admin),
      reg103: await tok(reg103.phone),
      officer103: await tok(officer103.phone),
      cityReg: await tok(cityReg.phone),
      otherOfficer: await tok(otherOfficer.phone),
      regNoRegion: await tok(regNoRegion.phone),
    };
    const a = await submitDaily(t, tokens.officer, date);
    const b = await submitDaily(t, tokens.officer103, date);
    expect([a.status, b.status]).toEqual([201, 201]);
    recordIn = a.body.id;
    recordOut = b.body.id;
    expect(b.body.regionCode.startsWith('150103')).toBe(true);
  });
  afterAll(() => t?.close());

  describe('a regulator of another county (150103)', () => {
    it('gets 404 for a 150102 record, the same answer as a missing one', async () => {
      const res = await t.request({ url: `/api/daily-checks/${recordIn}`, token: tokens.reg103 });
      expectErrorBody(res, 404, 'NOT_FOUND');
      const missing = await t.request({ url: '/api/daily-checks/00000000-0000-4000-8000-000000000000', token: tokens.reg103 });
      expect(res.body.message).toBe(missing.body.message);
    });

    it('sees their own county record', async () => {
      const res = await t.request({ url: `/api/daily-checks/${recordOut}`, token: tokens.reg103 });
      expect(res.status).toBe(200);
      expect(res.body.enterpriseName).toBe('回民区老街烧麦馆');
    });

    it('does not find the 150102 record in lists, even when filtering for 150102 or its enterprise', async () => {
      expect(ids(await list(tokens.reg103))).toEqual([recordOut]);
      const asked = await list(tokens.reg103, '&regionCode=150102');
      expect(asked.status).toBe(200);
      expect(asked.body.total).toBe(0);
      expect(asked.body.items).toEqual([]);
      const byEnt = await list(tokens.reg103, `&enterpriseId=${homeId}`);
      expect(byEnt.body.total).toBe(0);
      const wide = await list(tokens.reg103, '&regionCode=15');
      expect(ids(wide)).toEqual([recordOut]);
    });

    it('gets 404 for a 150102 enterprise and 200 for their own', async () => {
      expectErrorBody(await t.request({ url: `/api/enterprises/${homeId}`, token: tokens.reg103 }), 404, 'NOT_FOUND');
      const own = await t.request({ url: `/api/enterprises/${outsideId}`, token: tokens.reg103 });
      expect(own.status).toBe(200);
      expect(own.body.name).toBe('回民区老街烧麦馆');
    });
  });

  describe('the 150102 regulator and cadre', () => {
    it.each(['regulator', 'cadre'] as const)('%s sees 150102 and not 150103', async (who) => {
      expect(ids(await list(tokens[who]))).toEqual([recordIn]);
      expect((await t.request({ url: `/api/daily-checks/${recordIn}`, token: tokens[who] })).status).toBe(200);
      expectErrorBody(await t.request({ url: `/api/daily-checks/${recordOut}`, token: tokens[who] }), 404, 'NOT_FOUND');
      expectErrorBody(await t.request({ url: `/api/enterprises/${outsideId}`, token: tokens[who] }), 404, 'NOT_FOUND');
      expect((await t.request({ url: `/api/enterprises/${homeId}`, token: tokens[who] })).status).toBe(200);
    });
  });

  describe('enterprise users', () => {
    it('an officer of another enterprise gets 404 for the first enterprise’s record and never lists it', async () => {
      expectErrorBody(await t.request({ url: `/api/daily-checks/${recordIn}`, token: tokens.otherOfficer }), 404, 'NOT_FOUND');
      expect((await list(tokens.otherOfficer)).body.total).toBe(0);
      expect((await list(tokens.otherOfficer, `&enterpriseId=${homeId}`)).body.total).toBe(0);
      expect((await list(tokens.otherOfficer, '&regionCode=150102')).body.total).toBe(0);
      expectErrorBody(await t.request({ url: `/api/enterprises/${homeId}`, token: tokens.otherOfficer }), 404, 'NOT_FOUND');
    });

    it('the officer in 150103 sees only their own record', async () => {
      expect(ids(await list(tokens.officer103))).toEqual([recordOut]);
      expectErrorBody(await t.request({ url: `/api/daily-checks/${recordIn}`, token: tokens.officer103 }), 404, 'NOT_FOUND');
    });

    it('the director of the enterprise sees its record', async () => {
      expect(ids(await list(tokens.director))).toEqual([recordIn]);
      expect((await t.request({ url: `/api/daily-checks/${recordIn}`, token: tokens.director })).status).toBe(200);
      expect((await t.request({ url: `/api/enterprises/${homeId}`, token: tokens.director })).status).toBe(200);
    });
  });

  it('admin sees both counties', async () => {
    expect(ids(await list(tokens.admin))).toEqual([recordIn, recordOut].sort());
    expect((await t.request({ url: `/api/daily-checks/${recordOut}`, token: tokens.admin })).status).toBe(200);
    expect((await t.request({ url: `/api/enterprises/${homeId}`, token: tokens.admin })).status).toBe(200);
    expect(ids(await list(tokens.admin, '&regionCode=150103'))).toEqual([recordOut]);
  });

  it('a city-level regulator (1501) sees both counties and can narrow to one', async () => {
    expect(ids(await list(tokens.cityReg))).toEqual([recordIn, recordOut].sort());
    expect(ids(await list(tokens.cityReg, '&regionCode=150102'))).toEqual([recordIn]);
    expect((await t.request({ url: `/api/daily-checks/${recordIn}`, token: tokens.cityReg })).status).toBe(200);
    expect((await t.request({ url: `/api/daily-checks/${recordOut}`, token: tokens.cityReg })).status).toBe(200);
    expect((await t.request({ url: `/api/enterprises/${outsideId}`, token: tokens.cityReg })).status).toBe(200);
  });

  it('an official with no region sees nothing (not everything)', async () => {
    expect((await list(tokens.regNoRegion)).body.total).toBe(0);
    expectErrorBody(await t.request({ url: `/api/daily-checks/${recordIn}`, token: tokens.regNoRegion }), 404, 'NOT_FOUND');
    expectErrorBody(await t.request({ url: `/api/enterprises/${homeId}`, token: tokens.regNoRegion }), 404, 'NOT_FOUND');
  });

  it('the public enterprise page needs no login and shows no 统一社会信用代码', async () => {
    const res = await t.request({ url: `/api/public/enterprises/${homeId}` });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('新城区青城味道餐馆');
    expect(res.body).not.toHaveProperty('uscc');
  });
});
