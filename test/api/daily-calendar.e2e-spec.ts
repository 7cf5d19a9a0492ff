// 检查日历: a business's days of a month for the 日管控 — done, late, missed, with a problem, today
// pending, future, and not due before the business joined — for its own users and for the
// officials of its region only.
import { addDays, CheckResult, DailyCalendarDay, DailyCalendarDto, DailyCheckItemAnswer, monthDates, monthKey, Role, todayInShanghai } from '@shian/shared';
import { Enterprise } from '../../server/src/enterprises/enterprise.entity';
import { allPassItems, DEMO, enterpriseByName, expectErrorBody, freshKey, insertEnterprise, insertUser, startTestApp, submitDaily, TestApp } from './harness';

const withProblem = (): DailyCheckItemAnswer[] => {
  const items = allPassItems();
  items[0] = { code: items[0].code, result: CheckResult.Fail, problem: '冷藏柜温度 12℃，超出 0–8℃', measure: '转移食品并报修冷藏柜', fixedOnSpot: false };
  return items;
};

describe('daily-check calendar', () => {
  let t: TestApp;
  let officer: string;
  let regulator: string;
  let cadre: string;
  let admin: string;
  let otherRegulator: string;
  let homeId: string;
  const today = todayInShanghai();
  const month = monthKey(today);
  // Last month: every day of it is over, whatever today is.
  const lastMonth = monthKey(addDays(`${month}-01`, -1));
  const last = monthDates(lastMonth);
  const [lateDay, problemDay, missedDay] = [last[2], last[4], last[3]];
  const ids: Record<string, string> = {};

  // The body is a DailyCalendarDto on 200, an ErrorBody otherwise.
  const calendar = (token: string, query: string) => t.request({ url: `/api/daily-checks/calendar?${query}`, token });
  const dayOf = (c: DailyCalendarDto, date: string): DailyCalendarDay => c.days.find((d) => d.date === date)!;

  beforeAll(async () => {
    t = await startTestApp();
    [officer, regulator, cadre, admin] = await Promise.all([DEMO.officer, DEMO.regulator, DEMO.cadre, DEMO.admin].map(async (p) => (await t.login(p)).accessToken));
    const other = await insertUser(t, { role: Role.Regulator, regionCode: '150103', name: '回民区监管' });
    otherRegulator = (await t.login(other.phone)).accessToken;
    // The demo business is seeded today; let it have joined before last month began.
    homeId = (await enterpriseByName(t, '新城区青城味道餐馆')).id;
    await t.ds.getRepository(Enterprise).update({ id: homeId }, { createdAt: new Date(`${addDays(last[0], -10)}T02:00:00Z`) });

    // Catching up on last month: two late checks, one of them with a problem; today's on time.
    for (const [date, items] of [[lateDay, allPassItems()], [problemDay, withProblem()], [today, allPassItems()]] as const) {
      const res = await submitDaily(t, officer, date, { items: [...items] });
      expect(res.status).toBe(201);
      ids[date] = res.body.id;
    }
  });
  afterAll(() => t?.close());

  it('last month: late days, a problem day, and the days nobody checked are missed', async () => {
    const res = await calendar(officer, `month=${lastMonth}`);
    expect(res.status).toBe(200);
    const c: DailyCalendarDto = res.body;
    expect(c).toMatchObject({ enterpriseId: homeId, month: lastMonth, today, since: addDays(last[0], -10) });
    expect(c.days.map((d) => d.date)).toEqual(last);
    expect(dayOf(c, lateDay)).toEqual({ date: lateDay, weekday: expect.any(Number), status: 'late', late: true, problem: false, problemCount: 0, recordId: ids[lateDay] });
    expect(dayOf(c, problemDay)).toMatchObject({ status: 'late', late: true, problem: true, problemCount: 1, recordId: ids[problemDay] });
    expect(dayOf(c, missedDay)).toMatchObject({ status: 'missed', late: false, problem: false, recordId: null });
    expect(dayOf(c, last[0])).toMatchObject({ status: 'missed' });
    expect(c.days.filter((d) => d.status === 'missed')).toHaveLength(last.length - 2);
    expect(c.stats).toEqual({ days: last.length, daysToDate: last.length, checked: 2, late: 2, missed: last.length - 2, pending: 0 });
    expect(c.problemDays).toBe(1);
    // Monday-first weekdays: consecutive, 1–7.
    expect(c.days.every((d, i) => i === 0 || d.weekday === (c.days[i - 1].weekday % 7) + 1)).toBe(true);
  });

  it('this month: today is done, earlier days missed, later days future', async () => {
    const res = await calendar(officer, `month=${month}`);
    expect(res.status).toBe(200);
    const c: DailyCalendarDto = res.body;
    expect(dayOf(c, today)).toMatchObject({ status: 'done', late: false, problem: false, recordId: ids[today] });
    for (const d of c.days) {
      if (d.date < today) expect(d.status).toBe('missed');
      if (d.date > today) expect(d).toMatchObject({ status: 'future', recordId: null });
    }
    const dayOfMonth = Number(today.slice(8));
    expect(c.stats).toMatchObject({ daysToDate: dayOfMonth, checked: 1, late: 0, missed: dayOfMonth - 1, pending: 0 });
  });

  it('only the current version counts: a correction that fixes the problem clears the flag', async () => {
    const amended = await t.request({
      method: 'POST',
      url: `/api/daily-checks/${ids[problemDay]}/versions`,
      token: officer,
      headers: { 'idempotency-key': freshKey() },
      body: { reason: '复核：温度计故障，实际温度正常', items: allPassItems(), confirm: true },
    });
    expect(amended.status).toBe(201);
    const c = (await calendar(officer, `month=${lastMonth}`)).body;
    // Still late (a correction keeps the original's flag), now without a problem, linking to v2.
    expect(dayOf(c, problemDay)).toMatchObject({ status: 'late', problem: false, problemCount: 0, recordId: amended.body.id });
    expect(c.stats.checked).toBe(2);
    expect(c.problemDays).toBe(0);
  });

  it('a business that joined today: nothing before today was due', async () => {
    const fresh = await insertEnterprise(t, { countyCode: '150102', name: '今天入驻的餐馆' });
    const before = await calendar(regulator, `month=${lastMonth}&enterpriseId=${fresh.id}`);
    expect(before.status).toBe(200);
    expect((before.body as DailyCalendarDto).days.every((d) => d.status === 'not_due')).toBe(true);
    expect(before.body.stats).toMatchObject({ daysToDate: 0, missed: 0 });
    const now: DailyCalendarDto = (await calendar(regulator, `month=${month}&enterpriseId=${fresh.id}`)).body;
    expect(dayOf(now, today).status).toBe('pending');
    expect(now.days.filter((d) => d.date < today).every((d) => d.status === 'not_due')).toBe(true);
    expect(now.stats).toMatchObject({ daysToDate: 1, missed: 0, pending: 1 });
  });

  it('officials see businesses of their region only; others get the same 404 as a missing one', async () => {
    for (const token of [regulator, cadre, admin]) {
      const res = await calendar(token, `month=${lastMonth}&enterpriseId=${homeId}`);
      expect(res.status).toBe(200);
      expect(res.body.stats.checked).toBe(2);
    }
    const out = await calendar(otherRegulator, `month=${lastMonth}&enterpriseId=${homeId}`);
    expectErrorBody(out, 404, 'NOT_FOUND');
    const missing = await calendar(otherRegulator, `month=${lastMonth}&enterpriseId=00000000-0000-4000-8000-000000000000`);
    expect(missing.status).toBe(404);
    expect(out.body.message).toBe(missing.body.message);
    // An official must say which business.
    const noId = await calendar(regulator, `month=${lastMonth}`);
    expectErrorBody(noId, 400, 'VALIDATION_FAILED');
    expect(noId.body.message).toContain('企业ID');
  });

  it('enterprise users see their own business only', async () => {
    expect((await calendar(officer, `month=${month}&enterpriseId=${homeId}`)).status).toBe(200);
    const other = await enterpriseByName(t, '回民区老街烧麦馆');
    expectErrorBody(await calendar(officer, `month=${month}&enterpriseId=${other.id}`), 404, 'NOT_FOUND');
    expectErrorBody(await t.request({ url: `/api/daily-checks/calendar?month=${month}` }), 401);
  });

  it('a bad or missing month is a 400 naming 月份; a month after this one too', async () => {
    for (const q of ['month=2026-13', 'month=2026-1', 'month=abc', 'month=2026-11-01', '']) {
      const res = await calendar(officer, q);
      expectErrorBody(res, 400, 'VALIDATION_FAILED');
      expect(res.body.message).toContain('月份');
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'month' })]));
    }
    const next = monthKey(addDays(monthDates(month).at(-1)!, 1));
    const future = await calendar(officer, `month=${next}`);
    expectErrorBody(future, 400, 'FUTURE_MONTH');
    expect(future.body.details).toEqual([{ field: 'month', message: `月份不能晚于本月（今天是 ${today}）` }]);
    // Not mistaken for a record id.
    expectErrorBody(await calendar(officer, 'month=2026-11&enterpriseId=not-a-uuid'), 400, 'VALIDATION_FAILED');
  });
});
