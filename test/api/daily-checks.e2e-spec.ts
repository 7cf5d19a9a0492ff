// 日管控 submission: idempotency, one record per enterprise and business date, late and future
// dates, checklist rules, roles; and the regulator's filtered, paginated list.
import { addDays, BusinessType, CheckResult, Role, todayInShanghai } from '@shian/shared';
import { User } from '../../server/src/auth/user.entity';
import { callerFromPayload } from '../../server/src/common/caller';
import { DailyCheck } from '../../server/src/daily-checks/daily-check.entity';
import { DailyChecksService } from '../../server/src/daily-checks/daily-checks.service';
import { IdempotencyRecord } from '../../server/src/idempotency/idempotency-record.entity';
import { allPassItems, dailyCodes, DEMO, enterpriseByName, expectErrorBody, freshKey, insertEnterprise, insertUser, startTestApp, submitDaily, TestApp } from './harness';

/** The daily item codes of the demo catering business's list. */
const C = dailyCodes();

describe('daily checks', () => {
  let t: TestApp;
  let officer: string;
  let homeId: string;
  const today = todayInShanghai();
  const daysAgo = (n: number) => addDays(today, -n);
  const rowsFor = (enterpriseId: string, businessDate: string) => t.ds.getRepository(DailyCheck).count({ where: { enterpriseId, businessDate } });

  beforeAll(async () => {
    t = await startTestApp();
    officer = (await t.login(DEMO.officer)).accessToken;
    homeId = (await enterpriseByName(t, '新城区青城味道餐馆')).id;
  });
  afterAll(() => t?.close());

  describe('submit', () => {
    it("officer submits today's check → 201 with problemCount and zeroRisk", async () => {
      const items = allPassItems();
      items[4] = { code: C[4], result: CheckResult.Fail, problem: '冷藏柜温度 12℃', measure: '转移食材并报修', fixedOnSpot: false };
      items[6] = { code: C[6], result: CheckResult.NotApplicable };
      const res = await submitDaily(t, officer, today, { items, remarks: '  晚班补记  ' });
      expect(res.status).toBe(201);
      expect(res.headers['idempotent-replayed']).toBe('false');
      expect(res.body).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          enterpriseId: homeId,
          enterpriseName: '新城区青城味道餐馆',
          businessDate: today,
          officerName: '李安全',
          problemCount: 1,
          zeroRisk: false,
          late: false,
          remarks: '晚班补记',
          riskListVersion: 1,
        }),
      );
      expect(res.body.regionCode).toMatch(/^150102\d{6}$/);
      expect(res.body.items).toHaveLength(C.length);
      // Each stored answer keeps the item as it was asked.
      expect(res.body.items[4]).toEqual({ ...items[4], stage: expect.any(String), question: expect.stringMatching(/\S/) });
      expect(Math.abs(Date.parse(res.body.submittedAt) - Date.now())).toBeLessThan(60_000);

      // It is what the enterprise home shows for today, and the detail reads it back.
      const home = await t.request({ url: '/api/enterprises/mine/today', token: officer });
      expect(home.status).toBe(200);
      expect(home.body.businessDate).toBe(today);
      expect(home.body.dailyCheck?.id).toBe(res.body.id);
      const detail = await t.request({ url: `/api/daily-checks/${res.body.id}`, token: officer });
      expect(detail.status).toBe(200);
      expect(detail.body).toEqual(res.body);
    });

    it('all 符合 is a zero-risk report', async () => {
      const res = await submitDaily(t, officer, daysAgo(1));
      expect(res.status).toBe(201);
      expect(res.body.problemCount).toBe(0);
      expect(res.body.zeroRisk).toBe(true);
      expect(res.body.remarks).toBeNull();
    });

    it('keeps remarks with emoji and rare characters (4-byte UTF-8) intact', async () => {
      const remarks = '今日🍜面馆后厨𠮷检查完成';
      const res = await submitDaily(t, officer, daysAgo(15), { remarks });
      expect(res.status).toBe(201);
      const detail = await t.request({ url: `/api/daily-checks/${res.body.id}`, token: officer });
      expect(detail.body.remarks).toBe(remarks);
    });

    it('replay with the same key and body → same record, idempotent-replayed: true, one row', async () => {
      const date = daysAgo(2);
      const key = freshKey('replay');
      const first = await submitDaily(t, officer, date, { key });
      expect(first.status).toBe(201);
      const again = await submitDaily(t, officer, date, { key });
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(await rowsFor(homeId, date)).toBe(1);
    });

    it('a replay after the record was corrected still answers the original response, answers included', async () => {
      const date = daysAgo(16);
      const key = freshKey('replay-after-amend');
      const items = allPassItems();
      items[1] = { code: items[1].code, result: CheckResult.Fail, problem: '冷藏柜温度 12℃', measure: '已调温并转移食品', fixedOnSpot: true };
      const first = await submitDaily(t, officer, date, { key, items });
      expect(first.status).toBe(201);
      const amended = await t.request({
        method: 'POST',
        url: `/api/daily-checks/${first.body.id}/versions`,
        token: officer,
        headers: { 'idempotency-key': freshKey('amend') },
        body: { reason: '补充备注', items, remarks: '更正', confirm: true },
      });
      expect(amended.status).toBe(201);
      const again = await submitDaily(t, officer, date, { key, items });
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(again.body).toMatchObject({ version: 1, isCurrent: true });
      expect(again.body.items[1]).toMatchObject({ result: CheckResult.Fail, problem: '冷藏柜温度 12℃' });
    });

    it('a replay with the keys of the body in another order is still a replay', async () => {
      const date = daysAgo(3);
      const key = freshKey('order');
      const items = allPassItems();
      const first = await t.request({ method: 'POST', url: '/api/daily-checks', token: officer, headers: { 'idempotency-key': key }, body: { businessDate: date, items, confirm: true } });
      expect(first.status).toBe(201);
      const reordered = items.map((i) => ({ result: i.result, code: i.code }));
      const again = await t.request({ method: 'POST', url: '/api/daily-checks', token: officer, headers: { 'idempotency-key': key }, body: { confirm: true, items: reordered, businessDate: date } });
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(first.body.id);
    });

    it('the same key with a different body → 422 IDEMPOTENCY_KEY_REUSED, nothing changes', async () => {
      const date = daysAgo(4);
      const key = freshKey('reuse');
      const first = await submitDaily(t, officer, date, { key });
      expect(first.status).toBe(201);
      const res = await submitDaily(t, officer, date, { key, remarks: '改了内容' });
      expectErrorBody(res, 422, 'IDEMPOTENCY_KEY_REUSED');
      // Even for another date.
      expectErrorBody(await submitDaily(t, officer, daysAgo(40), { key }), 422, 'IDEMPOTENCY_KEY_REUSED');
      expect(await rowsFor(homeId, daysAgo(40))).toBe(0);
      const stored = await t.ds.getRepository(DailyCheck).findOneByOrFail({ id: first.body.id });
      expect(stored.remarks).toBeNull();
    });

    it('a different key for a date already submitted → 409 DAILY_CHECK_EXISTS in Chinese', async () => {
      const date = daysAgo(5);
      const first = await submitDaily(t, officer, date);
      expect(first.status).toBe(201);
      const res = await submitDaily(t, officer, date);
      expectErrorBody(res, 409, 'DAILY_CHECK_EXISTS');
      expect(res.body.message).toContain(date);
      expect(res.body.message).toContain('不能重复提交');
      // The form offers 「查看已提交」 with it.
      expect(res.body.details).toEqual({ existingId: first.body.id });
      expect(await rowsFor(homeId, date)).toBe(1);
    });

    it('another officer of the same enterprise cannot submit a second record for the day', async () => {
      const date = daysAgo(6);
      const second = await insertUser(t, { role: Role.Officer, enterpriseId: homeId, name: '第二安全员' });
      const otherToken = (await t.login(second.phone)).accessToken;
      expect((await submitDaily(t, officer, date)).status).toBe(201);
      const res = await submitDaily(t, otherToken, date);
      expectErrorBody(res, 409, 'DAILY_CHECK_EXISTS');
      expect(res.body.message).toContain('李安全');
    });

    it('the same key used by two different users is two separate submissions', async () => {
      const other = await insertEnterprise(t, { name: '键隔离测试餐馆' });
      const otherOfficer = await insertUser(t, { role: Role.Officer, enterpriseId: other.id });
      const otherToken = (await t.login(otherOfficer.phone)).accessToken;
      const key = freshKey('shared');
      const date = daysAgo(7);
      const a = await submitDaily(t, officer, date, { key });
      const b = await submitDaily(t, otherToken, date, { key });
      expect(a.status).toBe(201);
      expect(b.status).toBe(201);
      expect(b.headers['idempotent-replayed']).toBe('false');
      expect(b.body.id).not.toBe(a.body.id);
      expect(b.body.enterpriseId).toBe(other.id);
    });

    it('10 concurrent identical submissions (same key) → one record, every answer the same id', async () => {
      const date = daysAgo(8);
      const key = freshKey('burst');
      const answers = await Promise.all(Array.from({ length: 10 }, () => submitDaily(t, officer, date, { key })));
      const statuses = answers.map((a) => a.status);
      expect(statuses).toEqual(Array(10).fill(201));
      const ids = new Set(answers.map((a) => a.body.id));
      expect(ids.size).toBe(1);
      expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'false')).toHaveLength(1);
      expect(await rowsFor(homeId, date)).toBe(1);
      expect(await t.ds.getRepository(IdempotencyRecord).count({ where: { idempotencyKey: key } })).toBe(1);
    });

    it('5 concurrent submissions with different keys for one date → exactly one 201, the rest 409', async () => {
      const date = daysAgo(9);
      const answers = await Promise.all(Array.from({ length: 5 }, () => submitDaily(t, officer, date)));
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409]);
      for (const a of answers.filter((x) => x.status === 409)) expectErrorBody(a, 409, 'DAILY_CHECK_EXISTS');
      expect(await rowsFor(homeId, date)).toBe(1);
    });

    it('a missing Idempotency-Key → 400 IDEMPOTENCY_KEY_REQUIRED, nothing stored', async () => {
      const date = daysAgo(10);
      const res = await t.request({ method: 'POST', url: '/api/daily-checks', token: officer, body: { businessDate: date, items: allPassItems(), confirm: true } });
      expectErrorBody(res, 400, 'IDEMPOTENCY_KEY_REQUIRED');
      expect(res.body.message).toContain('Idempotency-Key');
      expect(await rowsFor(homeId, date)).toBe(0);
    });

    it('a malformed Idempotency-Key → 400', async () => {
      const date = daysAgo(10);
      for (const key of ['short', 'has space in it', 'x'.repeat(101), '中文中文中文中文中文']) {
        const res = await submitDaily(t, officer, date, { key });
        expect(res.status).toBe(400);
      }
      expect(await rowsFor(homeId, date)).toBe(0);
    });

    it('a past date is accepted and marked late', async () => {
      const res = await submitDaily(t, officer, daysAgo(30));
      expect(res.status).toBe(201);
      expect(res.body.late).toBe(true);
      expect(res.body.businessDate).toBe(daysAgo(30));
    });

    it('a future date → 400 FUTURE_BUSINESS_DATE naming today', async () => {
      const res = await submitDaily(t, officer, addDays(today, 1));
      expectErrorBody(res, 400, 'FUTURE_BUSINESS_DATE');
      expect(res.body.message).toContain('营业日期');
      expect(JSON.stringify(res.body.details)).toContain(today);
      expect(await rowsFor(homeId, addDays(today, 1))).toBe(0);
    });

    it('an impossible date → 400 naming 营业日期', async () => {
      for (const businessDate of ['2026-02-30', '2026-1-5', '25/11/2026', '']) {
        const res = await t.request({ method: 'POST', url: '/api/daily-checks', token: officer, headers: { 'idempotency-key': freshKey() }, body: { businessDate, confirm: true, items: allPassItems() } });
        expectErrorBody(res, 400, 'VALIDATION_FAILED');
        expect(res.body.message).toContain('营业日期');
      }
    });

    it('without the officer’s sign-off (confirm: true) → 400 naming 签字确认; nothing stored', async () => {
      const date = daysAgo(13);
      for (const confirm of [undefined, false, 'yes']) {
        const res = await t.request({ method: 'POST', url: '/api/daily-checks', token: officer, headers: { 'idempotency-key': freshKey() }, body: { businessDate: date, items: allPassItems(), ...(confirm === undefined ? {} : { confirm }) } });
        expectErrorBody(res, 400, 'VALIDATION_FAILED');
        expect(res.body.message).toContain('签字确认');
      }
      expect(await rowsFor(homeId, date)).toBe(0);
    });

    it('不符合 without a measure → 400 naming the item', async () => {
      const date = daysAgo(11);
      const items = allPassItems();
      items[2] = { code: C[2], result: CheckResult.Fail, problem: '垃圾桶未加盖', fixedOnSpot: true };
      const res = await submitDaily(t, officer, date, { items });
      expectErrorBody(res, 400, 'VALIDATION_FAILED');
      expect(res.body.message).toContain(C[2]);
      expect(res.body.message).toContain('措施');
      expect(res.body.details).toEqual([{ field: 'items[2].measure', message: expect.stringContaining(C[2]) }]);
      expect(await rowsFor(homeId, date)).toBe(0);
    });

    it('a missing, duplicate or unknown item → 400 naming it', async () => {
      const date = daysAgo(11);
      const missing = await submitDaily(t, officer, date, { items: allPassItems().slice(0, -1) });
      expectErrorBody(missing, 400, 'VALIDATION_FAILED');
      expect(missing.body.message).toContain(C[C.length - 1]);
      const dup = await submitDaily(t, officer, date, { items: [...allPassItems(), { code: C[0], result: CheckResult.Pass }] });
      expectErrorBody(dup, 400, 'VALIDATION_FAILED');
      expect(dup.body.message).toContain('重复');
      const unknown = await submitDaily(t, officer, date, { items: [...allPassItems(), { code: 'Z99', result: CheckResult.Pass }] });
      expectErrorBody(unknown, 400, 'VALIDATION_FAILED');
      expect(unknown.body.message).toContain('Z99');
      const badResult = await submitDaily(t, officer, date, { items: [{ code: C[0], result: 'ok' as CheckResult }, ...allPassItems().slice(1)] });
      expectErrorBody(badResult, 400, 'VALIDATION_FAILED');
      expect(badResult.body.message).toContain('检查结果');
      const empty = await submitDaily(t, officer, date, { items: [] });
      expectErrorBody(empty, 400, 'VALIDATION_FAILED');
      expect(empty.body.message).toContain('检查项');
      expect(await rowsFor(homeId, date)).toBe(0);
    });

    it('a rejected submission does not burn its key: fixed and resent with the same key, it succeeds', async () => {
      const date = daysAgo(12);
      const key = freshKey('fix');
      const items = allPassItems();
      items[0] = { code: C[0], result: CheckResult.Fail, problem: '一人腹泻' };
      expect((await submitDaily(t, officer, date, { key, items })).status).toBe(400);
      items[0] = { ...items[0], measure: '暂停上岗', fixedOnSpot: true };
      const res = await submitDaily(t, officer, date, { key, items });
      expect(res.status).toBe(201);
      expect(res.body.problemCount).toBe(1);
    });

    it.each([
      ['regulator', DEMO.regulator],
      ['director', DEMO.director],
      ['principal', DEMO.principal],
      ['cadre', DEMO.cadre],
      ['admin', DEMO.admin],
    ])('%s cannot submit → 403', async (_role, phone) => {
      const date = daysAgo(13);
      const token = (await t.login(phone)).accessToken;
      const res = await submitDaily(t, token, date);
      expectErrorBody(res, 403, 'FORBIDDEN');
      expect(await t.ds.getRepository(DailyCheck).count({ where: { businessDate: date } })).toBe(0);
    });

    it('an officer without an enterprise → 403 NO_ENTERPRISE', async () => {
      const orphan = await insertUser(t, { role: Role.Officer, enterpriseId: null });
      const token = (await t.login(orphan.phone)).accessToken;
      expectErrorBody(await submitDaily(t, token, daysAgo(13)), 403, 'NO_ENTERPRISE');
    });
  });

  describe('the Shanghai day boundary (service clock)', () => {
    // The service takes `now`; these dates lie in the future so they touch no other test's rows.
    const submitAt = async (businessDate: string, nowIso: string) => {
      const user = await t.ds.getRepository(User).findOneByOrFail({ phone: DEMO.officer });
      const caller = callerFromPayload({ sub: user.id, name: user.name, role: user.role, ent: user.enterpriseId, reg: user.regionCode, lvl: user.cadreLevel });
      const service = t.app.get(DailyChecksService);
      return service.submit(caller, freshKey('clock'), { businessDate, items: allPassItems(), confirm: true }, new Date(nowIso));
    };

    it('at 23:59:59.999 Shanghai the day is on time; from 00:00 it is late', async () => {
      const onTime = await submitAt('2030-06-15', '2030-06-15T15:59:59.999Z');
      expect(onTime.body.late).toBe(false);
      const late = await submitAt('2030-06-16', '2030-06-17T16:00:00.000Z');
      expect(late.body.late).toBe(true);
      const justLate = await submitAt('2030-06-18', '2030-06-18T16:00:00.000Z');
      expect(justLate.body.late).toBe(true);
    });

    it('a date is "future" until Shanghai midnight, not UTC midnight', async () => {
      // 2030-07-01 00:00 Shanghai = 2030-06-30T16:00Z: the 1st is today there.
      const ok = await submitAt('2030-07-01', '2030-06-30T16:00:00.000Z');
      expect(ok.status).toBe(201);
      expect(ok.body.late).toBe(false);
      await expect(submitAt('2030-07-02', '2030-07-01T15:59:59.999Z')).rejects.toMatchObject({ code: 'FUTURE_BUSINESS_DATE', status: 400 });
    });
  });

  describe('logging', () => {
    it('a lost race on the unique index is not printed as raw SQL with the request body (logs stay JSON lines)', async () => {
      const printed: string[] = [];
      const spies = [jest.spyOn(console, 'log'), jest.spyOn(console, 'error'), jest.spyOn(console, 'warn'), jest.spyOn(console, 'info')];
      for (const s of spies) s.mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
      try {
        const date = daysAgo(14);
        const key = freshKey('log');
        await Promise.all([
          ...Array.from({ length: 6 }, () => submitDaily(t, officer, date, { key, remarks: '日志探针-备注' })),
          ...Array.from({ length: 4 }, () => submitDaily(t, officer, date, { remarks: '日志探针-备注' })),
        ]);
        expect(await rowsFor(homeId, date)).toBe(1);
      } finally {
        for (const s of spies) s.mockRestore();
      }
      expect(printed.filter((l) => /INSERT INTO|Duplicate entry|日志探针|李安全/.test(l))).toEqual([]);
      // What the app itself logged is JSON, one object per line, and never the body.
      for (const line of t.logs) expect(() => JSON.parse(line)).not.toThrow();
      expect(t.logs.filter((l) => l.includes('日志探针'))).toEqual([]);
    });
  });

  describe('regulator list', () => {
    // Records far in the past, on dates no other test uses: enterprise A on 5 dates, B on 3.
    const base = (n: number) => addDays(today, -200 - n);
    let regulator: string;
    let entA: string;
    let entB: string;
    let outside: string;

    beforeAll(async () => {
      regulator = (await t.login(DEMO.regulator)).accessToken;
      entA = homeId;
      entB = (await enterpriseByName(t, '新城区惠民生鲜超市')).id;
      outside = (await enterpriseByName(t, '回民区老街烧麦馆')).id;
      const officerB = await insertUser(t, { role: Role.Officer, enterpriseId: entB });
      const officerOut = await insertUser(t, { role: Role.Officer, enterpriseId: outside });
      const tokenB = (await t.login(officerB.phone)).accessToken;
      const tokenOut = (await t.login(officerOut.phone)).accessToken;
      for (const n of [0, 1, 2, 3, 4]) expect((await submitDaily(t, officer, base(n))).status).toBe(201);
      for (const n of [0, 2, 4]) expect((await submitDaily(t, tokenB, base(n), { items: allPassItems(BusinessType.Selling) })).status).toBe(201);
      for (const n of [0, 1]) expect((await submitDaily(t, tokenOut, base(n))).status).toBe(201);
    });

    const list = (query: string, token = regulator) => t.request({ url: `/api/daily-checks?${query}`, token });

    it('filters by date range within the region, newest first', async () => {
      const res = await list(`from=${base(4)}&to=${base(0)}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(8);
      expect(res.body.items).toHaveLength(8);
      const dates = res.body.items.map((i: { businessDate: string }) => i.businessDate);
      expect([...dates].sort().reverse()).toEqual(dates);
      expect(res.body.items.every((i: { regionCode: string }) => i.regionCode.startsWith('150102'))).toBe(true);
      expect(res.body.items.some((i: { enterpriseId: string }) => i.enterpriseId === outside)).toBe(false);
      expect(new Set(res.body.items.map((i: { enterpriseName: string }) => i.enterpriseName))).toEqual(new Set(['新城区青城味道餐馆', '新城区惠民生鲜超市']));
    });

    it('from and to are inclusive', async () => {
      const res = await list(`from=${base(2)}&to=${base(2)}`);
      expect(res.body.total).toBe(2);
      expect(res.body.items.map((i: { businessDate: string }) => i.businessDate)).toEqual([base(2), base(2)]);
      const two = await list(`from=${base(1)}&to=${base(0)}`);
      expect(two.body.total).toBe(3);
    });

    it('filters by enterprise', async () => {
      const res = await list(`from=${base(4)}&to=${base(0)}&enterpriseId=${entB}`);
      expect(res.body.total).toBe(3);
      expect(res.body.items.every((i: { enterpriseId: string }) => i.enterpriseId === entB)).toBe(true);
    });

    it('filters by region code (village of enterprise B)', async () => {
      const b = await enterpriseByName(t, '新城区惠民生鲜超市');
      const res = await list(`from=${base(4)}&to=${base(0)}&regionCode=${b.regionCode}`);
      expect(res.body.total).toBe(3);
      const county = await list(`from=${base(4)}&to=${base(0)}&regionCode=150102`);
      expect(county.body.total).toBe(8);
    });

    it('paginates with a stable order and a correct total', async () => {
      const q = `from=${base(4)}&to=${base(0)}&pageSize=3`;
      const pages = await Promise.all([1, 2, 3, 4].map((p) => list(`${q}&page=${p}`)));
      expect(pages.map((p) => p.status)).toEqual([200, 200, 200, 200]);
      expect(pages.map((p) => p.body.items.length)).toEqual([3, 3, 2, 0]);
      for (const [i, p] of pages.entries()) {
        expect(p.body.total).toBe(8);
        expect(p.body.page).toBe(i + 1);
        expect(p.body.pageSize).toBe(3);
      }
      const ids = pages.flatMap((p) => p.body.items.map((i: { id: string }) => i.id));
      expect(new Set(ids).size).toBe(8);
    });

    it('defaults to page 1 of 20', async () => {
      const res = await list(`from=${base(4)}&to=${base(0)}`);
      expect(res.body.page).toBe(1);
      expect(res.body.pageSize).toBe(20);
    });

    it('pageSize over 100 or below 1 → 400 naming 每页条数', async () => {
      for (const q of ['pageSize=1000', 'pageSize=101', 'pageSize=0', 'page=0', 'pageSize=1.5']) {
        const res = await list(q);
        expectErrorBody(res, 400, 'VALIDATION_FAILED');
        expect(res.body.message).toMatch(/每页条数|页码/);
      }
      expect((await list('pageSize=100')).status).toBe(200);
    });

    it('an absurd page number → 400 naming 页码, not a 500', async () => {
      for (const q of ['page=1e20', 'page=1e300', 'page=99999999999999999999999']) {
        const res = await list(q);
        expectErrorBody(res, 400, 'VALIDATION_FAILED');
        expect(res.body.message).toContain('页码');
      }
    });

    it('a bad enterpriseId or regionCode filter → 400', async () => {
      expectErrorBody(await list('enterpriseId=abc'), 400, 'VALIDATION_FAILED');
      expectErrorBody(await list('regionCode=15010'), 400, 'VALIDATION_FAILED');
      expectErrorBody(await list('regionCode=1501%25'), 400, 'VALIDATION_FAILED');
    });

    it('an enterprise user lists only their own enterprise, whatever the filter', async () => {
      const res = await list(`from=${base(4)}&to=${base(0)}`, officer);
      expect(res.body.total).toBe(5);
      expect(res.body.items.every((i: { enterpriseId: string }) => i.enterpriseId === entA)).toBe(true);
      const asked = await list(`from=${base(4)}&to=${base(0)}&enterpriseId=${entB}`, officer);
      expect(asked.status).toBe(200);
      expect(asked.body.total).toBe(0);
      const director = (await t.login(DEMO.director)).accessToken;
      expect((await list(`from=${base(4)}&to=${base(0)}`, director)).body.total).toBe(5);
    });
  });
});
