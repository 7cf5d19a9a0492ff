// The review queue (审阅): the county regulator's home lists the region's daily checks with their
// review state; 「未审阅」 keeps only those nobody has reviewed or returned. He opens one, approves
// it (审阅通过), comes back — it has left the queue — and finds it under 「已审阅或退回」 marked
// 已审阅; the list's counts are the API's, and 导出Excel exports what the filters show. Elements are
// found by their visible Chinese text.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { addDays, isoWeekKey, todayInShanghai, type DailyCheckDto, type Page as ListPage } from '@shian/shared';
import type { RunningServer } from '../support/server';
import { readXlsx } from '../support/xlsx';
import { apiGet, apiToken, buttonIn, field, loginAs, runStory, screenshot, setUpStory, shownPage, submitDailyCheck, submitWeeklyInvestigation } from './browser';

const PASSWORD = 'Demo@2026';
const OFFICER = { phone: '13900000001', password: PASSWORD };
const DIRECTOR = { phone: '13900000002', password: PASSWORD };
const REGULATOR = { phone: '13900000005', password: PASSWORD };
const HAZARD = '冷库门封条老化';
const BUSINESS = '新城区青城味道餐馆';
const today = todayInShanghai();
const older = addDays(today, -2);
const newer = addDays(today, -1);

let server: RunningServer;
let page: Page;
let events: string[] = [];

const cur = (): Locator => shownPage(page);
/** The home list's record of one business date. */
const record = (date: string): Locator => cur().locator('.nut-cell').filter({ hasText: `${date} · 检查人` });
const chip = (label: string): Locator => cur().locator('.sup-chip').getByText(label, { exact: true });

setUpStory('review-queue', async (setup) => {
  ({ server, page, events } = setup);
  // Set-up: the officer's daily checks of the two days before today.
  await submitDailyCheck(server.baseUrl, OFFICER, older);
  await submitDailyCheck(server.baseUrl, OFFICER, newer);
  // … and the director's weekly investigation of this week.
  await submitWeeklyInvestigation(server.baseUrl, DIRECTOR, isoWeekKey(today), { description: HAZARD, measure: '更换门封条', requirements: '每日检查冷库门', deadline: addDays(today, 7) });
});

/** What the API lists for the home's default week, as the regulator. */
async function apiList(reviewed?: boolean): Promise<ListPage<DailyCheckDto>> {
  const token = await apiToken(server.baseUrl, REGULATOR);
  const q = new URLSearchParams({ from: addDays(today, -6), to: today, ...(reviewed === undefined ? {} : { reviewed: String(reviewed) }) });
  return apiGet<ListPage<DailyCheckDto>>(server.baseUrl, token, `/api/daily-checks?${q}`);
}

test('regulator: 未审阅 lists the records to review; one approved leaves the queue and shows 已审阅', () =>
  runStory(page, events, async () => {
    await page.goto('/');
    await field(cur(), '请输入手机号').waitFor();
    await loginAs(cur(), REGULATOR);
    // Both records, each marked 未审阅.
    for (const date of [older, newer]) await record(date).getByText('未审阅', { exact: true }).waitFor();
    await chip('未审阅').click();
    await cur().getByText('共 2 份每日检查记录', { exact: true }).waitFor();
    expect((await apiList(false)).total).toBe(2);
    await chip('未审阅').scrollIntoViewIfNeeded();
    await screenshot(page, 'queue-two');

    // Open yesterday's and approve it.
    await record(newer).click();
    await cur().getByText(BUSINESS, { exact: false }).first().waitFor();
    await buttonIn(cur(), '审阅通过').click();
    await cur().locator('.off-rv').getByText('已审阅', { exact: true }).first().waitFor();
    const toast = page.locator('.nut-toast').getByText('已审阅', { exact: true });
    await toast.waitFor();
    await toast.waitFor({ state: 'hidden' });
    await screenshot(page, 'record-approved', { fullPage: false });

    // Back on the home page the queue has one record left, the older one.
    await page.goBack();
    await cur().getByText('共 1 份每日检查记录', { exact: true }).waitFor();
    await record(older).getByText('未审阅', { exact: true }).waitFor();
    expect(await record(newer).count()).toBe(0);
    expect((await apiList(false)).items.map((c) => c.businessDate)).toEqual([older]);
    await chip('未审阅').scrollIntoViewIfNeeded();
    await screenshot(page, 'queue-one');
    // 导出Excel takes the same filters: the queue's one record, 未审阅.
    const exported = page.waitForEvent('download');
    await buttonIn(cur(), '导出Excel（所选日期和审阅状态）').click();
    const xlsx = await exported;
    expect(xlsx.suggestedFilename()).toBe(`每日检查记录-${addDays(today, -6)}至${today}.xlsx`);
    const sheet = await readXlsx(readFileSync((await xlsx.path())!));
    const column = (name: string) => sheet.header.indexOf(name);
    expect(sheet.rows.map((r) => [r[column('营业日期')], r[column('企业名称')], r[column('审阅')]])).toEqual([[older, BUSINESS, '未审阅']]);

    // 「已审阅或退回」: yesterday's, marked 已审阅.
    await chip('已审阅或退回').click();
    await cur().getByText('共 1 份每日检查记录', { exact: true }).waitFor();
    await record(newer).getByText('已审阅', { exact: true }).waitFor();
    expect(await record(older).count()).toBe(0);
    expect((await apiList(true)).items.map((c) => [c.businessDate, c.review?.action])).toEqual([[newer, 'reviewed']]);
    await chip('已审阅或退回').scrollIntoViewIfNeeded();
    await screenshot(page, 'reviewed');

    // 「全部」: both again, each with its state.
    await chip('全部').click();
    await cur().getByText('共 2 份每日检查记录', { exact: true }).waitFor();
    await record(newer).getByText('已审阅', { exact: true }).waitFor();
    await record(older).getByText('未审阅', { exact: true }).waitFor();

    // 「每周排查」: the director's report of this week, 未审阅; it opens on its review page.
    await chip('每周排查').click();
    await chip('未审阅').click();
    await cur().getByText('共 1 份每周排查治理报告', { exact: true }).waitFor();
    const weekly = cur().locator('.nut-cell').filter({ hasText: '隐患 1 项' });
    await weekly.getByText('未审阅', { exact: true }).waitFor();
    await chip('每周排查').scrollIntoViewIfNeeded();
    await screenshot(page, 'weekly-queue');
    await weekly.click();
    await cur().getByText(HAZARD, { exact: false }).first().waitFor();
    await buttonIn(cur(), '审阅通过').waitFor();
  }));
