// 投诉举报办理 in a real browser (issue #7 items 4–5): two cases arrive through the public API — a
// 实名 complaint about 新城区青城味道餐馆 and an anonymous report about an unregistered stall, its
// check period already past. The county regulator sees them on his home and in the list (逾期 off /
// on), opens the complaint (name and phone masked), 由我承办, 受理, 查看身份 with a reason (the full
// phone, recorded), 答复 with a text, 下发整改 (the order links back); then the report: 开始核查 →
// 不予立案 with a reason. The same list and case at a desk. The admin edits the working calendar: a
// 调休上班日 on a weekday is refused at its row, on a Saturday it is saved. Elements by visible text.
import type { Browser, Locator, Page } from 'playwright-core';
import {
  addDays,
  addWorkingDays,
  COMPLAINT_PERIODS,
  todayInShanghai,
  weekdayOf,
  workingCalendarOf,
  type ComplaintDetailDto,
  type ComplaintDto,
  type Page as ListPage,
  type PublicComplaintReceipt,
  type WorkingCalendarYearDto,
} from '@shian/shared';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RunningServer } from '../support/server';
import { readXlsx } from '../support/xlsx';
import { apiGet, apiToken, buttonIn, chineseDate, field, launchBrowser, loginAs, runStory, screenshot, setUpStory, shownPage, switchUser } from './browser';
import { complaintRow, openComplaint, openComplaintList, performComplaintAction, readDeadlines, revealIdentity, submitPublicComplaint } from './complaint-official-steps';
import { issueRectification } from './official-steps';
import { publicEnterpriseId } from './public-steps';

const PASSWORD = 'Demo@2026';
const REGULATOR = { phone: '13900000005', password: PASSWORD };
const ADMIN = { phone: '13900000006', password: PASSWORD };
const BUSINESS = '新城区青城味道餐馆';
const NAME = '王秀英';
const PHONE = '13812345678';
const REPLY = '已联系商家，约定本周内到店调解';
const REASON = '电话联系投诉人核实就餐时间';
const ITEM = '凉菜间消毒不到位，立即整改并留存消毒记录';
const NOT_OPENED = '经现场核查，未发现使用来源不明肉类的情况';
const STALL = '夜市无名烧烤摊';

let server: RunningServer;
let page: Page;
let events: string[] = [];
let complaint: PublicComplaintReceipt;
let report: PublicComplaintReceipt;
const today = todayInShanghai();
/** The report arrived a month ago (set-up): its 15 working days of checking are past. */
const reportReceived = addDays(today, -30);

const cur = (): Locator => shownPage(page);

/** Test set-up: the report was received on `date`, its running deadline stored as the server computes it. */
async function backdate(trackingNo: string, date: string, due: string): Promise<void> {
  const sql = 'UPDATE complaints SET received_date = ?, due_date = ? WHERE tracking_no = ?';
  if (server.dbUrl) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const mysql = require('mysql2/promise');
    const conn = await mysql.createConnection(server.dbUrl);
    const [res] = await conn.query(sql, [date, due, trackingNo]);
    await conn.end();
    if (res.affectedRows !== 1) throw new Error(`complaint ${trackingNo} not found`);
  } else {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const Database = require('better-sqlite3');
    const db = new Database(resolve(server.dataDir, 'shian.sqlite'));
    db.pragma('busy_timeout = 5000');
    const changed = db.prepare(sql).run(date, due, trackingNo).changes;
    db.close();
    if (changed !== 1) throw new Error(`complaint ${trackingNo} not found`);
  }
}

