// 企业名录 in a real browser: the county regulator opens the directory from the official home,
// searches 好运来 (the registration waiting for review, no 日管控 state yet), filters by state,
// grade and type, opens 新城区青城味道餐馆 and sees its profile, roster, this month's calendar,
// recent records and rectification orders, opens the printable view of a daily check, and the
// 「导出Excel」 download holds the same rows as the API. Then at a desk (1280 px): the wide table,
// the two-column business page, a weekly report's official page and its printable view. Elements are found by their
// visible Chinese text.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  addDays,
  BusinessType,
  CheckResult,
  COMPLIANCE_STATE_LABELS,
  isoWeekKey,
  itemsDue,
  listFromTemplate,
  templateFor,
  todayInShanghai,
  type DailyCheckDto,
  type EnterpriseDirectoryItem,
  type Page as ListPage,
} from '@shian/shared';
import type { RunningServer } from '../support/server';
import { readXlsx } from '../support/xlsx';
import { apiGet, apiToken, buttonIn, dailyItemsOf, field, loginAs, runStory, screenshot, setUpStory, watchPage } from './browser';

const PASSWORD = 'Demo@2026';
const OFFICER = { phone: '13900000001', password: PASSWORD };
const DIRECTOR = { phone: '13900000002', password: PASSWORD };
const REGULATOR = { phone: '13900000005', password: PASSWORD };
const BUSINESS = '新城区青城味道餐馆';

let server: RunningServer;
let page: Page;
let events: string[] = [];
let regulatorToken = '';
let problemCheck: DailyCheckDto;
let rectificationsAnswer = 0;
const today = todayInShanghai();

/** The page shown now: Taro's H5 router keeps earlier pages of the stack in the DOM, hidden. */
const cur = (): Locator => page.locator('#app .taro_page:visible').last();

async function post(path: string, token: string, body: unknown): Promise<Response> {
  return fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': `story-directory-${randomUUID()}` },
    body: JSON.stringify(body),
  });
}

setUpStory('directory', async (setup) => {
  ({ server, page, events } = setup);
  // Set-up, not the story: the demo business checked today and (late) yesterday, yesterday with a
  // problem fixed on the spot; the director's weekly report; a rectification order from the regulator.
  regulatorToken = await apiToken(server.baseUrl, REGULATOR);
  const officer = await apiToken(server.baseUrl, OFFICER);
  const items = (await dailyItemsOf(server.baseUrl, OFFICER)).map((i) => ({ code: i.code, result: CheckResult.Pass as string, problem: undefined as string | undefined, measure: undefined as string | undefined, fixedOnSpot: undefined as boolean | undefined }));
  expect((await post('/api/daily-checks', officer, { businessDate: today, items, confirm: true })).status).toBe(201);
  const failed = items.map((i, n) => (n === 1 ? { ...i, result: CheckResult.Fail, problem: '消毒柜未通电', measure: '已通电并重新消毒餐具', fixedOnSpot: true } : i));
  const res = await post('/api/daily-checks', officer, { businessDate: addDays(today, -1), items: failed, remarks: '晚班补记', confirm: true });
  expect(res.status).toBe(201);
  problemCheck = (await res.json()) as DailyCheckDto;
  const weeklyItems = itemsDue(listFromTemplate(templateFor(BusinessType.Catering)), 'weekly').map((i) => ({ code: i.code, result: CheckResult.Pass }));
  const weekly = await post('/api/weekly-investigations', await apiToken(server.baseUrl, DIRECTOR), {
    week: isoWeekKey(today),
    items: weeklyItems,
    hazards: [{ description: '后厨地漏防鼠网缺失' }],
    measures: [{ description: '加装防鼠网', owner: '王总监', deadline: addDays(today, 7) }],
    resolutions: [],
    nextWeekRequirements: '每日检查地漏',
    confirm: true,
  });
  expect(weekly.status).toBe(201);
  const order = await post('/api/rectifications', regulatorToken, { enterpriseId: problemCheck.enterpriseId, sourceType: 'daily_check', sourceId: problemCheck.id, items: ['消毒柜接入独立电源'], deadline: addDays(today, 3) });
  rectificationsAnswer = order.status;
});

