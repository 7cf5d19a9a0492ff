// 包保 (issue #6; domain.md §2): officials open cadre accounts of a level matching their region,
// give businesses to cadres of the level each grade calls for (one, in bulk all-or-nothing, or by
// workbook), see the businesses left without a cadre and the coverage; cadres sign their yearly
// commitment letter and see their businesses' state on their home. Everything here happens in
// 玉泉区 (150104), where the demo data has neither businesses nor cadres, so the counts are known.
import { Workbook } from 'exceljs';
import { randomUUID } from 'node:crypto';
import { CadreLevel, Grade, isReminderDue, Role, todayInShanghai } from '@shian/shared';
import { Enterprise } from '../../server/src/enterprises/enterprise.entity';
import { EvidenceFile } from '../../server/src/files/evidence-file.entity';
import { CadreAssignmentEvent, SupervisionVisit } from '../../server/src/supervision/supervision.entities';
import { multipart, pdf } from '../support/multipart';
import { DEMO, expectErrorBody, freshPhone, insertEnterprise, insertUser, startTestApp, TestApp } from './harness';

const COUNTY = '150104';
const TOWN1 = '150104001';
const TOWN2 = '150104002';

describe('包保: cadres, assignments, coverage, commitments, cadre home', () => {
  let t: TestApp;
  let regulator: string;
  let farRegulator: string;
  let admin: string;
  let v1: string;
  let v2: string;
  const today = todayInShanghai();
  const thisYear = Number(today.slice(0, 4));
  const e: Record<'A' | 'C1' | 'C2' | 'D1' | 'D2' | 'pending', Enterprise> = {} as never;
  const cadre: Record<'city' | 't1' | 't1b' | 't2' | 'v1', { id: string; phone: string; password: string }> = {} as never;

  const post = (url: string, token: string, body: unknown) => t.request({ method: 'POST', url, token, body });
  const get = (url: string, token: string) => t.request({ url, token });
  const assign = (token: string, cadreId: string, enterpriseIds: string[]) => post('/api/assignments', token, { cadreId, enterpriseIds });
  const gaps = async (query: string) => {
    const res = await get(`/api/assignments/gaps?${query}`, regulator);
    expect(res.status).toBe(200);
    return res.body;
  };
  const loginToken = async (who: { phone: string; password: string }) => (await t.login(who.phone, who.password)).accessToken;
  async function createCadre(token: string, body: Record<string, unknown>) {
    const res = await post('/api/cadres', token, { name: '测试干部', phone: freshPhone(), ...body });
    expect(res.status).toBe(201);
    return { id: res.body.cadre.id as string, phone: body.phone as string, password: res.body.initialPassword as string, body: res.body };
  }
  async function villages(township: string): Promise<string[]> {
    const rows = await t.ds.query('SELECT code FROM regions WHERE parent_code = ? ORDER BY code', [township]);
    return rows.map((r: { code: string }) => r.code);
  }
  async function workbook(rows: string[][]): Promise<Buffer> {
    const wb = new Workbook();
    const ws = wb.addWorksheet('包保分配');
    ws.addRow(['统一社会信用代码', '包保干部手机号']);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  async function upload(token: string, content: Buffer) {
    const { payload, contentType } = multipart([{ name: 'file', value: content, filename: '分配.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }]);
    const res = await t.app.inject({ method: 'POST', url: '/api/assignments/import', headers: { 'content-type': contentType, authorization: `Bearer ${token}` }, payload });
    return { status: res.statusCode, body: JSON.parse(res.body) };
  }

  beforeAll(async () => {
    t = await startTestApp();
    regulator = (await t.login((await insertUser(t, { role: Role.Regulator, regionCode: COUNTY, name: '玉泉区监管' })).phone)).accessToken;
    farRegulator = (await t.login((await insertUser(t, { role: Role.Regulator, regionCode: '150105', name: '赛罕区监管' })).phone)).accessToken;
    admin = (await t.login(DEMO.admin)).accessToken;
    [v1] = await villages(TOWN1);
    [v2] = await villages(TOWN2);
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000);
    e.A = await insertEnterprise(t, { regionCode: v1, grade: Grade.A, name: '玉泉乳业' });
    e.C1 = await insertEnterprise(t, { regionCode: v1, grade: Grade.C, name: '小召餐馆', createdAt: tenDaysAgo });
    e.C2 = await insertEnterprise(t, { regionCode: v2, grade: Grade.C, name: '兴隆饭店' });
    e.D1 = await insertEnterprise(t, { regionCode: v1, grade: Grade.D, name: '小召便利店' });
    e.D2 = await insertEnterprise(t, { regionCode: v2, grade: Grade.D, name: '兴隆小卖部' });
    e.pending = await insertEnterprise(t, { regionCode: v1, grade: Grade.D, name: '待审核小店' });
    await t.ds.getRepository(Enterprise).update({ id: e.pending.id }, { status: 'pending' as never });
  });
  afterAll(() => t?.close());

  describe('cadre accounts', () => {
    it('a regulator opens cadres of their county; the initial password is shown once and logs in; the phone is masked', async () => {
      const phone = freshPhone();
      const t1 = await createCadre(regulator, { name: '周镇长', phone, level: CadreLevel.Township, regionCode: TOWN1, title: '副镇长' });
      expect(t1.body.cadre).toMatchObject({ name: '周镇长', level: 'township', levelLabel: '乡镇级', regionCode: TOWN1, title: '副镇长', active: true, businesses: 0, commitmentThisYear: false });
      expect(t1.body.cadre.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
      expect(t1.password).toMatch(/^(?=.*[A-Za-z])(?=.*\d)[A-Za-z\d]{10}$/);
      const login = await t.login(phone, t1.password);
      expect(login.user.role).toBe(Role.Cadre);
      cadre.t1 = t1;
      cadre.t1b = await createCadre(regulator, { phone: freshPhone(), name: '吴副镇长', level: CadreLevel.Township, regionCode: TOWN1 });
      cadre.t2 = await createCadre(regulator, { phone: freshPhone(), name: '郑镇长', level: CadreLevel.Township, regionCode: TOWN2 });
      cadre.v1 = await createCadre(regulator, { phone: freshPhone(), name: '王主任', level: CadreLevel.Village, regionCode: v1 });
      // A city cadre (1501) is above a county regulator: only the admin (or the city's regulator) opens one.
      cadre.city = await createCadre(admin, { phone: freshPhone(), name: '李副市长', level: CadreLevel.City, regionCode: '1501' });
    });

    it('refuses a region code whose length does not match the level, naming 区域 and 层级', async () => {
      const res = await post('/api/cadres', regulator, { name: '错层级', phone: freshPhone(), level: CadreLevel.Township, regionCode: COUNTY });
      expectErrorBody(res, 400);
      expect(res.body.message).toMatch(/区域/);
      expect(res.body.message).toMatch(/层级/);
      expect(res.body.details[0].field).toBe('regionCode');
    });

    it('refuses bad fields with Chinese messages naming them', async () => {
      const res = await post('/api/cadres', regulator, { name: '', phone: '123', level: 'mayor', regionCode: TOWN1 });
      expectErrorBody(res, 400);
      expect(res.body.message).toMatch(/姓名/);
      expect(res.body.message).toMatch(/手机号/);
      expect(res.body.message).toMatch(/包保层级/);
    });

    it('a region outside the caller\'s, or one that does not exist, is 404', async () => {
      expectErrorBody(await post('/api/cadres', regulator, { name: '外区', phone: freshPhone(), level: CadreLevel.City, regionCode: '1501' }), 404);
      expectErrorBody(await post('/api/cadres', regulator, { name: '外县', phone: freshPhone(), level: CadreLevel.Township, regionCode: '150105001' }), 404);
      expectErrorBody(await post('/api/cadres', regulator, { name: '不存在', phone: freshPhone(), level: CadreLevel.Township, regionCode: '150104999' }), 404);
    });

    it('a phone already used by any account is 409 with a Chinese message', async () => {
      const res = await post('/api/cadres', regulator, { name: '重复', phone: cadre.t1.phone, level: CadreLevel.Township, regionCode: TOWN1 });
      expectErrorBody(res, 409);
      expect(res.body.message).toMatch(/手机号/);
      expectErrorBody(await post('/api/cadres', regulator, { name: '重复', phone: DEMO.officer, level: CadreLevel.Township, regionCode: TOWN1 }), 409);
    });

    it('only regulators and admins manage cadres; another county sees none of them', async () => {
      const asCadre = await loginToken(cadre.t1);
      expectErrorBody(await post('/api/cadres', asCadre, { name: '自建', phone: freshPhone(), level: CadreLevel.Township, regionCode: TOWN1 }), 403);
      expectErrorBody(await get('/api/cadres', asCadre), 403);
      expectErrorBody(await get(`/api/cadres/${cadre.t1.id}`, farRegulator), 404);
      expectErrorBody(await t.request({ method: 'PATCH', url: `/api/cadres/${cadre.t1.id}`, token: farRegulator, body: { title: '镇长' } }), 404);
      const far = await get('/api/cadres', farRegulator);
      expect(far.body.items.map((c: { id: string }) => c.id)).not.toContain(cadre.t1.id);
      const mine = await get(`/api/cadres?regionCode=${TOWN1}&level=township`, regulator);
      expect(mine.body.items.map((c: { name: string }) => c.name).sort()).toEqual(['吴副镇长', '周镇长']);
      const byName = await get(`/api/cadres?q=${encodeURIComponent('王主')}`, regulator);
      expect(byName.body.items.map((c: { id: string }) => c.id)).toEqual([cadre.v1.id]);
      // The city cadre is above the county: not in its list.
      expect((await get('/api/cadres?pageSize=100', regulator)).body.items.map((c: { id: string }) => c.id)).not.toContain(cadre.city.id);
    });
  });

  describe('assignments', () => {
    it('an A-grade business goes to a city cadre', async () => {
      const res = await assign(admin, cadre.city.id, [e.A.id]);
      expect(res.status).toBe(201);
      expect(res.body.assigned).toEqual([expect.objectContaining({ enterpriseId: e.A.id, enterpriseName: '玉泉乳业', grade: 'A', cadreId: cadre.city.id, cadreLevel: 'city', assignedDate: today, mismatch: null })]);
      // The county regulator cannot reach the city cadre.
      expectErrorBody(await assign(regulator, cadre.city.id, [e.A.id]), 404);
    });

    it('a D-grade business is refused to a township cadre, with the reason', async () => {
      const res = await assign(regulator, cadre.t1.id, [e.D1.id]);
      expectErrorBody(res, 400);
      expect(res.body.details).toEqual([{ enterpriseId: e.D1.id, enterpriseName: '小召便利店', reason: expect.stringMatching(/D级.*村级.*乡镇级/) }]);
      expect(res.body.message).toMatch(/小召便利店/);
    });

    it('in bulk it is all or nothing: one business outside the cadre\'s township refuses the lot', async () => {
      const res = await assign(regulator, cadre.t1.id, [e.C1.id, e.C2.id, e.pending.id]);
      expectErrorBody(res, 400);
      expect(res.body.details).toEqual([
        { enterpriseId: e.C2.id, enterpriseName: '兴隆饭店', reason: '企业不在该包保干部所属区域内' },
        { enterpriseId: e.pending.id, enterpriseName: '待审核小店', reason: expect.stringMatching(/尚未确认/) },
      ]);
      const list = await get(`/api/assignments?cadreId=${cadre.t1.id}`, regulator);
      expect(list.body.total).toBe(0);
    });

    it('businesses outside the caller\'s region are refused, and a cadre of another county is not found', async () => {
      const far = await insertEnterprise(t, { countyCode: '150105', grade: Grade.C, name: '赛罕饭店' });
      const res = await assign(regulator, cadre.t1.id, [far.id]);
      expectErrorBody(res, 400);
      expect(res.body.details[0].reason).toMatch(/不在本辖区/);
      expectErrorBody(await assign(farRegulator, cadre.t1.id, [far.id]), 404);
    });

    it('assigns one and several; the same cadre again changes nothing; another cadre replaces the first with an ended + assigned pair', async () => {
      expect((await assign(regulator, cadre.t1.id, [e.C1.id])).status).toBe(201);
      expect((await assign(regulator, cadre.v1.id, [e.D1.id])).status).toBe(201);
      expect((await assign(regulator, cadre.t1.id, [e.C1.id])).status).toBe(201);
      const events = () => t.ds.getRepository(CadreAssignmentEvent).find({ where: { enterpriseId: e.C1.id }, order: { at: 'ASC', kind: 'DESC' } });
      expect((await events()).map((ev) => ev.kind)).toEqual(['assigned']);
      const moved = await assign(regulator, cadre.t1b.id, [e.C1.id]);
      expect(moved.body.assigned[0].cadreName).toBe('吴副镇长');
      const history = await events();
      expect(history.map((ev) => [ev.kind, ev.cadreId])).toEqual(
        expect.arrayContaining([
          ['assigned', cadre.t1.id],
          ['ended', cadre.t1.id],
          ['assigned', cadre.t1b.id],
        ]),
      );
      expect(history).toHaveLength(3);
      expect((await assign(regulator, cadre.t1.id, [e.C1.id])).status).toBe(201);
      const t1 = await get(`/api/cadres/${cadre.t1.id}`, regulator);
      expect(t1.body.businesses).toBe(1);
      // The dashboard's share of the business knows it has a cadre.
      const [share] = await t.ds.query('SELECT with_cadre FROM stat_enterprises WHERE enterprise_id = ?', [e.C1.id]);
      expect(Number(share.with_cadre)).toBe(1);
    });

    it('a region\'s own rule changes who may take a grade; assignments that no longer fit are flagged', async () => {
      // 玉泉区 has its D-grade businesses looked after by township cadres.
      expectErrorBody(await assign(regulator, cadre.t2.id, [e.D2.id]), 400);
      const put = await t.request({ method: 'PUT', url: '/api/supervision/settings/level-overrides', token: regulator, body: { regionCode: COUNTY, grade: 'D', level: 'township' } });
      expect(put.status).toBe(200);
      expect(put.body.levelOverrides).toEqual([{ regionCode: COUNTY, grade: 'D', level: 'township' }]);
      expect(put.body.frequencies).toEqual({ A: 'quarter', B: 'quarter', C: 'quarter', D: 'quarter' });
      expect((await assign(regulator, cadre.t2.id, [e.D2.id])).status).toBe(201);
      const list = await get(`/api/assignments?regionCode=${COUNTY}&pageSize=50`, regulator);
      const byId = new Map(list.body.items.map((a: { enterpriseId: string }) => [a.enterpriseId, a]));
      expect(byId.get(e.D1.id)).toMatchObject({ cadreId: cadre.v1.id, mismatch: expect.stringMatching(/乡镇级/) });
      expect(byId.get(e.D2.id)).toMatchObject({ mismatch: null });
      expect(byId.get(e.C1.id)).toMatchObject({ mismatch: null });
      // Another county cannot set 玉泉区's rule; bad values are named.
      expectErrorBody(await t.request({ method: 'PUT', url: '/api/supervision/settings/level-overrides', token: farRegulator, body: { regionCode: COUNTY, grade: 'D', level: 'village' } }), 404);
      const bad = await t.request({ method: 'PUT', url: '/api/supervision/settings/level-overrides', token: regulator, body: { regionCode: COUNTY, grade: 'E', level: 'mayor' } });
      expectErrorBody(bad, 400);
      expect(bad.body.message).toMatch(/风险等级/);
      expect(bad.body.message).toMatch(/包保层级/);
      expect((await get('/api/supervision/settings', farRegulator)).body.levelOverrides).toEqual([]);
    });

    it('the gap list shows active graded businesses without a cadre and the coverage over the same set', async () => {
      // A, C1, D1, D2 have cadres; C2 does not; the pending registration is not counted.
      const all = await gaps(`regionCode=${COUNTY}`);
      expect(all).toMatchObject({ businesses: 5, withCadre: 4, coverage: { numerator: 4, denominator: 5, rate: 0.8 }, total: 1 });
      expect(all.items).toEqual([expect.objectContaining({ enterpriseId: e.C2.id, enterpriseName: '兴隆饭店', grade: 'C', regionCode: v2, requiredLevel: 'township', requiredLevelLabel: '乡镇级' })]);
      const c = await gaps(`regionCode=${COUNTY}&grade=C`);
      expect(c).toMatchObject({ businesses: 2, withCadre: 1, coverage: { rate: 0.5 } });
      const a = await gaps(`regionCode=${COUNTY}&grade=A`);
      expect(a).toMatchObject({ businesses: 1, withCadre: 1, total: 0, items: [] });
      // Another county's regulator sees none of 玉泉区.
      const far = await get(`/api/assignments/gaps?regionCode=${COUNTY}`, farRegulator);
      expect(far.body).toMatchObject({ businesses: 0, total: 0 });
      expectErrorBody(await get('/api/assignments/gaps', await loginToken(cadre.t1)), 403);
    });

    it('imports a workbook row by row: good rows assigned, each bad row named by row and column', async () => {
      const template = await t.app.inject({ method: 'GET', url: '/api/assignments/import/template', headers: { authorization: `Bearer ${regulator}` } });
      expect(template.statusCode).toBe(200);
      expect(template.headers['content-type']).toMatch(/spreadsheetml/);
      const wb = new Workbook();
      await wb.xlsx.load(template.rawPayload as never);
      expect(wb.worksheets[0].getRow(1).values).toEqual(expect.arrayContaining(['统一社会信用代码*', '包保干部手机号*']));

      const report = await upload(
        regulator,
        await workbook([
          [e.C2.uscc, cadre.t2.phone],
          ['91150104MA00000000', cadre.t2.phone],
          [e.D2.uscc, '13000000000'],
          [e.A.uscc, cadre.t2.phone],
          [e.D1.uscc, ''],
          [e.C2.uscc, cadre.t1.phone],
        ]),
      );
      expect(report.status).toBe(200);
      expect(report.body.rows).toBe(6);
      expect(report.body.assigned).toBe(1);
      expect(report.body.errors).toEqual([
        { row: 3, field: '统一社会信用代码', message: expect.stringMatching(/统一社会信用代码/) },
        { row: 4, field: '包保干部手机号', message: '本辖区没有该手机号的包保干部' },
        { row: 5, field: '行', message: expect.stringMatching(/玉泉乳业.*A级.*市级/) },
        { row: 6, field: '包保干部手机号', message: '包保干部手机号不能为空' },
        { row: 7, field: '统一社会信用代码', message: '统一社会信用代码与第2行重复' },
      ]);
      expect((await gaps(`regionCode=${COUNTY}`)).withCadre).toBe(5);
      const wrongHeaders = await upload(regulator, await (async () => {
        const w = new Workbook();
        w.addWorksheet('x').addRow(['企业', '手机']);
        return Buffer.from(await w.xlsx.writeBuffer());
      })());
      expect(wrongHeaders.status).toBe(400);
      expect(wrongHeaders.body.message).toMatch(/统一社会信用代码/);
    });

    it('ending an assignment needs a reason; the business becomes a gap again', async () => {
      const end = (token: string, id: string, body: unknown) => t.request({ method: 'DELETE', url: `/api/assignments/${id}`, token, body });
      const noReason = await end(regulator, e.C2.id, { reason: '  ' });
      expectErrorBody(noReason, 400);
      expect(noReason.body.message).toMatch(/原因不能为空/);
      expectErrorBody(await end(farRegulator, e.C2.id, { reason: '企业注销' }), 404);
      expect((await end(regulator, e.C2.id, { reason: '企业注销' })).status).toBe(204);
      expectErrorBody(await end(regulator, e.C2.id, { reason: '企业注销' }), 404);
      expect((await gaps(`regionCode=${COUNTY}`)).items.map((i: { enterpriseId: string }) => i.enterpriseId)).toEqual([e.C2.id]);
      const ended = await t.ds.getRepository(CadreAssignmentEvent).findOne({ where: { enterpriseId: e.C2.id, kind: 'ended' } });
      expect(ended?.reason).toBe('企业注销');
    });
  });

  describe('commitment letters', () => {
    let token: string;
    const submit = (body: unknown, tok = token) => t.request({ method: 'POST', url: '/api/commitments', token: tok, headers: { 'idempotency-key': randomUUID() }, body });
    async function fileOf(uploadedBy: string, kind = 'document'): Promise<string> {
      const row = Object.assign(new EvidenceFile(), { id: randomUUID(), enterpriseId: e.C1.id, regionCode: e.C1.regionCode, uploadedBy, kind, mime: 'application/pdf', sizeBytes: 10, sha256: '0'.repeat(64), storageKey: `x/${randomUUID()}`, originalName: '承诺书.pdf', createdAt: new Date() });
      await t.ds.getRepository(EvidenceFile).insert(row);
      return row.id;
    }
    beforeAll(async () => {
      token = await loginToken(cadre.t1);
    });

    it('signing needs the confirmation; each submission is a new version with the letter\'s text', async () => {
      const unconfirmed = await submit({ year: thisYear, method: 'signed' });
      expectErrorBody(unconfirmed, 400);
      expect(unconfirmed.body.message).toMatch(/本人已阅读并承诺履行/);
      const first = await submit({ year: thisYear, method: 'signed', confirmed: true });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ cadreId: cadre.t1.id, cadreName: '周镇长', year: thisYear, version: 1, method: 'signed', files: [] });
      expect(first.body.text).toMatch(/食品安全责任与任务承诺书/);
      const second = await submit({ year: thisYear, method: 'signed', confirmed: true });
      expect(second.body.version).toBe(2);
    });

    it('an upload needs the cadre\'s own scan; only this year or last', async () => {
      expectErrorBody(await submit({ year: thisYear, method: 'uploaded' }), 400);
      const others = await fileOf(cadre.t2.id);
      const notMine = await submit({ year: thisYear, method: 'uploaded', fileIds: [others] });
      expectErrorBody(notMine, 400);
      expect(notMine.body.message).toMatch(/扫描件/);
      const scan = await fileOf(cadre.t1.id);
      const uploaded = await submit({ year: thisYear, method: 'uploaded', fileIds: [scan] });
      expect(uploaded.status).toBe(201);
      expect(uploaded.body).toMatchObject({ version: 3, method: 'uploaded', files: [{ id: scan, mime: 'application/pdf', url: `/api/files/${scan}`, originalName: '承诺书.pdf' }] });
      const old = await submit({ year: thisYear - 2, method: 'signed', confirmed: true });
      expectErrorBody(old, 400);
      expect(old.body.message).toMatch(/年份/);
      expect((await submit({ year: thisYear - 1, method: 'signed', confirmed: true })).body.version).toBe(1);
      expectErrorBody(await submit({ year: thisYear, method: 'signed', confirmed: true }, regulator), 403);
    });

    it('a cadre uploads a scan of their own (no business named); officials above see it, businesses and other counties do not', async () => {
      const { payload, contentType } = multipart([
        { name: 'kind', value: 'document' },
        { name: 'file', value: pdf(), filename: '承诺书扫描件.pdf', contentType: 'application/pdf' },
      ]);
      const res = await t.app.inject({ method: 'POST', url: '/api/files', headers: { 'content-type': contentType, authorization: `Bearer ${token}` }, payload });
      expect(res.statusCode).toBe(201);
      const scan = JSON.parse(res.body) as { id: string; mime: string };
      expect(scan.mime).toBe('application/pdf');
      const letter = await submit({ year: thisYear, method: 'uploaded', fileIds: [scan.id] });
      expect(letter.status).toBe(201);
      expect(letter.body.files).toEqual([expect.objectContaining({ id: scan.id, originalName: '承诺书扫描件.pdf' })]);
      expect((await get(`/api/files/${scan.id}`, token)).status).toBe(200);
      expect((await get(`/api/files/${scan.id}`, regulator)).status).toBe(200);
      expect((await get(`/api/files/${scan.id}`, farRegulator)).status).toBe(404);
      const business = (await t.login(DEMO.principal, 'Demo@2026')).accessToken;
      expect((await get(`/api/files/${scan.id}`, business)).status).toBe(404);
      // Naming a business that is not the cadre's is refused, naming the field.
      const named = multipart([
        { name: 'kind', value: 'photo' },
        { name: 'enterpriseId', value: randomUUID() },
        { name: 'file', value: pdf(), filename: 'x.pdf', contentType: 'application/pdf' },
      ]);
      const refused = await t.app.inject({ method: 'POST', url: '/api/files', headers: { 'content-type': named.contentType, authorization: `Bearer ${token}` }, payload: named.payload });
      expect(refused.statusCode).toBe(400);
      expect(JSON.parse(refused.body).message).toMatch(/不是您当前包保的企业/);
    });

    it('the cadre reads every version; officials see the latest per cadre and who has none', async () => {
      const mine = await get('/api/commitments/mine', token);
      expect(mine.body.map((c: { year: number; version: number }) => [c.year, c.version])).toEqual([
        [thisYear, 4],
        [thisYear, 3],
        [thisYear, 2],
        [thisYear, 1],
        [thisYear - 1, 1],
      ]);
      const list = await get(`/api/commitments?regionCode=${COUNTY}`, regulator);
      expect(list.body.items.map((c: { cadreId: string; version: number }) => [c.cadreId, c.version])).toEqual([[cadre.t1.id, 4]]);
      const missing = await get(`/api/commitments?regionCode=${COUNTY}&missing=true&pageSize=50`, regulator);
      expect(missing.body.items.map((c: { name: string }) => c.name).sort()).toEqual(['吴副镇长', '王主任', '郑镇长'].sort());
      expect((await get(`/api/cadres/${cadre.t1.id}`, regulator)).body.commitmentThisYear).toBe(true);
      expect((await get(`/api/commitments?regionCode=${COUNTY}`, farRegulator)).body.total).toBe(0);
      expectErrorBody(await get('/api/commitments', token), 403);
    });
  });

  describe('the cadre\'s home', () => {
    it('shows only the cadre\'s businesses with their state, the cycle, and progress', async () => {
      const token = await loginToken(cadre.t1);
      const home = await get('/api/cadres/me/home', token);
      expect(home.status).toBe(200);
      expect(home.body.cadre).toMatchObject({ id: cadre.t1.id, businesses: 1, commitmentThisYear: true });
      expect(home.body.today).toBe(today);
      expect(home.body.businesses).toHaveLength(1);
      const [b] = home.body.businesses;
      const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
      expect(b).toMatchObject({ enterpriseId: e.C1.id, enterpriseName: '小召餐馆', grade: 'C', regionCode: v1, cycleKey: `${thisYear}-Q${q}`, visitedThisCycle: false, lastVisitDate: null, openProblems: 0, openRectifications: 0 });
      // Created ten days ago, never checked: the six days before today are missed.
      expect(b.missedDays).toBe(6);
      expect(b.missing).toEqual(expect.arrayContaining(['须明确主要负责人']));
      expect(home.body.progress).toEqual({ due: 1, visited: 0, completion: { numerator: 0, denominator: 1, rate: 0 } });
      expect(home.body.reminder).toEqual(isReminderDue(today, 'quarter') ? { cycleKey: b.cycleKey, cycleEnd: b.cycleEnd, remaining: 1 } : null);

      // A visit today: the cycle is done.
      const visit = Object.assign(new SupervisionVisit(), {
        id: randomUUID(), enterpriseId: e.C1.id, cadreId: cadre.t1.id, cadreName: '周镇长', cadreLevel: 'township', regionCode: v1, grade: 'C',
        visitDate: today, cycleKey: b.cycleKey, answers: [], observations: null, problems: [], photoIds: [], location: null, rectificationOrderId: null, createdAt: new Date(),
      });
      await t.ds.getRepository(SupervisionVisit).insert(visit);
      const after = await get('/api/cadres/me/home', token);
      expect(after.body.businesses[0]).toMatchObject({ visitedThisCycle: true, lastVisitDate: today });
      expect(after.body.progress).toEqual({ due: 1, visited: 1, completion: { numerator: 1, denominator: 1, rate: 1 } });
      expect(after.body.reminder).toBeNull();

      const other = await get('/api/cadres/me/home', await loginToken(cadre.t2));
      expect(other.body.businesses.map((x: { enterpriseId: string }) => x.enterpriseId)).toEqual([e.D2.id]);
      expect((await get('/api/assignments', token)).body.items.map((a: { enterpriseId: string }) => a.enterpriseId)).toEqual([e.C1.id]);
      expectErrorBody(await get('/api/cadres/me/home', regulator), 403);
    });
  });

  describe('deactivation', () => {
    it('ends all the cadre\'s assignments with the reason 干部账号停用; the businesses become gaps', async () => {
      const res = await t.request({ method: 'PATCH', url: `/api/cadres/${cadre.v1.id}`, token: regulator, body: { active: false, title: '原村委会主任' } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ active: false, businesses: 0, title: '原村委会主任' });
      const ended = await t.ds.getRepository(CadreAssignmentEvent).findOne({ where: { enterpriseId: e.D1.id, kind: 'ended' } });
      expect(ended).toMatchObject({ cadreId: cadre.v1.id, reason: '干部账号停用' });
      expect((await gaps(`regionCode=${COUNTY}&grade=D`)).items.map((i: { enterpriseId: string }) => i.enterpriseId)).toEqual([e.D1.id]);
      // A deactivated cadre cannot be given businesses.
      const again = await assign(regulator, cadre.v1.id, [e.D1.id]);
      expectErrorBody(again, 400);
      expect(again.body.details[0].reason).toMatch(/停用/);
      expect((await get(`/api/cadres?active=false`, regulator)).body.items.map((c: { id: string }) => c.id)).toEqual([cadre.v1.id]);
    });
  });
});
