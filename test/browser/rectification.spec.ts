// 审阅与整改闭环 in a real browser: the county regulator opens a daily check of 新城区青城味道餐馆,
// returns it with a comment and issues a rectification order (two items, a deadline) from it → the
// officer sees 「记录被退回：…」 on the home page and submits a correction → the principal answers
// the order with measures and a photo → the regulator sees the photo and accepts it (and reviews
// the corrected record) → the principal sees the order 已验收. Elements are found by their visible
// Chinese text.
import type { Locator, Page } from 'playwright-core';
import { addDays, todayInShanghai, type Page as ListPage, type RectificationOrderDetailDto, type RectificationOrderDto, type ReviewDto } from '@shian/shared';
import type { RunningServer } from '../support/server';
import { apiGet, apiToken, buttonIn, field, loginAs, runStory, screenshot, setUpStory, shownPage, submitDailyCheck, switchUser } from './browser';
import { acceptRectification, answerRectification, issueRectification, returnRecord } from './official-steps';

const PASSWORD = 'Demo@2026';
const OFFICER = { phone: '13900000001', password: PASSWORD };
const PRINCIPAL = { phone: '13900000003', password: PASSWORD };
const REGULATOR = { phone: '13900000005', password: PASSWORD };
const BUSINESS = '新城区青城味道餐馆';
const COMMENT = '冷藏柜温度只写了“正常”，请填写实测温度';
const ITEM_1 = '冷藏柜加装温度计，每日早晚记录实测温度';
const ITEM_2 = '对食品安全员进行冷链管理培训';
const MEASURES = '已加装温度计并张贴温度记录表，今日实测 4℃；已组织冷链管理培训';
const REASON = '按监管人员退回意见补充冷藏柜实测温度';

let server: RunningServer;
let page: Page;
let events: string[] = [];
let checkDate = '';
let checkId = '';

const cur = (): Locator => shownPage(page);
const button = (label: string) => buttonIn(cur(), label);

setUpStory('rectification', async (setup) => {
  ({ server, page, events } = setup);
  // Set-up, not the story: yesterday's daily check of the demo business, all 符合.
  checkDate = addDays(todayInShanghai(), -1);
  checkId = (await submitDailyCheck(server.baseUrl, OFFICER, checkDate, { remarks: '冷藏柜温度正常' })).id;
});

