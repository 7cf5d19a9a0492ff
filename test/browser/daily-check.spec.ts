// The daily-check story in a real browser: an enterprise food-safety officer fills in today's check
// from the business's own 风险管控清单 (全部符合, then one item 不符合) and submits it; a county
// regulator then finds it in the list and reads the problem in the detail. Elements are found by
// their visible Chinese text.
import type { Locator, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { CheckResult, IDEMPOTENCY_HEADER, addDays, todayInShanghai, type DailyCheckDto, type EnterpriseRiskItem } from '@shian/shared';
import type { RunningServer } from '../support/server';
import {
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
const REGULATOR = { phone: '13900000005', password: 'Demo@2026' };
/** 有害生物防制 (catering template): the item found failing. */
const FAILING_CODE = 'CY-D24';
const PROBLEM = '后厨防蝇帘破损，垃圾桶未加盖';
const MEASURE = '更换防蝇帘，垃圾桶加盖';

let server: RunningServer;
let page: Page;
let events: string[] = [];
/** The app's content; Taro's (hidden) H5 navigation bar repeats the page title outside it. */
let ui: Locator;
/** The officer's business's daily items, as the form asks them. */
let due: EnterpriseRiskItem[];
let failing: EnterpriseRiskItem;
/** Yesterday's record, submitted through the API in the second story. */
let yesterdayId = '';

const button = (label: string) => buttonIn(ui, label);
const story = (body: () => Promise<void>) => runStory(page, events, body);

setUpStory('daily-check', async (setup) => {
  ({ server, page, events, ui } = setup);
  due = await dailyItemsOf(server.baseUrl, OFFICER);
  failing = due.find((i) => i.code === FAILING_CODE) ?? due[2];
});

test('officer submits today’s check with a problem; regulator sees it', () => story(async () => {
  const today = todayInShanghai();
  expect(due.length).toBe(24);

  // 1. Officer logs in and lands on the enterprise home, which also shows the list the check asks.
  await page.goto('/');
  await field(ui, '请输入手机号').waitFor();
  await screenshot(page, 'login');
  await loginAs(ui, OFFICER);
  await ui.getByText('填写今日检查').waitFor();
  await ui.getByText('未提交', { exact: true }).waitFor();
  await ui.getByText(`日管控 ${due.length} 项 / 周排查 10 项 / 不适用 0 项`, { exact: true }).waitFor();
  const enterpriseName = ((await ui.locator('.ent-home__name').textContent()) ?? '').trim();
  expect(enterpriseName).not.toBe('');
  await screenshot(page, 'enterprise-home');

  // 2. Opens today's check: the list's daily items by stage, each measure asked with its method.
  // The connection drops just then: the form uses the list the home page saved on the phone.
  await page.route('**/api/risk-lists/mine', (route) => route.abort('internetdisconnected'), { times: 1 });
  await button('填写今日检查').click();
  await ui.getByText('网络不可用，按本机保存的清单填写；恢复网络后即可提交。', { exact: true }).waitFor();
  await ui.getByText(due[0].measure, { exact: true }).waitFor();
  await ui.locator('.dc__stage').filter({ hasText: failing.stage }).waitFor();
  await ui.getByText(`检查方法：${failing.method}`, { exact: true }).first().waitFor();
  await ui.getByText(`已填写 0/${due.length} 项，0 项不符合`, { exact: true }).waitFor();
  await screenshot(page, 'daily-check-empty');

  // Submitting with nothing answered names the missing items.
  await button('提交检查').click();
  await ui.getByText(`还有 ${due.length} 项需要完善：${due[0].code}`, { exact: false }).waitFor();
  await expect(ui.getByText('请选择检查结果', { exact: false }).count()).resolves.toBe(due.length);

  // 全部符合 answers everything at once; then one item is changed to 不符合 with problem and measure.
  await button('全部符合').click();
  await ui.getByText(`已填写 ${due.length}/${due.length} 项，0 项不符合`, { exact: true }).waitFor();
  expect(await ui.getByText('请选择检查结果', { exact: false }).count()).toBe(0);
  const failCard = ui.locator('.dc__item').filter({ hasText: failing.measure });
  await failCard.getByText('不符合', { exact: true }).click();
  await field(failCard, '请描述发现的问题').fill(PROBLEM);
  await field(failCard, '请填写采取的整改措施').fill(MEASURE);
  await failCard.getByText('已当场整改', { exact: true }).click();
  // One photo of the problem, uploaded at once; the draft keeps its file id.
  await attachPhoto(page, failCard);
  const filled = `已填写 ${due.length}/${due.length} 项，1 项不符合`;
  await ui.getByText(filled, { exact: true }).waitFor();
  // Pressing 全部符合 again leaves the 不符合 answer as it is.
  await button('全部符合').click();
  await ui.getByText(filled, { exact: true }).waitFor();
  await screenshot(page, 'daily-check-filled');

  // The draft is saved as the user types: a reload restores it.
  await page.reload();
  await ui.getByText('已恢复上次未提交的草稿', { exact: true }).waitFor();
  expect(await ui.getByText('网络不可用', { exact: false }).count()).toBe(0);
  await ui.getByText(filled, { exact: true }).waitFor();
  await expect(field(failCard, '请描述发现的问题').inputValue()).resolves.toBe(PROBLEM);
  await waitForLoadedImage(failCard.locator('.photo-picker__item--done'));

  // 3. Submits; the first response is lost on the way back (the server did store the record).
  const keys: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/daily-checks')) keys.push(r.headers()['idempotency-key'] ?? '');
  });
  await page.route(
    '**/api/daily-checks',
    async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    },
    { times: 1 },
  );
  // The officer's sign-off is required: without it nothing is sent.
  await button('提交检查').click();
  await ui.locator('.dc__summary').getByText('请勾选「本人确认以上检查属实」后再提交', { exact: true }).waitFor();
  expect(keys).toHaveLength(0);
  await ui.getByText('本人确认以上检查属实', { exact: true }).click();
  await button('提交检查').click();
  await ui.getByText('网络不可用，已加入待发送队列，联网后自动提交', { exact: true }).first().waitFor();
  await screenshot(page, 'daily-check-network-error');

  // The submission waits in the queue; submitting again sends it now, with the draft's
  // Idempotency-Key, so the server replays the stored record.
  await button('提交检查').click();
  await ui.getByText('提交成功', { exact: true }).waitFor();
  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  expect(keys[1]).toBe(keys[0]);
  await ui.getByText('1 项问题', { exact: true }).waitFor();
  await screenshot(page, 'daily-check-submitted');

  // 4. Back home: today's check shows as submitted.
  await button('返回首页').click();
  await ui.getByText('已提交', { exact: true }).waitFor();
  await ui.getByText('查看今日检查', { exact: true }).waitFor();
  expect(await ui.getByText('填写今日检查').count()).toBe(0);
  await screenshot(page, 'enterprise-home-submitted');

  // 5. Logs out.
  await button('退出登录').click();
  await field(ui, '请输入手机号').waitFor();

  // 6. County regulator logs in: the list shows the enterprise's record for today.
  await loginAs(ui, REGULATOR);
  const record = ui.locator('.nut-cell').filter({ hasText: enterpriseName }).filter({ hasText: today });
  await record.first().waitFor();
  await expect(record.first().getByText('1 项问题', { exact: true }).count()).resolves.toBe(1);
  await screenshot(page, 'official-list');

  // 7. Opens the detail and reads the problem, under the item's stage as it was asked.
  await record.first().click();
  await ui.getByText(`问题：${PROBLEM}`, { exact: true }).waitFor();
  await ui.getByText(`措施：${MEASURE}`, { exact: true }).waitFor();
  await ui.getByText(failing.measure, { exact: true }).waitFor();
  await ui.locator('.section-title').filter({ hasText: failing.stage }).waitFor();
  await ui.getByText('依据：风险管控清单第 1 版', { exact: true }).waitFor();
  // The officer's photo, shown to the regulator.
  await waitForLoadedImage(ui.locator('.detail__item').filter({ hasText: failing.measure }).locator('.record-photos'));
  // A first submission with no corrections has no version history to show.
  expect(await ui.getByText('历史版本', { exact: true }).count()).toBe(0);
  await screenshot(page, 'official-detail');
}));