setUpStory('complaint-handling', async (setup) => {
  ({ server, page, events } = setup);
  const homeId = await publicEnterpriseId(server.baseUrl, BUSINESS);
  complaint = await submitPublicComplaint(server.baseUrl, {
    kind: 'complaint',
    enterpriseId: homeId,
    description: '在该店就餐后腹泻，凉菜有异味',
    happenedOn: today,
    incidentPlace: '大厅 3 号桌',
    anonymous: false,
    contactName: NAME,
    contactPhone: PHONE,
  });
  report = await submitPublicComplaint(server.baseUrl, {
    kind: 'report',
    businessName: STALL,
    businessAddress: '新城区夜市东口',
    regionCode: '150102',
    description: '夜市烧烤摊使用来源不明的肉',
    happenedOn: addDays(today, -31),
    anonymous: true,
  });
  const token = await apiToken(server.baseUrl, REGULATOR);
  const years = [reportReceived.slice(0, 4), today.slice(0, 4), String(Number(today.slice(0, 4)) + 1)];
  const days = (await Promise.all([...new Set(years)].map((y) => apiGet<WorkingCalendarYearDto>(server.baseUrl, token, `/api/working-calendar/${y}`)))).flatMap((y) => y.days);
  await backdate(report.trackingNo, reportReceived, addWorkingDays(reportReceived, COMPLAINT_PERIODS.check, workingCalendarOf(days)));
});

