// 监管闭环 from the dashboard (issue 5, Done when): the county regulator opens 数据看板 from his home,
// drills down township → village → 新城区青城味道餐馆, opens its business page and from it
// yesterday's daily check, returns it (退回) with a comment and issues a rectification order (two
// items, a deadline) from it → the principal answers with measures and a photo → the regulator sees
// the photo and closes the order (验收通过) → the dashboard's 整改通知 figures count it issued and
// closed, as GET /api/stats/dashboard answers for the same query.
// Then the same regulator reviews the business's weekly investigation (标记有问题, 退回, 下发整改,
// 打印) and monthly review (审阅通过) on their official pages, and the director sees the return
// and corrects the report (提交更正: the weekly form prefilled, a reason; a lost answer sent again
// corrects once) → the regulator sees 第 2 版 with its reason and approves it; the principal
// corrects the (approved, still current) monthly minutes from their page.
// Elements are found by their visible Chinese text.
import type { Locator, Page } from 'playwright-core';
import {
  addDays,
  isoWeekKey,
  monthKey,
  todayInShanghai,
  type EnterpriseDirectoryItem,
  type Page as ListPage,
  type RectificationOrderDetailDto,
  type RectificationOrderDto,
  type ReviewDto,
} from '@shian/shared';
import type { RunningServer } from '../support/server';
import { apiGet, apiPost, apiToken, buttonIn, chineseDate, field, loginAs, runStory, screenshot, setUpStory, shownPage, submitDailyCheck, submitWeeklyInvestigation, switchUser } from './browser';
import { acceptRectification, answerRectification, childRow, dashboardLoad, dashboardStat, drillToVillage, expectHeadline, issueRectification, returnRecord } from './official-steps';

const PASSWORD = 'Demo@2026';
const OFFICER = { phone: '13900000001', password: PASSWORD };
const DIRECTOR = { phone: '13900000002', password: PASSWORD };
const PRINCIPAL = { phone: '13900000003', password: PASSWORD };
const REGULATOR = { phone: '13900000005', password: PASSWORD };
const BUSINESS = '新城区青城味道餐馆';
const COMMENT = '留样记录未写留样时间和留样人，请补充';
const ITEM_1 = '每餐次留样注明时间、菜名和留样人，留足48小时';
const ITEM_2 = '留样冰箱专用，不得存放其他食品';
const MEASURES = '已购置专用留样冰箱并张贴留样记录表，今日起每餐次登记留样时间和留样人';
const HAZARD = '后厨地漏防鼠网缺失';
const FLAG = '隐患整改措施未写完成情况';
const WEEKLY_COMMENT = '请补充地漏防鼠网的整改完成时间和照片';
const WEEKLY_ITEM = '后厨全部地漏加装防鼠网，拍照上报';
const WEEKLY_MEASURE = '加装防鼠网，12月1日前完成并拍照留存';
const WEEKLY_REASON = '按退回意见补充防鼠网整改完成时间';
const today = todayInShanghai();
const week = isoWeekKey(today);
const month = monthKey(today);

let server: RunningServer;
let page: Page;
let events: string[] = [];
let checkDate = '';
let checkId = '';
let weeklyId = '';
let monthlyId = '';
let enterprise: EnterpriseDirectoryItem;

const cur = (): Locator => shownPage(page);

setUpStory('console-loop', async (setup) => {
  ({ server, page, events } = setup);
  // Set-up, not the story: the officer's daily check of yesterday (all 符合), the director's weekly
  // investigation of this week with a hazard, the principal's monthly review of this month.
  checkDate = addDays(today, -1);
  checkId = (await submitDailyCheck(server.baseUrl, OFFICER, checkDate, { remarks: '午餐留样 6 份' })).id;
  weeklyId = await submitWeeklyInvestigation(server.baseUrl, DIRECTOR, week, { description: HAZARD, measure: '加装防鼠网', requirements: '每日检查地漏', deadline: addDays(today, 7) });
  const monthly = await apiPost(server.baseUrl, await apiToken(server.baseUrl, PRINCIPAL), '/api/monthly-reviews', {
    month,
    meetingDate: today,
    place: '店内会议室',
    attendees: ['张负责', '王总监', '李安全'],
    discussion: '听取食品安全总监本月工作汇报',
    decisions: ['更换后厨地漏防鼠网'],
    nextMonthWork: ['燃气安全检查'],
    confirm: true,
  });
  expect(monthly.status).toBe(201);
  monthlyId = ((await monthly.json()) as { id: string }).id;
  const regulator = await apiToken(server.baseUrl, REGULATOR);
  const list = await apiGet<ListPage<EnterpriseDirectoryItem>>(server.baseUrl, regulator, `/api/enterprises?q=${encodeURIComponent(BUSINESS)}`);
  enterprise = list.items.find((e) => e.name === BUSINESS)!;
});