test('a second submission for the same day is refused and links to the first one', () => story(async () => {
  // Yesterday's check was already submitted (through the API) — after the day ended, so late.
  const date = addDays(todayInShanghai(), -1);
  const accessToken = await apiToken(server.baseUrl, OFFICER);
  const created = await fetch(`${server.baseUrl}/api/daily-checks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}`, [IDEMPOTENCY_HEADER]: randomUUID() },
    body: JSON.stringify({ businessDate: date, confirm: true, items: due.map((i) => ({ code: i.code, result: CheckResult.Pass })) }),
  });
  expect(created.status).toBe(201);
  yesterdayId = ((await created.json()) as DailyCheckDto).id;

  // In the browser, the officer fills in a draft for the same day and submits it.
  await page.evaluate(() => localStorage.clear());
  await page.goto('/');
  await loginAs(ui, OFFICER);
  await button('查看今日检查').waitFor();
  await page.goto(`/#/packages/enterprise/pages/daily-check/index?date=${date}`);
  await ui.getByText(due[0].measure, { exact: true }).waitFor();
  await button('全部符合').click();
  await ui.getByText('本人确认以上检查属实', { exact: true }).click();
  await button('提交检查').click();
  await ui.locator('.dc__summary').getByText('不能重复提交', { exact: false }).waitFor();
  await screenshot(page, 'daily-check-conflict');

  // It offers the record that exists: all 符合, submitted late.
  await button('查看已提交的记录').click();
  await ui.getByText('零风险', { exact: true }).waitFor();
  await ui.getByText('逾期', { exact: true }).waitFor();
  await screenshot(page, 'daily-check-existing');
}));