/** Every row of the directory's JSON list under a query, all pages. */
async function allRows(query: string): Promise<EnterpriseDirectoryItem[]> {
  const out: EnterpriseDirectoryItem[] = [];
  for (let p = 1; ; p++) {
    const res = await apiGet<ListPage<EnterpriseDirectoryItem>>(server.baseUrl, regulatorToken, `/api/enterprises?${query}&page=${p}&pageSize=100`);
    out.push(...res.items);
    if (out.length >= res.total) return out;
  }
}

test('regulator searches the directory, opens a business, prints a record and exports the list', () =>
  runStory(page, events, async () => {
    // 1. The official home has the 企业名录 tile.
    await page.goto('/');
    await field(cur(), '请输入手机号').waitFor();
    await loginAs(cur(), REGULATOR);
    const tile = cur().locator('.off-dir-entry');
    await tile.getByText('企业名录 ›', { exact: true }).waitFor();
    await tile.click();

    // 2. The directory (phone): every business of 新城区 with its 7-day state.
    await cur().getByText(/^共 \d+ 家企业$/).waitFor();
    const all = await allRows('');
    expect(await cur().getByText(`共 ${all.length} 家企业`, { exact: true }).count()).toBe(1);
    const home = all.find((e) => e.name === BUSINESS)!;
    expect(home.compliance).toMatchObject({ done: 2 });
    await cur().locator('.dir-card').filter({ hasText: BUSINESS }).getByText(`${COMPLIANCE_STATE_LABELS[home.compliance!.state]} ${home.compliance!.done}/${home.compliance!.due}`).waitFor();
    await screenshot(page, 'directory-phone');

    // 3. Search 好运来: the registration waiting for review, no state yet.
    await field(cur(), '企业名称或统一社会信用代码').fill('好运来');
    await buttonIn(cur(), '搜索').click();
    await cur().getByText('共 1 家企业', { exact: true }).waitFor();
    const pending = cur().locator('.dir-card').filter({ hasText: '新城区好运来小吃店' });
    await pending.getByText('待审核', { exact: true }).waitFor();
    await screenshot(page, 'directory-search');

    // 4. Filters: clear the search, then 日管控 正常 + 等级 C + 业态 餐饮服务 — the demo business.
    await cur().getByText('清除筛选', { exact: true }).click();
    await cur().getByText(`共 ${all.length} 家企业`, { exact: true }).waitFor();
    const chip = (filter: string, label: string) => cur().locator(`.dir-filter[data-filter="${filter}"] .dir-chip`).filter({ hasText: new RegExp(`^${label}$`) });
    await chip('日管控', COMPLIANCE_STATE_LABELS[home.compliance!.state]).click();
    await chip('等级', 'C级').click();
    await chip('业态', '餐饮服务').click();
    const filtered = await allRows(`compliance=${home.compliance!.state}&grade=C&businessType=catering`);
    expect(filtered.map((e) => e.name)).toContain(BUSINESS);
    await cur().getByText(`共 ${filtered.length} 家企业`, { exact: true }).waitFor();
    await screenshot(page, 'directory-filtered');

    // 5. 导出Excel under these filters: the download holds the API's rows.
    const download = page.waitForEvent('download');
    await buttonIn(cur(), '导出Excel').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('企业名录.xlsx');
    const path = await file.path();
    const sheet = await readXlsx(readFileSync(path!));
    expect(sheet.header.slice(0, 3)).toEqual(['企业名称', '统一社会信用代码', '许可证编号']);
    expect(sheet.rows.map((r) => [r[0], r[1], r[9], r[10], r[11]])).toEqual(
      filtered.map((e) => [e.name, e.uscc, e.compliance ? COMPLIANCE_STATE_LABELS[e.compliance.state] : null, e.compliance?.done ?? null, e.compliance?.due ?? null]),
    );

    // 6. The business page: profile, roster, calendar, records, rectification orders.
    await cur().locator('.dir-card').filter({ hasText: BUSINESS }).click();
    await cur().getByText('统一社会信用代码', { exact: true }).waitFor();
    await cur().getByText(/内蒙古自治区 \/ 呼和浩特市 \/ 新城区 \/ /).waitFor();
    await cur().getByText(/^人员与资质（\d+）$/).waitFor();
    await cur().locator('.roster__member').first().waitFor();
    await cur().locator(`.cal__cell[data-date="${problemCheck.businessDate}"] .cal__day--problem`).waitFor();
    await cur().locator(`.ent-record[data-record="${problemCheck.id}"]`).waitFor();
    await cur().getByText(/^每周排查（共 1 份）$/).waitFor();
    if (rectificationsAnswer === 201) await cur().getByText('消毒柜接入独立电源', { exact: true }).waitFor();
    else await cur().getByText(/^整改通知加载失败/).waitFor();
    await screenshot(page, 'business-phone');

    // 7. The record's page → 打印: the A4 layout with every item, the problem, the hash and version.
    await cur().locator(`.ent-record[data-record="${problemCheck.id}"]`).click();
    await buttonIn(cur(), '打印').click();
    await cur().getByText('每日食品安全检查记录', { exact: true }).waitFor();
    await cur().getByText(`内容哈希（SHA-256）：${problemCheck.contentHash}`, { exact: true }).waitFor();
    expect(await cur().locator('.pr-table__row').count()).toBe(problemCheck.items.length + 1);
    await cur().getByText(/问题：消毒柜未通电；措施：已通电并重新消毒餐具；当场整改：是/).waitFor();
    await cur().getByText('第 1 版', { exact: true }).waitFor();
    await screenshot(page, 'print-daily-check');
    // On paper the 打印 button is gone.
    await page.emulateMedia({ media: 'print' });
    expect(await cur().locator('.pr-actions').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

  }));

test('at a desk (1280 px): the directory is a wide table, the business page two columns, a weekly report prints', async () => {
  const browser = page.context().browser() as Browser;
  const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  context.setDefaultTimeout(15_000);
  const desk = await context.newPage();
  const deskEvents = watchPage(desk);
  const at = (): Locator => desk.locator('#app .taro_page:visible').last();
  try {
    await runStory(desk, deskEvents, async () => {
      await desk.goto('/');
      await field(at(), '请输入手机号').waitFor();
      await loginAs(at(), REGULATOR);
      await at().locator('.off-dir-entry').click();
      const table = at().locator('.dir-table');
      await table.waitFor();
      const first = await apiGet<ListPage<EnterpriseDirectoryItem>>(server.baseUrl, regulatorToken, '/api/enterprises?page=1&pageSize=20');
      const names = await table.locator('.dir-row .off-table__cell--name').allTextContents();
      expect(names).toEqual(first.items.map((e) => e.name));
      expect(await at().locator('.dir-card').count()).toBe(0);
      await screenshot(desk, 'directory-desk');

      await table.locator('.dir-row').filter({ hasText: BUSINESS }).click();
      await at().locator('.ent-layout__side').getByText(/^人员与资质/).waitFor();
      await at().locator('.cal__grid').waitFor();
      // Side by side once the page has slid in: the orders and roster beside the profile, not below it.
      await desk.waitForTimeout(600);
      const main = (await at().locator('.ent-layout__main').boundingBox())!;
      const side = (await at().locator('.ent-layout__side').boundingBox())!;
      expect(side.x).toBeGreaterThanOrEqual(main.x + main.width);
      expect(Math.abs(side.y - main.y)).toBeLessThan(40);
      await screenshot(desk, 'business-desk');

      // The weekly report opens on the official's weekly page; its 打印 gives the printable view.
      await at().locator('.ent-record').filter({ hasText: '排查人' }).click();
      await at().getByText(/^每周排查治理报告 · /).waitFor();
      await at().getByText('尚未审阅', { exact: true }).waitFor();
      await buttonIn(at(), '打印').click();
      await at().getByText('每周食品安全排查治理报告', { exact: true }).waitFor();
      await at().getByText(/后厨地漏防鼠网缺失/).waitFor();
      await screenshot(desk, 'print-weekly-desk');
    });
  } finally {
    await context.close();
  }
});
