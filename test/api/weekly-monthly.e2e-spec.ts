// 周排查 and 月调度 (Order 60) and the problem to-do list between them: a daily check's unfixed
// 不符合 waits in the director's to-do until a weekly investigation resolves it, and the
// principal's monthly review hears it counted as found and fixed.
import { randomUUID } from 'node:crypto';
import { addDays, BusinessType, CheckResult, DailyCheckItemAnswer, isoWeekKey, itemsDue, listFromTemplate, monthKey, Role, templateFor, todayInShanghai } from '@shian/shared';
import { allPassItems, DEMO, enterpriseByName, expectErrorBody, freshKey, insertEnterprise, insertUser, startTestApp, submitDaily, TestApp } from './harness';

const weeklyItems = (): DailyCheckItemAnswer[] =>
  itemsDue(listFromTemplate(templateFor(BusinessType.Catering)), 'weekly').map((i) => ({ code: i.code, result: CheckResult.Pass }));

const withFailure = (fixedOnSpot: boolean, problem = '冷藏柜温度 12℃，超出 0–8℃'): DailyCheckItemAnswer[] => {
  const items = allPassItems();
  items[0] = { code: items[0].code, result: CheckResult.Fail, problem, measure: '转移食品并报修冷藏柜', fixedOnSpot };
  return items;
};

