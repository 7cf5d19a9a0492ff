// 公示牌 (issue #7): the business's own staff and the officials of its region download an A4 PDF
// whose QR code opens the business's public page; nobody else learns the business exists.
import { EnterpriseStatus, PUBLIC_ENTERPRISE_PAGE, Role } from '@shian/shared';
import { decodeQr, pdfPageCount, renderPdfPage } from '../support/pdf';
import { Cast, DEMO, demoCast, expectErrorBody, insertEnterprise, insertUser, startTestApp, TestApp } from './harness';

const publicUrl = (origin: string, id: string) => `${origin}/#/${PUBLIC_ENTERPRISE_PAGE}?id=${id}`;

describe('公示牌 poster', () => {
  let t: TestApp;
  let tok: Cast['tok'];
  let homeId: string;
  let farId: string;
  let adminTok: string;

  async function poster(token: string | undefined, id: string, headers: Record<string, string> = {}) {
    const res = await t.app.inject({ method: 'GET', url: `/api/enterprises/${id}/poster.pdf`, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
    let body: unknown = res.rawPayload;
    if (String(res.headers['content-type']).startsWith('application/json')) body = JSON.parse(res.body);
    return { status: res.statusCode, body: body as any, headers: res.headers as Record<string, string | string[] | undefined>, raw: res.rawPayload };
  }

  beforeAll(async () => {
    t = await startTestApp();
    ({ tok, homeId, farId } = await demoCast(t));
    adminTok = (await t.login(DEMO.admin)).accessToken;
  });
  afterAll(() => t?.close());

  it('the principal gets a one-page PDF named after the business, whose QR code opens its public page at the address used', async () => {
    const res = await poster(tok.principal, homeId, { host: 'shian.example.cn:8443', 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="poster.pdf"; filename*=UTF-8''${encodeURIComponent('公示牌-新城区青城味道餐馆.pdf')}`);
    expect(res.raw.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(res.raw)).toBe(1);
    expect(decodeQr(renderPdfPage(res.raw))).toBe(publicUrl('https://shian.example.cn:8443', homeId));
  });

  it('the director and the officer of the business, its county regulator and the admin get it too', async () => {
    for (const token of [tok.director, tok.officer, tok.regulator, adminTok]) {
      const res = await poster(token, homeId);
      expect(res.status).toBe(200);
      expect(pdfPageCount(res.raw)).toBe(1);
    }
  });

  it('keeps a 60-character name on the one page, the QR code still readable', async () => {
    const name = '呼和浩特市新城区海拉尔东路街道青城社区青城味道特色风味餐饮管理有限责任公司第一分店'.padEnd(60, '店');
    expect(name).toHaveLength(60);
    const e = await insertEnterprise(t, { name });
    const res = await poster(tok.regulator, e.id);
    expect(res.status).toBe(200);
    expect(pdfPageCount(res.raw)).toBe(1);
    expect(decodeQr(renderPdfPage(res.raw))).toBe(publicUrl('http://localhost', e.id));
  });

  it('is 404 for a business user of another business and an official of another county, as for an unknown id', async () => {
    expectErrorBody(await poster(tok.farOfficer, homeId), 404, 'NOT_FOUND');
    expectErrorBody(await poster(tok.farRegulator, homeId), 404, 'NOT_FOUND');
    expectErrorBody(await poster(tok.principal, farId), 404, 'NOT_FOUND');
    expectErrorBody(await poster(tok.regulator, '00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
  });

  it('is 409 for a business not yet confirmed (pending or rejected)', async () => {
    for (const status of [EnterpriseStatus.Pending, EnterpriseStatus.Rejected]) {
      const e = await insertEnterprise(t, { name: `未审核小店${status}` });
      await t.ds.query('UPDATE enterprises SET status = ? WHERE id = ?', [status, e.id]);
      const res = await poster(tok.regulator, e.id);
      expectErrorBody(res, 409, 'ENTERPRISE_NOT_CONFIRMED');
      expect(res.body.message).toBe('企业尚未通过审核，暂不能生成公示牌');
      const principal = await insertUser(t, { role: Role.Principal, enterpriseId: e.id });
      expectErrorBody(await poster((await t.login(principal.phone)).accessToken, e.id), 409, 'ENTERPRISE_NOT_CONFIRMED');
    }
  });

  it('is 400 naming the field for a malformed id, 401 without a token, 403 for a cadre', async () => {
    const res = await poster(tok.regulator, 'not-a-uuid');
    expectErrorBody(res, 400, 'VALIDATION_FAILED');
    expect(res.body.message).toContain('企业ID');
    expectErrorBody(await poster(undefined, homeId), 401);
    expectErrorBody(await poster(tok.cadre, homeId), 403);
  });
});

describe('公示牌 poster without a usable font', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ POSTER_FONT: '/nonexistent/fonts/cjk.ttc#NotoSansCJKsc-Regular' });
  });
  afterAll(() => t?.close());

  it('answers 503 naming the missing Chinese font, and said so once at start-up', async () => {
    const token = (await t.login(DEMO.regulator)).accessToken;
    const homeId = (await t.ds.query('SELECT id FROM enterprises WHERE name = ?', ['新城区青城味道餐馆']))[0].id;
    for (let i = 0; i < 2; i++) {
      const res = await t.request({ url: `/api/enterprises/${homeId}/poster.pdf`, token });
      expectErrorBody(res, 503, 'CJK_FONT_MISSING');
      expect(res.body.message).toContain('中文字体');
    }
    const warnings = t.logs.filter((l) => l.includes('公示牌 posters are unavailable'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('/nonexistent/fonts/cjk.ttc');
  });
});
