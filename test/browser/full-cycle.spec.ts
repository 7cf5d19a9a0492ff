// The full cycle of 两责 in a real browser: the food-safety officer's daily check finds a problem
// not fixed on the spot (with a photo) → the director sees it in the to-do and closes it in this
// week's 周排查 → the principal's 月调度 report shows it found and fixed → the county regulator
// reads the daily check with its photo. Elements are found by their visible Chinese text.
import type { Locator, Page } from 'playwright-core';
import { isoWeekKey, monthKey, todayInShanghai, type EnterpriseRiskItem } from '@shian/shared';
import type { RunningServer } from '../support/server';
import {
  apiGet,
  apiToken,
  attachPhoto,
  buttonIn,
  dailyItemsOf,
  field,
  loginAs,
  runStory,
  screenshot,
  setUpStory,
  waitForLoadedImage,
} from './browser';

const OFFICER = { phone: '13900000001', password: 'Demo@2026' };
const DIRECTOR = { phone: '13900000002', password: 'Demo@2026' };
const PRINCIPAL = { phone: '13900000003', password: 'Demo@2026' };
const REGULATOR = { phone: '13900000005', password: 'Demo@2026' };
const FAILING_CODE = 'CY-D24';
const PROBLEM = '垃圾桶盖损坏，无法密闭';
const MEASURE = '已报修，暂用保鲜膜覆盖';
const RESOLUTION = '已更换新垃圾桶，复查合格';

let server: RunningServer;
let page: Page;
let events: string[] = [];
let ui: Locator;
let failing: EnterpriseRiskItem;

/** The page shown now: Taro's H5 router keeps earlier pages of the stack in the DOM, hidden. */
const cur = (): Locator => ui.locator('.taro_page:visible').last();
const button = (label: string) => buttonIn(cur(), label);

setUpStory('full-cycle', async (setup) => {
  ({ server, page, events, ui } = setup);
  const due = await dailyItemsOf(server.baseUrl, OFFICER);
  failing = due.find((i) => i.code === FAILING_CODE) ?? due[2];
});

/** Logs out by forgetting the session, then logs in as `user` on the entry page. */
async function switchUser(user: { phone: string; password: string }): Promise<void> {
  await page.evaluate(() => localStorage.clear());
  await page.goto('/');
  await field(cur(), '请输入手机号').waitFor();
  await loginAs(cur(), user);
}

