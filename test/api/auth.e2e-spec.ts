// Login, lockout, refresh-token rotation with reuse detection, /me, and WeChat binding.
import { Role } from '@shian/shared';
import { RefreshToken } from '../../server/src/auth/refresh-token.entity';
import { User } from '../../server/src/auth/user.entity';
import { DEMO, DEMO_PASSWORD, expectErrorBody, insertUser, startTestApp, TestApp } from './harness';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const login = (phone: string, password: string) => t.request({ method: 'POST', url: '/api/auth/login', body: { phone, password } });
  const refresh = (refreshToken: string) => t.request({ method: 'POST', url: '/api/auth/refresh', body: { refreshToken } });
  const wechat = (body: Record<string, string>) => t.request({ method: 'POST', url: '/api/auth/wechat', body });

  describe('login', () => {
    it('returns tokens and the user, without secrets', async () => {
      const res = await login(DEMO.officer, DEMO_PASSWORD);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        expiresIn: 900,
        user: expect.objectContaining({ phone: DEMO.officer, role: 'officer', name: '李安全', enterpriseName: '新城区青城味道餐馆' }),
      });
      expect(res.body.accessToken.split('.')).toHaveLength(3);
      expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|\$2[aby]\$/);
      const me = await t.request({ url: '/api/auth/me', token: res.body.accessToken });
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(res.body.user.id);
    });

    it('/me shows the region of an official, and the full phone to its owner', async () => {
      const { accessToken } = await t.login(DEMO.regulator);
      const me = await t.request({ url: '/api/auth/me', token: accessToken });
      expect(me.status).toBe(200);
      expect(me.body).toEqual(expect.objectContaining({ phone: DEMO.regulator, role: 'regulator', regionCode: '150102', regionName: '新城区', enterpriseId: null }));
      expect(me.body).not.toHaveProperty('passwordHash');
    });

    it('a wrong password and an unknown phone get the same 401 answer', async () => {
      const wrong = await login(DEMO.principal, 'not-the-password');
      const unknown = await login('13812345678', 'not-the-password');
      expectErrorBody(wrong, 401, 'AUTH_INVALID_CREDENTIALS');
      expectErrorBody(unknown, 401, 'AUTH_INVALID_CREDENTIALS');
      expect(unknown.body.message).toBe(wrong.body.message);
      expect(wrong.body.message).toBe('手机号或密码错误');
      // One failure is not a lock: the right password still works (and resets the count).
      expect((await login(DEMO.principal, DEMO_PASSWORD)).status).toBe(200);
    });

    it('a deactivated account cannot log in, with the same answer as a wrong password', async () => {
      const u = await insertUser(t, { role: Role.Regulator, regionCode: '150102', active: false });
      const res = await login(u.phone, u.password);
      expectErrorBody(res, 401, 'AUTH_INVALID_CREDENTIALS');
    });

    it('the password is case-sensitive and not trimmed', async () => {
      const u = await insertUser(t, { role: Role.Regulator, regionCode: '150102' });
      expect((await login(u.phone, DEMO_PASSWORD.toLowerCase())).status).toBe(401);
      expect((await login(u.phone, ` ${DEMO_PASSWORD}`)).status).toBe(401);
      expect((await login(u.phone, DEMO_PASSWORD)).status).toBe(200);
    });
  });

  describe('lockout', () => {
    it('locks after 5 wrong passwords: the 5th answer is 423, then even the right password is refused', async () => {
      const u = await insertUser(t, { role: Role.Regulator, regionCode: '150102' });
      const other = await insertUser(t, { role: Role.Regulator, regionCode: '150102' });
      for (let i = 1; i <= 4; i++) {
        expectErrorBody(await login(u.phone, `wrong-${i}`), 401, 'AUTH_INVALID_CREDENTIALS');
      }
      const fifth = await login(u.phone, 'wrong-5');
      expectErrorBody(fifth, 423, 'AUTH_ACCOUNT_LOCKED');
      expect(fifth.body.message).toMatch(/锁定.*15 分钟/);
      expect(Number(fifth.headers['retry-after'])).toBe(15 * 60);

      const right = await login(u.phone, u.password);
      expectErrorBody(right, 423, 'AUTH_ACCOUNT_LOCKED');
      expect(right.body).not.toHaveProperty('accessToken');
      // Still locked on the next try, too.
      expectErrorBody(await login(u.phone, u.password), 423, 'AUTH_ACCOUNT_LOCKED');

      // A different user is unaffected.
      expect((await login(other.phone, other.password)).status).toBe(200);
    });

    it('the lock ends when its time is up, and the count starts again from zero', async () => {
      const u = await insertUser(t, { role: Role.Regulator, regionCode: '150102' });
      for (let i = 1; i <= 5; i++) await login(u.phone, `wrong-${i}`);
      expect((await login(u.phone, u.password)).status).toBe(423);
      // Time passes: move the lock into the past.
      await t.ds.getRepository(User).update({ id: u.id }, { lockedUntil: new Date(Date.now() - 1000) });
      expect((await login(u.phone, u.password)).status).toBe(200);
      // A single wrong password after the lock is a plain 401 again.
      expectErrorBody(await login(u.phone, 'wrong-again'), 401, 'AUTH_INVALID_CREDENTIALS');
    });

    it('a successful login resets the failure count', async () => {
      const u = await insertUser(t, { role: Role.Regulator, regionCode: '150102' });
      for (let i = 1; i <= 4; i++) expect((await login(u.phone, `wrong-${i}`)).status).toBe(401);
      expect((await login(u.phone, u.password)).status).toBe(200);
      for (let i = 1; i <= 4; i++) expect((await login(u.phone, `wrong-${i}`)).status).toBe(401);
      expect((await login(u.phone, u.password)).status).toBe(200);
    });

    it('concurrent wrong guesses all count', async () => {
      const u = await insertUser(t, { role: Role.Regulator, regionCode: '150102' });
      const answers = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => login(u.phone, `wrong-${i}`)));
      expect(answers.map((a) => a.status)).toContain(423);
      expectErrorBody(await login(u.phone, u.password), 423, 'AUTH_ACCOUNT_LOCKED');
    });

    it('refresh tokens issued before the lock keep working (the lock is about passwords)', async () => {
      const u = await insertUser(t, { role: Role.Regulator, regionCode: '150102' });
      const session = await t.login(u.phone);
      for (let i = 1; i <= 5; i++) await login(u.phone, `wrong-${i}`);
      expect((await login(u.phone, u.password)).status).toBe(423);
      expect((await refresh(session.refreshToken)).status).toBe(200);
    });
  });

  describe('refresh', () => {
    it('rotates: each refresh token works once and the new pair works', async () => {
      const first = await t.login(DEMO.director);
      const r1 = await refresh(first.refreshToken);
      expect(r1.status).toBe(200);
      expect(r1.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
      expect(r1.body.refreshToken).not.toBe(first.refreshToken);
      const me = await t.request({ url: '/api/auth/me', token: r1.body.accessToken });
      expect(me.status).toBe(200);
      expect(me.body.phone).toBe(DEMO.director);
      const r2 = await refresh(r1.body.refreshToken);
      expect(r2.status).toBe(200);
      expect(r2.body.refreshToken).not.toBe(r1.body.refreshToken);
    });

    it('reusing an old token → 401 and the whole family is revoked, the newest token too', async () => {
      const first = await t.login(DEMO.director);
      const otherLogin = await t.login(DEMO.director);
      const r1 = await refresh(first.refreshToken);
      const r2 = await refresh(r1.body.refreshToken);
      expect(r2.status).toBe(200);

      const reuse = await refresh(first.refreshToken);
      expectErrorBody(reuse, 401, 'AUTH_INVALID_REFRESH_TOKEN');
      expect(reuse.body.message).toContain('重新登录');
      // The thief's copy and the owner's newest token are both dead now.
      expectErrorBody(await refresh(r2.body.refreshToken), 401, 'AUTH_INVALID_REFRESH_TOKEN');
      expectErrorBody(await refresh(r1.body.refreshToken), 401, 'AUTH_INVALID_REFRESH_TOKEN');
      // Another login of the same user (another device) is a different family, unaffected.
      expect((await refresh(otherLogin.refreshToken)).status).toBe(200);
    });

    it('reusing the token just used (a plain double submit) also revokes the family', async () => {
      const first = await t.login(DEMO.principal);
      const r1 = await refresh(first.refreshToken);
      expect(r1.status).toBe(200);
      expect((await refresh(first.refreshToken)).status).toBe(401);
      expect((await refresh(r1.body.refreshToken)).status).toBe(401);
    });

    it('two concurrent uses of one token: exactly one wins', async () => {
      const first = await t.login(DEMO.principal);
      const answers = await Promise.all([refresh(first.refreshToken), refresh(first.refreshToken)]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 401]);
    });

    it('an unknown or expired refresh token → 401', async () => {
      expectErrorBody(await refresh('not-a-real-token'), 401, 'AUTH_INVALID_REFRESH_TOKEN');
      const u = await insertUser(t, { role: Role.Regulator, regionCode: '150102' });
      const session = await t.login(u.phone);
      await t.ds.getRepository(RefreshToken).update({ userId: u.id }, { expiresAt: new Date(Date.now() - 1000) });
      expectErrorBody(await refresh(session.refreshToken), 401, 'AUTH_INVALID_REFRESH_TOKEN');
    });

    it('a deactivated user cannot refresh', async () => {
      const u = await insertUser(t, { role: Role.Regulator, regionCode: '150102' });
      const session = await t.login(u.phone);
      await t.ds.getRepository(User).update({ id: u.id }, { active: false });
      expectErrorBody(await refresh(session.refreshToken), 401, 'AUTH_INVALID_REFRESH_TOKEN');
    });

    it('an access token is not a refresh token', async () => {
      const session = await t.login(DEMO.cadre);
      const res = await refresh(session.accessToken);
      expect([400, 401]).toContain(res.status);
      expectErrorBody(res, res.status);
      expect(res.body).not.toHaveProperty('accessToken');
    });
  });

  it('logs each request but never a password, a token or a query string', async () => {
    const session = await t.login(DEMO.cadre);
    await login(DEMO.cadre, 'Wrong#Secret-123');
    await refresh(session.refreshToken);
    await t.request({ url: '/api/auth/me?secret=Query-Secret-9', token: session.accessToken });
    const all = t.logs.join('\n');
    expect(t.logs.some((l) => JSON.parse(l).msg === 'request' && JSON.parse(l).path === '/api/auth/login')).toBe(true);
    for (const secret of [DEMO_PASSWORD, 'Wrong#Secret-123', session.accessToken, session.refreshToken, 'Query-Secret-9']) {
      expect(all).not.toContain(secret);
    }
  });

  describe('WeChat login (development code2session)', () => {
    it('unbound code → 404 AUTH_WECHAT_NOT_BOUND; binding with phone+password logs in; then the code alone does', async () => {
      const u = await insertUser(t, { role: Role.Regulator, regionCode: '150102', name: '微信测试' });
      const code = `wx-code-${u.id}`;
      const unbound = await wechat({ code });
      expectErrorBody(unbound, 404, 'AUTH_WECHAT_NOT_BOUND');
      expect(unbound.body.message).toContain('绑定');

      const bind = await wechat({ code, phone: u.phone, password: u.password });
      expect(bind.status).toBe(200);
      expect(bind.body.user).toEqual(expect.objectContaining({ id: u.id, phone: u.phone, name: '微信测试' }));
      expect(bind.body.accessToken).toEqual(expect.any(String));

      const again = await wechat({ code });
      expect(again.status).toBe(200);
      expect(again.body.user.id).toBe(u.id);
      const me = await t.request({ url: '/api/auth/me', token: again.body.accessToken });
      expect(me.body.id).toBe(u.id);

      // Another WeChat account (another code → another openid) is still unbound.
      expectErrorBody(await wechat({ code: `${code}-other` }), 404, 'AUTH_WECHAT_NOT_BOUND');
    });

    it('binding with a wrong password fails and binds nothing', async () => {
      const u = await insertUser(t, { role: Role.Regulator, regionCode: '150102' });
      const code = `wx-wrong-${u.id}`;
      expectErrorBody(await wechat({ code, phone: u.phone, password: 'wrong' }), 401, 'AUTH_INVALID_CREDENTIALS');
      expectErrorBody(await wechat({ code }), 404, 'AUTH_WECHAT_NOT_BOUND');
      expect((await t.ds.getRepository(User).findOneByOrFail({ id: u.id })).wechatOpenId).toBeNull();
    });

    it('wrong passwords through WeChat binding count toward the lockout', async () => {
      const u = await insertUser(t, { role: Role.Regulator, regionCode: '150102' });
      const code = `wx-lock-${u.id}`;
      for (let i = 1; i <= 4; i++) expect((await wechat({ code, phone: u.phone, password: `wrong-${i}` })).status).toBe(401);
      expectErrorBody(await wechat({ code, phone: u.phone, password: 'wrong-5' }), 423, 'AUTH_ACCOUNT_LOCKED');
      expectErrorBody(await login(u.phone, u.password), 423, 'AUTH_ACCOUNT_LOCKED');
    });

    it('a bound but deactivated account cannot log in by WeChat', async () => {
      const u = await insertUser(t, { role: Role.Regulator, regionCode: '150102' });
      const code = `wx-inactive-${u.id}`;
      expect((await wechat({ code, phone: u.phone, password: u.password })).status).toBe(200);
      await t.ds.getRepository(User).update({ id: u.id }, { active: false });
      expectErrorBody(await wechat({ code }), 401, 'AUTH_INVALID_CREDENTIALS');
    });

    it('a missing code → 400 naming it', async () => {
      const res = await wechat({ phone: DEMO.officer, password: DEMO_PASSWORD });
      expectErrorBody(res, 400, 'VALIDATION_FAILED');
      expect(res.body.message).toContain('编码');
    });
  });
});

describe('auth in production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production', SEED_DEMO: 'false', DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') });
  });
  afterAll(() => t?.close());

  it('without WECHAT_APPID/SECRET, WeChat login is refused (no development stand-in) → 503', async () => {
    const res = await t.request({ method: 'POST', url: '/api/auth/wechat', body: { code: 'any-code' } });
    expectErrorBody(res, 503, 'WECHAT_NOT_CONFIGURED');
  });

  it('has no demo accounts', async () => {
    const res = await t.request({ method: 'POST', url: '/api/auth/login', body: { phone: DEMO.admin, password: DEMO_PASSWORD } });
    expectErrorBody(res, 401, 'AUTH_INVALID_CREDENTIALS');
  });
});