test('regulator returns a daily check and issues a rectification → business corrects and answers with a photo → regulator accepts', () =>
  runStory(page, events, async () => {
    // 1. The regulator: the home shows 整改通知 (nothing waiting) and yesterday's check in the list.
    await page.goto('/');
    await field(cur(), '请输入手机号').waitFor();
    await loginAs(cur(), REGULATOR);
    const entry = cur().locator('.off-rect-entry');
    await entry.getByText('整改通知 ›', { exact: true }).waitFor();
    await entry.getByText(/待验收 0/).waitFor();
    await cur().locator('.nut-cell').filter({ hasText: BUSINESS }).filter({ hasText: checkDate }).click();

    // 2. The check's page: 审阅 with no review yet; 退回 with a comment.
    await cur().getByText('尚未审阅', { exact: true }).waitFor();
    // The record is long: each shot shows what the phone shows at the part that matters.
    await cur().locator('.off-rv').scrollIntoViewIfNeeded();
    await screenshot(page, 'regulator-daily-check', { fullPage: false });
    await returnRecord(page, COMMENT);

    // 3. 下发整改 from the check: two items and the default deadline (a week from today).
    const deadline = await issueRectification(page, `来源：${checkDate} 每日检查记录`, [ITEM_1, ITEM_2]);

    // 4. The officer: the home names the returned record; its page offers 提交更正.
    await switchUser(page, OFFICER);
    const card = cur().locator('.ent-rect');
    await card.getByText('待整改 1 份', { exact: true }).waitFor();
    await screenshot(page, 'officer-home');
    await card.getByText(`记录被退回：${COMMENT}（${checkDate} 每日检查记录）›`, { exact: true }).click();
    await cur().locator('.rect__returned').getByText(`记录被退回：${COMMENT}`, { exact: true }).waitFor();
    await screenshot(page, 'officer-returned-record', { fullPage: false });
    await button('提交更正').click();
    await cur().getByText(/^更正每日检查 · /).waitFor();
    await field(cur(), '备注（选填）').fill('冷藏柜实测温度 4℃，冷冻柜 -18℃');
    await field(cur(), '请填写更正原因，如：按监管人员退回意见补充冷藏温度实测值').fill(REASON);
    await cur().getByText('本人确认以上检查属实', { exact: true }).click();
    await screenshot(page, 'officer-correction', { fullPage: false });
    await button('提交更正').click();
    await cur().locator('.detail__amend').getByText(`更正原因：${REASON}`, { exact: true }).waitFor();
    await cur().getByText('第 2 版', { exact: true }).first().waitFor();
    expect(await cur().locator('.rect__returned').count()).toBe(0);
    await screenshot(page, 'officer-corrected', { fullPage: false });

    // 5. The principal answers the order: measures and a photo.
    await switchUser(page, PRINCIPAL);
    await answerRectification(page, ITEM_1, MEASURES);

    // 6. The regulator: 待验收 1 on the home → the order with the business's photo → 验收通过.
    await switchUser(page, REGULATOR);
    await acceptRectification(page, BUSINESS, MEASURES);

    // The corrected record is the one the regulator now reviews: 审阅通过.
    await page.goto(`/#/packages/official/pages/daily-check-detail/index?id=${checkId}`);
    await cur().getByText('此版本已被更正，请审阅最新版本', { exact: true }).waitFor();
    await cur().locator('.detail__version').filter({ hasText: '第 2 版' }).click();
    await button('审阅通过').click();
    const reviewed = cur().locator('.rect__review--reviewed');
    await reviewed.getByText('第 2 版', { exact: true }).waitFor();
    await reviewed.scrollIntoViewIfNeeded();
    await screenshot(page, 'regulator-reviews-correction', { fullPage: false });

    // 7. The principal: the order is 已验收, with the regulator's acceptance in its history.
    await switchUser(page, PRINCIPAL);
    await cur().locator('.ent-rect').getByText('无待整改', { exact: true }).waitFor();
    await cur().locator('.ent-rect').click();
    const done = cur().locator('.rect__row').filter({ hasText: ITEM_1 });
    await done.getByText('已验收', { exact: true }).waitFor();
    await done.click();
    await cur().locator('.rect__event--accepted').getByText('验收通过', { exact: true }).waitFor();
    await screenshot(page, 'principal-accepted');

    // What the API says matches what the pages showed.
    const token = await apiToken(server.baseUrl, REGULATOR);
    const orders = await apiGet<ListPage<RectificationOrderDto>>(server.baseUrl, token, `/api/rectifications?sourceId=${checkId}`);
    expect(orders.items.map((o) => [o.enterpriseName, o.items, o.deadline, o.status])).toEqual([[BUSINESS, [ITEM_1, ITEM_2], deadline, 'closed']]);
    const order = await apiGet<RectificationOrderDetailDto>(server.baseUrl, token, `/api/rectifications/${orders.items[0].id}`);
    expect(order.events.map((e) => [e.kind, e.actorName, e.photos.length])).toEqual([
      ['issued', '刘监管', 0],
      ['answered', '张负责', 1],
      ['accepted', '刘监管', 0],
    ]);
    const reviews = await apiGet<ListPage<ReviewDto>>(server.baseUrl, token, `/api/reviews?recordType=daily_check&recordId=${checkId}`);
    expect(reviews.items.map((r) => [r.recordVersion, r.action, r.comment])).toEqual([
      [1, 'returned', COMMENT],
      [2, 'reviewed', null],
    ]);
  }));
