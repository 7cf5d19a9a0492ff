// 三人三责 on the roster: the principal invites the director and officers with one-time codes,
// replacing someone keeps who held the role when, the business sees what it lacks, officials see
// the appointment rates of their region — and an ID number is shown in full to its owner only.
import { checkIdNumber, INVITATION_CODE_ALPHABET, parseInvitationQr, Role, todayInShanghai } from '@shian/shared';
import { DEMO_PENDING_ENTERPRISE, DEMO_PENDING_PRINCIPAL } from '../../server/src/database/seed-demo-onboarding';
import { Invitation } from '../../server/src/invitations/invitation.entity';
import { DEMO, expectErrorBody, firstVillage, insertUser, startTestApp, submitDaily, TestApp } from './harness';
import { accept, invite, onboardingPhone, PASSWORD, realIdNumber, register, registration } from './onboarding-helpers';

describe('roster, invitations and appointment rates', () => {
  let t: TestApp;
  let regulator: string;
  let village: string;
  let enterpriseId: string;
  let principal: string;
  let principalId: string;
  const idNumbers: string[] = [];
  const people: Record<'principal' | 'officer' | 'director', { phone: string; idNumber: string; token: string; userId: string; res?: { body: any } }> = {} as never;

  const staff = (token: string, id = enterpriseId) => t.request({ url: `/api/enterprises/${id}/staff`, token });
  const stats = (token: string, q = '') => t.request({ url: `/api/stats/appointments${q}`, token });
  const townshipOf = (code: string) => code.slice(0, 9);

  /** Accepts an invitation as a new person and logs them in. */
  async function join(code: string, name: string, over: Record<string, unknown> = {}) {
    const person = { phone: onboardingPhone(), idNumber: realIdNumber('19920101'), name, ...over } as { phone: string; idNumber: string; name: string };
    const res = await accept(t, code, person);
    if (res.status !== 201) throw new Error(`accept: ${res.status} ${JSON.stringify(res.body)}`);
    idNumbers.push(person.idNumber);
    const login = await t.login(person.phone, PASSWORD);
    return { ...person, token: login.accessToken, userId: login.user.id, res };
  }

  beforeAll(async () => {
    t = await startTestApp();
    regulator = (await t.login(DEMO.regulator)).accessToken;
    village = await firstVillage(t, '150102');
    // A large restaurant: Order 60 (amended) requires a director.
    const body = registration(village, { name: '人员测试酒楼', scale: 'large' });
    const reg = await register(t, body);
    enterpriseId = reg.body.enterprise.id;
    idNumbers.push(body.principal.idNumber);
    const login = await t.login(body.principal.phone, PASSWORD);
    principal = login.accessToken;
    principalId = login.user.id;
    people.principal = { phone: body.principal.phone, idNumber: body.principal.idNumber, token: principal, userId: principalId };
    expect((await t.request({ method: 'POST', url: `/api/enterprises/${enterpriseId}/confirm`, token: regulator, body: { grade: 'B' } })).status).toBe(200);
  });
  afterAll(() => t?.close());

  it('a new business sees what it lacks against the rule for its type and size', async () => {
    const res = await staff(principal);
    expect(res.status).toBe(200);
    expect(res.body.requirement).toEqual(expect.objectContaining({ directorRequired: true, minDirectors: 1, minOfficers: 1, reason: expect.stringContaining('大中型餐饮服务企业') }));
    expect(res.body.lacks.map((g: { code: string }) => g.code)).toEqual(['director_missing', 'officers_short']);
    expect(res.body.lacks[0].message).toBe('须配备食品安全总监');
    expect(res.body.current).toEqual([expect.objectContaining({ userId: principalId, role: 'principal', appointedOn: todayInShanghai(), idNumberMasked: expect.stringMatching(/^1501\*{10}[\dX]{4}$/) })]);
  });

  it('the principal invites an officer: an 8-character code of the unambiguous alphabet, a QR payload, 72 hours', async () => {
    const before = Date.now();
    const res = await invite(t, principal, 'officer');
    expect(res.status).toBe(201);
    expect(res.body.code).toMatch(new RegExp(`^[${INVITATION_CODE_ALPHABET}]{8}$`));
    expect(parseInvitationQr(res.body.qrPayload)).toBe(res.body.code);
    expect(res.body).toEqual(expect.objectContaining({ role: 'officer', status: 'pending', enterpriseId, enterpriseName: '人员测试酒楼', replaces: null }));
    const hours = (Date.parse(res.body.expiresAt) - before) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThan(72.1);
    // Only its hash is stored.
    const row = await t.ds.getRepository(Invitation).findOneByOrFail({ id: res.body.id });
    expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(res.body.code);

    const preview = await t.request({ url: `/api/invitations/preview?code=${res.body.code.toLowerCase()}` });
    expect(preview.body).toEqual({ enterpriseName: '人员测试酒楼', role: 'officer', expiresAt: res.body.expiresAt });

    people.officer = await join(`${res.body.code.slice(0, 4)}-${res.body.code.slice(4)}`, '周安全');
    expect(people.officer.res!.body).toEqual({
      user: expect.objectContaining({ id: people.officer.userId, role: 'officer', enterpriseId, enterpriseName: '人员测试酒楼', phone: people.officer.phone }),
      enterprise: { id: enterpriseId, name: '人员测试酒楼' },
      role: 'officer',
      appointedOn: todayInShanghai(),
      replaced: null,
    });
    expect((await staff(principal)).body.lacks.map((g: { code: string }) => g.code)).toEqual(['director_missing']);
  });

  it('a code works once: a second person gets 410; the same person retrying gets their answer again', async () => {
    const inv = await invite(t, principal, 'officer');
    const first = { phone: onboardingPhone(), idNumber: realIdNumber('19930303'), name: '吴安全' };
    const a = await accept(t, inv.body.code, first);
    expect(a.status).toBe(201);
    idNumbers.push(first.idNumber);
    const again = await accept(t, inv.body.code, first);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(a.body);
    const other = await accept(t, inv.body.code);
    expectErrorBody(other, 410, 'INVITATION_USED');
    expect(other.body.message).toContain('已被使用');
    expectErrorBody(await t.request({ url: `/api/invitations/preview?code=${inv.body.code}` }), 410, 'INVITATION_USED');
    // The same person again, through a second code: refused (one appointment per person and business).
    const inv2 = await invite(t, principal, 'officer');
    expectErrorBody(await accept(t, inv2.body.code, { idNumber: first.idNumber }), 409, 'PERSON_ALREADY_ON_ROSTER');
    expectErrorBody(await accept(t, inv2.body.code, { phone: DEMO.officer }), 409, 'PHONE_TAKEN');
    // Ended again so later counts hold one officer.
    const end = await t.request({ method: 'POST', url: `/api/enterprises/${enterpriseId}/staff/${a.body.user.id}/end`, token: principal, body: { reason: '试用期未满离职' } });
    expect(end.status).toBe(200);
  });

  it('two people redeeming one code at once: one joins, the other gets 410', async () => {
    const inv = await invite(t, principal, 'officer');
    const [a, b] = await Promise.all([accept(t, inv.body.code), accept(t, inv.body.code)]);
    expect([a.status, b.status].sort()).toEqual([201, 410]);
    const joined = a.status === 201 ? a : b;
    expect((await t.request({ method: 'POST', url: `/api/enterprises/${enterpriseId}/staff/${joined.body.user.id}/end`, token: principal, body: { reason: '测试' } })).status).toBe(200);
  });

  it('unknown, malformed, expired and revoked codes', async () => {
    expectErrorBody(await accept(t, 'ABCD2345'), 404, 'INVITATION_NOT_FOUND');
    expectErrorBody(await accept(t, 'not a code'), 404, 'INVITATION_NOT_FOUND');
    const expired = await invite(t, principal, 'officer');
    await t.ds.getRepository(Invitation).update({ id: expired.body.id }, { expiresAt: new Date(Date.now() - 1000) });
    const late = await accept(t, expired.body.code);
    expectErrorBody(late, 410, 'INVITATION_EXPIRED');
    expect(late.body.message).toContain('已过期');
    const revoked = await invite(t, principal, 'officer');
    expect((await t.request({ method: 'POST', url: `/api/invitations/${revoked.body.id}/revoke`, token: principal })).body.status).toBe('revoked');
    expectErrorBody(await accept(t, revoked.body.code), 410, 'INVITATION_REVOKED');
    expectErrorBody(await t.request({ method: 'POST', url: `/api/invitations/${revoked.body.id}/revoke`, token: principal }), 409, 'INVITATION_NOT_PENDING');
    const list = await t.request({ url: '/api/invitations', token: principal });
    expect(list.body.map((i: { status: string }) => i.status)).toEqual(expect.arrayContaining(['accepted', 'expired', 'revoked']));
    for (const i of list.body) expect(i).not.toHaveProperty('code');
    const future = await invite(t, principal, 'officer');
    const tomorrow = new Date(Date.now() + 86_400_000 * 2).toISOString().slice(0, 10);
    expectErrorBody(await accept(t, future.body.code, { appointedOn: tomorrow }), 400, 'APPOINTED_IN_FUTURE');
  });

  it('only the principal invites; the invitee’s fields are checked like a registration', async () => {
    expectErrorBody(await invite(t, people.officer.token, 'officer'), 403, 'FORBIDDEN');
    expectErrorBody(await invite(t, regulator, 'officer'), 403, 'FORBIDDEN');
    const bad = await t.request({ method: 'POST', url: '/api/invitations', token: principal, body: { role: 'principal' } });
    expectErrorBody(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.message).toContain('角色');
    const inv = await invite(t, principal, 'officer');
    const wrongId = realIdNumber();
    const res = await accept(t, inv.body.code, { idNumber: wrongId.slice(0, 17) + (wrongId[17] === '1' ? '2' : '1'), password: 'short' });
    expectErrorBody(res, 400, 'VALIDATION_FAILED');
    expect(res.body.message).toContain('身份证号');
    expect(res.body.message).toContain('密码');
    // Unused: the bad attempt did not use the code up.
    expect((await t.request({ url: `/api/invitations/preview?code=${inv.body.code}` })).status).toBe(200);
  });

  it('rates: a director makes the region’s 总监配备率 rise; pending businesses do not count', async () => {
    const before = (await stats(regulator)).body;
    expect(before.region.regionCode).toBe('150102');
    const mine = () => (before.children as Array<{ regionCode: string }>).find((c) => c.regionCode === townshipOf(village))!;
    expect(mine()).toBeDefined();

    const inv = await invite(t, principal, 'director');
    expect(inv.body.replaces).toBeNull();
    people.director = await join(inv.body.code, '郑总监');
    expect((await staff(principal)).body.lacks).toEqual([]);

    // A new registration waits: not in the figures yet.
    expect((await register(t, registration(village, { scale: 'large' }))).status).toBe(201);
    const after = (await stats(regulator)).body;
    const row = (s: typeof after) => s.children.find((c: { regionCode: string }) => c.regionCode === townshipOf(village));
    expect(row(after).businesses).toBe(row(before).businesses);
    expect(row(after).requiringDirector).toBe(row(before).requiringDirector);
    expect(row(after).withDirector).toBe(row(before).withDirector + 1);
    expect(after.region.withDirector).toBe(before.region.withDirector + 1);
    // The figures add up and the rates are their ratios.
    for (const key of ['businesses', 'requiringDirector', 'withDirector', 'withOfficer'] as const) {
      expect(after.children.reduce((n: number, c: Record<string, number>) => n + c[key], 0)).toBe(after.region[key]);
    }
    expect(after.region.directorRate).toBeCloseTo(after.region.withDirector / after.region.requiringDirector);
    expect(after.region.officerRate).toBeCloseTo(after.region.withOfficer / after.region.businesses);
    // The demo county: a school canteen (800 diners), a dairy and a meal distributor need a director and have none.
    expect(after.region.requiringDirector).toBeGreaterThanOrEqual(4);
    expect(after.region.directorRate).toBeLessThan(1);
    const township = (await stats(regulator, `?regionCode=${townshipOf(village)}`)).body;
    expect(township.region).toEqual(row(after));
    expect(township.children.every((c: { regionCode: string }) => c.regionCode.length === 12)).toBe(true);
  });

  it('rates stay within the caller’s region', async () => {
    const other = await insertUser(t, { role: Role.Regulator, regionCode: '150103' });
    const token = (await t.login(other.phone)).accessToken;
    expectErrorBody(await stats(token, '?regionCode=150102'), 404, 'NOT_FOUND');
    expectErrorBody(await stats(token, '?regionCode=15'), 404, 'NOT_FOUND');
    const own = (await stats(token)).body;
    expect(own.region.regionCode).toBe('150103');
    expect(own.region.businesses).toBeGreaterThanOrEqual(1);
    expectErrorBody(await stats(principal), 403, 'FORBIDDEN');
    const cadre = (await t.login(DEMO.cadre)).accessToken;
    expect((await stats(cadre)).status).toBe(200);
    const admin = (await t.login(DEMO.admin)).accessToken;
    const country = (await stats(admin)).body;
    expect(country.children.map((c: { regionCode: string }) => c.regionCode)).toEqual(['15']);
    expect(country.region.businesses).toBe(country.children[0].businesses);
  });

  it('replacing the director: the old appointment ends when the new one joins; history keeps both', async () => {
    const inv = await invite(t, principal, 'director');
    expect(inv.body.replaces).toEqual({ userId: people.director.userId, name: '郑总监' });
    // Until the new director joins, the old one stays.
    expect((await staff(principal)).body.current.map((m: { name: string }) => m.name)).toContain('郑总监');
    const next = await join(inv.body.code, '冯总监');
    expect(next.res.body.replaced).toEqual({ userId: people.director.userId, name: '郑总监' });
    const roster = (await staff(principal)).body;
    expect(roster.current.filter((m: { role: string }) => m.role === 'director').map((m: { name: string }) => m.name)).toEqual(['冯总监']);
    const old = roster.history.find((a: { userId: string }) => a.userId === people.director.userId);
    expect(old).toEqual(expect.objectContaining({ role: 'director', name: '郑总监', appointedOn: todayInShanghai(), endedOn: todayInShanghai(), endedReason: '由冯总监接替' }));
    expect(roster.history.find((a: { userId: string }) => a.userId === next.userId)).toEqual(expect.objectContaining({ endedOn: null }));
    // The old director can no longer log in.
    expectErrorBody(await t.request({ method: 'POST', url: '/api/auth/login', body: { phone: people.director.phone, password: PASSWORD } }), 401);
    people.director = next;
  });

  it('ending an officer keeps the records they signed, with their name; they can come back', async () => {
    const inv = await invite(t, principal, 'officer');
    const leaver = await join(inv.body.code, '钱安全');
    const record = await submitDaily(t, leaver.token, todayInShanghai());
    expect(record.status).toBe(201);

    expectErrorBody(await t.request({ method: 'POST', url: `/api/enterprises/${enterpriseId}/staff/${principalId}/end`, token: principal, body: { reason: '我自己' } }), 400, 'PRINCIPAL_NOT_ENDABLE');
    expectErrorBody(await t.request({ method: 'POST', url: `/api/enterprises/${enterpriseId}/staff/${leaver.userId}/end`, token: people.officer.token, body: { reason: 'x' } }), 403, 'FORBIDDEN');
    const noReason = await t.request({ method: 'POST', url: `/api/enterprises/${enterpriseId}/staff/${leaver.userId}/end`, token: principal, body: {} });
    expectErrorBody(noReason, 400, 'VALIDATION_FAILED');
    expect(noReason.body.message).toContain('原因');
    const end = await t.request({ method: 'POST', url: `/api/enterprises/${enterpriseId}/staff/${leaver.userId}/end`, token: principal, body: { reason: '调岗' } });
    expect(end.status).toBe(200);
    expect(end.body.current.map((m: { userId: string }) => m.userId)).not.toContain(leaver.userId);
    expect(end.body.history.find((a: { userId: string }) => a.userId === leaver.userId)).toEqual(expect.objectContaining({ endedOn: todayInShanghai(), endedReason: '调岗' }));
    expectErrorBody(await t.request({ method: 'POST', url: `/api/enterprises/${enterpriseId}/staff/${leaver.userId}/end`, token: principal, body: { reason: '调岗' } }), 409, 'STAFF_NOT_CURRENT');
    expectErrorBody(await t.request({ method: 'POST', url: '/api/auth/login', body: { phone: leaver.phone, password: PASSWORD } }), 401);
    const detail = await t.request({ url: `/api/daily-checks/${record.body.id}`, token: principal });
    expect(detail.body.officerName).toBe('钱安全');

    // Back again with the same phone and ID number: the same account, a second appointment.
    const back = await invite(t, principal, 'officer');
    const res = await accept(t, back.body.code, { phone: leaver.phone, idNumber: leaver.idNumber, name: '钱安全' });
    expect(res.status).toBe(201);
    expect(res.body.user.id).toBe(leaver.userId);
    const history = (await staff(principal)).body.history.filter((a: { userId: string }) => a.userId === leaver.userId);
    expect(history.map((a: { endedOn: string | null }) => a.endedOn)).toEqual(expect.arrayContaining([null, todayInShanghai()]));
    // Someone else cannot take over that phone.
    expect((await t.request({ method: 'POST', url: `/api/enterprises/${enterpriseId}/staff/${leaver.userId}/end`, token: principal, body: { reason: '离职' } })).status).toBe(200);
    const thief = await invite(t, principal, 'officer');
    expectErrorBody(await accept(t, thief.body.code, { phone: leaver.phone }), 409, 'PHONE_TAKEN');
  });

  it('who sees the roster: its own people and officials of the region; phones masked to colleagues', async () => {
    const asOfficer = (await staff(people.officer.token)).body;
    const principalRow = asOfficer.current.find((m: { role: string }) => m.role === 'principal');
    expect(principalRow.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(asOfficer.current.find((m: { userId: string }) => m.userId === people.officer.userId).phone).toBe(people.officer.phone);
    const asPrincipal = (await staff(principal)).body;
    expect(asPrincipal.current.find((m: { userId: string }) => m.userId === people.officer.userId).phone).toBe(people.officer.phone);
    expect((await staff(regulator)).status).toBe(200);
    const other = await insertUser(t, { role: Role.Regulator, regionCode: '150103' });
    expectErrorBody(await staff((await t.login(other.phone)).accessToken), 404, 'NOT_FOUND');
    expectErrorBody(await staff((await t.login(DEMO.officer)).accessToken), 404, 'NOT_FOUND');
  });

  it('a school canteen run by a contractor has two directors (双总监) before a third replaces one', async () => {
    const body = registration(village, { name: '承包食堂', businessType: 'canteen', licenceNo: `JY3150102${String(Date.now()).slice(-7)}`, canteenKind: 'school', contractorOperated: true, dinersPerMeal: 900 });
    const reg = await register(t, body);
    expect(reg.status).toBe(201);
    await t.request({ method: 'POST', url: `/api/enterprises/${reg.body.enterprise.id}/confirm`, token: regulator, body: { grade: 'A' } });
    const p = (await t.login(body.principal.phone, PASSWORD)).accessToken;
    idNumbers.push(body.principal.idNumber);
    const first = await invite(t, p, 'director');
    await join(first.body.code, '校方总监');
    const second = await invite(t, p, 'director');
    expect(second.body.replaces).toBeNull();
    await join(second.body.code, '承包方总监');
    expect((await staff(p, reg.body.enterprise.id)).body.lacks.map((g: { code: string }) => g.code)).toEqual(['officers_short']);
    const third = await invite(t, p, 'director');
    expect(third.body.replaces).toEqual(expect.objectContaining({ name: '校方总监' }));
  });

  it('an ID number is never in any response to anyone but its owner; the owner reads theirs at /api/me/id-number', async () => {
    const other = await insertUser(t, { role: Role.Officer, enterpriseId });
    const tokens = {
      regulator,
      principal,
      officer: people.officer.token,
      director: people.director.token,
      colleague: (await t.login(other.phone)).accessToken,
      cadre: (await t.login(DEMO.cadre)).accessToken,
      admin: (await t.login(DEMO.admin)).accessToken,
    };
    const urls = [
      `/api/enterprises/${enterpriseId}/staff`,
      `/api/enterprises/${enterpriseId}`,
      '/api/enterprises?pageSize=100',
      '/api/enterprises?status=pending&pageSize=100',
      '/api/enterprises/mine/today',
      '/api/auth/me',
      '/api/invitations',
      '/api/stats/appointments',
      `/api/public/enterprises/${enterpriseId}`,
    ];
    expect(idNumbers.length).toBeGreaterThanOrEqual(6);
    let checked = 0;
    for (const [who, token] of Object.entries(tokens)) {
      for (const url of urls) {
        const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
        for (const id of idNumbers) {
          if (res.body.toUpperCase().includes(id)) throw new Error(`${who} GET ${url} returned a full ID number`);
          // Nor the birth date and sequence that the mask hides.
          if (res.body.includes(id.slice(4, 14))) throw new Error(`${who} GET ${url} returned the hidden digits`);
        }
        checked++;
      }
      // /api/me/id-number gives each caller their own number only.
      const me = await t.app.inject({ method: 'GET', url: '/api/me/id-number', headers: { authorization: `Bearer ${token}` } });
      const own = Object.values(people).find((p) => p.token === token)?.idNumber;
      for (const id of idNumbers) if (id !== own) expect(me.body).not.toContain(id);
    }
    expect(checked).toBe(Object.keys(tokens).length * urls.length);

    for (const p of Object.values(people)) {
      const me = await t.request({ url: '/api/me/id-number', token: p.token });
      expect(me.status).toBe(200);
      expect(me.body).toEqual({ idNumber: p.idNumber, masked: `${p.idNumber.slice(0, 4)}**********${p.idNumber.slice(14)}` });
      expect(me.headers['cache-control']).toBe('no-store');
    }
    expectErrorBody(await t.request({ url: '/api/me/id-number', token: regulator }), 404, 'NO_ID_NUMBER');
    expectErrorBody(await t.request({ url: '/api/me/id-number' }), 401);
  });

  it('the demo people have valid ID numbers and appointments; the demo registration waits in 新城区', async () => {
    const home = (await t.login(DEMO.principal)).accessToken;
    for (const phone of [DEMO.officer, DEMO.director, DEMO.principal]) {
      const me = await t.request({ url: '/api/me/id-number', token: (await t.login(phone)).accessToken });
      expect(me.status).toBe(200);
      expect(checkIdNumber(me.body.idNumber).ok).toBe(true);
    }
    const roster = (await t.request({ url: '/api/enterprises/mine/today', token: home })).body.enterprise;
    const demoStaff = (await staff(home, roster.id)).body;
    expect(demoStaff.current.map((m: { role: string; appointmentId: string | null }) => [m.role, !!m.appointmentId])).toEqual([
      ['principal', true],
      ['director', true],
      ['officer', true],
    ]);
    const pending = await t.login(DEMO_PENDING_PRINCIPAL.phone);
    const e = await t.request({ url: `/api/enterprises/${pending.user.enterpriseId}`, token: pending.accessToken });
    expect(e.body).toEqual(expect.objectContaining({ name: DEMO_PENDING_ENTERPRISE, status: 'pending', grade: null }));
    expect(e.body.regionCode.startsWith('150102')).toBe(true);
  });

  it('the owner can record or correct their own number', async () => {
    const legacy = await insertUser(t, { role: Role.Officer, enterpriseId });
    const token = (await t.login(legacy.phone)).accessToken;
    const id = realIdNumber('19870707');
    const res = await t.request({ method: 'PUT', url: '/api/me/id-number', token, body: { idNumber: id } });
    expect(res.status).toBe(200);
    expect(res.body.idNumber).toBe(id);
    expectErrorBody(await t.request({ method: 'PUT', url: '/api/me/id-number', token, body: { idNumber: people.officer.idNumber } }), 409, 'PERSON_ALREADY_ON_ROSTER');
    const good = realIdNumber('19870708');
    const bad = await t.request({ method: 'PUT', url: '/api/me/id-number', token, body: { idNumber: good.slice(0, 17) + (good[17] === '1' ? '2' : '1') } });
    expectErrorBody(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.message).toContain('身份证号');
  });
});