test('regulator: dashboard → business → returns a daily check and issues a rectification; business answers with a photo; regulator closes it; the dashboard counts it', () =>
  runStory(page, events, async () => {
    // 1. The regulator's home leads to 数据看板: the county's figures are the API's.
    await page.goto('/');
    await field(cur(), '请输入手机号').waitFor();
    await loginAs(cur(), REGULATOR);
    const entry = cur().locator('.dash-entry');
    await entry.getByText('数据看板 ›', { exact: true }).waitFor();
    await screenshot(page, 'regulator-home', { fullPage: false });
    const county = await dashboardLoad(page, server.baseUrl, () => entry.click(), { regionCode: null });
    expect(county.dto.region.code).toBe('150102');
    await expectHeadline(page, county.dto);
    const before = county.dto.total.rectifications;
    await screenshot(page, 'dashboard-county');

    // 2. Down to the business's township and village, then the business's own page.
    await drillToVillage(page, server.baseUrl, county.dto, enterprise.regionCode, (level) => screenshot(page, `dashboard-${level}`));
    await childRow(page, BUSINESS).click();
    await page.waitForURL((u) => u.hash.includes('/packages/official/pages/enterprise/index') && u.hash.includes(`id=${enterprise.id}`));
    await cur().getByText('统一社会信用代码', { exact: true }).waitFor();
    const record = cur().locator(`.ent-record[data-record="${checkId}"]`);
    await record.getByText('未审阅', { exact: true }).waitFor();
    await screenshot(page, 'business-page');

    // 3. Yesterday's daily check from the business page: not reviewed yet → 退回 with a comment.
    await record.click();
    await cur().getByText('尚未审阅', { exact: true }).waitFor();
    await cur().getByText('备注', { exact: true }).waitFor();
    await cur().locator('.off-rv').scrollIntoViewIfNeeded();
    await screenshot(page, 'regulator-daily-check', { fullPage: false });
    await returnRecord(page, COMMENT);

    // 4. 下发整改 from the check: two items, the default deadline (a week from today).
    const deadline = await issueRectification(page, `来源：${checkDate} 每日检查记录`, [ITEM_1, ITEM_2]);
    // Back on the business page the order is listed, waiting for the business.
    await page.goBack();
    await cur().getByText('整改通知（1）', { exact: true }).waitFor();
    await page.goBack();
    const order = cur().locator('.ent-section').filter({ hasText: '整改通知' }).locator('.ent-record').filter({ hasText: ITEM_1 });
    await order.getByText('待整改', { exact: true }).waitFor();
    // The record, back on the business page, is marked 已退回.
    await record.getByText('已退回', { exact: true }).waitFor();
    await screenshot(page, 'business-page-with-order');

    // 5. The principal: 待整改 1 份 on his home → answers with measures and a photo.
    await switchUser(page, PRINCIPAL);
    await cur().locator('.ent-rect').getByText('待整改 1 份', { exact: true }).waitFor();
    await cur().locator('.ent-rect').getByText(`记录被退回：${COMMENT}（${checkDate} 每日检查记录）›`, { exact: true }).waitFor();
    await screenshot(page, 'principal-home');
    await answerRectification(page, ITEM_1, MEASURES);

    // 6. The regulator sees the photo and closes the order.
    await switchUser(page, REGULATOR);
    await acceptRectification(page, BUSINESS, MEASURES);

    // 7. The dashboard now counts the order issued and closed — on the page as in the API.
    await page.goto('/');
    const after = await dashboardLoad(page, server.baseUrl, () => cur().locator('.dash-entry').click(), { regionCode: null });
    await expectHeadline(page, after.dto);
    expect(after.dto.total.rectifications).toEqual({ ...before, issued: before.issued + 1, closed: before.closed + 1 });
    expect(await dashboardStat(page, '整改通知', '下发')).toBe(before.issued + 1);
    expect(await dashboardStat(page, '整改通知', '已闭环')).toBe(before.closed + 1);
    await cur().locator('.dash-counts').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-after-closing', { fullPage: false });
    // … and so does the business's village.
    const down = await drillToVillage(page, server.baseUrl, after.dto, enterprise.regionCode);
    expect(down.village.dto.total.rectifications.issued).toBeGreaterThanOrEqual(1);
    expect(down.village.dto.total.rectifications.closed).toBeGreaterThanOrEqual(1);
    await cur().locator('.dash-counts').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-village-after-closing', { fullPage: false });

    // What the API stored is what the pages showed.
    const token = await apiToken(server.baseUrl, REGULATOR);
    const orders = await apiGet<ListPage<RectificationOrderDto>>(server.baseUrl, token, `/api/rectifications?sourceId=${checkId}`);
    expect(orders.items.map((o) => [o.enterpriseName, o.items, o.deadline, o.status])).toEqual([[BUSINESS, [ITEM_1, ITEM_2], deadline, 'closed']]);
    const detail = await apiGet<RectificationOrderDetailDto>(server.baseUrl, token, `/api/rectifications/${orders.items[0].id}`);
    expect(detail.events.map((e) => [e.kind, e.photos.length])).toEqual([
      ['issued', 0],
      ['answered', 1],
      ['accepted', 0],
    ]);
    const reviews = await apiGet<ListPage<ReviewDto>>(server.baseUrl, token, `/api/reviews?recordType=daily_check&recordId=${checkId}`);
    expect(reviews.items.map((r) => [r.action, r.comment])).toEqual([['returned', COMMENT]]);
  }));

