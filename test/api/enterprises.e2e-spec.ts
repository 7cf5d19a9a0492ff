// Registering an enterprise: regulators (own region, village level) and admins only; identifiers
// validated (GB 32100 USCC, JY/SC licence numbers); duplicates refused.
import { BusinessType, Grade, Role, todayInShanghai } from '@shian/shared';
import { Enterprise } from '../../server/src/enterprises/enterprise.entity';
import { DEMO, enterpriseByName, expectErrorBody, firstVillage, freshLicenceNo, freshUscc, insertEnterprise, insertUser, startTestApp, submitDaily, TestApp } from './harness';

describe('enterprise registration', () => {
  let t: TestApp;
  let regulator: string;
  let admin: string;
  let village102: string;
  let village103: string;

  const body = (over: Record<string, unknown> = {}) => ({
    name: '新城区测试小吃店',
    uscc: freshUscc('150102'),
    licenceNo: freshLicenceNo('JY'),
    businessType: BusinessType.Catering,
    grade: Grade.C,
    regionCode: village102,
    address: '内蒙古自治区呼和浩特市新城区测试路 1 号',
    ...over,
  });
  const create = (token: string, b: Record<string, unknown>) => t.request({ method: 'POST', url: '/api/enterprises', token, body: b });

  beforeAll(async () => {
    t = await startTestApp();
    regulator = (await t.login(DEMO.regulator)).accessToken;
    admin = (await t.login(DEMO.admin)).accessToken;
    village102 = await firstVillage(t, '150102');
    village103 = await firstVillage(t, '150103');
  });
  afterAll(() => t?.close());

  it('a regulator registers an enterprise in a village of their county → 201, and can then read it', async () => {
    const b = body({ name: '  青城烧卖  ', address: '  通道街 1 号 ' });
    const res = await create(regulator, b);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      name: '青城烧卖',
      uscc: b.uscc,
      licenceNo: b.licenceNo,
      businessType: 'catering',
      grade: 'C',
      regionCode: village102,
      regionName: expect.stringMatching(/[\u4e00-\u9fa5]/),
      address: '通道街 1 号',
      // Onboarding fields: a regulator's business is active at once, confirmed by them; facts not given are null.
      status: 'active',
      rejectReason: null,
      contactName: null,
      contactPhone: null,
      scale: null,
      chainHeadquarters: null,
      centralKitchen: null,
      specialFood: null,
      canteenKind: null,
      contractorOperated: null,
      dinersPerMeal: null,
      registeredAt: expect.any(String),
      confirmedAt: expect.any(String),
    });
    const read = await t.request({ url: `/api/enterprises/${res.body.id}`, token: regulator });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
    // Out of another county's sight.
    const reg103 = await insertUser(t, { role: Role.Regulator, regionCode: '150103' });
    const other = (await t.login(reg103.phone)).accessToken;
    expectErrorBody(await t.request({ url: `/api/enterprises/${res.body.id}`, token: other }), 404, 'NOT_FOUND');
  });

  it('an admin registers anywhere, a production licence (SC) too', async () => {
    const res = await create(admin, body({ regionCode: village103, uscc: freshUscc('150103'), licenceNo: freshLicenceNo('SC'), businessType: BusinessType.Production, grade: Grade.A }));
    expect(res.status).toBe(201);
    expect(res.body.regionCode).toBe(village103);
  });

  it('a city-level regulator registers in any of its counties', async () => {
    const city = await insertUser(t, { role: Role.Regulator, regionCode: '1501' });
    const token = (await t.login(city.phone)).accessToken;
    expect((await create(token, body({ regionCode: village103 }))).status).toBe(201);
  });

  it.each([
    ['officer', DEMO.officer],
    ['director', DEMO.director],
    ['principal', DEMO.principal],
    ['cadre', DEMO.cadre],
  ])('%s cannot register → 403, nothing stored', async (_who, phone) => {
    const token = (await t.login(phone)).accessToken;
    const b = body();
    expectErrorBody(await create(token, b), 403, 'FORBIDDEN');
    expect(await t.ds.getRepository(Enterprise).countBy({ uscc: b.uscc as string })).toBe(0);
  });

  it('without login → 401', async () => {
    expectErrorBody(await t.request({ method: 'POST', url: '/api/enterprises', body: body() }), 401, 'UNAUTHENTICATED');
  });

  it('an invalid USCC → 400 naming 统一社会信用代码', async () => {
    const good = freshUscc('150102');
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    for (const uscc of [wrongCheck, good.slice(0, 17), `${good}0`, good.replace(/^92/, '9I'), '']) {
      const res = await create(regulator, body({ uscc }));
      expectErrorBody(res, 400, 'VALIDATION_FAILED');
      expect(res.body.message).toContain('统一社会信用代码');
    }
  });

  it('a bad licence number → 400 naming 许可证编号', async () => {
    for (const licenceNo of ['JY1150102000000', 'XK11501020000001', 'jy11501020000001', '11501020000001']) {
      const res = await create(regulator, body({ licenceNo }));
      expectErrorBody(res, 400, 'VALIDATION_FAILED');
      expect(res.body.message).toContain('许可证编号');
    }
  });

  it('bad business type, grade, or missing fields → 400 naming each', async () => {
    const type = await create(regulator, body({ businessType: 'restaurant' }));
    expectErrorBody(type, 400, 'VALIDATION_FAILED');
    expect(type.body.message).toContain('业态');
    const grade = await create(regulator, body({ grade: 'E' }));
    expect(grade.body.message).toContain('风险等级');
    const { name: _n, address: _a, ...rest } = body();
    const missing = await create(regulator, rest);
    expectErrorBody(missing, 400, 'VALIDATION_FAILED');
    expect(missing.body.message).toContain('名称');
    expect(missing.body.message).toContain('地址');
  });

  it('a blank (whitespace-only) name or address → 400, not an enterprise with an empty name', async () => {
    const b = body({ name: '   ' });
    const res = await create(regulator, b);
    expectErrorBody(res, 400, 'VALIDATION_FAILED');
    expect(res.body.message).toContain('名称');
    const addr = await create(regulator, body({ address: ' \t ' }));
    expectErrorBody(addr, 400, 'VALIDATION_FAILED');
    expect(addr.body.message).toContain('地址');
    expect(await t.ds.getRepository(Enterprise).countBy({ uscc: b.uscc as string })).toBe(0);
  });

  it('the client cannot choose the id or other server fields', async () => {
    const res = await create(regulator, body({ id: '00000000-0000-4000-8000-000000000001', createdAt: '2000-01-01T00:00:00Z' }));
    expectErrorBody(res, 400, 'VALIDATION_FAILED');
    expect(res.body.message).toContain('不允许的字段');
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['createdAt', 'id']);
  });

  it('a duplicate USCC → 409; a duplicate licence number → 409', async () => {
    const first = body();
    expect((await create(regulator, first)).status).toBe(201);
    const dupUscc = await create(regulator, body({ uscc: first.uscc, name: '另一个名字' }));
    expectErrorBody(dupUscc, 409);
    expect(dupUscc.body.message).toContain('统一社会信用代码');
    const dupLicence = await create(regulator, body({ licenceNo: first.licenceNo }));
    expectErrorBody(dupLicence, 409);
    expect(await t.ds.getRepository(Enterprise).countBy({ uscc: first.uscc as string })).toBe(1);
  });

  it('a refused duplicate is not printed to the console as raw SQL with the submitted data', async () => {
    const printed: string[] = [];
    const spies = [jest.spyOn(console, 'log'), jest.spyOn(console, 'error'), jest.spyOn(console, 'warn'), jest.spyOn(console, 'info')];
    for (const s of spies) s.mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
    try {
      const first = body({ name: '控制台探针餐馆' });
      expect((await create(regulator, first)).status).toBe(201);
      expect((await create(regulator, { ...first, licenceNo: freshLicenceNo() })).status).toBe(409);
    } finally {
      for (const s of spies) s.mockRestore();
    }
    expect(printed.filter((l) => /INSERT INTO|UNIQUE constraint|Duplicate entry|控制台探针/.test(l))).toEqual([]);
  });

  it('a demo enterprise’s USCC cannot be registered again', async () => {
    const demo = await enterpriseByName(t, '新城区青城味道餐馆');
    expectErrorBody(await create(regulator, body({ uscc: demo.uscc })), 409);
  });

  it('two concurrent registrations of the same USCC → one 201, one 409', async () => {
    const b = body();
    const answers = await Promise.all([create(regulator, b), create(regulator, { ...b, licenceNo: freshLicenceNo() })]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(await t.ds.getRepository(Enterprise).countBy({ uscc: b.uscc as string })).toBe(1);
  });

  it('a village outside the regulator’s region → 403 or 404, nothing stored', async () => {
    const b = body({ regionCode: village103 });
    const res = await create(regulator, b);
    expect([403, 404]).toContain(res.status);
    expectErrorBody(res, res.status);
    expect(await t.ds.getRepository(Enterprise).countBy({ uscc: b.uscc as string })).toBe(0);
  });

  it('a region that is not an existing village → 400 naming 区划代码', async () => {
    for (const regionCode of ['150102', '1501', '150102001', '150102999999', '999999999999']) {
      const res = await create(admin, body({ regionCode }));
      expectErrorBody(res, 400);
      expect(res.body.message).toContain('区划代码');
    }
  });

  it('a regulator without a region cannot register anywhere', async () => {
    const u = await insertUser(t, { role: Role.Regulator, regionCode: null });
    const token = (await t.login(u.phone)).accessToken;
    const res = await create(token, body());
    expect([403, 404]).toContain(res.status);
  });

  it('appears in the OpenAPI document', async () => {
    const doc = await t.request({ url: '/api/docs-json' });
    expect(doc.body.paths['/api/enterprises'].post).toBeDefined();
  });
});

describe('enterprise home (mine/today)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it("shows today's business date and no check until one is submitted", async () => {
    const ent = await insertEnterprise(t, { name: '首页测试餐馆' });
    const off = await insertUser(t, { role: Role.Officer, enterpriseId: ent.id });
    const token = (await t.login(off.phone)).accessToken;
    const before = await t.request({ url: '/api/enterprises/mine/today', token });
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ businessDate: todayInShanghai(), enterprise: expect.objectContaining({ id: ent.id, name: '首页测试餐馆' }), dailyCheck: null });
    const sub = await submitDaily(t, token, todayInShanghai());
    expect(sub.status).toBe(201);
    const after = await t.request({ url: '/api/enterprises/mine/today', token });
    expect(after.body.dailyCheck).toEqual(expect.objectContaining({ id: sub.body.id, zeroRisk: true }));
  });

  it('is for enterprise roles only', async () => {
    const token = (await t.login(DEMO.regulator)).accessToken;
    expectErrorBody(await t.request({ url: '/api/enterprises/mine/today', token }), 403, 'FORBIDDEN');
  });
});
