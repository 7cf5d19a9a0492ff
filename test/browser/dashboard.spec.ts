// 数据看板 in a real browser: the county regulator opens the dashboard from the official home on a
// phone; the headline figures are what GET /api/stats/dashboard answers for the same query (fetched
// again here with the page's token); he taps an indicator for its formula, switches to 近7天 and to
// grade C, drills down township → village → the demo business, opens an empty township and goes
// back up by the breadcrumb. Then at a desk (1280×800): the wide table ranks the county's townships
// as the API does, the trend shows a point's value on hover, and 导出Excel downloads the table.
// Elements are found by their visible Chinese text.
import { Workbook } from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { addDays, formatRate, INDICATORS, todayInShanghai, type EnterpriseDto, type Page as ListPage } from '@shian/shared';
import type { RunningServer } from '../support/server';
import { apiGet, apiToken, buttonIn, field, loginAs, runStory, screenshot, setUpStory, shownPage, submitDailyCheck, watchPage } from './browser';
import { childRow, dashboardLoad as load, drillToVillage, expectHeadline } from './official-steps';

const PASSWORD = 'Demo@2026';
const REGULATOR = { phone: '13900000005', password: PASSWORD };
const OFFICER = { phone: '13900000001', password: PASSWORD };
const COUNTY = '150102';
const ENTERPRISE = '新城区青城味道餐馆';
const today = todayInShanghai();

let server: RunningServer;
let page: Page;
let events: string[] = [];
let enterprise: EnterpriseDto;

const cur = (p: Page = page): Locator => shownPage(p);

setUpStory('dashboard', async (setup) => {
  ({ server, page, events } = setup);
  // The demo business checks today with one problem and catches up two earlier days (late), so the county's figures are not all zero.
  for (const [date, problem] of [[addDays(today, -3), false], [addDays(today, -2), false], [today, true]] as const) {
    await submitDailyCheck(server.baseUrl, OFFICER, date, problem ? { problem: { problem: '后厨防蝇帘破损', measure: '已报告总监，今日更换', fixedOnSpot: false } } : {});
  }
  const regulatorToken = await apiToken(server.baseUrl, REGULATOR);
  const list = await apiGet<ListPage<EnterpriseDto>>(server.baseUrl, regulatorToken, '/api/enterprises?pageSize=50');
  enterprise = list.items.find((e) => e.name === ENTERPRISE)!;
  expect(enterprise.regionCode.startsWith(COUNTY)).toBe(true);
});

/** The dashboard request `action` makes, checked against the API for the same query (official-steps). */
const dashboardLoad = (p: Page, action: () => Promise<unknown>, want: Record<string, string | null> = {}) => load(p, server.baseUrl, action, want);

