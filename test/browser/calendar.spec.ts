// The 检查日历 story in a real browser: the food-safety officer opens the calendar from the home page
// (today 待查, opening today's form), submits today's check with a 不符合 item, and sees today
// flagged 有问题 and the unchecked days 漏查; in last month, the day caught up late shows 迟交 and
// opens its record. The business "joined" before last month (its creation date is moved back in
// the database), so those days were due.
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { CheckResult, IDEMPOTENCY_HEADER, addDays, monthKey, todayInShanghai, type EnterpriseRiskItem } from '@shian/shared';
import type { RunningServer } from '../support/server';
import { apiToken, buttonIn, dailyItemsOf, field, loginAs, runStory, screenshot, setUpStory } from './browser';

const OFFICER = { phone: '13900000001', password: 'Demo@2026' };
const ENTERPRISE = '新城区青城味道餐馆';
const FAILING_CODE = 'CY-D24';
const PROBLEM = '后厨防蝇帘破损';
const MEASURE = '更换防蝇帘';

let server: RunningServer;
let page: Page;
let events: string[] = [];
let ui: Locator;
let due: EnterpriseRiskItem[];

const today = todayInShanghai();
const month = monthKey(today);
const lastMonth = monthKey(addDays(`${month}-01`, -1));
/** Days of last month the officer caught up on (submitted late, through the API); the second found a problem. */
const caughtUp = `${lastMonth}-10`;
const caughtUpWithProblem = `${lastMonth}-20`;
const fmtMonth = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;

/** The page shown now: Taro's H5 router keeps earlier pages of the stack in the DOM, hidden. */
const cur = (): Locator => ui.locator('.taro_page:visible').last();
const button = (label: string) => buttonIn(cur(), label);
const day = (date: string) => cur().locator(`.cal__cell[data-date="${date}"]`);

/** Test set-up: the business was created `date` (Asia/Shanghai noon), straight in the server's database. */
async function setJoined(name: string, date: string): Promise<void> {
  const createdAt = new Date(`${date}T04:00:00.000Z`).toISOString().replace('T', ' ').replace('Z', '');
  if (server.dbUrl) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const mysql = require('mysql2/promise');
    const conn = await mysql.createConnection(server.dbUrl);
    await conn.query('UPDATE enterprises SET created_at = ? WHERE name = ?', [createdAt, name]);
    await conn.end();
  } else {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const Database = require('better-sqlite3');
    const db = new Database(resolve(server.dataDir, 'shian.sqlite'));
    db.pragma('busy_timeout = 5000');
    const changed = db.prepare('UPDATE enterprises SET created_at = ? WHERE name = ?').run(createdAt, name).changes;
    db.close();
    if (changed !== 1) throw new Error(`enterprise ${name} not found`);
  }
}

