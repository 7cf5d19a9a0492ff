// A business registers itself on the miniapp (no login): business facts, region down to the
// village, and its principal with an ID number. It waits as 待审核 until a regulator of its region
// confirms it and sets its grade; until then its people can log in but submit no record.
import { BusinessType, EnterpriseStatus, Grade, idNumberCheckChar, monthKey, Role, todayInShanghai, usccCheckChar } from '@shian/shared';
import { User } from '../../server/src/auth/user.entity';
import { Enterprise } from '../../server/src/enterprises/enterprise.entity';
import { Appointment } from '../../server/src/staff/appointment.entity';
import { DEMO, expectErrorBody, firstVillage, freshKey, insertUser, startTestApp, submitDaily, TestApp } from './harness';
import { accept, invite, key, onboardingPhone, PASSWORD, realIdNumber, realJy, realSc, realUscc, register, registration } from './onboarding-helpers';

describe('self-registration', () => {
  let t: TestApp;
  let village102: string;
  let regulator: string;

  beforeAll(async () => {
    t = await startTestApp();
    village102 = await firstVillage(t, '150102');
    regulator = (await t.login(DEMO.regulator)).accessToken;
  });
  afterAll(() => t?.close());

  it('registers a pending business and its principal, who can log in and sees 待审核', async () => {
    const body = registration(village102, { name: '  好味道面馆  ', scale: 'small', contactPhone: '04716661234' });
    const res = await register(t, body);
    expect(res.status).toBe(201);
    expect(res.body.enterprise).toEqual(
      expect.objectContaining({ name: '好味道面馆', uscc: body.uscc, licenceNo: body.licenceNo, status: 'pending', grade: null, regionCode: village102, contactName: '陈店主', contactPhone: '04716661234', scale: 'small', confirmedAt: null }),
    );
    expect(res.body.principal).toEqual({
      userId: expect.any(String),
      appointmentId: expect.any(String),
      role: 'principal',
      name: '陈店主',
      phone: body.principal.phone,
      idNumberMasked: `${body.principal.idNumber.slice(0, 4)}**********${body.principal.idNumber.slice(14)}`,
      appointedOn: todayInShanghai(),
    });
    expect(JSON.stringify(res.body)).not.toContain(body.principal.idNumber);

    const login = await t.login(body.principal.phone, PASSWORD);
    expect(login.user).toEqual(expect.objectContaining({ role: 'principal', enterpriseId: res.body.enterprise.id, enterpriseName: '好味道面馆' }));
    const mine = await t.request({ url: `/api/enterprises/${res.body.enterprise.id}`, token: login.accessToken });
    expect(mine.body).toEqual(expect.objectContaining({ status: 'pending', grade: null }));
    const today = await t.request({ url: '/api/enterprises/mine/today', token: login.accessToken });
    expect(today.body.enterprise.status).toBe('pending');

    // Stored: ciphertext, mask and keyed hash — never the number itself.
    const user = await t.ds.getRepository(User).findOneByOrFail({ phone: body.principal.phone });
    expect(user.idNumberEnc).toMatch(/^v1\./);
    expect(user.idNumberMask).toBe(res.body.principal.idNumberMasked);
    expect(user.idNumberHash).toMatch(/^[0-9a-f]{64}$/);
    for (const v of [user.idNumberEnc, user.idNumberHash]) expect(v).not.toContain(body.principal.idNumber);
    const row = await t.ds.getRepository(Enterprise).findOneByOrFail({ id: res.body.enterprise.id });
    expect(row.registeredBy).toBe(user.id);
    expect(await t.ds.getRepository(Appointment).findBy({ userId: user.id })).toEqual([expect.objectContaining({ role: 'principal', enterpriseId: row.id, endedOn: null })]);
  });

  describe('validation with real-format identifiers', () => {
    const expect400 = async (body: unknown, ...mentions: string[]) => {
      const res = await register(t, body);
      expectErrorBody(res, 400);
      for (const m of mentions) expect(res.body.message).toContain(m);
      return res;
    };

    it('accepts a production licence (SC) for a producer and JY 1/2/3 for the others', async () => {
      expect((await register(t, registration(village102, { businessType: BusinessType.Production, licenceNo: realSc() }))).status).toBe(201);
      expect((await register(t, registration(village102, { businessType: BusinessType.Selling, licenceNo: realJy('1') }))).status).toBe(201);
      expect((await register(t, registration(village102, { businessType: BusinessType.Canteen, licenceNo: realJy('3'), canteenKind: 'school', dinersPerMeal: 600 }))).status).toBe(201);
      // A lower-case x check character is the same number.
      const withX = (() => {
        for (let seq = 100; seq < 200; seq++) {
          const first17 = `15010219880808${seq}`;
          const id = first17 + idNumberCheckChar(first17);
          if (id.endsWith('X')) return id;
        }
        throw new Error('no X');
      })();
      const res = await register(t, registration(village102, {}, { idNumber: withX.toLowerCase() }));
      expect(res.status).toBe(201);
      expect(res.body.principal.idNumberMasked).toBe(`1501**********${withX.slice(14)}`);
    });

    it('refuses a USCC whose check character is wrong, or of the wrong shape', async () => {
      const good = realUscc();
      const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
      await expect400(registration(village102, { uscc: wrong }), '统一社会信用代码');
      await expect400(registration(village102, { uscc: good.slice(0, 17) }), '统一社会信用代码');
      // I, O, S, V, Z are not in the GB 32100 alphabet.
      const withI = '91150102MA00I0000';
      expect(usccCheckChar(withI)).toBeNull();
      await expect400(registration(village102, { uscc: `${withI}0` }), '统一社会信用代码');
      await expect400(registration(village102, { uscc: good.toLowerCase() }), '统一社会信用代码');
    });

    it('refuses licence numbers that are not real JY/SC numbers, naming what is wrong', async () => {
      await expect400(registration(village102, { licenceNo: 'JY91501020000001' }), '许可证编号', '主体业态代码');
      await expect400(registration(village102, { licenceNo: 'JY29901020000001' }), '许可证编号', '行政区划代码');
      await expect400(registration(village102, { licenceNo: 'SC30615010200001' }), '许可证编号', '食品类别编码');
      await expect400(registration(village102, { licenceNo: 'XK21501020000001' }), '许可证编号');
      await expect400(registration(village102, { licenceNo: 'JY2150102000001' }), '许可证编号');
      // The right shape for the wrong business: a restaurant does not hold a production licence.
      await expect400(registration(village102, { licenceNo: realSc() }), 'JY');
      await expect400(registration(village102, { businessType: BusinessType.Production, licenceNo: realJy('1') }), 'SC');
    });

    it('refuses ID numbers with a wrong check character, birth date, length or province', async () => {
      const good = realIdNumber();
      const wrongCheck = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
      const res = await expect400(registration(village102, {}, { idNumber: wrongCheck }), '身份证号', '校验位');
      expect(res.body.details).toEqual([{ field: 'principal.idNumber', message: expect.stringContaining('校验位不正确') }]);
      expect(JSON.stringify(res.body)).not.toContain(wrongCheck);
      const feb30 = '15010219900230001';
      await expect400(registration(village102, {}, { idNumber: feb30 + idNumberCheckChar(feb30) }), '出生日期');
      await expect400(registration(village102, {}, { idNumber: good.slice(0, 17) }), '18位');
      const badProvince = `99${good.slice(2, 17)}`;
      await expect400(registration(village102, {}, { idNumber: badProvince + idNumberCheckChar(badProvince) }), '地址码');
    });

    it('refuses a weak password, a bad phone, a missing principal, a non-village region', async () => {
      await expect400(registration(village102, {}, { password: 'abcdefgh' }), '密码', '字母和数字');
      await expect400(registration(village102, {}, { phone: '12345' }), '手机号');
      const { principal: _p, ...noPrincipal } = registration(village102);
      await expect400(noPrincipal, '主要负责人');
      await expect400(registration(village102, {}, { name: '  ' }), '主要负责人的姓名');
      await expect400(registration('150102'), '区划代码');
      await expect400(registration('150102999999'), '区划代码');
      await expect400(registration(village102, { contactPhone: '0471-6661234' }), '联系电话');
      await expect400(registration(village102, { grade: 'A' }), '不允许的字段');
    });
  });

  it('refuses a second registration of the same USCC or licence, and a phone already in use', async () => {
    const first = registration(village102);
    expect((await register(t, first)).status).toBe(201);
    const dupUscc = await register(t, registration(village102, { uscc: first.uscc }));
    expectErrorBody(dupUscc, 409, 'ENTERPRISE_DUPLICATE');
    expect(dupUscc.body.details).toEqual([{ field: 'uscc', message: '该统一社会信用代码已登记' }]);
    expectErrorBody(await register(t, registration(village102, { licenceNo: first.licenceNo })), 409, 'ENTERPRISE_DUPLICATE');
    const phone = await register(t, registration(village102, {}, { phone: DEMO.officer }));
    expectErrorBody(phone, 409, 'PHONE_TAKEN');
    // Nothing half-made: no business without its principal.
    expect(await t.ds.getRepository(Enterprise).countBy({ uscc: first.uscc })).toBe(1);
  });

  it('with an Idempotency-Key a retry gets the same answer; the key with another body is refused', async () => {
    const body = registration(village102);
    const k = key();
    const a = await register(t, body, { 'idempotency-key': k });
    const b = await register(t, body, { 'idempotency-key': k });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.body).toEqual(a.body);
    expect(await t.ds.getRepository(Enterprise).countBy({ uscc: body.uscc })).toBe(1);
    const other = await register(t, { ...body, principal: { ...body.principal, password: 'Another2026' } }, { 'idempotency-key': k });
    expectErrorBody(other, 422, 'IDEMPOTENCY_KEY_REUSED');
    // Without a key, the repeat is simply a duplicate.
    expectErrorBody(await register(t, body), 409, 'ENTERPRISE_DUPLICATE');
  });

  it('two registrations of the same business at once: one 201, one 409', async () => {
    const body = registration(village102);
    const answers = await Promise.all([register(t, body), register(t, { ...body, principal: { ...body.principal, phone: onboardingPhone() } })]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(await t.ds.getRepository(Enterprise).countBy({ uscc: body.uscc })).toBe(1);
  });

  describe('the regulator’s queue and review', () => {
    let pendingId: string;
    let principalToken: string;
    let officerToken: string;

    beforeAll(async () => {
      const body = registration(village102, { name: '待审核测试餐馆' });
      pendingId = (await register(t, body)).body.enterprise.id;
      principalToken = (await t.login(body.principal.phone, PASSWORD)).accessToken;
      const inv = await invite(t, principalToken, 'officer');
      expect(inv.status).toBe(201);
      const officer = { phone: onboardingPhone() };
      expect((await accept(t, inv.body.code, officer)).status).toBe(201);
      officerToken = (await t.login(officer.phone, PASSWORD)).accessToken;
    });

    it('lists pending registrations of the region, oldest first; the demo one is among them', async () => {
      const res = await t.request({ url: '/api/enterprises?status=pending&pageSize=100', token: regulator });
      expect(res.status).toBe(200);
      const names = res.body.items.map((e: { name: string }) => e.name);
      expect(names).toEqual(expect.arrayContaining(['新城区好运来小吃店', '待审核测试餐馆']));
      for (const e of res.body.items) {
        expect(e.status).toBe('pending');
        expect(e.regionCode.startsWith('150102')).toBe(true);
      }
      const times = res.body.items.map((e: { registeredAt: string }) => e.registeredAt);
      expect([...times].sort()).toEqual(times);
      expect(res.body.total).toBe(res.body.items.length);
    });

    it('filters by name, USCC, grade, type and region; never beyond the caller’s region', async () => {
      const byName = await t.request({ url: `/api/enterprises?name=${encodeURIComponent('待审核测试')}`, token: regulator });
      expect(byName.body.items.map((e: { id: string }) => e.id)).toEqual([pendingId]);
      const row = await t.ds.getRepository(Enterprise).findOneByOrFail({ id: pendingId });
      expect((await t.request({ url: `/api/enterprises?uscc=${row.uscc.toLowerCase()}`, token: regulator })).body.items).toHaveLength(1);
      const gradeC = await t.request({ url: '/api/enterprises?grade=C&businessType=catering', token: regulator });
      expect(gradeC.body.items.length).toBeGreaterThan(0);
      for (const e of gradeC.body.items) expect([e.grade, e.businessType]).toEqual(['C', 'catering']);
      // % and _ are text, not wildcards.
      expect((await t.request({ url: `/api/enterprises?name=${encodeURIComponent('%')}`, token: regulator })).body.items).toEqual([]);
      const other = await insertUser(t, { role: Role.Regulator, regionCode: '150103' });
      const otherToken = (await t.login(other.phone)).accessToken;
      const theirs = await t.request({ url: '/api/enterprises?status=pending', token: otherToken });
      expect(theirs.body.items.map((e: { id: string }) => e.id)).not.toContain(pendingId);
      const outside = await t.request({ url: '/api/enterprises?regionCode=150102', token: otherToken });
      expect(outside.body.total).toBe(0);
      expectErrorBody(await t.request({ url: '/api/enterprises?status=waiting', token: regulator }), 400, 'VALIDATION_FAILED');
    });

    it('while pending: records are refused with 403 「企业尚未通过审核」; the public page does not show it', async () => {
      const res = await submitDaily(t, officerToken, todayInShanghai());
      expectErrorBody(res, 403, 'ENTERPRISE_NOT_ACTIVE');
      expect(res.body.message).toContain('企业尚未通过审核');
      const monthly = await t.request({
        method: 'POST',
        url: '/api/monthly-reviews',
        token: principalToken,
        headers: { 'idempotency-key': freshKey() },
        body: { month: monthKey(todayInShanghai()), meetingDate: todayInShanghai(), place: '店内', attendees: ['陈店主'], discussion: '讨论', decisions: ['决定'], nextMonthWork: ['工作'], confirm: true },
      });
      expectErrorBody(monthly, 403, 'ENTERPRISE_NOT_ACTIVE');
      expectErrorBody(await t.request({ url: `/api/public/enterprises/${pendingId}` }), 404, 'NOT_FOUND');
    });

    it('only regulators of its region review it: cadre 403, another county 404, bad grade 400', async () => {
      const cadre = (await t.login(DEMO.cadre)).accessToken;
      expectErrorBody(await t.request({ method: 'POST', url: `/api/enterprises/${pendingId}/confirm`, token: cadre, body: { grade: 'C' } }), 403, 'FORBIDDEN');
      const other = await insertUser(t, { role: Role.Regulator, regionCode: '150103' });
      const otherToken = (await t.login(other.phone)).accessToken;
      expectErrorBody(await t.request({ method: 'POST', url: `/api/enterprises/${pendingId}/confirm`, token: otherToken, body: { grade: 'C' } }), 404, 'NOT_FOUND');
      const bad = await t.request({ method: 'POST', url: `/api/enterprises/${pendingId}/confirm`, token: regulator, body: { grade: 'E' } });
      expectErrorBody(bad, 400, 'VALIDATION_FAILED');
      expect(bad.body.message).toContain('风险等级');
    });

    it('confirmed with a grade: active, duties from today, records accepted; a second review is 409', async () => {
      const res = await t.request({ method: 'POST', url: `/api/enterprises/${pendingId}/confirm`, token: regulator, body: { grade: 'C' } });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.objectContaining({ id: pendingId, status: 'active', grade: 'C', confirmedAt: expect.any(String) }));
      expect((await submitDaily(t, officerToken, todayInShanghai())).status).toBe(201);
      // Days before the confirmation are not due (the calendar starts at the confirmation).
      const cal = await t.request({ url: `/api/daily-checks/calendar?month=${monthKey(todayInShanghai())}`, token: officerToken });
      expect(cal.body.since).toBe(todayInShanghai());
      expectErrorBody(await t.request({ method: 'POST', url: `/api/enterprises/${pendingId}/confirm`, token: regulator, body: { grade: 'B' } }), 409, 'ENTERPRISE_NOT_PENDING');
      expectErrorBody(await t.request({ method: 'POST', url: `/api/enterprises/${pendingId}/reject`, token: regulator, body: { reason: '晚了' } }), 409, 'ENTERPRISE_NOT_PENDING');
      expect((await t.request({ url: `/api/public/enterprises/${pendingId}` })).body.grade).toBe('C');
    });

    it('rejected with a reason: the principal reads it, records stay refused', async () => {
      const body = registration(village102, { name: '将被驳回的餐馆' });
      const reg = await register(t, body);
      const reason = '许可证编号与营业执照不一致，请核对后重新登记';
      const missingReason = await t.request({ method: 'POST', url: `/api/enterprises/${reg.body.enterprise.id}/reject`, token: regulator, body: {} });
      expectErrorBody(missingReason, 400, 'VALIDATION_FAILED');
      expect(missingReason.body.message).toContain('原因');
      const res = await t.request({ method: 'POST', url: `/api/enterprises/${reg.body.enterprise.id}/reject`, token: regulator, body: { reason } });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.objectContaining({ status: EnterpriseStatus.Rejected, rejectReason: reason, grade: null }));
      const p = (await t.login(body.principal.phone, PASSWORD)).accessToken;
      expect((await t.request({ url: `/api/enterprises/${reg.body.enterprise.id}`, token: p })).body.rejectReason).toBe(reason);
      const inv = await invite(t, p, 'officer');
      expectErrorBody(inv, 403, 'ENTERPRISE_NOT_ACTIVE');
    });
  });

  it('a regulator creates an active business with its staffing profile; the grade stays required there', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/enterprises',
      token: regulator,
      body: { name: '监管登记食堂', uscc: realUscc(), licenceNo: realJy('3'), businessType: 'canteen', grade: Grade.B, regionCode: village102, address: '新城区学校路 1 号', canteenKind: 'school', dinersPerMeal: 900, contactName: '校长', contactPhone: '13600000000' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual(expect.objectContaining({ status: 'active', grade: 'B', canteenKind: 'school', dinersPerMeal: 900, contactName: '校长' }));
    const noGrade = await t.request({ method: 'POST', url: '/api/enterprises', token: regulator, body: { name: 'x', uscc: realUscc(), licenceNo: realJy(), businessType: 'catering', regionCode: village102, address: 'y' } });
    expectErrorBody(noGrade, 400, 'VALIDATION_FAILED');
    expect(noGrade.body.message).toContain('风险等级');
  });

  it('logs of a registration never contain the ID number, even with SQL logging on, success or failure', async () => {
    // Its own app at LOG_LEVEL=debug: every query TypeORM runs is logged too.
    const debug = await startTestApp({ LOG_LEVEL: 'debug' });
    try {
      const body = registration(village102);
      const from = debug.logs.length;
      expect((await register(debug, body)).status).toBe(201);
      // Refused ones go through the error paths too: a taken phone, the same person again, a malformed body.
      expectErrorBody(await register(debug, registration(village102, {}, { phone: body.principal.phone, idNumber: body.principal.idNumber })), 409);
      await register(debug, registration(village102, {}, { idNumber: `${body.principal.idNumber.slice(0, 17)}${body.principal.idNumber[17] === '1' ? '2' : '1'}` }));
      await debug.request({ method: 'POST', url: '/api/enterprises/register', payload: `{"principal":{"idNumber":"${body.principal.idNumber}"`, headers: { 'content-type': 'application/json' } });
      const lines = debug.logs.slice(from);
      expect(lines.some((l) => /INSERT INTO/.test(l))).toBe(true);
      for (const line of lines) {
        expect(line.toUpperCase()).not.toContain(body.principal.idNumber);
        expect(line).not.toContain(body.principal.idNumber.slice(0, 17));
        expect(line).not.toContain(PASSWORD);
      }
    } finally {
      await debug.close();
    }
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.request({ url: '/api/docs-json' })).body;
    for (const [path, method] of [
      ['/api/enterprises/register', 'post'],
      ['/api/enterprises', 'get'],
      ['/api/enterprises/{id}/confirm', 'post'],
      ['/api/enterprises/{id}/reject', 'post'],
      ['/api/enterprises/import', 'post'],
      ['/api/enterprises/import/template', 'get'],
      ['/api/enterprises/{id}/staff', 'get'],
      ['/api/enterprises/{id}/staff/{userId}/end', 'post'],
      ['/api/invitations', 'post'],
      ['/api/invitations/accept', 'post'],
      ['/api/me/id-number', 'get'],
      ['/api/stats/appointments', 'get'],
    ]) {
      expect(doc.paths[path]?.[method]).toBeDefined();
    }
  });
});
