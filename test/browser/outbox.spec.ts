// The submission queue (待发送队列) in a real browser: a daily check whose answer is lost on the way
// back waits in the queue and is sent again with the same Idempotency-Key (the server replays the
// stored record: one record, not two); one submitted offline goes out by itself once the phone is
// back online; one the server refuses (the day was submitted from another phone meanwhile) is
// shown as failed, its draft kept, and can be removed. Elements are found by visible Chinese text.
import type { BrowserContext, Locator, Page, Response, Route } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { CheckResult, IDEMPOTENCY_HEADER, addDays, todayInShanghai, type DailyCheckDto, type EnterpriseRiskItem, type Page as ListPage } from '@shian/shared';
import type { RunningServer } from '../support/server';
import { apiGet, apiToken, buttonIn, dailyItemsOf, loginAs, runStory, screenshot, setUpStory } from './browser';

const OFFICER = { phone: '13900000001', password: 'Demo@2026' };
const REGULATOR = { phone: '13900000005', password: 'Demo@2026' };
const QUEUED = '网络不可用，已加入待发送队列，联网后自动提交';

let server: RunningServer;
let page: Page;
let context: BrowserContext;
let events: string[] = [];
let ui: Locator;
let due: EnterpriseRiskItem[];

/** The page shown now: Taro's H5 router keeps earlier pages of the stack in the DOM, hidden. */
const cur = (): Locator => ui.locator('.taro_page:visible').last();
const button = (label: string) => buttonIn(cur(), label);
const story = (body: () => Promise<void>) => runStory(page, events, body);
/** The queue page's card of one entry. */
const entryCard = (label: string) => cur().locator('.outbox__entry').filter({ hasText: label });

const isDailyPost = (r: Response) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/daily-checks';

setUpStory('outbox', async (setup) => {
  ({ server, page, events, ui } = setup);
  context = page.context();
  due = await dailyItemsOf(server.baseUrl, OFFICER);
});

/** The daily checks of one business date, as the county regulator finds them through the API. */
async function recordsOf(date: string): Promise<DailyCheckDto[]> {
  const token = await apiToken(server.baseUrl, REGULATOR);
  return (await apiGet<ListPage<DailyCheckDto>>(server.baseUrl, token, `/api/daily-checks?from=${date}&to=${date}`)).items;
}

/** The queue page, opened by its address. */
async function openQueue(): Promise<void> {
  await page.goto('/#/packages/enterprise/pages/outbox/index');
  await cur().locator('.page').waitFor();
}

/**
 * Starts the app afresh (the queue stays on the phone), opens the queue page once while online
 * (H5 loads a page's code on its first use), then the daily check of `date`: every item 符合,
 * signed off, ready to submit.
 */
async function fillDailyCheck(date: string): Promise<void> {
  await page.goto('/');
  await button('查看今日检查').waitFor();
  await openQueue();
  await page.goto(`/#/packages/enterprise/pages/daily-check/index?date=${date}`);
  await cur().getByText(due[0].measure, { exact: true }).waitFor();
  await button('全部符合').click();
  await cur().getByText(`已填写 ${due.length}/${due.length} 项，0 项不符合`, { exact: true }).waitFor();
  await cur().getByText('本人确认以上检查属实', { exact: true }).click();
}

test('a lost answer waits in the queue and is sent again as a replay: one record', () => story(async () => {
  const today = todayInShanghai();
  const label = `${today} 每日检查`;
  await page.goto('/');
  await loginAs(ui, OFFICER);
  await button('填写今日检查').waitFor();
  // Nothing queued: no banner on the home page, and an empty queue page.
  expect(await cur().locator('.outbox-banner').count()).toBe(0);
  await openQueue();
  await cur().getByText('没有待发送的记录', { exact: true }).waitFor();
  await screenshot(page, 'outbox-empty');
  await page.goBack();
  await button('填写今日检查').click();
  await cur().getByText(due[0].measure, { exact: true }).waitFor();
  await button('全部符合').click();
  await cur().getByText('本人确认以上检查属实', { exact: true }).click();

  // The server stores the check, but its answer never reaches the phone — on every try until the
  // network is "repaired" below.
  const keys: string[] = [];
  let lost = 0;
  const loseAnswer = async (route: Route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    keys.push(route.request().headers()['idempotency-key'] ?? '');
    await route.fetch();
    lost += 1;
    await route.abort('internetdisconnected');
  };
  await page.route('**/api/daily-checks', loseAnswer);
  await button('提交检查').click();
  await cur().locator('.dc__summary').getByText(QUEUED, { exact: true }).waitFor();
  expect(lost).toBe(1);
  // The draft stays and the user may leave: the queue has the submission.
  await button('查看待发送队列').scrollIntoViewIfNeeded();
  await screenshot(page, 'daily-check-queued', { fullPage: false });

  // The queue: 待发送, and the timer has tried again by itself (5 s later), answer lost again.
  await button('查看待发送队列').click();
  const card = entryCard(label);
  await card.getByText('待发送', { exact: true }).waitFor();
  await card.getByText('上次未成功：网络连接失败，请稍后重试', { exact: true }).waitFor();
  await card.getByText('已尝试 2 次', { exact: false }).waitFor({ timeout: 15_000 });
  await card.getByText('待发送', { exact: true }).waitFor();
  expect(lost).toBe(2);
  await screenshot(page, 'outbox-pending');

  // The network is back; 「立即重试」: the same key again, and the server replays its record.
  await page.unroute('**/api/daily-checks', loseAnswer);
  const answer = page.waitForResponse(isDailyPost);
  await buttonIn(card, '立即重试').click();
  const replay = await answer;
  expect(replay.status()).toBe(201);
  expect(replay.headers()['idempotent-replayed']).toBe('true');
  expect(replay.request().headers()['idempotency-key']).toBe(keys[0]);
  await card.getByText('已发送', { exact: true }).waitFor();
  await buttonIn(card, '查看记录').waitFor();
  expect(keys).toHaveLength(2);
  expect(new Set(keys).size).toBe(1);
  await screenshot(page, 'outbox-sent');

  // Exactly one record for the day, and 「查看记录」 opens it.
  const records = await recordsOf(today);
  expect(records).toHaveLength(1);
  expect(((await replay.json()) as DailyCheckDto).id).toBe(records[0].id);
  await buttonIn(card, '查看记录').click();
  await cur().getByText('零风险', { exact: true }).first().waitFor();
  await screenshot(page, 'outbox-sent-record');
}));

