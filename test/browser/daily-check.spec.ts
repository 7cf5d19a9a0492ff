// The daily-check story in a real browser: an enterprise food-safety officer fills in and submits
// today's check with one problem; a county regulator then finds it in the list and reads the
// problem in the detail. Elements are found by their visible Chinese text.
import type { Browser, Locator, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { CheckResult, IDEMPOTENCY_HEADER, MINIMAL_DAILY_CHECKLIST, addDays, todayInShanghai, type LoginResponse } from '@shian/shared';
import { startServer, type RunningServer } from '../support/server';
import { assertH5Built, launchBrowser, resetArtifacts, newPhoneContext, screenshot, watchPage } from './browser';

const OFFICER = { phone: '13900000001', password: 'Demo@2026' };
const REGULATOR = { phone: '13900000005', password: 'Demo@2026' };
const FAILING = MINIMAL_DAILY_CHECKLIST[2];
const PROBLEM = '后厨防蝇帘破损，垃圾桶未加盖';
const MEASURE = '更换防蝇帘，垃圾桶加盖';

let server: RunningServer;
let browser: Browser;
let page: Page;
let events: string[] = [];
/** The app's content; Taro's (hidden) H5 navigation bar repeats the page title outside it. */
let ui: Locator;

/**
 * The native input / textarea with this placeholder. Taro's H5 components put the placeholder on
 * both the <taro-input-core> host element and the native field inside it; we type into the latter.
 */
function field(scope: Page | Locator, placeholder: string): Locator {
  return scope.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`);
}

/** The NutUI button whose whole label is `label` (the host element takes the click, not its text). */
function button(label: string): Locator {
  return ui.locator('.nut-button').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) });
}

async function login(phone: string, password: string): Promise<void> {
  await field(ui, '请输入手机号').fill(phone);
  await field(ui, '请输入密码').fill(password);
  await button('登录').click();
}

beforeAll(async () => {
  assertH5Built();
  resetArtifacts();
  server = await startServer();
  browser = await launchBrowser();
  const context = await newPhoneContext(browser, server.baseUrl);
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  events = watchPage(page);
  ui = page.locator('#app');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** On failure: a screenshot of the page as it was, and the page errors / failed API calls. */
async function story(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    await screenshot(page, 'FAILED').catch(() => undefined);
    const msg = e instanceof Error ? e.message : String(e);
    throw new Error(`${msg}\n--- url: ${page.url()}\n--- browser events:\n${events.join('\n') || '(none)'}`);
  }
}

test('officer submits today’s check with a problem; regulator sees it', () => story(async () => {
  const today = todayInShanghai();

  // 1. Officer logs in and lands on the enterprise home.
  await page.goto('/');
  await field(ui, '请输入手机号').waitFor();
  await screenshot(page, 'login');
  await login(OFFICER.phone, OFFICER.password);
  await ui.getByText('填写今日检查').waitFor();
  await ui.getByText('未提交', { exact: true }).waitFor();
  const enterpriseName = ((await ui.locator('.ent-home__name').textContent()) ?? '').trim();
  expect(enterpriseName).not.toBe('');
  await screenshot(page, 'enterprise-home');

  // 2. Fills today's check: one item 不符合 with problem and measure, the rest 符合.
  await button('填写今日检查').click();
  await ui.getByText(MINIMAL_DAILY_CHECKLIST[0].text).waitFor();
  await screenshot(page, 'daily-check-empty');

  // Submitting with nothing answered names the missing items.
  await button('提交检查').click();
  await ui.getByText(`还有 ${MINIMAL_DAILY_CHECKLIST.length} 项需要完善：D01`, { exact: false }).waitFor();
  await expect(ui.getByText('请选择检查结果', { exact: false }).count()).resolves.toBe(MINIMAL_DAILY_CHECKLIST.length);

  for (const item of MINIMAL_DAILY_CHECKLIST) {
    const card = ui.locator('.dc__item').filter({ hasText: item.text });
    await card.getByText(item === FAILING ? '不符合' : '符合', { exact: true }).click();
  }
  const failCard = ui.locator('.dc__item').filter({ hasText: FAILING.text });
  await field(failCard, '请描述发现的问题').fill(PROBLEM);
  await field(failCard, '请填写采取的整改措施').fill(MEASURE);
  await failCard.getByText('已当场整改', { exact: true }).click();
  const filled = `已填写 ${MINIMAL_DAILY_CHECKLIST.length}/${MINIMAL_DAILY_CHECKLIST.length} 项`;
  await ui.getByText(filled, { exact: false }).waitFor();
  await screenshot(page, 'daily-check-filled');

  // The draft is saved as the user types: a reload restores it.
  await page.reload();
  await ui.getByText('已恢复上次未提交的草稿', { exact: true }).waitFor();
  await ui.getByText(filled, { exact: false }).waitFor();
  await expect(field(failCard, '请描述发现的问题').inputValue()).resolves.toBe(PROBLEM);

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
  await button('提交检查').click();
  await ui.getByText('网络连接失败，请稍后重试', { exact: true }).first().waitFor();
  await screenshot(page, 'daily-check-network-error');

  // Retrying reuses the draft's Idempotency-Key, so the server replays the stored record.
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
  await login(REGULATOR.phone, REGULATOR.password);
  const record = ui.locator('.nut-cell').filter({ hasText: enterpriseName }).filter({ hasText: today });
  await record.first().waitFor();
  await expect(record.first().getByText('1 项问题', { exact: true }).count()).resolves.toBe(1);
  await screenshot(page, 'official-list');

  // 7. Opens the detail and reads the problem.
  await record.first().click();
  await ui.getByText(`问题：${PROBLEM}`, { exact: true }).waitFor();
  await ui.getByText(`措施：${MEASURE}`, { exact: true }).waitFor();
  await ui.getByText(FAILING.text, { exact: true }).waitFor();
  await screenshot(page, 'official-detail');
}));

test('a second submission for the same day is refused and links to the first one', () => story(async () => {
  // Yesterday's check was already submitted (through the API) — after the day ended, so late.
  const date = addDays(todayInShanghai(), -1);
  const loginRes = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(OFFICER),
  });
  expect(loginRes.status).toBe(200);
  const { accessToken } = (await loginRes.json()) as LoginResponse;
  const created = await fetch(`${server.baseUrl}/api/daily-checks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}`, [IDEMPOTENCY_HEADER]: randomUUID() },
    body: JSON.stringify({ businessDate: date, items: MINIMAL_DAILY_CHECKLIST.map((i) => ({ code: i.code, result: CheckResult.Pass })) }),
  });
  expect(created.status).toBe(201);

  // In the browser, the officer fills in a draft for the same day and submits it.
  await page.evaluate(() => localStorage.clear());
  await page.goto('/');
  await login(OFFICER.phone, OFFICER.password);
  await button('查看今日检查').waitFor();
  await page.goto(`/#/packages/enterprise/pages/daily-check/index?date=${date}`);
  await ui.getByText(MINIMAL_DAILY_CHECKLIST[0].text).waitFor();
  for (const item of MINIMAL_DAILY_CHECKLIST) {
    await ui.locator('.dc__item').filter({ hasText: item.text }).getByText('不适用', { exact: true }).click();
  }
  await button('提交检查').click();
  await ui.locator('.dc__summary').getByText('不能重复提交', { exact: false }).waitFor();
  await screenshot(page, 'daily-check-conflict');

  // It offers the record that exists: all 符合, submitted late.
  await button('查看已提交的记录').click();
  await ui.getByText('零风险', { exact: true }).waitFor();
  await ui.getByText('逾期', { exact: true }).waitFor();
  await screenshot(page, 'daily-check-existing');
}));