test('regulator reviews the weekly investigation (flags, returns, orders, prints) and the monthly review from the business page; the director corrects the returned report and the regulator approves version 2', () =>
  runStory(page, events, async () => {
    // 1. The business page, by the directory: its weekly row opens the official's weekly page.
    await switchUser(page, REGULATOR);
    await cur().locator('.off-dir-entry').click();
    await cur().locator('.dir-card').filter({ hasText: BUSINESS }).click();
    await cur().locator(`.ent-record[data-record="${weeklyId}"]`).click();
    await cur().getByText(/^每周排查治理报告 · \d{4}年第\d+周/).waitFor();
    await cur().getByText(`1. ${HAZARD}`, { exact: true }).waitFor();
    await cur().getByText('尚未审阅', { exact: true }).waitFor();
    await screenshot(page, 'weekly-detail');

    // 2. 标记有问题 with a note, then 退回 with a comment.
    await cur().getByText('标记有问题 ›', { exact: true }).click();
    const flagDialog = page.locator('.nut-dialog:visible').last();
    await field(flagDialog, '请说明发现的问题').fill(FLAG);
    await buttonIn(flagDialog, '确认标记').click();
    const flagged = cur().locator('.rect__review--reviewed').filter({ hasText: `意见：${FLAG}` });
    await flagged.getByText('有问题', { exact: true }).waitFor();
    await flagged.scrollIntoViewIfNeeded();
    await screenshot(page, 'weekly-flagged', { fullPage: false });
    await returnRecord(page, WEEKLY_COMMENT, 'weekly');

    // 3. 下发整改 from the weekly investigation.
    await issueRectification(page, `来源：${week} 每周排查治理报告`, [WEEKLY_ITEM], 'weekly');
    await page.goBack();
    await cur().getByText('整改通知（1）', { exact: true }).waitFor();
    await cur().locator('.rect__row').filter({ hasText: WEEKLY_ITEM }).waitFor();

    // 4. 打印: the A4 layout of the same report.
    await buttonIn(cur(), '打印').click();
    await cur().getByText('每周食品安全排查治理报告', { exact: true }).waitFor();
    await cur().getByText(new RegExp(HAZARD)).first().waitFor();
    await screenshot(page, 'weekly-print');
    await page.goBack();
    await page.goBack();

    // 5. The monthly review from the business page: 审阅通过.
    await cur().locator(`.ent-record[data-record="${monthlyId}"]`).click();
    await cur().getByText(/^月调度会议纪要 · \d{4}年\d+月$/).waitFor();
    await cur().getByText('1. 更换后厨地漏防鼠网', { exact: true }).waitFor();
    await buttonIn(cur(), '审阅通过').click();
    const reviewed = cur().locator('.rect__review--reviewed');
    await reviewed.getByText('已审阅', { exact: true }).waitFor();
    await page.locator('.nut-toast').getByText('已审阅', { exact: true }).waitFor({ state: 'hidden' });
    await reviewed.scrollIntoViewIfNeeded();
    await screenshot(page, 'monthly-reviewed', { fullPage: false });

    // 6. The director: his home names the returned report; it opens with the regulator's comment.
    await switchUser(page, DIRECTOR);
    await cur().locator('.ent-rect').getByText(`记录被退回：${WEEKLY_COMMENT}（${week} 每周排查治理报告）›`, { exact: true }).click();
    await cur().locator('.rect__returned').getByText(`记录被退回：${WEEKLY_COMMENT}`, { exact: true }).waitFor();
    await cur().getByText(`1. ${HAZARD}`, { exact: true }).waitFor();
    await screenshot(page, 'director-weekly-returned', { fullPage: false });

    // 7. 提交更正 opens the weekly form prefilled from version 1: he rewrites the measure, gives the reason.
    await buttonIn(cur().locator('.rect__returned'), '提交更正').click();
    await cur().getByText(/^更正每周排查 · \d{4}年第\d+周/).waitFor();
    await cur().getByText('更正第 1 版；原报告保留不变，更正后生成第 2 版', { exact: true }).waitFor();
    expect(await field(cur(), '请描述发现的隐患').inputValue()).toBe(HAZARD);
    expect(await field(cur(), '请填写下周工作要求').inputValue()).toBe('每日检查地漏');
    const measure = field(cur(), '请填写整改措施');
    expect(await measure.inputValue()).toBe('加装防鼠网');
    await measure.fill(WEEKLY_MEASURE);
    await cur().getByText('本人确认以上内容属实', { exact: true }).click();
    // Without a reason it is not sent.
    await buttonIn(cur(), '提交更正').click();
    await cur().locator('.dc__summary').getByText('请填写更正原因', { exact: true }).waitFor();
    await field(cur(), '请填写更正原因，如：按监管人员退回意见补充整改完成时间').fill(WEEKLY_REASON);
    await field(cur(), '请填写更正原因，如：按监管人员退回意见补充整改完成时间').scrollIntoViewIfNeeded();
    await page.locator('.nut-toast').getByText('请填写更正原因', { exact: true }).waitFor({ state: 'hidden' });
    await screenshot(page, 'director-weekly-correction', { fullPage: false });
    // The server stores the correction but its answer is lost; sending again is the same correction.
    let amends = 0;
    await page.route(`**/api/weekly-investigations/${weeklyId}/versions`, async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      amends += 1;
      if (amends > 1) return route.fallback();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await buttonIn(cur(), '提交更正').click();
    await cur().locator('.dc__summary').getByText('网络连接失败，请稍后重试', { exact: true }).waitFor();
    await buttonIn(cur(), '提交更正').click();
    await cur().locator('.detail__amend').getByText(`更正原因：${WEEKLY_REASON}`, { exact: true }).waitFor();
    await page.unroute(`**/api/weekly-investigations/${weeklyId}/versions`);
    expect(amends).toBe(2);
    await cur().getByText(`1. ${WEEKLY_MEASURE}（责任人：王总监，期限：${chineseDate(addDays(today, 7))}）`, { exact: true }).waitFor();
    await cur().locator('.detail__version').filter({ hasText: '第 1 版' }).waitFor();
    expect(await cur().locator('.rect__returned').count()).toBe(0);
    await cur().locator('.detail__version').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'director-weekly-corrected', { fullPage: false });

    // 8. The regulator: the business page's weekly row is now version 2, with its reason; 审阅通过.
    await switchUser(page, REGULATOR);
    await cur().locator('.off-dir-entry').click();
    await cur().locator('.dir-card').filter({ hasText: BUSINESS }).click();
    const versions = await apiGet<Array<{ id: string; version: number }>>(server.baseUrl, await apiToken(server.baseUrl, REGULATOR), `/api/weekly-investigations/${weeklyId}/versions`);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const v2Id = versions[1].id;
    await cur().locator(`.ent-record[data-record="${v2Id}"]`).click();
    await cur().locator('.detail__amend').getByText(`更正原因：${WEEKLY_REASON}`, { exact: true }).waitFor();
    await cur().getByText('第 2 版', { exact: true }).first().waitFor();
    await buttonIn(cur(), '审阅通过').click();
    const approved = cur().locator('.rect__review--reviewed').filter({ hasText: '第 2 版' });
    await approved.getByText('已审阅', { exact: true }).waitFor();
    await page.locator('.nut-toast').getByText('已审阅', { exact: true }).waitFor({ state: 'hidden' });
    await approved.scrollIntoViewIfNeeded();
    await screenshot(page, 'regulator-weekly-v2-approved', { fullPage: false });

    // 9. The principal corrects the current monthly minutes from their page: prefilled, one more decision.
    await switchUser(page, PRINCIPAL);
    await cur().locator('.ent-rect').waitFor();
    await page.goto(`/#/packages/enterprise/pages/monthly-review-detail/index?id=${monthlyId}`);
    await buttonIn(cur(), '更正此纪要').click();
    await cur().getByText(/^更正月调度会议纪要 · \d{4}年\d+月$/).waitFor();
    expect(await field(cur(), '请填写会议地点').inputValue()).toBe('店内会议室');
    expect(await field(cur(), '请填写参会人员，每行一人').inputValue()).toBe('张负责\n王总监\n李安全');
    await field(cur(), '请填写会议决定，每行一条').fill('更换后厨地漏防鼠网\n每周检查防鼠设施');
    await field(cur(), '请填写更正原因，如：按监管人员退回意见补充会议决定').fill('补记会议决定');
    await cur().getByText('本人确认以上内容属实', { exact: true }).click();
    await screenshot(page, 'principal-monthly-correction', { fullPage: false });
    await buttonIn(cur(), '提交更正').click();
    await cur().locator('.detail__amend').getByText('更正原因：补记会议决定', { exact: true }).waitFor();
    await cur().getByText('2. 每周检查防鼠设施', { exact: true }).waitFor();
    await cur().locator('.detail__version').filter({ hasText: '第 2 版' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'principal-monthly-corrected', { fullPage: false });

    const token = await apiToken(server.baseUrl, REGULATOR);
    const weeklyReviews = await apiGet<ListPage<ReviewDto>>(server.baseUrl, token, `/api/reviews?recordType=weekly_investigation&recordId=${weeklyId}`);
    expect(weeklyReviews.items.map((r) => [r.recordVersion, r.action, r.flagged, r.comment])).toEqual([
      [1, 'reviewed', true, FLAG],
      [1, 'returned', false, WEEKLY_COMMENT],
      [2, 'reviewed', false, null],
    ]);
    const monthlyReviews = await apiGet<ListPage<ReviewDto>>(server.baseUrl, token, `/api/reviews?recordType=monthly_review&recordId=${monthlyId}`);
    expect(monthlyReviews.items.map((r) => [r.recordVersion, r.action, r.flagged])).toEqual([[1, 'reviewed', false]]);
    const monthlyVersions = await apiGet<Array<{ version: number; decisions: string[]; amendReason: string | null }>>(server.baseUrl, token, `/api/monthly-reviews/${monthlyId}/versions`);
    expect(monthlyVersions.map((v) => [v.version, v.decisions, v.amendReason])).toEqual([
      [1, ['更换后厨地漏防鼠网'], null],
      [2, ['更换后厨地漏防鼠网', '每周检查防鼠设施'], '补记会议决定'],
    ]);
    const orders = await apiGet<ListPage<RectificationOrderDto>>(server.baseUrl, token, `/api/rectifications?sourceId=${weeklyId}`);
    expect(orders.items.map((o) => [o.sourceType, o.items, o.status])).toEqual([['weekly_investigation', [WEEKLY_ITEM], 'open']]);
  }));