test('submitted offline, it goes out by itself once the phone is online again', () => story(async () => {
  const date = addDays(todayInShanghai(), -1);
  const label = `${date} 每日检查`;
  await fillDailyCheck(date);

  // No network at all: the request never leaves the phone.
  await context.setOffline(true);
  await button('提交检查').click();
  await cur().locator('.dc__summary').getByText(QUEUED, { exact: true }).waitFor();
  await button('查看待发送队列').click();
  const card = entryCard(label);
  await card.getByText('待发送', { exact: true }).waitFor();
  // Still offline, the timer tries again 5 s later; the next try would be 15 s after that.
  await card.getByText('已尝试 2 次', { exact: false }).waitFor({ timeout: 15_000 });
  await card.getByText('待发送', { exact: true }).waitFor();
  await screenshot(page, 'outbox-offline');

  // Back online: the queue sends it at once, without being asked (the first attempt that reaches
  // the server) — well before the timer's next try.
  const answer = page.waitForResponse(isDailyPost);
  const onlineAt = Date.now();
  await context.setOffline(false);
  const sent = await answer;
  expect(Date.now() - onlineAt).toBeLessThan(10_000);
  expect(sent.status()).toBe(201);
  expect(sent.headers()['idempotent-replayed']).toBe('false');
  await card.getByText('已发送', { exact: true }).waitFor();
  await screenshot(page, 'outbox-online-sent');
  expect(await recordsOf(date)).toHaveLength(1);
}));

test('refused by the server, it shows as failed, keeps its draft, and can be removed', () => story(async () => {
  const date = addDays(todayInShanghai(), -2);
  const label = `${date} 每日检查`;
  await fillDailyCheck(date);
  await context.setOffline(true);
  await button('提交检查').click();
  await cur().locator('.dc__summary').getByText(QUEUED, { exact: true }).waitFor();

  // Meanwhile the same day is submitted from another phone.
  const token = await apiToken(server.baseUrl, OFFICER);
  const other = await fetch(`${server.baseUrl}/api/daily-checks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, [IDEMPOTENCY_HEADER]: randomUUID() },
    body: JSON.stringify({ businessDate: date, confirm: true, items: due.map((i) => ({ code: i.code, result: CheckResult.Pass })) }),
  });
  expect(other.status).toBe(201);

  // Back online, the queue sends it: 409, not retried, with the server's message.
  await button('查看待发送队列').click();
  const card = entryCard(label);
  const answer = page.waitForResponse(isDailyPost);
  await context.setOffline(false);
  expect((await answer).status()).toBe(409);
  await card.getByText('发送失败', { exact: true }).waitFor();
  await card.getByText('不能重复提交', { exact: false }).waitFor();
  await buttonIn(card, '修改草稿').waitFor();
  expect(await buttonIn(card, '立即重试').count()).toBe(0);
  await screenshot(page, 'outbox-failed');

  // The home page says so.
  await page.goto('/#/packages/enterprise/pages/home/index');
  const banner = cur().locator('.outbox-banner');
  await banner.getByText('1 份发送失败', { exact: true }).waitFor();
  await screenshot(page, 'home-banner-failed');

  // 「修改草稿」 reopens the form with the draft.
  await banner.click();
  await buttonIn(entryCard(label), '修改草稿').click();
  await cur().getByText('已恢复上次未提交的草稿', { exact: true }).waitFor();
  await cur().getByText(`已填写 ${due.length}/${due.length} 项，0 项不符合`, { exact: true }).waitFor();
  await page.goBack();

  // 「删除」 (confirmed) takes it out of the queue; the banner goes.
  await buttonIn(entryCard(label), '删除').click();
  await page.locator('.taro-model__confirm').click();
  await entryCard(label).waitFor({ state: 'detached' });
  await screenshot(page, 'outbox-after-delete');
  await page.goto('/#/packages/enterprise/pages/home/index');
  await button('查看今日检查').waitFor();
  expect(await cur().locator('.outbox-banner').count()).toBe(0);
  expect(await recordsOf(date)).toHaveLength(1);
}));