test('regulator reads the county dashboard on a phone: figures as the API says, filters, drill-down to the business, back up', () =>
  runStory(page, events, async () => {
    // 1. The official home leads to 数据看板 at the top.
    await page.goto('/');
    await field(cur(), '请输入手机号').waitFor();
    await loginAs(cur(), REGULATOR);
    const entry = cur().locator('.dash-entry');
    await entry.getByText('数据看板 ›', { exact: true }).waitFor();
    await screenshot(page, 'phone-official-home', { fullPage: false });

    // 2. 近30天 of the caller's county: the headline figures are the API's.
    const county = await dashboardLoad(page, () => entry.click(), { from: addDays(today, -29), to: today, regionCode: null });
    expect(county.dto.region.code).toBe(COUNTY);
    await expectHeadline(page, county.dto);
    expect(county.dto.total.daily.done).toBeGreaterThanOrEqual(3);
    expect(county.dto.total.problems.found).toBeGreaterThanOrEqual(1);
    await cur().getByText(`${addDays(today, -29)} 至 ${today}`, { exact: true }).waitFor();
    await cur().getByText(`数据截至 ${county.dto.asOf}，今日尚未提交的不计漏查`, { exact: true }).waitFor();
    await cur().getByText(`下级区划排名（${county.dto.children.length}）`, { exact: true }).waitFor();
    expect(await cur().locator('.dash-child-card').count()).toBe(county.dto.children.length);
    await screenshot(page, 'phone-county-30-days');

    // The trend: tapping a bar names its day, rate and problems.
    const points = county.dto.trend;
    expect(await cur().locator('.dash-trend__col').count()).toBe(points.length);
    const last = points[points.length - 1];
    await cur().locator('.dash-trend__col').last().click();
    const f = last.indicators.dailyCheckCompletion!;
    await cur().locator('.dash-trend__detail').getByText(`${last.from}　日管控完成率 ${formatRate(f.rate)}（${f.denominator ? `${f.numerator}/${f.denominator}` : '无可计算对象'}）　发现问题 ${last.problems.found}`, { exact: true }).waitFor();

    // 3. An indicator's formula and source, on tap.
    await cur().locator('.dash-card--dailyCheckCompletion').click();
    const dialog = page.locator('.nut-dialog').filter({ hasText: '计算公式' });
    await dialog.getByText(INDICATORS.dailyCheckCompletion.formula, { exact: true }).waitFor();
    await dialog.getByText(INDICATORS.dailyCheckCompletion.source, { exact: true }).waitFor();
    await screenshot(page, 'phone-indicator-formula', { fullPage: false });
    await buttonIn(page, '知道了').click();
    await dialog.waitFor({ state: 'hidden' });

    // 4. 近7天, then grade C only (the demo business is graded C): still the API's figures.
    const week = await dashboardLoad(page, () => cur().locator('.dash-chip').getByText('近7天', { exact: true }).click(), { from: addDays(today, -6), to: today });
    await expectHeadline(page, week.dto);
    const gradeC = await dashboardLoad(page, () => cur().locator('.dash-chip').getByText('C级', { exact: true }).click(), { grade: 'C', from: addDays(today, -6) });
    await expectHeadline(page, gradeC.dto);
    expect(gradeC.dto.grade).toBe('C');
    expect(gradeC.dto.total.appointments.businesses).toBeLessThan(week.dto.total.appointments.businesses);
    await screenshot(page, 'phone-7-days-grade-C');
    await dashboardLoad(page, () => cur().locator('.dash-chip').getByText('全部', { exact: true }).click(), { grade: null });

    // 5. Drill down: the township of the demo business, its village, then the business itself.
    const down = await drillToVillage(page, server.baseUrl, county.dto, enterprise.regionCode, async (level, load) => {
      if (level === 'township') {
        await cur().locator('.dash-crumbs__link').getByText('新城区', { exact: true }).waitFor();
        await cur().locator('.dash-crumbs__current').getByText(load.dto.region.name, { exact: true }).waitFor();
      }
      await screenshot(page, level === 'township' ? 'phone-township' : 'phone-village-businesses');
    });
    const village = down.village.dto;
    expect(village.children.map((c) => [c.kind, c.code])).toContainEqual(['enterprise', enterprise.id]);
    await cur().getByText(`企业排名（${village.children.length}）`, { exact: true }).waitFor();
    await childRow(page, ENTERPRISE).click();
    await page.waitForURL((u) => u.hash.includes('/packages/official/pages/enterprise/index') && u.hash.includes(`id=${enterprise.id}`));
    await cur().getByText(ENTERPRISE).first().waitFor();
    await screenshot(page, 'phone-business-page');
    await page.goBack();
    await cur().locator('.dash-crumbs__current').getByText(village.region.name, { exact: true }).waitFor();

    // 6. Up by the breadcrumb to the county; a township without businesses shows the empty state.
    await dashboardLoad(page, () => cur().locator('.dash-crumbs__link').getByText('新城区', { exact: true }).click(), { regionCode: COUNTY });
    const empty = county.dto.children.find((c) => c.appointments.businesses === 0);
    if (empty) {
      await dashboardLoad(page, () => childRow(page, empty.name).click(), { regionCode: empty.code });
      await cur().getByText(`${empty.name}暂无企业`, { exact: true }).waitFor();
      await screenshot(page, 'phone-empty-township');
      await dashboardLoad(page, () => cur().locator('.dash-crumbs__link').getByText('新城区', { exact: true }).click(), { regionCode: COUNTY });
    }
  }));