test('a corrected record shows its version, the reason and the history', () => story(async () => {
  // Yesterday's record is corrected (through the API): one item was in fact 不符合.
  expect(yesterdayId).not.toBe('');
  const reason = '复核发现留样记录漏记，补充更正';
  const accessToken = await apiToken(server.baseUrl, OFFICER);
  const amended = await fetch(`${server.baseUrl}/api/daily-checks/${yesterdayId}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}`, [IDEMPOTENCY_HEADER]: randomUUID() },
    body: JSON.stringify({
      reason,
      confirm: true,
      items: due.map((i) =>
        i.code === failing.code
          ? { code: i.code, result: CheckResult.Fail, problem: PROBLEM, measure: MEASURE, fixedOnSpot: true }
          : { code: i.code, result: CheckResult.Pass },
      ),
    }),
  });
  expect(amended.status).toBe(201);
  const v2 = (await amended.json()) as DailyCheckDto;

  // The detail of the correction: 第 2 版, why, and both versions listed.
  await page.goto(`/#/packages/enterprise/pages/daily-check-detail/index?id=${v2.id}`);
  await ui.getByText(`更正原因：${reason}`, { exact: true }).first().waitFor();
  await ui.locator('.detail__title-row').getByText('第 2 版', { exact: true }).waitFor();
  await ui.getByText('历史版本', { exact: true }).waitFor();
  const versions = ui.locator('.detail__version');
  await expect(versions.count()).resolves.toBe(2);
  await versions.nth(0).getByText('原始提交', { exact: true }).waitFor();
  await versions.nth(1).getByText('当前版本', { exact: true }).waitFor();
  await ui.getByText(`问题：${PROBLEM}`, { exact: true }).waitFor();
  await screenshot(page, 'daily-check-corrected');

  // The original stays readable, marked as replaced.
  await versions.nth(0).click();
  await ui.getByText('此版本已被更正，以最新版本为准', { exact: true }).waitFor();
  await ui.getByText('零风险', { exact: true }).waitFor();
  await screenshot(page, 'daily-check-original');
}));
