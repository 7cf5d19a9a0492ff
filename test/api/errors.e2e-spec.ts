// Every failure a client can provoke answers in one shape — { code, message (Chinese), requestId }
// — with the right status, and never leaks a stack trace or SQL.
import { JwtService } from '@nestjs/jwt';
import { DEMO, expectErrorBody, InjectResult, startTestApp, TestApp } from './harness';

describe('error responses', () => {
  let t: TestApp;
  let officer: string;
  beforeAll(async () => {
    t = await startTestApp();
    officer = (await t.login(DEMO.officer)).accessToken;
  });
  afterAll(() => t?.close());

  it('malformed JSON → 400 MALFORMED_JSON in Chinese', async () => {
    const res = await t.request({ method: 'POST', url: '/api/auth/login', payload: '{"phone": "13900000001", ', headers: { 'content-type': 'application/json' } });
    expectErrorBody(res, 400, 'MALFORMED_JSON');
    expect(res.body.message).toContain('JSON');
  });

  it('an empty JSON body → 400 MALFORMED_JSON', async () => {
    const res = await t.request({ method: 'POST', url: '/api/auth/login', payload: '', headers: { 'content-type': 'application/json' } });
    expectErrorBody(res, 400, 'MALFORMED_JSON');
    expect(res.body.message).toContain('请求体为空');
  });

  it('no body at all → 400 naming the missing fields', async () => {
    const res = await t.request({ method: 'POST', url: '/api/auth/login' });
    expectErrorBody(res, 400, 'VALIDATION_FAILED');
    expect(res.body.message).toContain('手机号');
    expect(res.body.message).toContain('密码');
  });

  it('a JSON array or string instead of an object → 400, not 500', async () => {
    for (const payload of ['[]', '"13900000001"', 'null', '42']) {
      const res = await t.request({ method: 'POST', url: '/api/auth/login', payload, headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
      expectErrorBody(res, 400);
    }
  });

  it('an unknown field → 400 naming it', async () => {
    const res = await t.request({ method: 'POST', url: '/api/auth/login', body: { phone: DEMO.officer, password: 'Demo@2026', foo: 1 } });
    expectErrorBody(res, 400, 'VALIDATION_FAILED');
    expect(res.body.message).toContain('不允许的字段「foo」');
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'foo' })]));
  });

  it('an unknown nested field → 400 naming where it is', async () => {
    const items = [{ code: 'D01', result: 'pass', colour: 'red' }];
    const res = await t.request({ method: 'POST', url: '/api/daily-checks', token: officer, headers: { 'idempotency-key': 'errors-nested-1' }, body: { businessDate: '2026-01-05', items } });
    expectErrorBody(res, 400, 'VALIDATION_FAILED');
    expect(res.body.message).toContain('colour');
    expect(res.body.message).toContain('检查项第1项');
  });

  it('a wrong type (phone as a number) → 400 naming 手机号', async () => {
    const res = await t.request({ method: 'POST', url: '/api/auth/login', body: { phone: 13900000001, password: 'Demo@2026' } });
    expectErrorBody(res, 400, 'VALIDATION_FAILED');
    expect(res.body.message).toContain('手机号');
    expect(res.body.message).not.toMatch(/must be|should/);
  });

  it('a badly formed phone → 400 naming 手机号', async () => {
    const res = await t.request({ method: 'POST', url: '/api/auth/login', body: { phone: '1390000', password: 'x' } });
    expectErrorBody(res, 400, 'VALIDATION_FAILED');
    expect(res.body.message).toContain('手机号');
  });

  it('an invalid UUID path parameter → 400, not a lookup', async () => {
    for (const url of ['/api/daily-checks/not-a-uuid', '/api/enterprises/123', "/api/daily-checks/1' OR '1'='1"]) {
      const res = await t.request({ url: encodeURI(url), token: officer });
      expectErrorBody(res, 400, 'VALIDATION_FAILED');
      expect(res.body.message).toContain('格式无效');
    }
  });

  it('a well-formed but unknown id → 404 in Chinese', async () => {
    const res = await t.request({ url: '/api/daily-checks/00000000-0000-4000-8000-000000000000', token: officer });
    expectErrorBody(res, 404, 'NOT_FOUND');
  });

  it('an unknown route → 404 in the same shape, with or without a token', async () => {
    expectErrorBody(await t.request({ url: '/api/no-such-thing' }), 404, 'NOT_FOUND');
    expectErrorBody(await t.request({ url: '/api/no-such-thing', token: officer }), 404, 'NOT_FOUND');
    expectErrorBody(await t.request({ method: 'DELETE', url: '/api/daily-checks', token: officer }), 404);
  });

  it('bad query parameters → 400 naming them', async () => {
    const res = await t.request({ url: '/api/daily-checks?pageSize=abc', token: officer });
    expectErrorBody(res, 400, 'VALIDATION_FAILED');
    expect(res.body.message).toContain('每页条数');
    const unknown = await t.request({ url: '/api/daily-checks?sort=id', token: officer });
    expectErrorBody(unknown, 400, 'VALIDATION_FAILED');
    expect(unknown.body.message).toContain('sort');
    const badDate = await t.request({ url: '/api/daily-checks?from=2026-02-30', token: officer });
    expectErrorBody(badDate, 400, 'VALIDATION_FAILED');
    expect(badDate.body.message).toContain('开始日期');
  });

  it('no token → 401 UNAUTHENTICATED', async () => {
    const res = await t.request({ url: '/api/auth/me' });
    expectErrorBody(res, 401, 'UNAUTHENTICATED');
    expectErrorBody(await t.request({ url: '/api/daily-checks' }), 401, 'UNAUTHENTICATED');
    expectErrorBody(await t.request({ url: '/api/auth/me', headers: { authorization: officer } }), 401, 'UNAUTHENTICATED');
  });

  it('a garbage or forged token → 401', async () => {
    expectErrorBody(await t.request({ url: '/api/auth/me', token: 'garbage' }), 401, 'UNAUTHENTICATED');
    expectErrorBody(await t.request({ url: '/api/auth/me', token: `${officer}x` }), 401, 'UNAUTHENTICATED');
    // Signed with another secret.
    const forged = new JwtService({ secret: 'some-other-secret-that-is-long-enough-000000' }).sign({ sub: 'x', name: 'x', role: 'admin', ent: null, reg: null, lvl: null });
    expectErrorBody(await t.request({ url: '/api/auth/me', token: forged }), 401, 'UNAUTHENTICATED');
    // alg: none
    const [, payload] = officer.split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    expectErrorBody(await t.request({ url: '/api/auth/me', token: none }), 401, 'UNAUTHENTICATED');
  });

  it('an expired token → 401 AUTH_TOKEN_EXPIRED', async () => {
    const jwt = new JwtService({ secret: t.config.jwt.secret });
    const payload = JSON.parse(Buffer.from(officer.split('.')[1], 'base64url').toString());
    const expired = jwt.sign({ sub: payload.sub, name: payload.name, role: payload.role, ent: payload.ent, reg: payload.reg, lvl: payload.lvl, exp: Math.floor(Date.now() / 1000) - 60 });
    const res = await t.request({ url: '/api/auth/me', token: expired });
    expectErrorBody(res, 401, 'AUTH_TOKEN_EXPIRED');
  });

  it('a wrong content type → 415 in the same shape', async () => {
    const res = await t.request({ method: 'POST', url: '/api/auth/login', payload: '<phone>13900000001</phone>', headers: { 'content-type': 'application/xml' } });
    expectErrorBody(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('a body over the limit → 413 in the same shape', async () => {
    const res = await t.request({ method: 'POST', url: '/api/auth/login', body: { phone: DEMO.officer, password: 'x'.repeat(1024 * 1024 + 10) } });
    expectErrorBody(res, 413);
  });

  it('echoes a sane client request id and ignores an unsafe one', async () => {
    const mine = await t.request({ url: '/api/auth/me', headers: { 'x-request-id': 'client-req-12345678' } });
    expect(mine.body.requestId).toBe('client-req-12345678');
    const unsafe = await t.request({ url: '/api/auth/me', headers: { 'x-request-id': '<script>alert(1)</script>' } });
    expect(unsafe.body.requestId).not.toContain('<');
    expectErrorBody(unsafe, 401);
  });

  it('no error body ever carries a stack trace or SQL (sweep)', async () => {
    const results: InjectResult[] = await Promise.all([
      t.request({ method: 'POST', url: '/api/auth/login', payload: '{', headers: { 'content-type': 'application/json' } }),
      t.request({ method: 'POST', url: '/api/auth/refresh', body: { refreshToken: "' OR 1=1 --" } }),
      t.request({ url: '/api/regions?parentCode=abc' }),
      t.request({ url: "/api/daily-checks?enterpriseId=' OR 1=1", token: officer }),
      t.request({ url: '/api/daily-checks?page=0', token: officer }),
      t.request({ url: '/api/daily-checks?page=-1', token: officer }),
      t.request({ url: '/api/daily-checks?regionCode=15%25', token: officer }),
      t.request({ method: 'POST', url: '/api/daily-checks', token: officer, headers: { 'idempotency-key': 'sweep-0001' }, body: { businessDate: 20260101, items: 'all' } }),
      t.request({ method: 'POST', url: '/api/daily-checks', token: officer, headers: { 'idempotency-key': 'sweep-0002' }, body: { businessDate: '2026-01-01', items: [null] } }),
      t.request({ method: 'POST', url: '/api/daily-checks', token: officer, headers: { 'idempotency-key': 'sweep-0003' }, body: { businessDate: '2026-01-01', items: [{ code: 'D01', result: 'maybe' }] } }),
    ]);
    for (const res of results) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectErrorBody(res, res.status);
    }
  });
});
