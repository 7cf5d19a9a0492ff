// ?format=xlsx on the lists officials use: each download opens in a spreadsheet program with the
// same rows, in the same order, as the JSON list gives over all its pages (same filters, same
// region scope); bad filters answer a JSON 400, never a broken file; a county regulator's file
// holds nothing of another county. The rows are pulled page by page (keyset): walking a list two
// rows at a time gives the JSON list exactly, ties included.
import {
  addDays,
  AppointmentStatsDto,
  BUSINESS_TYPE_LABELS,
  businessDateOf,
  BusinessType,
  CheckResult,
  COMPLIANCE_STATE_LABELS,
  DailyCheckDto,
  DailyCheckItemAnswer,
  ENTERPRISE_STATUS_LABELS,
  EnterpriseDirectoryItem,
  isoWeekKey,
  itemsDue,
  listFromTemplate,
  MonthlyReviewDto,
  monthKey,
  ProblemDto,
  Role,
  templateFor,
  todayInShanghai,
  WeeklyInvestigationDto,
} from '@shian/shared';
import type { Caller } from '../../server/src/common/caller';
import { DailyChecksService } from '../../server/src/daily-checks/daily-checks.service';
import { EnterpriseDirectoryService } from '../../server/src/enterprises/enterprise-directory.service';
import { ProblemsService } from '../../server/src/problems/problems.service';
import { WeeklyInvestigationsService } from '../../server/src/weekly-investigations/weekly-investigations.service';
import { readXlsx, shanghaiMinute, type CellText, type SheetContent } from '../support/xlsx';
import { allPassItems, demoCast, DEMO, expectErrorBody, freshKey, insertEnterprise, startTestApp, submitDaily, TestApp, type Cast } from './harness';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const yes = (b: boolean): string => (b ? '是' : '否');

const withProblem = (): DailyCheckItemAnswer[] => {
  const items = allPassItems();
  items[1] = { code: items[1].code, result: CheckResult.Fail, problem: '消毒柜未通电', measure: '已通电并重新消毒餐具', fixedOnSpot: true };
  return items;
};
const weeklyItems = (): DailyCheckItemAnswer[] => itemsDue(listFromTemplate(templateFor(BusinessType.Catering)), 'weekly').map((i) => ({ code: i.code, result: CheckResult.Pass }));