test('the regulator handles a 实名 complaint (承办, 受理, 查看身份, 答复, 下发整改) and an overdue anonymous report (核查, 不予立案)', () =>
  runStory(page, events, async () => {
    // 1. The regulator's home: 投诉举报 with 待处理 2 · 逾期 1.
    await page.goto('/');
    await field(cur(), '请输入手机号').waitFor();
    await loginAs(cur(), REGULATOR);
    const entry = cur().locator('.off-cpl-entry');
    await entry.getByText(/^待处理 2/).waitFor();
    await entry.getByText('· 逾期 1', { exact: true }).waitFor();
    await screenshot(page, 'regulator-home', { fullPage: false });

    // 2. The list, newest first: both; 只看逾期 keeps the report only.
    await openComplaintList(page);
    await complaintRow(page, complaint.trackingNo).waitFor();
    await complaintRow(page, report.trackingNo).waitFor();
    const complaintCard = complaintRow(page, complaint.trackingNo);
    await complaintCard.getByText(BUSINESS, { exact: true }).waitFor();
    await complaintCard.getByText(`决定是否受理并告知：${chineseDate(addWorkingDays(today, COMPLAINT_PERIODS.acceptance, workingCalendarOf(await calendarDays())))}前`, { exact: true }).waitFor();
    await complaintRow(page, report.trackingNo).locator('.cpl-overdue').getByText('逾期', { exact: true }).waitFor();
    const chip = (label: string) => cur().locator('.sup-chip').filter({ hasText: new RegExp(`^(✓ )?${label}$`) });
    await chip('逾期').click();
    await cur().getByText('共 1 件', { exact: true }).waitFor();
    await complaintRow(page, report.trackingNo).waitFor();
    expect(await complaintRow(page, complaint.trackingNo).count()).toBe(0);
    await screenshot(page, 'regulator-overdue-only');
    await chip('逾期').click();
    await cur().getByText('共 2 件', { exact: true }).waitFor();
    // A kind's own statuses: 投诉 offers 已受理, not 核查中.
    await chip('投诉').click();
    await chip('已受理').waitFor();
    expect(await chip('核查中').count()).toBe(0);
    await cur().getByText('共 1 件', { exact: true }).waitFor();
    await cur().getByText('清除筛选', { exact: true }).click();
    await cur().getByText('共 2 件', { exact: true }).waitFor();

    // 3. The 实名 complaint: name and phone masked, no 查看身份 before it is one's own.
    await openComplaint(page, complaint.trackingNo);
    const person = cur().locator('.cpd-person');
    await person.getByText('王**', { exact: true }).waitFor();
    await person.getByText('138****5678', { exact: true }).waitFor();
    expect(await buttonIn(person, '查看身份').count()).toBe(0);
    expect(await cur().textContent()).not.toContain(PHONE);
    const first = await readDeadlines(page);
    expect(first.map((d) => [d.key, d.done, d.overdue])).toEqual([['acceptance', false, false]]);

    // 4. 由我承办, then 受理 (no text needed): the acceptance deadline is met, mediation runs.
    await buttonIn(cur(), '由我承办').click();
    await cur().getByText('承办人：刘监管（我）', { exact: true }).waitFor();
    await performComplaintAction(page, '受理', null, { status: '已受理', shot: 'accept' });
    const accepted = await readDeadlines(page);
    expect(accepted.map((d) => [d.key, d.done, d.overdue])).toEqual([
      ['acceptance', true, false],
      ['mediation', false, false],
    ]);

    // 5. 查看身份 with a reason: the full name and phone, the view recorded.
    expect(await revealIdentity(page, REASON)).toEqual({ name: NAME, phone: PHONE });

    // 6. 答复 with a text: in 办理记录, marked as what the complainant sees.
    await performComplaintAction(page, '答复', REPLY, { shot: 'reply' });
    const replied = cur().locator('.cpd-event').last();
    await replied.getByText('投诉举报人可见', { exact: true }).waitFor();

    // 7. 下发整改 from the complaint: the order names it and links back; the complaint lists the order.
    await issueRectification(page, `来源：${complaint.trackingNo} 投诉举报`, [ITEM]);
    await cur().locator('.rect__source').click();
    await cur().locator('.cpd-head__no').getByText(complaint.trackingNo, { exact: true }).waitFor();
    await cur().locator('.cpd-orders').getByText('整改通知（1）', { exact: true }).waitFor();
    await cur().locator('.cpd-orders .rect__row').getByText(ITEM, { exact: true }).waitFor();
    await cur().locator('.cpd-orders').scrollIntoViewIfNeeded();
    await screenshot(page, 'regulator-complaint-with-order');

    // 8. The report: unregistered stall, anonymous, its check period overdue → 开始核查 → 不予立案.
    await page.goBack();
    await page.goBack();
    await page.goBack();
    await cur().locator('.cpl-head').waitFor();
    await openComplaint(page, report.trackingNo);
    await cur().getByText(`${STALL}（未登记）`, { exact: true }).waitFor();
    await cur().locator('.cpd-person').getByText('匿名提交，未留身份信息', { exact: true }).waitFor();
    const check = await readDeadlines(page);
    expect(check).toEqual([expect.objectContaining({ key: 'check', label: '核查并决定是否立案（15个工作日）', done: false, overdue: true })]);
    await performComplaintAction(page, '开始核查', null, { status: '核查中', shot: 'start-check' });
    await cur().getByText('承办人：刘监管（我）', { exact: true }).waitFor();
    // 不予立案 needs its reason: an empty confirm says so.
    await buttonIn(cur(), '不予立案').click();
    const d = page.locator('.nut-dialog:visible').last();
    await buttonIn(d, '确认不予立案').click();
    await d.getByText('请填写理由', { exact: true }).waitFor();
    await buttonIn(d, '取消').click();
    await d.waitFor({ state: 'hidden' });
    await performComplaintAction(page, '不予立案', NOT_OPENED, { status: '不予立案', shot: 'not-open' });
    const decided = await readDeadlines(page);
    expect(decided.map((x) => [x.key, x.done, x.overdue])).toEqual([['check', true, true]]);
    await cur().getByText('告知举报人', { exact: true }).waitFor();

    // What the API says matches what the pages showed.
    const token = await apiToken(server.baseUrl, REGULATOR);
    const list = await apiGet<ListPage<ComplaintDto>>(server.baseUrl, token, '/api/complaints?pageSize=100');
    const byNo = new Map(list.items.map((c) => [c.trackingNo, c]));
    expect(byNo.get(complaint.trackingNo)).toMatchObject({ status: 'accepted', handlerName: '刘监管', complainantPhone: '138****5678' });
    expect(byNo.get(report.trackingNo)).toMatchObject({ status: 'not_opened', handlerName: '刘监管' });
    const detail = await apiGet<ComplaintDetailDto>(server.baseUrl, token, `/api/complaints/${byNo.get(complaint.trackingNo)!.id}`);
    expect(detail.events.map((e) => [e.label, e.text])).toEqual([
      ['已收到', null],
      ['指定承办人', '承办人：刘监管'],
      ['已受理', null],
      ['答复', REPLY],
    ]);
    expect(detail.rectificationIds).toHaveLength(1);
  }));

