// The enterprise's own 风险管控清单: made from its type's template on first use, edited by the
// director into new versions, and the daily check asks exactly its applicable daily items.
import { addDays, CheckResult, Role, todayInShanghai } from '@shian/shared';
import { RiskList } from '../../server/src/risk-lists/risk-list.entity';
import { allPassItems, dailyCodes, DEMO, enterpriseByName, expectErrorBody, freshKey, insertEnterprise, insertUser, startTestApp, submitDaily, TestApp } from './harness';

describe('risk-control lists', () => {
  let t: TestApp;
  let officer: string;
  let director: string;
  let regulator: string;
  let homeId: string;
  const today = todayInShanghai();
  const C = dailyCodes();

  const edit = (path: string, body: unknown, key = freshKey('rl'), token = director) =>
    t.request({ method: 'POST', url: `/api/risk-lists/mine/${path}`, token, headers: { 'idempotency-key': key }, body });

  beforeAll(async () => {
    t = await startTestApp();
    officer = (await t.login(DEMO.officer)).accessToken;
    director = (await t.login(DEMO.director)).accessToken;
    regulator = (await t.login(DEMO.regulator)).accessToken;
    homeId = (await enterpriseByName(t, '新城区青城味道餐馆')).id;
  });
  afterAll(() => t?.close());

  it('version 1 comes from the catering template, the same for every first reader', async () => {
    const reads = await Promise.all([officer, director, officer].map((token) => t.request({ url: '/api/risk-lists/mine', token })));
    expect(reads.map((r) => r.status)).toEqual([200, 200, 200]);
    const list = reads[0].body;
    expect(list).toMatchObject({ enterpriseId: homeId, version: 1, templateRevision: expect.stringMatching(/^catering@/), createdBy: null });
    expect(list.items.filter((i: { frequency: string }) => i.frequency === 'daily').map((i: { code: string }) => i.code)).toEqual(C);
    expect(list.items.some((i: { frequency: string }) => i.frequency === 'weekly')).toBe(true);
    expect(list.items[0].stage).toBe('经营主体资质条件（信息公示）');
    expect(await t.ds.getRepository(RiskList).count({ where: { enterpriseId: homeId } })).toBe(1);
  });

  it('the officer may read but not edit the list', async () => {
    const res = await edit(`items/${C[3]}/applicability`, { applicable: false, reason: '不经营' }, freshKey(), officer);
    expectErrorBody(res, 403, 'FORBIDDEN');
  });

  it('the director marks an item 不适用 and adds one of their own: each edit is a new version', async () => {
    const na = await edit(`items/${C[3]}/applicability`, { applicable: false, reason: '本店不经营冷荤类食品' });
    expect(na.status).toBe(201);
    expect(na.body.version).toBe(2);
    expect(na.body.changeNote).toContain(C[3]);
    expect(na.body.changeNote).toContain('本店不经营冷荤类食品');
    expect(na.body.items.find((i: { code: string }) => i.code === C[3]).applicable).toBe(false);

    const key = freshKey('add');
    const item = { stage: '从业人员管理', riskType: '生物性污染', riskPoint: '外卖骑手进入后厨', measure: '外卖取餐在窗口完成，骑手不进入后厨', method: '现场查看', frequency: 'daily' };
    const added = await edit('items', item, key);
    expect(added.status).toBe(201);
    expect(added.body.version).toBe(3);
    const custom = added.body.items.find((i: { custom: boolean }) => i.custom);
    expect(custom).toMatchObject({ code: 'ZD-001', measure: item.measure, owner: 'officer', applicable: true });
    // A retried add makes no second item and no new version.
    const replay = await edit('items', item, key);
    expect(replay.body.version).toBe(3);
    expect(await t.ds.getRepository(RiskList).count({ where: { enterpriseId: homeId } })).toBe(3);

    const history = await t.request({ url: '/api/risk-lists/mine/versions', token: officer });
    expect(history.body.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect(history.body[2].items.find((i: { code: string }) => i.code === C[3]).applicable).toBe(true);
  });

  it('bad edits → 400 naming what is wrong; nothing stored', async () => {
    const before = await t.ds.getRepository(RiskList).count({ where: { enterpriseId: homeId } });
    const unknown = await edit('items/XX-D99/applicability', { applicable: false, reason: '测试' });
    expectErrorBody(unknown, 400, 'VALIDATION_FAILED');
    expect(unknown.body.message).toContain('XX-D99');
    const blank = await edit('items', { stage: '从业人员管理', riskType: '生物性污染', riskPoint: '风险', measure: '   ', method: '查看', frequency: 'daily' });
    expectErrorBody(blank, 400, 'VALIDATION_FAILED');
    expect(blank.body.message).toContain('管控措施');
    const badFreq = await edit('items', { stage: '从业人员管理', riskType: '生物性污染', riskPoint: '风险', measure: '某措施', method: '查看', frequency: 'hourly' });
    expectErrorBody(badFreq, 400, 'VALIDATION_FAILED');
    expect(badFreq.body.message).toContain('管控频次');
    expect(await t.ds.getRepository(RiskList).count({ where: { enterpriseId: homeId } })).toBe(before);
  });

  it('the daily check asks exactly the applicable daily items of the current version', async () => {
    const date = addDays(today, -40);
    const old = await submitDaily(t, officer, date);
    expectErrorBody(old, 400, 'VALIDATION_FAILED');
    expect(old.body.message).toContain(C[3]);
    expect(old.body.message).toContain('ZD-001');

    const items = allPassItems().filter((i) => i.code !== C[3]);
    items.push({ code: 'ZD-001', result: CheckResult.Fail, problem: '骑手进入后厨', measure: '已劝离并张贴告示', fixedOnSpot: true });
    const ok = await submitDaily(t, officer, date, { items });
    expect(ok.status).toBe(201);
    expect(ok.body.riskListVersion).toBe(3);
    expect(ok.body.items.find((i: { code: string }) => i.code === 'ZD-001')).toMatchObject({ question: '外卖取餐在窗口完成，骑手不进入后厨', stage: '从业人员管理' });
  });

  it('a correction answers the list version its original was made against', async () => {
    const other = await insertEnterprise(t, { countyCode: '150102' });
    const o = await insertUser(t, { role: Role.Officer, enterpriseId: other.id });
    const d = await insertUser(t, { role: Role.Director, enterpriseId: other.id });
    const [ot, dt] = [(await t.login(o.phone)).accessToken, (await t.login(d.phone)).accessToken];
    const v1 = await submitDaily(t, ot, addDays(today, -2));
    expect(v1.body.riskListVersion).toBe(1);
    expect((await edit(`items/${C[5]}/applicability`, { applicable: false, reason: '不适用' }, freshKey(), dt)).body.version).toBe(2);
    const amend = await t.request({ method: 'POST', url: `/api/daily-checks/${v1.body.id}/versions`, token: ot, headers: { 'idempotency-key': freshKey() }, body: { reason: '补充', confirm: true, items: allPassItems() } });
    expect(amend.status).toBe(201);
    expect(amend.body).toMatchObject({ version: 2, riskListVersion: 1 });
  });

  it('officials read a business’s list within their region only', async () => {
    const res = await t.request({ url: `/api/risk-lists/enterprise/${homeId}`, token: regulator });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(3);
    const reg103 = await insertUser(t, { role: Role.Regulator, regionCode: '150103' });
    const outside = await t.request({ url: `/api/risk-lists/enterprise/${homeId}`, token: (await t.login(reg103.phone)).accessToken });
    expectErrorBody(outside, 404, 'NOT_FOUND');
  });
});