setUpStory('calendar', async (setup) => {
  ({ server, page, events, ui } = setup);
  due = await dailyItemsOf(server.baseUrl, OFFICER);
  await setJoined(ENTERPRISE, addDays(`${lastMonth}-01`, -5));
  // Last month's 10th and 20th were checked, but only afterwards: late.
  const token = await apiToken(server.baseUrl, OFFICER);
  for (const [date, fail] of [[caughtUp, false], [caughtUpWithProblem, true]] as const) {
    const res = await fetch(`${server.baseUrl}/api/daily-checks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, [IDEMPOTENCY_HEADER]: randomUUID() },
      body: JSON.stringify({
        businessDate: date,
        confirm: true,
        items: due.map((i, n) => (fail && n === 0 ? { code: i.code, result: CheckResult.Fail, problem: '留样不足 125 克', measure: '补足留样', fixedOnSpot: true } : { code: i.code, result: CheckResult.Pass })),
      }),
    });
    expect(res.status).toBe(201);
  }
});

test('officer checks today with a problem and reads the month in the calendar', () => runStory(page, events, async () => {
  const failing = due.find((i) => i.code === FAILING_CODE) ?? due[2];

  // 1. The calendar from the home page: today not checked yet (待查), yesterday 漏查.
  await page.goto('/');
  await loginAs(cur(), OFFICER);
  await cur().getByText('未提交', { exact: true }).waitFor();
  await screenshot(page, 'home');
  await cur().getByText('检查日历 ›', { exact: true }).click();
  await cur().locator('.cal__title').getByText(fmtMonth(month), { exact: true }).waitFor();
  await day(today).getByText('待查', { exact: true }).waitFor();
  const dayOfMonth = Number(today.slice(8));
  if (dayOfMonth > 1) await day(addDays(today, -1)).getByText('漏查', { exact: true }).waitFor();
  await cur().getByText('今日尚未检查，点今天的日期填写', { exact: true }).waitFor();
  await screenshot(page, 'calendar-today-pending');

  // 2. Tapping today opens today's form: one item 不符合, submitted.
  await day(today).click();
  await cur().getByText(due[0].measure, { exact: true }).waitFor();
  await button('全部符合').click();
  const failCard = cur().locator('.dc__item').filter({ hasText: failing.measure });
  await failCard.getByText('不符合', { exact: true }).click();
  await field(failCard, '请描述发现的问题').fill(PROBLEM);
  await field(failCard, '请填写采取的整改措施').fill(MEASURE);
  await failCard.getByText('已当场整改', { exact: true }).click();
  await cur().getByText('本人确认以上检查属实', { exact: true }).click();
  await button('提交检查').click();
  await cur().getByText('提交成功', { exact: true }).waitFor();

  // Home again (the form goes back where it came from: the calendar, then home).
  await page.goto('/');
  await cur().getByText('已提交', { exact: true }).waitFor();
  await screenshot(page, 'home-submitted');

  // 3. The calendar from the home page: today 有问题, this month's earlier days 漏查, later ones blank.
  await cur().getByText('检查日历 ›', { exact: true }).click();
  await cur().locator('.cal__title').getByText(fmtMonth(month), { exact: true }).waitFor();
  await day(today).getByText('有问题', { exact: true }).waitFor();
  if (dayOfMonth > 1) await day(addDays(today, -1)).getByText('漏查', { exact: true }).waitFor();
  if (addDays(today, 1).startsWith(month)) expect((await day(addDays(today, 1)).innerText()).trim()).toBe(String(dayOfMonth + 1));
  const stats = cur().locator('.cal__stats');
  await stats.locator('.cal__stat').filter({ hasText: '已检查' }).getByText('1 天', { exact: true }).waitFor();
  await stats.locator('.cal__stat').filter({ hasText: '漏查' }).getByText(`${dayOfMonth - 1} 天`, { exact: true }).waitFor();
  await stats.locator('.cal__stat').filter({ hasText: '发现问题' }).getByText('1 天', { exact: true }).waitFor();
  // No month after this one.
  await expect(cur().locator('.cal__nav--off').filter({ hasText: '›' }).count()).resolves.toBe(1);
  await screenshot(page, 'calendar-this-month');

  // 4. Last month: the caught-up days 迟交 (one 有问题, with the late dot), the rest 漏查.
  await cur().locator('.cal__nav').filter({ hasText: '‹' }).click();
  await cur().locator('.cal__title').getByText(fmtMonth(lastMonth), { exact: true }).waitFor();
  await day(caughtUp).getByText('迟交', { exact: true }).waitFor();
  await day(caughtUpWithProblem).getByText('有问题', { exact: true }).waitFor();
  await day(caughtUpWithProblem).locator('.cal__late-dot').waitFor();
  await day(`${lastMonth}-01`).getByText('漏查', { exact: true }).waitFor();
  await stats.locator('.cal__stat').filter({ hasText: '迟交' }).getByText('2 天', { exact: true }).waitFor();
  await screenshot(page, 'calendar-last-month');

  // 5. Tapping the day opens its record: all 符合, submitted late.
  await day(caughtUp).click();
  await cur().getByText('零风险', { exact: true }).waitFor();
  await cur().getByText('逾期', { exact: true }).waitFor();
  await screenshot(page, 'calendar-day-detail', { fullPage: false });

  // 6. Back in the calendar, today's cell opens today's record with its problem.
  await page.goBack();
  await cur().locator('.cal__title').getByText(fmtMonth(lastMonth), { exact: true }).waitFor();
  await cur().locator('.cal__nav').filter({ hasText: '›' }).click();
  await day(today).click();
  await cur().getByText(`问题：${PROBLEM}`, { exact: true }).waitFor();
  await screenshot(page, 'calendar-today-detail', { fullPage: false });
}));

test('a business that joined today: earlier days were not due, and no earlier month is offered', () => runStory(page, events, async () => {
  await setJoined(ENTERPRISE, today);
  await page.goto('/#/packages/enterprise/pages/calendar/index');
  await cur().locator('.cal__title').getByText(fmtMonth(month), { exact: true }).waitFor();
  await day(today).getByText('有问题', { exact: true }).waitFor();
  await cur().getByText(/此前的日期无需检查$/).waitFor();
  if (Number(today.slice(8)) > 1) expect((await day(addDays(today, -1)).innerText()).trim()).toBe(String(Number(today.slice(8)) - 1));
  await cur().locator('.cal__stats .cal__stat').filter({ hasText: '漏查' }).getByText('0 天', { exact: true }).waitFor();
  await expect(cur().locator('.cal__nav--off').count()).resolves.toBe(2);
  await screenshot(page, 'calendar-joined-today');
}));