test('at a desk (1280×800): the list is one table, the case reads in full', async () => {
  const browser: Browser = await launchBrowser();
  try {
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
    context.setDefaultTimeout(15_000);
    const desk = await context.newPage();
    await runStory(desk, events, async () => {
      await desk.goto('/');
      await field(shownPage(desk), '请输入手机号').waitFor();
      await loginAs(shownPage(desk), REGULATOR);
      await openComplaintList(desk, 'desk');
      const head = shownPage(desk).locator('.off-table__row--head');
      await head.getByText('当前期限', { exact: true }).waitFor();
      const row = complaintRow(desk, report.trackingNo);
      await row.getByText(STALL, { exact: true }).waitFor();
      await row.getByText('不予立案', { exact: true }).waitFor();
      // 导出Excel: both cases, and nothing of who complained — not even masked.
      const exported = desk.waitForEvent('download');
      await buttonIn(shownPage(desk), '导出Excel').click();
      const xlsx = await exported;
      expect(xlsx.suggestedFilename()).toBe('投诉举报.xlsx');
      const sheet = await readXlsx(readFileSync((await xlsx.path())!));
      expect(sheet.header).toContain('受理编号');
      const cells = sheet.rows.flat().map((v) => String(v ?? ''));
      expect(cells).toEqual(expect.arrayContaining([complaint.trackingNo, report.trackingNo]));
      for (const secret of [NAME, PHONE, `${PHONE.slice(0, 3)}****${PHONE.slice(-4)}`, `${NAME[0]}**`]) expect(cells.some((c) => c.includes(secret))).toBe(false);
      await openComplaint(desk, complaint.trackingNo, 'desk');
      // Two columns: the case and its history | who, deadlines, handling.
      await shownPage(desk).locator('.cpd-layout__side .cpd-deadline').first().waitFor();
      await shownPage(desk).locator('.cpd-layout__main .cpd-events').waitFor();
      // The business's page: its 投诉举报 (the one accepted) and 打印公示牌; 全部 › lists its cases only.
      await shownPage(desk).getByText(`${BUSINESS} ›`, { exact: true }).click();
      const section = shownPage(desk).locator('.ent-complaints');
      await section.getByText('投诉举报（1）', { exact: true }).waitFor();
      await section.locator(`[data-tracking="${complaint.trackingNo}"]`).getByText('已受理', { exact: true }).waitFor();
      await screenshot(desk, 'desk-enterprise');
      // 打印公示牌: the business's A4 poster, as a PDF download.
      const posterDownload = desk.waitForEvent('download');
      await buttonIn(shownPage(desk), '打印公示牌').click();
      const poster = await posterDownload;
      expect(poster.suggestedFilename()).toBe(`公示牌-${BUSINESS}.pdf`);
      expect(readFileSync((await poster.path())!).subarray(0, 5).toString()).toBe('%PDF-');
      await section.getByText('全部 ›', { exact: true }).click();
      await shownPage(desk).getByText(`${BUSINESS}的投诉举报`, { exact: true }).waitFor();
      await shownPage(desk).getByText('共 1 件', { exact: true }).waitFor();
      await complaintRow(desk, complaint.trackingNo).waitFor();
      await screenshot(desk, 'desk-enterprise-complaints');
    });
  } finally {
    await browser.close();
  }
});