test('at a desk (1280×800): the wide table ranks the townships as the API does, hover on the trend, 导出Excel', async () => {
  const browser = page.context().browser() as Browser;
  const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  context.setDefaultTimeout(15_000);
  const desk = await context.newPage();
  const deskEvents = watchPage(desk);
  try {
    await runStory(desk, deskEvents, async () => {
      await desk.goto('/');
      await field(cur(desk), '请输入手机号').waitFor();
      await loginAs(cur(desk), REGULATOR);
      const entry = cur(desk).locator('.dash-entry');
      await entry.waitFor();
      const { dto } = await dashboardLoad(desk, () => entry.click(), { regionCode: null });
      await expectHeadline(desk, dto);

      // One table row per township, ranks and names in the API's order, 日管控完成率 column as its figures.
      const table = cur(desk).locator('.dash-table');
      await table.waitFor();
      expect(await cur(desk).locator('.dash-child-card').count()).toBe(0);
      const rows = await table.locator('.dash-child').evaluateAll((els) =>
        els.map((el) => Array.from(el.querySelectorAll('.off-table__cell')).slice(0, 2).map((c) => c.textContent?.trim() ?? '')),
      );
      expect(rows).toEqual(dto.children.map((c) => [c.rank === null ? '—' : String(c.rank), `${c.name} ›`]));
      const ranked = dto.children.find((c) => c.indicators.dailyCheckCompletion?.denominator);
      if (ranked) {
        const cell = childRow(desk, ranked.name).locator('.dash-table__ranked .dash-rate__value');
        expect((await cell.textContent())?.trim()).toBe(formatRate(ranked.indicators.dailyCheckCompletion!.rate));
      }
      const box = await cur(desk).locator('.page.dash').boundingBox();
      expect(box!.width).toBeGreaterThan(1000);
      await screenshot(desk, 'desktop-county');

      // Hovering a bar names its day.
      const first = dto.trend[0];
      await cur(desk).locator('.dash-trend__col').first().hover();
      await cur(desk).locator('.dash-trend__detail').getByText(new RegExp(`^${first.from}　日管控完成率 `)).waitFor();

      // 导出Excel: the same query as .xlsx, one row per township.
      const download = desk.waitForEvent('download');
      await buttonIn(cur(desk), '导出Excel').click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`数据看板-新城区-${dto.from}至${dto.to}.xlsx`);
      const wb = new Workbook();
      await wb.xlsx.readFile((await file.path())!);
      const cells = wb.worksheets.flatMap((s) => s.getSheetValues().flatMap((r) => (Array.isArray(r) ? r.map((v) => String(v ?? '')) : [])));
      for (const c of dto.children) expect(cells).toContain(c.name);

      // A rate's header ranks on it (the request carries rankBy, the rows come back in the API's order); its ⓘ only explains it.
      const header = cur(desk).locator('.off-table__row--head .dash-table__sort').filter({ hasText: INDICATORS.dailyCheckOnTime.label });
      await header.locator('.dash-table__info').click();
      await desk.locator('.nut-dialog').getByText(INDICATORS.dailyCheckOnTime.formula, { exact: true }).waitFor();
      await buttonIn(desk, '知道了').click();
      const byOnTime = await dashboardLoad(desk, () => header.click(), { rankBy: 'dailyCheckOnTime' });
      expect(byOnTime.dto.rankBy).toBe('dailyCheckOnTime');
      await cur(desk).locator('.dash-table__ranked', { hasText: `${INDICATORS.dailyCheckOnTime.label} ▼` }).waitFor();
      await cur(desk).getByText(`按${INDICATORS.dailyCheckOnTime.label}排名 ▾`, { exact: true }).waitFor();
      const names = await cur(desk).locator('.dash-table .dash-child__name').allTextContents();
      expect(names.map((n) => n.trim())).toEqual(byOnTime.dto.children.map((c) => `${c.name} ›`));

      // Down to the village: the businesses in the same table.
      await drillToVillage(desk, server.baseUrl, byOnTime.dto, enterprise.regionCode);
      await childRow(desk, ENTERPRISE).waitFor();
      await screenshot(desk, 'desktop-village-businesses');
    });
  } finally {
    await context.close();
  }
});
