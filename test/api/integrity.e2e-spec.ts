// Integrity of submitted records: corrections are new versions, the original never changes, and
// the per-enterprise hash chain finds any row changed or removed behind the application's back.
import { addDays, CheckResult, Role, todayInShanghai } from '@shian/shared';
import { allPassItems, DEMO, enterpriseByName, expectErrorBody, freshKey, insertEnterprise, insertUser, startTestApp, submitDaily, TestApp } from './harness';

describe('record integrity', () => {
  let t: TestApp;
  let officer: string;
  let regulator: string;
  let homeId: string;
  const today = todayInShanghai();

  const verify = (enterpriseId: string, token = regulator) => t.request({ url: `/api/enterprises/${enterpriseId}/chain/verify`, token });
  const amend = (id: string, body: Record<string, unknown>, key = freshKey('amend')) =>
    t.request({ method: 'POST', url: `/api/daily-checks/${id}/versions`, token: officer, headers: { 'idempotency-key': key }, body: { confirm: true, ...body } });

  beforeAll(async () => {
    t = await startTestApp();
    officer = (await t.login(DEMO.officer)).accessToken;
    regulator = (await t.login(DEMO.regulator)).accessToken;
    homeId = (await enterpriseByName(t, '新城区青城味道餐馆')).id;
  });
  afterAll(() => t?.close());

  it('links every submission into the chain, which verifies', async () => {
    const a = await submitDaily(t, officer, addDays(today, -20));
    const b = await submitDaily(t, officer, addDays(today, -19));
    expect([a.status, b.status]).toEqual([201, 201]);
    const res = await verify(homeId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, brokenAt: null });
    expect(res.body.checked).toBeGreaterThanOrEqual(2);
  });

  it('a correction is a new version with a reason; the original stays as submitted', async () => {
    const date = addDays(today, -15);
    const v1 = await submitDaily(t, officer, date, { remarks: '原始提交' });
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ version: 1, isCurrent: true, supersedesId: null });

    const items = allPassItems();
    items[2] = { code: items[2].code, result: CheckResult.Fail, problem: '垃圾桶未加盖', measure: '已加盖', fixedOnSpot: true };
    const v2 = await amend(v1.body.id, { reason: '漏记垃圾桶问题', items, remarks: '更正' });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ version: 2, isCurrent: true, supersedesId: v1.body.id, amendReason: '漏记垃圾桶问题', problemCount: 1, businessDate: date });

    const original = await t.request({ url: `/api/daily-checks/${v1.body.id}`, token: regulator });
    expect(original.body).toMatchObject({ version: 1, isCurrent: false, remarks: '原始提交', problemCount: 0 });

    const history = await t.request({ url: `/api/daily-checks/${v2.body.id}/versions`, token: regulator });
    expect(history.status).toBe(200);
    expect(history.body.map((v: { version: number }) => v.version)).toEqual([1, 2]);

    const list = await t.request({ url: `/api/daily-checks?from=${date}&to=${date}`, token: regulator });
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].id).toBe(v2.body.id);

    // Correcting a replaced version is refused; a replay of the correction returns it again.
    expectErrorBody(await amend(v1.body.id, { reason: '再次更正', items }), 409, 'DAILY_CHECK_NOT_CURRENT');
    const key = freshKey('replay');
    const v3 = await amend(v2.body.id, { reason: '第三版', items: allPassItems() }, key);
    const again = await amend(v2.body.id, { reason: '第三版', items: allPassItems() }, key);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(v3.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');

    expect((await verify(homeId)).body.ok).toBe(true);
  });

  it('refuses a correction without a reason, or of another enterprise’s record', async () => {
    const v1 = await submitDaily(t, officer, addDays(today, -14));
    const res = await amend(v1.body.id, { reason: '   ', items: allPassItems() });
    expectErrorBody(res, 400, 'VALIDATION_FAILED');
    expect(res.body.message).toContain('原因不能为空');

    const other = await insertEnterprise(t, { countyCode: '150102' });
    const otherOfficer = await insertUser(t, { role: Role.Officer, enterpriseId: other.id });
    const token = (await t.login(otherOfficer.phone)).accessToken;
    const res2 = await t.request({ method: 'POST', url: `/api/daily-checks/${v1.body.id}/versions`, token, headers: { 'idempotency-key': freshKey() }, body: { reason: '越权', confirm: true, items: allPassItems() } });
    expectErrorBody(res2, 404);
  });

  it('five concurrent replays of one submission make one record and one chain link', async () => {
    const other = await insertEnterprise(t, { countyCode: '150102' });
    const o = await insertUser(t, { role: Role.Officer, enterpriseId: other.id });
    const token = (await t.login(o.phone)).accessToken;
    const key = freshKey('five');
    const results = await Promise.all(Array.from({ length: 5 }, () => submitDaily(t, token, today, { key })));
    expect(new Set(results.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const [{ n }] = await t.ds.query('SELECT COUNT(*) AS n FROM daily_checks WHERE enterprise_id = ?', [other.id]);
    expect(Number(n)).toBe(1);
    const res = await verify(other.id);
    expect(res.body).toEqual({ ok: true, checked: 1, brokenAt: null });
  });

  it('concurrent submissions of one enterprise for different dates keep one unbroken chain', async () => {
    const other = await insertEnterprise(t, { countyCode: '150102' });
    const o = await insertUser(t, { role: Role.Officer, enterpriseId: other.id });
    const token = (await t.login(o.phone)).accessToken;
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => submitDaily(t, token, addDays(today, -1 - i))));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    const res = await verify(other.id);
    expect(res.body).toEqual({ ok: true, checked: 8, brokenAt: null });
  });

  it('the first records of many businesses at once all go in, each starting its own chain', async () => {
    // No chain head or risk list exists yet for any of them: nothing to lock, so nothing may
    // deadlock (under REPEATABLE READ, MariaDB's gap locks did: 32 at once gave 500s).
    const officers = await Promise.all(
      Array.from({ length: 32 }, async () => {
        const e = await insertEnterprise(t, { countyCode: '150102' });
        const o = await insertUser(t, { role: Role.Officer, enterpriseId: e.id });
        return { enterpriseId: e.id, token: (await t.login(o.phone)).accessToken };
      }),
    );
    const results = await Promise.all(officers.map((o) => submitDaily(t, o.token, today)));
    expect(results.map((r) => r.status)).toEqual(Array(32).fill(201));
    for (const o of officers) expect((await verify(o.enterpriseId)).body).toEqual({ ok: true, checked: 1, brokenAt: null });
  });

  describe('tampering', () => {
    let ent: string;
    let ids: string[];
    beforeEach(async () => {
      const other = await insertEnterprise(t, { countyCode: '150102' });
      ent = other.id;
      const o = await insertUser(t, { role: Role.Officer, enterpriseId: ent });
      const token = (await t.login(o.phone)).accessToken;
      ids = [];
      for (const d of [-3, -2, -1]) ids.push((await submitDaily(t, token, addDays(today, d), { remarks: `第${d}天` })).body.id);
      expect((await verify(ent)).body.ok).toBe(true);
    });

    it('a changed stored row is caught at its link', async () => {
      await t.ds.query('UPDATE daily_checks SET remarks = ? WHERE id = ?', ['事后改写', ids[1]]);
      const res = await verify(ent);
      expect(res.body.ok).toBe(false);
      expect(res.body.checked).toBe(1);
      expect(res.body.brokenAt).toMatchObject({ seq: 2, recordType: 'daily_check', recordId: ids[1] });
      expect(res.body.brokenAt.reason).toContain('篡改');
    });

    it('a flipped result (不符合 → 符合) is caught', async () => {
      const [row] = await t.ds.query('SELECT items FROM daily_checks WHERE id = ?', [ids[0]]);
      const items = JSON.parse(row.items);
      items[0].result = 'na';
      await t.ds.query('UPDATE daily_checks SET items = ? WHERE id = ?', [JSON.stringify(items), ids[0]]);
      expect((await verify(ent)).body.brokenAt).toMatchObject({ seq: 1, recordId: ids[0] });
    });

    it('a removed record is caught', async () => {
      await t.ds.query('DELETE FROM daily_checks WHERE id = ?', [ids[2]]);
      const res = await verify(ent);
      expect(res.body.brokenAt).toMatchObject({ seq: 3, recordId: ids[2] });
      expect(res.body.brokenAt.reason).toContain('不存在');
    });

    it('a rewritten chain link is caught', async () => {
      await t.ds.query('UPDATE record_chain SET record_hash = ? WHERE enterprise_id = ? AND seq = 2', ['f'.repeat(64), ent]);
      const res = await verify(ent);
      expect(res.body.ok).toBe(false);
      expect(res.body.brokenAt.seq).toBe(2);
    });

    it('a dropped last link is caught through the head', async () => {
      await t.ds.query('DELETE FROM record_chain WHERE enterprise_id = ? AND seq = 3', [ent]);
      const res = await verify(ent);
      expect(res.body).toMatchObject({ ok: false, checked: 2 });
    });
  });

  it('chain verification is scoped like the records', async () => {
    const reg103 = await insertUser(t, { role: Role.Regulator, regionCode: '150103' });
    const token = (await t.login(reg103.phone)).accessToken;
    expectErrorBody(await verify(homeId, token), 404, 'NOT_FOUND');
    expect((await verify(homeId, officer)).status).toBe(200);
  });
});