test('the admin edits the working calendar: a 调休上班日 on a weekday is refused at its row, on a Saturday it is saved', () =>
  runStory(page, events, async () => {
    const year = today.slice(0, 4);
    // The year's last Saturday and the Wednesday after the one before it: one a weekend, one not.
    let saturday = `${year}-12-31`;
    while (weekdayOf(saturday) !== 6) saturday = addDays(saturday, -1);
    const wednesday = addDays(saturday, -3);
    await switchUser(page, ADMIN);
    await cur().locator('.off-cpl-entry').click();
    await cur().getByText('工作日历 ›', { exact: true }).click();
    await cur().getByText(`${year}年`, { exact: true }).waitFor();
    await cur().getByText('法定期限按工作日计算：周一至周五，不含放假日，含调休上班日。', { exact: true }).waitFor();
    await screenshot(page, 'admin-calendar');

    const add = async (date: string, kind: string, name: string) => {
      await field(cur(), `日期，如 ${year}-10-01`).fill(date);
      await cur().locator('.wcal-form .sup-chip').filter({ hasText: new RegExp(`^${kind}$`) }).click();
      await field(cur(), '名称，如：国庆节').fill(name);
      await buttonIn(cur(), '添加').click();
      await cur().locator(`.wcal-day[data-date="${date}"]`).waitFor();
    };
    await add(wednesday, '调休上班日', '元旦调休上班');
    await buttonIn(cur(), `保存${year}年日历`).click();
    const bad = cur().locator(`.wcal-day[data-date="${wednesday}"]`);
    await bad.locator('.error-text').getByText(new RegExp(`（${wednesday}）不是周六或周日，无需设为调休上班日$`)).waitFor();
    await cur().getByText('有日期不符合要求，请查看标红的提示', { exact: true }).waitFor();
    await bad.scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-calendar-refused', { fullPage: false });
    await bad.getByText('删除', { exact: true }).click();
    await add(saturday, '调休上班日', '元旦调休上班');
    await buttonIn(cur(), `保存${year}年日历`).click();
    const toast = page.getByText('工作日历已保存，未办结投诉举报的期限已按新日历重新计算', { exact: true });
    await toast.waitFor();
    await toast.waitFor({ state: 'hidden' });
    await cur().locator(`.wcal-section[data-kind="workday"] .wcal-day[data-date="${saturday}"]`).getByText('周六', { exact: true }).waitFor();
    await screenshot(page, 'admin-calendar-saved');
    const saved = await apiGet<WorkingCalendarYearDto>(server.baseUrl, await apiToken(server.baseUrl, ADMIN), `/api/working-calendar/${year}`);
    expect(saved.days).toContainEqual({ date: saturday, kind: 'workday', name: '元旦调休上班' });
    expect(saved.days.map((x) => x.date)).not.toContain(wednesday);
    // The next year, not entered yet (its notice comes out in November or December): said plainly.
    const next = String(Number(year) + 1);
    const nextDays = (await apiGet<WorkingCalendarYearDto>(server.baseUrl, await apiToken(server.baseUrl, ADMIN), `/api/working-calendar/${next}`)).days;
    await buttonIn(cur(), '下一年').click();
    await cur().getByText(`${next}年`, { exact: true }).waitFor();
    const missing = cur().locator('.wcal-missing');
    if (nextDays.length === 0) {
      await missing.getByText(`${next}年的节假日安排尚未录入：跨入该年的法定期限暂只扣除周末。国务院办公厅公布后请在下方录入并保存。`, { exact: true }).waitFor();
      await screenshot(page, 'admin-calendar-next-year-missing', { fullPage: false });
    } else {
      expect(await missing.count()).toBe(0);
    }
  }));

/** The stored calendar of this year and the next, as the server counts working days with it. */
async function calendarDays() {
  const token = await apiToken(server.baseUrl, REGULATOR);
  const y = Number(today.slice(0, 4));
  return (await Promise.all([y, y + 1].map((year) => apiGet<WorkingCalendarYearDto>(server.baseUrl, token, `/api/working-calendar/${year}`)))).flatMap((x) => x.days);
}