test('daily problem → director’s to-do → weekly investigation → monthly review → regulator', () =>
  runStory(page, events, async () => {
    const today = todayInShanghai();

    // 1. The officer finds a problem that cannot be fixed on the spot, with a photo, and submits.
    await page.goto('/');
    await field(cur(), '请输入手机号').waitFor();
    await loginAs(cur(), OFFICER);
    await button('填写今日检查').click();
    await button('全部符合').click();
    const failCard = cur().locator('.dc__item').filter({ hasText: failing.measure });
    await failCard.getByText('不符合', { exact: true }).click();
    await field(failCard, '请描述发现的问题').fill(PROBLEM);
    await field(failCard, '请填写采取的整改措施').fill(MEASURE);
    await failCard.getByText('未当场整改', { exact: true }).click();
    await attachPhoto(page, failCard);
    await failCard.scrollIntoViewIfNeeded();
    await screenshot(page, 'officer-problem-photo', { fullPage: false });
    await cur().getByText('本人确认以上检查属实', { exact: true }).click();
    await screenshot(page, 'officer-daily-check');
    await button('提交检查').click();
    await cur().getByText('提交成功', { exact: true }).waitFor();
    await screenshot(page, 'officer-submitted');

    // 2. The director: the home's 待办 card counts the open problem (and the week's and month's
    // records still due); the to-do page lists it as not fixed on the spot.
    await switchUser(DIRECTOR);
    const todoCard = cur().locator('.ent-home__todo');
    await todoCard.getByText('3 项', { exact: true }).waitFor();
    await todoCard.getByText('待整改问题 1 个', { exact: true }).waitFor();
    await cur().locator('.duty--weekly').getByText('待完成', { exact: true }).waitFor();
    await cur().locator('.duty--monthly').getByText('待完成', { exact: true }).waitFor();
    await screenshot(page, 'director-home');
    await todoCard.click();
    const problem = cur().locator('.pv__problem').filter({ hasText: PROBLEM });
    await problem.waitFor();
    await problem.getByText('未当场整改', { exact: true }).waitFor();
    await problem.getByText(`措施：${MEASURE}`, { exact: true }).waitFor();
    await problem.getByText(failing.code, { exact: true }).waitFor();
    await screenshot(page, 'director-todos');

    // 3. This week's investigation: the summary shows the open problem; the director answers the
    // weekly items, adds a measure, resolves the problem, confirms and submits.
    await cur().locator('.duty--weekly').click();
    await cur().getByText('本周日管控情况', { exact: true }).waitFor();
    await cur().getByText('发现问题 1 个，已整改 0 个，待整改 1 个', { exact: true }).waitFor();
    await button('提交周排查报告').click();
    await cur().getByText('请填写下周工作要求', { exact: false }).first().waitFor();
    await button('全部符合').click();
    await button('添加整改措施').click();
    await field(cur(), '请填写整改措施').fill('更换全部破损垃圾桶');
    await field(cur(), '请填写责任人').fill('李总监');
    const toResolve = cur().locator('.pv__problem').filter({ hasText: PROBLEM }).filter({ hasText: '本次已整改完毕' });
    await toResolve.getByText('本次已整改完毕', { exact: true }).click();
    await field(toResolve, '请填写整改情况').fill(RESOLUTION);
    await field(cur(), '请填写下周工作要求').fill('每日检查垃圾桶密闭情况');
    await cur().getByText('本人确认以上内容属实', { exact: true }).click();
    await toResolve.scrollIntoViewIfNeeded();
    await screenshot(page, 'director-weekly-resolution', { fullPage: false });
    await screenshot(page, 'director-weekly-form');
    await button('提交周排查报告').click();
    await cur().getByText('本次整改完毕的问题（1）', { exact: true }).waitFor();
    await cur().getByText(`整改情况：${RESOLUTION}`, { exact: true }).first().waitFor();
    await cur().getByText('每周排查治理报告', { exact: false }).first().waitFor();
    await screenshot(page, 'director-weekly-detail');

    // Back home: the week is done and nothing is left open.
    await page.goto('/');
    await cur().locator('.duty--weekly').getByText('已完成', { exact: true }).waitFor();
    await cur().locator('.ent-home__todo').getByText('待整改问题 0 个', { exact: true }).waitFor();
    await screenshot(page, 'director-home-done');

    // 4. The principal chairs this month's review: the director's report shows the problem found
    // and fixed; the minutes are confirmed and submitted.
    await switchUser(PRINCIPAL);
    await cur().locator('.duty--monthly').getByText('待完成', { exact: true }).waitFor();
    await cur().locator('.ent-home__todo').waitFor();
    await cur().locator('.duty--monthly').click();
    await cur().getByText('食品安全总监工作汇报', { exact: true }).waitFor();
    await cur().getByText('发现问题 1 个，已整改 1 个，待整改 0 个', { exact: true }).waitFor();
    await field(cur(), '请填写会议地点').fill('店内会议室');
    await field(cur(), '请填写参会人员，每行一人').fill('王总（主要负责人）\n李总监');
    await field(cur(), '请填写会议讨论内容').fill('听取总监汇报本月日管控、周排查情况');
    await field(cur(), '请填写会议决定，每行一条').fill('垃圾桶每季度更换');
    await field(cur(), '请填写下月工作安排，每行一条').fill('开展冬季食品安全培训');
    await cur().getByText('本人确认以上内容属实', { exact: true }).click();
    await screenshot(page, 'principal-monthly-form');
    await button('提交月调度纪要').click();
    await cur().getByText('会议内容', { exact: true }).waitFor();
    await cur().getByText('发现问题 1 个，已整改 1 个，待整改 0 个', { exact: true }).waitFor();
    await cur().getByText('1. 垃圾桶每季度更换', { exact: true }).waitFor();
    await screenshot(page, 'principal-monthly-detail');

    const token = await apiToken(server.baseUrl, PRINCIPAL);
    const todos = await apiGet<{ weekly: { week: string; due: boolean }; monthly: { month: string; due: boolean }; openProblems: unknown[] }>(
      server.baseUrl,
      token,
      '/api/todos/mine',
    );
    expect(todos.weekly).toMatchObject({ week: isoWeekKey(today), due: false });
    expect(todos.monthly).toMatchObject({ month: monthKey(today), due: false });
    expect(todos.openProblems).toHaveLength(0);

    // 5. The county regulator opens the daily check and sees the problem with its photo.
    await switchUser(REGULATOR);
    const record = cur().locator('.nut-cell').filter({ hasText: today }).filter({ hasText: '1 项问题' });
    await record.first().waitFor();
    await screenshot(page, 'regulator-list');
    await record.first().click();
    await cur().getByText(`问题：${PROBLEM}`, { exact: true }).waitFor();
    await cur().getByText('当场整改：否', { exact: true }).waitFor();
    await waitForLoadedImage(cur().locator('.detail__item').filter({ hasText: failing.measure }).locator('.record-photos'));
    await screenshot(page, 'regulator-detail');
  }));