describe('Excel export of the officials’ lists', () => {
  let t: TestApp;
  let cast: Cast;
  let admin: string;
  let regulatorCaller: Caller;
  const today = todayInShanghai();

  /** Every page of a JSON list (100 a page), in order. */
  async function allPages<T>(url: string, token: string): Promise<T[]> {
    const out: T[] = [];
    for (let page = 1; ; page++) {
      const res = await t.request({ url: `${url}${url.includes('?') ? '&' : '?'}page=${page}&pageSize=100`, token });
      expect(res.status).toBe(200);
      out.push(...res.body.items);
      if (out.length >= res.body.total) return out;
    }
  }

  /** Downloads an export as the browser would and opens it. */
  async function download(url: string, token: string): Promise<SheetContent & { fileName: string }> {
    const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.xlsx"; filename\*=UTF-8''/);
    const fileName = decodeURIComponent(disposition.split("filename*=UTF-8''")[1]);
    return { ...(await readXlsx(res.rawPayload)), fileName };
  }

  async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
    const out: T[] = [];
    for await (const r of rows) out.push(r);
    return out;
  }

  const post = (url: string, token: string, body: unknown) => t.request({ method: 'POST', url, token, headers: { 'idempotency-key': freshKey() }, body });

  beforeAll(async () => {
    t = await startTestApp();
    cast = await demoCast(t);
    admin = (await t.login(DEMO.admin)).accessToken;
    const me = await t.request({ url: '/api/me', token: cast.tok.regulator });
    regulatorCaller = { id: me.body.id, name: me.body.name, role: Role.Regulator, enterpriseId: null, regionCode: '150102', cadreLevel: null };

    // Records of the week in both counties: the home business daily (one day with a problem found
    // and fixed on the spot), the far one on two days; the same dates in both, so rows tie on date.
    for (let i = 0; i < 5; i++) {
      const date = addDays(today, -i);
      expect((await submitDaily(t, cast.tok.officer, date, { items: i === 2 ? withProblem() : allPassItems(), remarks: i === 0 ? '今日正常' : undefined })).status).toBe(201);
    }
    for (const date of [today, addDays(today, -1)]) expect((await submitDaily(t, cast.tok.farOfficer, date)).status).toBe(201);
    // A correction: only its current version is listed (and exported).
    const first = await t.request({ url: `/api/daily-checks?from=${addDays(today, -3)}&to=${addDays(today, -3)}`, token: cast.tok.officer });
    const amended = await post(`/api/daily-checks/${first.body.items[0].id}/versions`, cast.tok.officer, { reason: '补记备注', items: allPassItems(), remarks: '冷藏柜温度已复测', confirm: true });
    expect(amended.status).toBe(201);

    const weekly = { items: weeklyItems(), hazards: [{ description: '后厨地漏防鼠网缺失' }], measures: [{ description: '加装防鼠网', owner: '王总监', deadline: addDays(today, 7) }], resolutions: [], nextWeekRequirements: '每日检查地漏', confirm: true };
    expect((await post('/api/weekly-investigations', cast.tok.director, { ...weekly, week: isoWeekKey(today) })).status).toBe(201);
    expect((await post('/api/weekly-investigations', cast.tok.director, { ...weekly, week: isoWeekKey(addDays(today, -7)) })).status).toBe(201);
    const monthly = { month: monthKey(today), meetingDate: today, place: '店内会议室', attendees: ['张负责', '王总监', '李安全'], discussion: '听取总监汇报', decisions: ['更换冷藏柜'], nextMonthWork: ['燃气安全检查'], confirm: true };
    expect((await post('/api/monthly-reviews', cast.tok.principal, monthly)).status).toBe(201);

    // More businesses registered at the same instant: the directory's order ties on createdAt.
    const at = new Date();
    for (let i = 0; i < 3; i++) await insertEnterprise(t, { name: `导出测试餐馆${i}`, createdAt: at });
    await insertEnterprise(t, { name: '回民区导出测试店', countyCode: '150103', createdAt: at });
  });
  afterAll(() => t?.close());

  it('daily checks: the file holds the JSON list’s rows, in order, with Chinese headers, a bold frozen header and text dates', async () => {
    const json = await allPages<DailyCheckDto>('/api/daily-checks', cast.tok.regulator);
    expect(json).toHaveLength(5);
    const x = await download('/api/daily-checks?format=xlsx', cast.tok.regulator);
    expect(x.fileName).toBe(`每日检查记录-${today}.xlsx`);
    expect(x.header).toEqual(['营业日期', '企业名称', '区划代码', '检查人', '检查项数', '不符合项数', '零风险报告', '迟交', '版本', '提交时间', '备注', '审阅']);
    expect(x.rows).toEqual(
      json.map((d) => [d.businessDate, d.enterpriseName, d.regionCode, d.officerName, d.items.length, d.problemCount, yes(d.zeroRisk), yes(d.late), d.version, shanghaiMinute(d.submittedAt), d.remarks, '未审阅']),
    );
    // What the user sees in the spreadsheet, not only the values.
    expect(x.sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(x.sheet.getRow(1).font?.bold).toBe(true);
    expect(x.sheet.getColumn(2).width).toBe(32);
    expect(x.sheet.getCell('A2').type).toBe(3); // ValueType.String: the date stays 'YYYY-MM-DD' text
    expect(x.rows.find((r) => r[5] === 1)).toBeDefined();
    expect(x.rows.find((r) => r[10] === '冷藏柜温度已复测')).toEqual(expect.arrayContaining([2]));
  });

  it('daily checks with filters: the same filters give the same rows; an admin’s file has both counties', async () => {
    const q = `from=${addDays(today, -1)}&to=${today}`;
    const json = await allPages<DailyCheckDto>(`/api/daily-checks?${q}`, admin);
    expect(new Set(json.map((d) => d.regionCode.slice(0, 6)))).toEqual(new Set(['150102', '150103']));
    const x = await download(`/api/daily-checks?${q}&format=xlsx`, admin);
    expect(x.rows.map((r) => [r[0], r[1]])).toEqual(json.map((d) => [d.businessDate, d.enterpriseName]));
    const one = await download(`/api/daily-checks?enterpriseId=${cast.farId}&format=xlsx`, admin);
    expect(one.rows.map((r) => r[1])).toEqual(['回民区老街烧麦馆', '回民区老街烧麦馆']);
  });

  it('daily checks: the 审阅 column says 已审阅 / 已退回 / 未审阅, and ?reviewed= filters the file as it does the list', async () => {
    const all = await allPages<DailyCheckDto>('/api/daily-checks', cast.tok.regulator);
    const review = (recordId: string, action: string, comment?: string) =>
      t.request({ method: 'POST', url: '/api/reviews', token: cast.tok.regulator, headers: { 'idempotency-key': freshKey('review') }, body: { recordType: 'daily_check', recordId, action, comment } });
    expect((await review(all[0].id, 'reviewed')).status).toBe(201);
    expect((await review(all[1].id, 'returned', '请补记留样时间')).status).toBe(201);
    const x = await download('/api/daily-checks?format=xlsx', cast.tok.regulator);
    expect(x.rows.map((r) => r[11])).toEqual(all.map((_, i) => (i === 0 ? '已审阅' : i === 1 ? '已退回' : '未审阅')));
    const queue = await download('/api/daily-checks?reviewed=false&format=xlsx', cast.tok.regulator);
    const queueJson = await allPages<DailyCheckDto>('/api/daily-checks?reviewed=false', cast.tok.regulator);
    expect(queue.rows.map((r) => [r[0], r[1], r[11]])).toEqual(queueJson.map((d) => [d.businessDate, d.enterpriseName, '未审阅']));
    expect(queueJson).toHaveLength(all.length - 2);
  });

  it('weekly investigations, monthly reviews and problems export their lists too', async () => {
    const weekly = await allPages<WeeklyInvestigationDto>('/api/weekly-investigations', cast.tok.regulator);
    const wx = await download('/api/weekly-investigations?format=xlsx', cast.tok.regulator);
    expect(wx.fileName).toBe(`周排查报告-${today}.xlsx`);
    expect(wx.rows).toEqual(
      weekly.map((w) => [
        w.week, w.summary.from, w.summary.to, w.enterpriseName, w.regionCode, w.investigatorName, w.summary.days.checked, w.summary.days.missed,
        w.hazards.length, w.measures.length, yes(w.late), w.version, shanghaiMinute(w.submittedAt), '未审阅',
      ]),
    );
    expect(wx.rows.map((r) => r[0])).toEqual([isoWeekKey(today), isoWeekKey(addDays(today, -7))]);

    const monthly = await allPages<MonthlyReviewDto>('/api/monthly-reviews', cast.tok.regulator);
    const mx = await download('/api/monthly-reviews?format=xlsx', cast.tok.regulator);
    expect(mx.rows).toEqual(
      monthly.map((m) => [
        m.month, m.enterpriseName, m.regionCode, m.chairName, m.meetingDate, m.place, m.attendees.length, m.report.days.checked, m.report.days.missed,
        m.report.weeklyDone, m.report.problems.found, m.report.problems.fixed, yes(m.late), m.version, shanghaiMinute(m.submittedAt), '未审阅',
      ]),
    );
    expect(mx.rows).toHaveLength(1);

    const problems = await allPages<ProblemDto>('/api/problems', cast.tok.regulator);
    expect(problems.length).toBeGreaterThanOrEqual(2);
    const px = await download('/api/problems?format=xlsx', cast.tok.regulator);
    const status = { open: '待整改', resolved: '已整改', superseded: '所在记录已更正' };
    expect(px.rows).toEqual(
      problems.map((p) => [
        p.businessDate, p.enterpriseName, p.regionCode, p.sourceType === 'daily_check' ? '每日检查' : '每周排查', p.itemCode, p.description, p.measureTaken,
        yes(p.fixedOnSpot), status[p.status], p.resolution, p.resolvedAt ? shanghaiMinute(p.resolvedAt) : null,
      ]),
    );
    const openOnly = await download('/api/problems?status=open&format=xlsx', cast.tok.regulator);
    expect(openOnly.rows.map((r) => r[5])).toEqual(problems.filter((p) => p.status === 'open').map((p) => p.description));
  });

  it('the directory exports every business of the list with its 7-day state', async () => {
    const json = await allPages<EnterpriseDirectoryItem>('/api/enterprises', cast.tok.regulator);
    expect(json.length).toBeGreaterThanOrEqual(9);
    const x = await download('/api/enterprises?format=xlsx', cast.tok.regulator);
    expect(x.fileName).toBe(`企业名录-${today}.xlsx`);
    expect(x.header).toEqual(['企业名称', '统一社会信用代码', '许可证编号', '业态', '风险等级', '所在村（社区）', '区划代码', '地址', '状态', '近7日日管控', '已查天数', '应查天数', '日查完成率', '联系人', '联系电话', '登记日期', '确认日期']);
    expect(x.rows).toEqual(
      json.map((e) => [
        e.name, e.uscc, e.licenceNo, BUSINESS_TYPE_LABELS[e.businessType], e.grade, e.regionName, e.regionCode, e.address, ENTERPRISE_STATUS_LABELS[e.status],
        e.compliance ? COMPLIANCE_STATE_LABELS[e.compliance.state] : null, e.compliance?.done ?? null, e.compliance?.due ?? null,
        e.compliance ? (e.compliance.due ? e.compliance.done / e.compliance.due : '—') : '—',
        e.contactName, e.contactPhone, businessDateOf(new Date(e.registeredAt)), e.confirmedAt ? businessDateOf(new Date(e.confirmedAt)) : null,
      ]),
    );
    // The home business checked 5 of the last 7 days, all since it was seeded today: 1 of 1 due.
    const home = json.find((e) => e.id === cast.homeId)!;
    expect(home.compliance).toMatchObject({ done: 5, state: 'ok' });
    const rateCell = x.sheet.getCell(x.rows.findIndex((r) => r[0] === home.name) + 2, 13);
    expect(rateCell.numFmt).toBe('0.0%');

    const filtered = await allPages<EnterpriseDirectoryItem>('/api/enterprises?q=导出测试&compliance=ok', cast.tok.regulator);
    const fx = await download('/api/enterprises?q=导出测试&compliance=ok&format=xlsx', cast.tok.regulator);
    expect(fx.rows.map((r) => r[0])).toEqual(filtered.map((e) => e.name));
    expect(fx.rows).toHaveLength(3);
  });

  it('the appointment rates export their table: the child regions, then the total', async () => {
    const res = await t.request<AppointmentStatsDto>({ url: '/api/stats/appointments', token: cast.tok.regulator });
    const x = await download('/api/stats/appointments?format=xlsx', cast.tok.regulator);
    expect(x.header).toEqual(['区划代码', '区划名称', '企业数', '已配备安全员', '食品安全员配备率', '须配备总监', '已配备总监', '食品安全总监配备率']);
    const rate = (r: number | null): CellText => (r === null ? '—' : r);
    expect(x.rows).toEqual(
      [...res.body.children, { ...res.body.region, regionName: `${res.body.region.regionName}（合计）` }].map((r) => [
        r.regionCode, r.regionName, r.businesses, r.withOfficer, rate(r.officerRate), r.requiringDirector, r.withDirector, rate(r.directorRate),
      ]),
    );
    expect(x.rows[x.rows.length - 1].slice(0, 3)).toEqual(['150102', '新城区（合计）', res.body.region.businesses]);
  });

  it('a county regulator’s files hold no row of another county', async () => {
    const lists: Array<[string, number]> = [
      ['/api/daily-checks?format=xlsx', 2],
      ['/api/weekly-investigations?format=xlsx', 4],
      ['/api/monthly-reviews?format=xlsx', 2],
      ['/api/problems?format=xlsx', 2],
      ['/api/enterprises?format=xlsx', 6],
    ];
    for (const [url, regionColumn] of lists) {
      const own = await download(url, cast.tok.regulator);
      expect(own.rows.length).toBeGreaterThan(0);
      for (const row of own.rows) expect(String(row[regionColumn])).toMatch(/^150102/);
      expect(JSON.stringify(own.rows)).not.toContain('回民区');
      // The other county's regulator sees his own rows only.
      const far = await download(url, cast.tok.farRegulator);
      for (const row of far.rows) expect(String(row[regionColumn])).toMatch(/^150103/);
    }
    // Asking for another county by filter: nothing, or 404 where the API answers 404.
    expect((await download('/api/daily-checks?regionCode=150103&format=xlsx', cast.tok.regulator)).rows).toEqual([]);
    expect((await download(`/api/daily-checks?enterpriseId=${cast.farId}&format=xlsx`, cast.tok.regulator)).rows).toEqual([]);
    expectErrorBody(await t.request({ url: '/api/stats/appointments?regionCode=150103&format=xlsx', token: cast.tok.regulator }), 404);
  });

  it('a bad filter or format answers a JSON 400 naming the field, not a broken file', async () => {
    const cases: Array<[string, string]> = [
      ['/api/daily-checks?format=xlsx&from=2026-02-30', '开始日期'],
      ['/api/weekly-investigations?format=xlsx&to=2026-W60', '结束日期'],
      ['/api/monthly-reviews?format=xlsx&regionCode=abc', '区划代码'],
      ['/api/problems?format=xlsx&status=closed', '状态'],
      ['/api/enterprises?format=xlsx&compliance=perfect', '日管控状态'],
      ['/api/enterprises?format=pdf', '导出格式'],
      ['/api/stats/appointments?format=csv', '导出格式'],
    ];
    for (const [url, label] of cases) {
      const res = await t.request({ url, token: cast.tok.regulator });
      expectErrorBody(res, 400, 'VALIDATION_FAILED');
      expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
      expect(res.body.message).toContain(label);
    }
    expectErrorBody(await t.request({ url: '/api/daily-checks?format=xlsx' }), 401);
  });

  it('exports walk the lists by keyset: two rows at a time gives the JSON list exactly, ties included', async () => {
    const daily = t.app.get(DailyChecksService);
    const json = await allPages<DailyCheckDto>('/api/daily-checks', admin);
    const adminCaller: Caller = { ...regulatorCaller, role: Role.Admin, regionCode: null };
    expect((await collect(daily.read.rows(adminCaller, {}, 2))).map((d) => d.id)).toEqual(json.map((d) => d.id));
    expect((await collect(daily.read.rows(regulatorCaller, { from: addDays(today, -3) }, 2))).map((d) => d.id)).toEqual(
      (await allPages<DailyCheckDto>(`/api/daily-checks?from=${addDays(today, -3)}`, cast.tok.regulator)).map((d) => d.id),
    );

    const weekly = t.app.get(WeeklyInvestigationsService);
    expect((await collect(weekly.read.rows(regulatorCaller, {}, 1))).map((w) => w.id)).toEqual(
      (await allPages<WeeklyInvestigationDto>('/api/weekly-investigations', cast.tok.regulator)).map((w) => w.id),
    );

    const problems = t.app.get(ProblemsService);
    expect((await collect(problems.rows(regulatorCaller, {}, 1))).map((p) => p.id)).toEqual(
      (await allPages<ProblemDto>('/api/problems', cast.tok.regulator)).map((p) => p.id),
    );

    const directory = t.app.get(EnterpriseDirectoryService);
    const listed = await allPages<EnterpriseDirectoryItem>('/api/enterprises', admin);
    expect((await collect(directory.rows(adminCaller, {}, 2))).map((e) => e.id)).toEqual(listed.map((e) => e.id));
    const pendingFirst = await allPages<EnterpriseDirectoryItem>('/api/enterprises?status=pending', admin);
    expect((await collect(directory.rows(adminCaller, { status: 'pending' as never }, 1))).map((e) => e.id)).toEqual(pendingFirst.map((e) => e.id));
    const silent = await allPages<EnterpriseDirectoryItem>('/api/enterprises?compliance=ok', cast.tok.regulator);
    expect((await collect(directory.rows(regulatorCaller, { compliance: 'ok' }, 2))).map((e) => e.id)).toEqual(silent.map((e) => e.id));
  });
});
