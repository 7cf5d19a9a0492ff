// 投诉举报 (issue #7; domain.md §3): the public reads a business's page, submits a complaint or a
// report without an account (photo, challenge, rate limits), follows it with the tracking number and
// query code; regulators of the region handle it through the state machine within the statutory
// working-day deadlines; the complainant's identity is encrypted, masked, revealed only to the
// handler with an audit row, and never in logs or exports.
import { randomUUID } from 'node:crypto';
import { addDays, addWorkingDays, EnterpriseStatus, QUERY_CODE_PATTERN, Role, todayInShanghai, TRACKING_NO_PATTERN, workingCalendarOf } from '@shian/shared';
import { Complaint, IdentityReveal } from '../../server/src/complaints/complaint.entities';
import { png } from '../support/images';
import { multipart } from '../support/multipart';
import { readXlsx } from '../support/xlsx';
import { Cast, DEMO, demoCast, expectErrorBody, freshKey, insertEnterprise, insertUser, startTestApp, TestApp } from './harness';

describe('public complaints and reports', () => {
  let t: TestApp;
  let tok: Cast['tok'];
  let homeId: string;
  let adminTok: string;
  let regulatorId: string;
  let colleagueTok: string;
  const today = todayInShanghai();

  let ipCounter = 0;
  /** A client of its own (IP and device), so each test's submissions count against their own limits. */
  const client = () => {
    ipCounter += 1;
    return { ip: `10.7.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`, device: `dev-${randomUUID()}` };
  };
  type Client = ReturnType<typeof client>;

  async function pub<T = any>(c: Client, opts: { method?: 'GET' | 'POST'; url: string; body?: unknown; key?: string }) {
    const headers: Record<string, string> = { 'x-forwarded-for': c.ip, 'x-device-id': c.device };
    if (opts.key) headers['idempotency-key'] = opts.key;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await t.app.inject({ method: opts.method ?? 'GET', url: opts.url, headers, payload: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
    let body: unknown = res.body;
    try {
      body = JSON.parse(res.body);
    } catch {
      /* not JSON */
    }
    return { status: res.statusCode, body: body as T, headers: res.headers as Record<string, string | string[] | undefined> };
  }

  async function challenge(c: Client): Promise<{ challengeToken: string; challengeAnswer: string }> {
    const res = await pub(c, { url: '/api/public/challenge' });
    expect(res.status).toBe(200);
    const m = /^(\d+) 加 (\d+) 等于几？$/.exec(res.body.question);
    expect(m).not.toBeNull();
    return { challengeToken: res.body.token, challengeAnswer: String(Number(m![1]) + Number(m![2])) };
  }

  async function uploadPhoto(c: Client): Promise<string> {
    const { payload, contentType } = multipart([{ name: 'file', value: png(), filename: '现场.png', contentType: 'image/png' }]);
    const res = await t.app.inject({ method: 'POST', url: '/api/public/complaint-photos', headers: { 'content-type': contentType, 'x-forwarded-for': c.ip, 'x-device-id': c.device }, payload });
    expect(res.statusCode).toBe(201);
    return JSON.parse(res.body).id;
  }

  const complaintBody = (extra: Record<string, unknown> = {}) => ({
    kind: 'complaint',
    enterpriseId: homeId,
    description: '在该店就餐后腹泻，凉菜有异味',
    happenedOn: today,
    incidentPlace: '大厅 3 号桌',
    anonymous: true,
    ...extra,
  });

  async function submit(c: Client, body: Record<string, unknown>, key = freshKey('complaint')) {
    return pub(c, { method: 'POST', url: '/api/public/complaints', key, body: { ...body, ...(await challenge(c)) } });
  }

  const official = (token: string, url: string, method: 'GET' | 'POST' | 'PUT' = 'GET', body?: unknown) => t.request({ method, url, token, body });
  const act = (token: string, id: string, action: string, text?: string) => official(token, `/api/complaints/${id}/actions`, 'POST', { action, ...(text ? { text } : {}) });
  const idOf = async (trackingNo: string) => (await t.ds.getRepository(Complaint).findOneByOrFail({ trackingNo })).id;

  beforeAll(async () => {
    t = await startTestApp();
    ({ tok, homeId } = await demoCast(t));
    adminTok = (await t.login(DEMO.admin)).accessToken;
    regulatorId = (await t.login(DEMO.regulator)).user.id;
    const colleague = await insertUser(t, { role: Role.Regulator, regionCode: '150102', name: '赵同事' });
    colleagueTok = (await t.login(colleague.phone)).accessToken;
  });
  afterAll(() => t?.close());

  describe('the whole flow: public page → anonymous complaint with a photo → query → accepted and answered → the reply on the status page', () => {
    const me = client();
    let receipt: any;
    let id: string;

    it('the public page shows the business, masked names, 30 days of daily checks and the open rectifications; a pending business is 404', async () => {
      const res = await pub(me, { url: `/api/public/enterprises/${homeId}` });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: homeId, name: '新城区青城味道餐馆', grade: expect.stringMatching(/^[A-D]$/), openRectifications: 0 });
      expect(res.body.officers.length).toBeGreaterThan(0);
      for (const name of [res.body.principal, res.body.director, ...res.body.officers]) expect(name).toMatch(/^\S{1,2}\*\*$/);
      expect(res.body.dailyChecks).toMatchObject({ from: addDays(today, -30), to: addDays(today, -1), due: expect.any(Number), done: expect.any(Number) });
      expect(res.body.dailyChecks.done).toBeLessThanOrEqual(res.body.dailyChecks.due);
      // No phone, no full name of the people on the roster.
      const roster = await t.ds.query('SELECT name, phone FROM users WHERE enterprise_id = ?', [homeId]);
      for (const u of roster as Array<{ name: string; phone: string }>) {
        expect(JSON.stringify(res.body)).not.toContain(u.phone);
        expect(JSON.stringify(res.body)).not.toContain(`"${u.name}"`);
      }
      const pending = await insertEnterprise(t, { name: '待审核小店' });
      await t.ds.query('UPDATE enterprises SET status = ? WHERE id = ?', [EnterpriseStatus.Pending, pending.id]);
      expectErrorBody(await pub(me, { url: `/api/public/enterprises/${pending.id}` }), 404, 'NOT_FOUND');
      expectErrorBody(await pub(me, { url: `/api/public/enterprises/${randomUUID()}` }), 404, 'NOT_FOUND');
      // The form's picker finds active businesses by name, not pending ones.
      const found = await pub(me, { url: `/api/public/enterprises?q=${encodeURIComponent('青城味道')}` });
      expect(found.body).toEqual([{ id: homeId, name: '新城区青城味道餐馆', address: expect.any(String) }]);
      expect((await pub(me, { url: `/api/public/enterprises?q=${encodeURIComponent('待审核')}` })).body).toEqual([]);
      expectErrorBody(await pub(me, { url: '/api/public/enterprises?q=%' }), 400, 'VALIDATION_FAILED');
    });

    it('an anonymous complaint with a photo gets a tracking number and a query code; a retry with the same key gets the same ones', async () => {
      const photoId = await uploadPhoto(me);
      const key = freshKey('complaint');
      const body = { ...complaintBody({ photoIds: [photoId] }), ...(await challenge(me)) };
      const res = await pub(me, { method: 'POST', url: '/api/public/complaints', key, body });
      expect(res.status).toBe(201);
      receipt = res.body;
      expect(receipt.trackingNo).toMatch(TRACKING_NO_PATTERN);
      expect(receipt.trackingNo.startsWith(`TS${today.replace(/-/g, '')}`)).toBe(true);
      expect(receipt.queryCode).toMatch(QUERY_CODE_PATTERN);
      expect(receipt.kindLabel).toBe('投诉');
      const again = await pub(me, { method: 'POST', url: '/api/public/complaints', key, body });
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(receipt);
      expect(await t.ds.getRepository(Complaint).countBy({ trackingNo: receipt.trackingNo })).toBe(1);
      // Only a keyed hash of the query code is stored, and the retry's stored answer does not hold it either.
      const stored = JSON.stringify(await t.ds.query('SELECT * FROM complaints WHERE tracking_no = ?', [receipt.trackingNo])) + JSON.stringify(await t.ds.query('SELECT response_body FROM idempotency_records'));
      expect(stored).not.toContain(receipt.queryCode);
      id = await idOf(receipt.trackingNo);
    });

    it('the complainant queries it: received', async () => {
      const res = await pub(me, { url: `/api/public/complaints/${receipt.trackingNo}?code=${receipt.queryCode.toLowerCase()}` });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ trackingNo: receipt.trackingNo, status: 'received', statusLabel: '已收到', businessName: '新城区青城味道餐馆', history: [{ label: '已收到', text: null }] });
    });

    it('the county regulator sees it with its photo and deadline; another county does not', async () => {
      const list = await official(tok.regulator, '/api/complaints?kind=complaint&status=received');
      expect(list.status).toBe(200);
      const item = list.body.items.find((c: any) => c.id === id);
      expect(item).toMatchObject({ anonymous: true, complainantName: null, complainantPhone: null, overdue: false, dueLabel: '决定是否受理并告知' });
      const detail = await official(tok.regulator, `/api/complaints/${id}`);
      expect(detail.body).toMatchObject({ description: '在该店就餐后腹泻，凉菜有异味', incidentPlace: '大厅 3 号桌', actions: ['accept', 'not_accept', 'reply'], canReveal: false });
      expect(detail.body.photos).toHaveLength(1);
      const photo = await t.app.inject({ url: detail.body.photos[0].url, headers: { authorization: `Bearer ${tok.regulator}` } });
      expect(photo.statusCode).toBe(200);
      expect(photo.headers['content-type']).toBe('image/png');
      expectErrorBody(await official(tok.farRegulator, `/api/complaints/${id}`), 404, 'NOT_FOUND');
      expect((await official(tok.farRegulator, '/api/complaints')).body.items.map((c: any) => c.id)).not.toContain(id);
      expectErrorBody(await official(tok.officer, '/api/complaints'), 403);
      expectErrorBody(await official(tok.cadre, '/api/complaints'), 403);
    });

    it('the regulator accepts and replies; the status page shows the acceptance and the reply', async () => {
      const accepted = await act(tok.regulator, id, 'accept');
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ status: 'accepted', statusLabel: '已受理', handlerName: '刘监管', dueLabel: '调解期限' });
      const replied = await act(tok.regulator, id, 'reply', '已联系商家，约定本周内到店调解');
      expect(replied.body.status).toBe('accepted');
      expectErrorBody(await act(tok.regulator, id, 'accept'), 409, 'COMPLAINT_ACTION_NOT_ALLOWED');
      expectErrorBody(await act(tok.regulator, id, 'reply'), 400, 'VALIDATION_FAILED');
      // A colleague of the same county may read it but not handle it.
      expectErrorBody(await act(colleagueTok, id, 'reply', '我来答复'), 403, 'COMPLAINT_NOT_HANDLER');
      const res = await pub(me, { url: `/api/public/complaints/${receipt.trackingNo}?code=${receipt.queryCode}` });
      expect(res.body.status).toBe('accepted');
      expect(res.body.history.map((h: any) => [h.label, h.text])).toEqual([
        ['已收到', null],
        ['已受理', null],
        ['答复', '已联系商家，约定本周内到店调解'],
      ]);
    });

    it('it raises a rectification order for the business; the public page now counts it open', async () => {
      const issue = (body: Record<string, unknown>) => t.request({ method: 'POST', url: '/api/rectifications', token: tok.regulator, headers: { 'idempotency-key': freshKey('order') }, body });
      const order = await issue({ enterpriseId: homeId, sourceType: 'complaint', sourceId: id, items: ['凉菜间消毒不到位，立即整改并留存消毒记录'], deadline: addDays(today, 7) });
      expect(order.status).toBe(201);
      expect(order.body).toMatchObject({ enterpriseId: homeId, sourceType: 'complaint', sourceLabel: '投诉举报', sourceId: id, status: 'open' });
      expect((await official(tok.regulator, `/api/complaints/${id}`)).body.rectificationIds).toEqual([order.body.id]);
      expect((await pub(me, { url: `/api/public/enterprises/${homeId}` })).body.openRectifications).toBe(1);
      // Not for another business, nor from a complaint the caller cannot see.
      const other = await insertEnterprise(t, { name: '另一家店' });
      expectErrorBody(await issue({ enterpriseId: other.id, sourceType: 'complaint', sourceId: id, items: ['整改'], deadline: addDays(today, 7) }), 400, 'VALIDATION_FAILED');
      expectErrorBody(await issue({ enterpriseId: homeId, sourceType: 'complaint', sourceId: randomUUID(), items: ['整改'], deadline: addDays(today, 7) }), 400, 'VALIDATION_FAILED');
    });
  });

  it('a wrong query code reveals nothing: the same 404 as a number that does not exist', async () => {
    const me = client();
    const res = await submit(me, complaintBody());
    expect(res.status).toBe(201);
    const { trackingNo, queryCode } = res.body;
    const wrongCode = queryCode === 'ABCDEFGH' ? 'ABCDEFGJ' : 'ABCDEFGH';
    const unknownNo = trackingNo.slice(0, -6) + (trackingNo.endsWith('ZZZZZZ') ? 'YYYYYY' : 'ZZZZZZ');
    const wrong = await pub(me, { url: `/api/public/complaints/${trackingNo}?code=${wrongCode}` });
    const unknown = await pub(me, { url: `/api/public/complaints/${unknownNo}?code=${queryCode}` });
    const garbage = await pub(me, { url: `/api/public/complaints/nonsense?code=x` });
    for (const r of [wrong, unknown, garbage]) expectErrorBody(r, 404, 'COMPLAINT_QUERY_FAILED');
    const strip = (b: any) => ({ ...b, requestId: undefined });
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
    expect(strip(garbage.body)).toEqual(strip(unknown.body));
    expect(JSON.stringify(wrong.body)).not.toContain(trackingNo);
  });

  describe('the complainant’s identity', () => {
    const me = client();
    const NAME = '王秀英';
    const PHONE = '13812345678';
    let id: string;

    it('is encrypted at rest, masked for every official, and absent from the logs', async () => {
      const logsBefore = t.logs.length;
      const res = await submit(me, complaintBody({ anonymous: false, contactName: NAME, contactPhone: PHONE }));
      expect(res.status).toBe(201);
      id = await idOf(res.body.trackingNo);
      const row = JSON.stringify(await t.ds.query('SELECT * FROM complaints WHERE id = ?', [id]));
      expect(row).not.toContain(PHONE);
      expect(row).not.toContain(NAME);
      for (const token of [tok.regulator, colleagueTok, adminTok]) {
        const detail = await official(token, `/api/complaints/${id}`);
        expect(detail.status).toBe(200);
        expect(detail.body).toMatchObject({ complainantName: '王**', complainantPhone: '138****5678', canReveal: false });
        const list = await official(token, '/api/complaints?pageSize=100');
        for (const text of [JSON.stringify(detail.body), JSON.stringify(list.body)]) {
          expect(text).not.toContain(PHONE);
          expect(text).not.toContain(NAME);
        }
      }
      // A bad submission with the same identity (wrong answer to the challenge) is logged no better.
      await pub(me, { method: 'POST', url: '/api/public/complaints', key: freshKey(), body: { ...complaintBody({ anonymous: false, contactName: NAME, contactPhone: PHONE }), challengeToken: 'x.y.z', challengeAnswer: '0' } });
      const logged = t.logs.slice(logsBefore).join('\n');
      expect(logged).not.toContain(PHONE);
      expect(logged).not.toContain(NAME);
    });

    it('only the assigned handler reveals it, with a reason, and each reveal is audited', async () => {
      const reveal = (token: string) => official(token, `/api/complaints/${id}/reveal`, 'POST', { reason: '电话联系投诉人核实就餐时间' });
      expectErrorBody(await reveal(tok.regulator), 403, 'COMPLAINT_NOT_HANDLER');
      const assigned = await official(adminTok, `/api/complaints/${id}/assign`, 'POST', { handlerId: regulatorId });
      expect(assigned.status).toBe(200);
      expect(assigned.body.handlerName).toBe('刘监管');
      expectErrorBody(await official(adminTok, `/api/complaints/${id}/assign`, 'POST', { handlerId: randomUUID() }), 400, 'VALIDATION_FAILED');
      expectErrorBody(await reveal(colleagueTok), 403, 'COMPLAINT_NOT_HANDLER');
      expectErrorBody(await official(tok.farRegulator, `/api/complaints/${id}/reveal`, 'POST', { reason: '看看' }), 404);
      expect((await official(tok.regulator, `/api/complaints/${id}`)).body.canReveal).toBe(true);
      const shown = await reveal(tok.regulator);
      expect(shown.status).toBe(200);
      expect(shown.body).toMatchObject({ name: NAME, phone: PHONE });
      const audit = await t.ds.getRepository(IdentityReveal).findBy({ complaintId: id });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ userId: regulatorId, userName: '刘监管', reason: '电话联系投诉人核实就餐时间' });
      expectErrorBody(await official(tok.regulator, `/api/complaints/${id}/reveal`, 'POST', {}), 400, 'VALIDATION_FAILED');
      expect(await t.ds.getRepository(IdentityReveal).countBy({ complaintId: id })).toBe(1);
      // Even to the handler, the other responses stay masked.
      const detail = JSON.stringify((await official(tok.regulator, `/api/complaints/${id}`)).body);
      expect(detail).not.toContain(PHONE);
    });

    it('is not in the export, and still not in the logs', async () => {
      const file = await t.app.inject({ url: '/api/complaints?format=xlsx', headers: { authorization: `Bearer ${tok.regulator}` } });
      expect(file.statusCode).toBe(200);
      const { header, rows } = await readXlsx(file.rawPayload);
      expect(header).toContain('受理编号');
      expect(rows.length).toBeGreaterThanOrEqual(2);
      const text = JSON.stringify(rows);
      expect(text).not.toContain(PHONE);
      expect(text).not.toContain(NAME);
      expect(text).not.toContain('王**');
      expect(file.rawPayload.toString('latin1')).not.toContain(PHONE);
      const all = t.logs.join('\n');
      expect(all).not.toContain(PHONE);
      expect(all).not.toContain(NAME);
    });

    it('an anonymous complaint has nothing to reveal, and may not carry a name', async () => {
      const res = await submit(me, complaintBody({ anonymous: true, contactPhone: PHONE }));
      expectErrorBody(res, 400, 'VALIDATION_FAILED');
      expect(res.body.message).toContain('匿名');
    });
  });

  describe('a report about an unregistered stall', () => {
    const me = client();
    let id: string;

    it('goes to the regulators of the county the reporter chose; check, extend once, open a case, tell, handle', async () => {
      const missing = await submit(me, { kind: 'report', description: '夜市烧烤摊使用来源不明的肉', happenedOn: today, anonymous: true });
      expectErrorBody(missing, 400, 'VALIDATION_FAILED');
      expect(missing.body.message).toMatch(/经营者名称/);
      const res = await submit(me, { kind: 'report', businessName: '夜市无名烧烤摊', businessAddress: '新城区夜市东口', regionCode: '150102', description: '夜市烧烤摊使用来源不明的肉', happenedOn: today, anonymous: true });
      expect(res.status).toBe(201);
      expect(res.body.trackingNo.startsWith('JB')).toBe(true);
      id = await idOf(res.body.trackingNo);
      expect((await official(tok.farRegulator, '/api/complaints')).body.items.map((c: any) => c.id)).not.toContain(id);
      const detail = await official(tok.regulator, `/api/complaints/${id}`);
      expect(detail.body).toMatchObject({ enterpriseId: null, businessName: '夜市无名烧烤摊', actions: ['start_check', 'extend_check', 'open_case', 'not_open', 'reply'] });
      const due15 = detail.body.dueDate;
      expectErrorBody(await act(tok.regulator, id, 'accept'), 409, 'COMPLAINT_ACTION_NOT_ALLOWED');
      expect((await act(tok.regulator, id, 'start_check')).body.status).toBe('checking');
      const extended = await act(tok.regulator, id, 'extend_check', '检测需时，经局长批准延长');
      expect(extended.body.dueDate > due15).toBe(true);
      expect(extended.body.deadlines[0]).toMatchObject({ key: 'check', workingDays: 30 });
      expectErrorBody(await act(tok.regulator, id, 'extend_check', '再延一次'), 409, 'COMPLAINT_ALREADY_EXTENDED');
      expect((await act(tok.regulator, id, 'open_case')).body).toMatchObject({ status: 'case_opened', dueDate: null, overdue: false });
      expect((await act(tok.regulator, id, 'notify', '已立案调查，感谢您的举报')).body.status).toBe('notified');
      const ids = async (q: string) => (await official(tok.regulator, `/api/complaints?pageSize=100&${q}`)).body.items.map((c: any) => c.id);
      expect(await ids('open=true')).toContain(id);
      expect((await act(tok.regulator, id, 'close')).body).toMatchObject({ status: 'handled', statusLabel: '已处理', actions: [] });
      // 未办结 (the officials' home counts these) no longer lists it; 已办结 does.
      expect(await ids('open=true')).not.toContain(id);
      expect(await ids('open=false')).toContain(id);
      expectErrorBody(await official(tok.regulator, '/api/complaints?open=maybe'), 400, 'VALIDATION_FAILED');
    });
  });

  describe('challenge and rate limits', () => {
    it('a wrong answer or a reused token is refused in Chinese', async () => {
      const me = client();
      const ch = await challenge(me);
      const wrong = await pub(me, { method: 'POST', url: '/api/public/complaints', key: freshKey(), body: { ...complaintBody(), ...ch, challengeAnswer: String(Number(ch.challengeAnswer) + 1) } });
      expectErrorBody(wrong, 400, 'CHALLENGE_FAILED');
      const ok = await pub(me, { method: 'POST', url: '/api/public/complaints', key: freshKey(), body: { ...complaintBody(), ...ch } });
      expect(ok.status).toBe(201);
      const reused = await pub(me, { method: 'POST', url: '/api/public/complaints', key: freshKey(), body: { ...complaintBody(), ...ch } });
      expectErrorBody(reused, 400, 'CHALLENGE_EXPIRED');
      const noDevice = await t.app.inject({ method: 'POST', url: '/api/public/complaints', headers: { 'content-type': 'application/json', 'idempotency-key': freshKey() }, payload: JSON.stringify({ ...complaintBody(), ...(await challenge(me)) }) });
      expect(noDevice.statusCode).toBe(400);
      expect(JSON.parse(noDevice.body).code).toBe('DEVICE_ID_REQUIRED');
    });

    it('one device may submit 3 times in 10 minutes, whatever its address', async () => {
      const device = `dev-${randomUUID()}`;
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await submit({ ...client(), device }, complaintBody())).status);
      expect(statuses).toEqual([201, 201, 201, 429]);
    });

    it('a flood from one address is answered 429 in Chinese, and the server stays responsive', async () => {
      const ip = client().ip;
      // Each with its own device and a valid challenge: only the per-IP limit stops them.
      const bodies = await Promise.all(Array.from({ length: 40 }, async () => ({ c: { ip, device: `dev-${randomUUID()}` } })));
      const challenges = await Promise.all(bodies.map(async ({ c }) => ({ c, ch: await challenge({ ...c, ip: client().ip }) })));
      const started = Date.now();
      const results = await Promise.all(challenges.map(({ c, ch }) => pub(c, { method: 'POST', url: '/api/public/complaints', key: freshKey(), body: { ...complaintBody(), ...ch } })));
      const floodMs = Date.now() - started;
      expect(results.filter((r) => r.status === 201)).toHaveLength(5);
      const refused = results.filter((r) => r.status === 429);
      expect(refused).toHaveLength(35);
      expectErrorBody(refused[0], 429, 'COMPLAINT_RATE_LIMITED');
      expect(refused[0].body.message).toMatch(/提交过于频繁/);
      expect(Number(refused[0].headers['retry-after'])).toBeGreaterThan(0);
      // Someone else, right after: answered, and quickly.
      const before = Date.now();
      const other = client();
      const page = await pub(other, { url: `/api/public/enterprises/${homeId}` });
      expect(page.status).toBe(200);
      expect((await submit(other, complaintBody())).status).toBe(201);
      expect(Date.now() - before).toBeLessThan(Math.max(2000, floodMs));
      expect((await t.request({ url: '/api/health' })).status).toBe(200);
    });

    it('a client not behind a trusted proxy cannot name its own address to escape the limit', async () => {
      // 203.0.113.9 connects directly (not loopback, so TRUST_PROXY's default does not believe it)
      // and claims a new X-Forwarded-For each time: every request still counts against 203.0.113.9.
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) {
        const res = await t.app.inject({ method: 'GET', url: '/api/public/challenge', remoteAddress: '203.0.113.9', headers: { 'x-forwarded-for': `198.51.100.${i + 1}` } });
        statuses.push(res.statusCode);
      }
      expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
      expect(statuses[30]).toBe(429);
    });
  });

  it('every endpoint is in the OpenAPI document', async () => {
    const doc = (await t.request({ url: '/api/docs-json' })).body;
    for (const path of [
      '/api/public/enterprises/{id}',
      '/api/public/enterprises',
      '/api/public/challenge',
      '/api/public/complaint-photos',
      '/api/public/complaints',
      '/api/public/complaints/{trackingNo}',
      '/api/complaints',
      '/api/complaints/{id}',
      '/api/complaints/{id}/assign',
      '/api/complaints/{id}/actions',
      '/api/complaints/{id}/reveal',
      '/api/complaints/{id}/photos/{photoId}',
      '/api/working-calendar/{year}',
    ]) expect(Object.keys(doc.paths)).toContain(path);
    expect(doc.paths['/api/public/complaints'].post.summary).toMatch(/查询码/);
  });

  describe('statutory deadlines in working days, from the editable calendar', () => {
    let id: string;
    const NATIONAL_DAY = [
      { date: '2026-09-20', kind: 'workday', name: '国庆节调休上班' },
      ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday', name: '国庆节' })),
      { date: '2026-10-10', kind: 'workday', name: '国庆节调休上班' },
    ];

    it('a fresh complaint is due 7 working days after today by the stored calendar, not overdue', async () => {
      const res = await submit(client(), complaintBody());
      id = await idOf(res.body.trackingNo);
      const cal = (await official(tok.regulator, `/api/working-calendar/${today.slice(0, 4)}`)).body;
      const next = (await official(tok.regulator, `/api/working-calendar/${Number(today.slice(0, 4)) + 1}`)).body;
      const detail = (await official(tok.regulator, `/api/complaints/${id}`)).body;
      expect(detail.deadlines).toEqual([expect.objectContaining({ key: 'acceptance', from: today, due: addWorkingDays(today, 7, workingCalendarOf([...cal.days, ...next.days])), overdue: false, doneOn: null })]);
      expect(detail.overdue).toBe(false);
    });

    it('received on 30 September 2026 across National Day (holidays Oct 1–7, Saturday Oct 10 worked): due Oct 15, overdue since', async () => {
      await t.ds.query('UPDATE complaints SET received_date = ? WHERE id = ?', ['2026-09-30', id]);
      expectErrorBody(await official(tok.regulator, '/api/working-calendar/2026', 'PUT', { days: NATIONAL_DAY }), 403);
      const bad = await official(adminTok, '/api/working-calendar/2026', 'PUT', { days: [{ date: '2026-10-12', kind: 'workday', name: '错误' }] });
      expectErrorBody(bad, 400, 'VALIDATION_FAILED');
      expect(bad.body.message).toContain('不是周六或周日');
      const put = await official(adminTok, '/api/working-calendar/2026', 'PUT', { days: NATIONAL_DAY });
      expect(put.status).toBe(200);
      expect(put.body.days).toHaveLength(9);
      const detail = (await official(tok.regulator, `/api/complaints/${id}`)).body;
      expect(detail.deadlines[0]).toMatchObject({ key: 'acceptance', from: '2026-09-30', due: '2026-10-15', overdue: today > '2026-10-15' });
      expect(detail).toMatchObject({ dueDate: '2026-10-15', overdue: today > '2026-10-15' });
      const overdueIds = (await official(tok.regulator, '/api/complaints?overdue=true&pageSize=100')).body.items.map((c: any) => c.id);
      expect(overdueIds.includes(id)).toBe(today > '2026-10-15');
      const notOverdueIds = (await official(tok.regulator, '/api/complaints?overdue=false&pageSize=100')).body.items.map((c: any) => c.id);
      expect(notOverdueIds.includes(id)).toBe(!(today > '2026-10-15'));
    });

    it('without the holidays the same complaint would have been due on Oct 9: an edit moves running deadlines', async () => {
      await official(adminTok, '/api/working-calendar/2026', 'PUT', { days: [] });
      expect((await official(tok.regulator, `/api/complaints/${id}`)).body.dueDate).toBe('2026-10-09');
      await official(adminTok, '/api/working-calendar/2026', 'PUT', { days: NATIONAL_DAY });
      expect((await official(tok.regulator, `/api/complaints/${id}`)).body.dueDate).toBe('2026-10-15');
      // A decision stops the clock: the deadline is met (or late), nothing runs.
      const accepted = (await act(tok.regulator, id, 'accept')).body;
      expect(accepted.deadlines[0]).toMatchObject({ key: 'acceptance', doneOn: today, overdue: today > '2026-10-15' });
      expect(accepted.deadlines[1]).toMatchObject({ key: 'mediation', from: today, workingDays: 45, overdue: false });
      expect(accepted.overdue).toBe(false);
    });
  });
});