describe('weekly investigations, monthly reviews and the problem to-do list', () => {
  let t: TestApp;
  let officer: string;
  let director: string;
  let principal: string;
  let regulator: string;
  let otherRegulator: string;
  let homeId: string;
  const today = todayInShanghai();
  const week = isoWeekKey(today);
  const month = monthKey(today);

  const weeklyBody = (over: Record<string, unknown> = {}) => ({
    week,
    items: weeklyItems(),
    hazards: [],
    measures: [{ description: '冷藏柜加装温度报警', owner: '王总监', deadline: addDays(today, 7) }],
    resolutions: [],
    nextWeekRequirements: '每日两次记录冷藏温度',
    confirm: true,
    ...over,
  });
  const monthlyBody = (over: Record<string, unknown> = {}) => ({
    month,
    meetingDate: today,
    place: '店内会议室',
    attendees: ['张负责（主要负责人）', '王总监', '李安全'],
    discussion: '听取总监汇报本月日管控和周排查情况',
    decisions: ['更换老旧冷藏柜'],
    nextMonthWork: ['冬季燃气安全检查'],
    confirm: true,
    ...over,
  });
  const post = (url: string, token: string, body: unknown, key = freshKey()) => t.request({ method: 'POST', url, token, headers: { 'idempotency-key': key }, body });

  beforeAll(async () => {
    t = await startTestApp();
    [officer, director, principal, regulator] = await Promise.all([DEMO.officer, DEMO.director, DEMO.principal, DEMO.regulator].map(async (p) => (await t.login(p)).accessToken));
    const other = await insertUser(t, { role: Role.Regulator, regionCode: '150103' });
    otherRegulator = (await t.login(other.phone)).accessToken;
    homeId = (await enterpriseByName(t, '新城区青城味道餐馆')).id;
  });
  afterAll(() => t?.close());

  let problemId: string;
  let weeklyId: string;
  let monthlyId: string;

  it('an unfixed 不符合 in the daily check goes into the director’s to-do at once', async () => {
    const daily = await submitDaily(t, officer, today, { items: withFailure(false) });
    expect(daily.status).toBe(201);

    const todos = await t.request({ url: '/api/todos/mine', token: director });
    expect(todos.status).toBe(200);
    expect(todos.body).toMatchObject({ today, weekly: { week, due: true, investigationId: null }, monthly: { month, due: true } });
    expect(todos.body.openProblems).toHaveLength(1);
    expect(todos.body.openProblems[0]).toMatchObject({ sourceType: 'daily_check', sourceId: daily.body.id, businessDate: today, status: 'open', fixedOnSpot: false, description: '冷藏柜温度 12℃，超出 0–8℃' });
    problemId = todos.body.openProblems[0].id;

    // Officials of the county see it; those of another county do not.
    const own = await t.request({ url: '/api/problems?status=open', token: regulator });
    expect(own.body.items.map((p: { id: string }) => p.id)).toContain(problemId);
    expect(own.body.items[0].enterpriseName).toBe('新城区青城味道餐馆');
    const other = await t.request({ url: '/api/problems?status=open', token: otherRegulator });
    expect(other.body.items.map((p: { id: string }) => p.id)).not.toContain(problemId);

    const preview = await t.request({ url: `/api/weekly-investigations/preview?week=${week}`, token: director });
    expect(preview.status).toBe(200);
    expect(preview.body.problems).toEqual({ found: 1, fixed: 0, open: 1 });
    expect(preview.body.days).toMatchObject({ checked: 1, pending: 0 });
  });

  it('the weekly investigation resolves it and freezes the week’s summary; a replay makes one record', async () => {
    const key = freshKey('weekly');
    const body = weeklyBody({ resolutions: [{ problemId, resolution: '已更换冷藏柜温控器，复测 4℃' }] });
    const res = await post('/api/weekly-investigations', director, body, key);
    expect(res.status).toBe(201);
    weeklyId = res.body.id;
    expect(res.body).toMatchObject({ week, version: 1, isCurrent: true, investigatorName: '王总监', investigatorRole: 'director', late: false });
    expect(res.body.resolutions).toEqual([{ problemId, resolution: '已更换冷藏柜温控器，复测 4℃', description: '冷藏柜温度 12℃，超出 0–8℃', businessDate: today }]);
    expect(res.body.summary.problems).toEqual({ found: 1, fixed: 1, open: 0 });
    expect(res.body.summary.problemList).toEqual([expect.objectContaining({ id: problemId, status: 'resolved', resolution: '已更换冷藏柜温控器，复测 4℃' })]);
    expect(res.body.summary.days).toMatchObject({ checked: 1, pending: 0 });

    const again = await post('/api/weekly-investigations', director, body, key);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(weeklyId);
    const list = await t.request({ url: `/api/weekly-investigations?from=${week}&to=${week}`, token: regulator });
    expect(list.body.total).toBe(1);

    const todos = await t.request({ url: '/api/todos/mine', token: director });
    expect(todos.body.openProblems).toEqual([]);
    expect(todos.body.weekly).toMatchObject({ due: false, investigationId: weeklyId });
    const resolved = await t.request({ url: '/api/problems?status=resolved', token: director });
    expect(resolved.body.items.find((p: { id: string }) => p.id === problemId)).toMatchObject({ resolvedIn: weeklyId, status: 'resolved' });
  });

  it('a second weekly report for the same week is a 409; resolving a closed problem is a 400', async () => {
    expectErrorBody(await post('/api/weekly-investigations', director, weeklyBody()), 409, 'WEEKLY_INVESTIGATION_EXISTS');
    const res = await post(`/api/weekly-investigations/${weeklyId}/versions`, director, { ...weeklyBody({ resolutions: [{ problemId, resolution: '再次处理' }] }), week: undefined, reason: '补充' });
    expectErrorBody(res, 400, 'VALIDATION_FAILED');
    expect(res.body.message).toContain('问题处理第1项');
  });

  it('the monthly review’s report counts it found and fixed', async () => {
    const preview = await t.request({ url: `/api/monthly-reviews/preview?month=${month}`, token: principal });
    expect(preview.status).toBe(200);
    expect(preview.body.problems).toEqual({ found: 1, fixed: 1, open: 0 });

    const key = freshKey('monthly');
    const res = await post('/api/monthly-reviews', principal, monthlyBody(), key);
    expect(res.status).toBe(201);
    monthlyId = res.body.id;
    expect(res.body).toMatchObject({ month, version: 1, chairName: '张负责', meetingDate: today, late: false, decisions: ['更换老旧冷藏柜'] });
    expect(res.body.report.problems).toEqual({ found: 1, fixed: 1, open: 0 });
    expect(res.body.report.days).toMatchObject({ checked: 1 });
    expect(res.body.report.weeks).toContainEqual({ week, investigationId: weeklyId, investigatorName: '王总监', late: false, hazards: [] });
    expect(res.body.report.weeklyDone).toBe(1);

    const again = await post('/api/monthly-reviews', principal, monthlyBody(), key);
    expect(again.body.id).toBe(monthlyId);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expectErrorBody(await post('/api/monthly-reviews', principal, monthlyBody()), 409, 'MONTHLY_REVIEW_EXISTS');
    expectErrorBody(await post('/api/monthly-reviews', director, monthlyBody()), 403);

    const list = await t.request({ url: `/api/monthly-reviews?from=${month}&to=${month}`, token: regulator });
    expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([monthlyId]);
    expect((await t.request({ url: '/api/todos/mine', token: principal })).body.monthly).toMatchObject({ due: false, reviewId: monthlyId });
  });

  it('refuses future periods and unsigned reports, in Chinese naming the field', async () => {
    const nextWeek = isoWeekKey(addDays(today, 7));
    const w = await post('/api/weekly-investigations', director, weeklyBody({ week: nextWeek }));
    expectErrorBody(w, 400, 'FUTURE_WEEK');
    expect(w.body.message).toContain('周次');
    const m = await post('/api/monthly-reviews', principal, monthlyBody({ month: monthKey(addDays(`${month}-01`, 40)) }));
    expectErrorBody(m, 400, 'FUTURE_MONTH');
    expectErrorBody(await t.request({ url: `/api/weekly-investigations/preview?week=${nextWeek}`, token: director }), 400);

    const { confirm: _c, ...unsigned } = weeklyBody({ week: isoWeekKey(addDays(today, -7)) });
    const u = await post('/api/weekly-investigations', director, unsigned);
    expectErrorBody(u, 400, 'VALIDATION_FAILED');
    expect(u.body.message).toContain('签字确认');
    expect(u.body.details).toContainEqual(expect.objectContaining({ field: 'confirm' }));
    const f = await post('/api/monthly-reviews', principal, monthlyBody({ confirm: false, month: monthKey(addDays(`${month}-01`, -1)) }));
    expectErrorBody(f, 400, 'VALIDATION_FAILED');
    expect(f.body.message).toContain('签字确认');
    const bad = await post('/api/weekly-investigations', director, weeklyBody({ week: '2025-W53' }));
    expectErrorBody(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.message).toContain('周次');
  });

  it('the officer submits the weekly only where the business has no director', async () => {
    expectErrorBody(await post('/api/weekly-investigations', officer, weeklyBody({ week: isoWeekKey(addDays(today, -7)) })), 403, 'WEEKLY_BY_DIRECTOR');

    const small = await insertEnterprise(t, { countyCode: '150102' });
    const smallOfficer = await insertUser(t, { role: Role.Officer, enterpriseId: small.id, name: '小店安全员' });
    const token = (await t.login(smallOfficer.phone)).accessToken;
    // Evidence must be the business's own uploads.
    const foreign = await post('/api/weekly-investigations', token, weeklyBody({ hazards: [{ description: '灭蝇灯损坏', photoIds: [randomUUID()] }] }));
    expectErrorBody(foreign, 400, 'VALIDATION_FAILED');
    expect(foreign.body.message).toContain('发现的隐患第1项的照片');
    const res = await post('/api/weekly-investigations', token, weeklyBody({ hazards: [{ description: '灭蝇灯损坏' }] }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ investigatorName: '小店安全员', investigatorRole: 'officer', enterpriseId: small.id });
    // A hazard found by the investigation is a problem to follow up.
    const open = await t.request({ url: '/api/problems?status=open', token });
    expect(open.body.items).toEqual([expect.objectContaining({ sourceType: 'weekly_investigation', sourceId: res.body.id, itemCode: null, description: '灭蝇灯损坏' })]);
  });

  it('a corrected daily check supersedes its open problems; one a weekly already resolved stays resolved', async () => {
    const small = await insertEnterprise(t, { countyCode: '150102' });
    const smallOfficer = await insertUser(t, { role: Role.Officer, enterpriseId: small.id });
    const token = (await t.login(smallOfficer.phone)).accessToken;
    const problems = async () => (await t.request({ url: '/api/problems?pageSize=100', token })).body.items as Array<Record<string, unknown>>;

    // Open problem, then a correction: the old one is closed 「记录已更正」, the new one is open.
    const d1 = addDays(today, -1);
    const v1 = await submitDaily(t, token, d1, { items: withFailure(false, '地面有积水') });
    const v2 = await post(`/api/daily-checks/${v1.body.id}/versions`, token, { reason: '问题描述不准确', confirm: true, items: withFailure(false, '操作间地面积水') });
    expect(v2.status).toBe(201);
    let all = await problems();
    expect(all).toHaveLength(2);
    expect(all.find((p) => p.sourceId === v1.body.id)).toMatchObject({ status: 'superseded', description: '地面有积水', resolution: '记录已更正' });
    const open = all.find((p) => p.sourceId === v2.body.id)!;
    expect(open).toMatchObject({ status: 'open', description: '操作间地面积水' });

    // Resolved by the weekly investigation, then the daily check corrected again: the new
    // version's problem of the same item keeps that resolution instead of reopening.
    const weekly = await post('/api/weekly-investigations', token, weeklyBody({ week: isoWeekKey(d1), resolutions: [{ problemId: open.id, resolution: '已清理并加装挡水条' }] }));
    expect(weekly.status).toBe(201);
    const v3 = await post(`/api/daily-checks/${v2.body.id}/versions`, token, { reason: '补充照片说明', confirm: true, items: withFailure(false, '操作间地面积水（排水口堵塞）') });
    expect(v3.status).toBe(201);
    all = await problems();
    expect(all.find((p) => p.sourceId === v2.body.id)).toMatchObject({ status: 'superseded', resolution: '已清理并加装挡水条' });
    expect(all.find((p) => p.sourceId === v3.body.id)).toMatchObject({ status: 'resolved', resolution: '已清理并加装挡水条', resolvedIn: weekly.body.id });
    expect((await t.request({ url: '/api/problems?status=open', token })).body.total).toBe(0);
  });

  it('a weekly report after its week’s Sunday is accepted and marked late', async () => {
    const small = await insertEnterprise(t, { countyCode: '150102' });
    const smallDirector = await insertUser(t, { role: Role.Director, enterpriseId: small.id });
    const token = (await t.login(smallDirector.phone)).accessToken;
    const lastWeek = isoWeekKey(addDays(today, -7));
    const res = await post('/api/weekly-investigations', token, weeklyBody({ week: lastWeek }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ week: lastWeek, late: true, investigatorRole: 'director' });
    // The business joined today: last week's days are not counted as missed.
    expect(res.body.summary.days).toMatchObject({ days: 7, daysToDate: 0, missed: 0 });
  });

  it('officials of another county get 404 for the records', async () => {
    for (const url of [`/api/weekly-investigations/${weeklyId}`, `/api/monthly-reviews/${monthlyId}`]) {
      expect((await t.request({ url, token: regulator })).status).toBe(200);
      expectErrorBody(await t.request({ url, token: otherRegulator }), 404);
    }
    const list = await t.request({ url: '/api/weekly-investigations', token: otherRegulator });
    expect(list.body.items.map((w: { id: string }) => w.id)).not.toContain(weeklyId);
  });

  it('a correction of the weekly is a new version; the chain covers all three record types and catches a tampered weekly', async () => {
    const v2 = await post(`/api/weekly-investigations/${weeklyId}/versions`, director, { ...weeklyBody(), week: undefined, reason: '补记整改措施' });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ version: 2, supersedesId: weeklyId, amendReason: '补记整改措施' });
    // The problem stays resolved by the first version.
    expect(v2.body.summary.problems).toEqual({ found: 1, fixed: 1, open: 0 });
    const versions = await t.request({ url: `/api/weekly-investigations/${v2.body.id}/versions`, token: regulator });
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual([1, 2]);

    const ok = await t.request({ url: `/api/enterprises/${homeId}/chain/verify`, token: regulator });
    expect(ok.body).toMatchObject({ ok: true, brokenAt: null });
    const types = await t.ds.query('SELECT DISTINCT record_type AS t FROM record_chain WHERE enterprise_id = ?', [homeId]);
    expect(types.map((r: { t: string }) => r.t).sort()).toEqual(['daily_check', 'monthly_review', 'weekly_investigation']);

    await t.ds.query('UPDATE weekly_investigations SET next_week_requirements = ? WHERE id = ?', ['（被改动）', weeklyId]);
    const broken = await t.request({ url: `/api/enterprises/${homeId}/chain/verify`, token: regulator });
    expect(broken.body.ok).toBe(false);
    expect(broken.body.brokenAt).toMatchObject({ recordType: 'weekly_investigation', recordId: weeklyId });
    expect(broken.body.brokenAt.reason).toContain('篡改');
  });
});
