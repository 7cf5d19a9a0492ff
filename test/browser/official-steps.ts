// Steps of the officials' console that several stories take: reading the dashboard against the API,
// drilling down to a business, returning a record, issuing a rectification order, the business's
// answer with a photo and the regulator's acceptance. Each step waits for what the user would see
// and keeps its screenshots under the story's folder, named after who takes the step.
import type { Locator, Page, Response } from 'playwright-core';
import { addDays, formatRate, INDICATOR_KEYS, INDICATORS, todayInShanghai, type DashboardDto } from '@shian/shared';
import { apiGet, attachPhoto, buttonIn, chineseDate, field, screenshot, shownPage, waitForLoadedImage } from './browser';

// ---- 数据看板 ----

export interface DashboardLoad {
  url: URL;
  /** The same query fetched again with the page's token: what the page must show. */
  dto: DashboardDto;
}

const isDashboardGet = (r: Response) => {
  const u = new URL(r.url());
  return r.request().method() === 'GET' && u.pathname === '/api/stats/dashboard' && !u.searchParams.has('format');
};

/** Runs `action`, waits for the dashboard request it makes (matching `want`) and for the page to show its answer. */
export async function dashboardLoad(p: Page, baseUrl: string, action: () => Promise<unknown>, want: Record<string, string | null> = {}): Promise<DashboardLoad> {
  const answered = p.waitForResponse((r) => isDashboardGet(r) && Object.entries(want).every(([k, v]) => new URL(r.url()).searchParams.get(k) === v));
  await action();
  const res = await answered;
  expect(res.status()).toBe(200);
  const url = new URL(res.url());
  const token = (res.request().headers().authorization ?? '').replace(/^Bearer /, '');
  const dto = await apiGet<DashboardDto>(baseUrl, token, `${url.pathname}${url.search}`);
  await shownPage(p).locator('.dash-body:not(.dash-body--loading)').waitFor();
  await shownPage(p).locator('.dash-head__title').getByText(`数据看板 · ${dto.region.name}`, { exact: true }).waitFor();
  return { url, dto };
}

/** The figure under `label` on the dashboard's counts line `title` (日管控, 自查问题, 整改通知 …). */
export async function dashboardStat(p: Page, title: string, label: string): Promise<number> {
  const line = shownPage(p).locator('.dash-counts__line').filter({ has: p.getByText(title, { exact: true }) });
  return Number(await line.locator('.dash-stat').filter({ has: p.getByText(label, { exact: true }) }).locator('.dash-stat__value').textContent());
}

/** The indicator cards and the counts say what the API says: every indicator it carries, in catalogue order, rate and counts. */
export async function expectHeadline(p: Page, dto: DashboardDto): Promise<void> {
  const expected = INDICATOR_KEYS.filter((k) => dto.total.indicators[k]).map((k) => {
    const f = dto.total.indicators[k]!;
    return [`${INDICATORS[k].label} ⓘ`, formatRate(f.rate), f.denominator === 0 ? '无可计算对象' : `${f.numerator}/${f.denominator}`];
  });
  const shown = await shownPage(p)
    .locator('.dash-card')
    .evaluateAll((cards) => cards.map((c) => ['.dash-card__label', '.dash-card__rate', '.dash-card__fraction'].map((s) => c.querySelector(s)?.textContent?.trim() ?? '')));
  expect(shown).toEqual(expected);
  // 日管控完成率 is the days checked over the days due, as counted.
  const daily = dto.total.daily;
  if (daily.due > 0) expect(shown[0]).toEqual(['日管控完成率 ⓘ', formatRate(daily.done / daily.due), `${daily.done}/${daily.due}`]);
  // Late and missed days, problems, rectification orders.
  const { problems, rectifications } = dto.total;
  expect(await dashboardStat(p, '日管控', '迟交')).toBe(daily.late);
  expect(await dashboardStat(p, '日管控', '漏查')).toBe(daily.missed);
  expect(await dashboardStat(p, '自查问题', '发现')).toBe(problems.found);
  expect(await dashboardStat(p, '自查问题', '已整改')).toBe(problems.fixed);
  expect([
    await dashboardStat(p, '整改通知', '下发'),
    await dashboardStat(p, '整改通知', '已闭环'),
    await dashboardStat(p, '整改通知', '未闭环'),
    await dashboardStat(p, '整改通知', '逾期'),
  ]).toEqual([rectifications.issued, rectifications.closed, rectifications.unclosed, rectifications.overdue]);
}

/** A division's (or below a village, a business's) row of the ranking, card or table row. */
export const childRow = (p: Page, name: string): Locator =>
  shownPage(p).locator('.dash-child').filter({ has: p.locator('.dash-child__name', { hasText: new RegExp(`^${name} ›$`) }) });

/**
 * From a county's dashboard down to a village (9-digit township, then the 12-digit village code),
 * each level's figures checked against the API; `shoot` takes a screenshot after each level.
 */
export async function drillToVillage(
  p: Page,
  baseUrl: string,
  county: DashboardDto,
  villageCode: string,
  shoot?: (level: 'township' | 'village', load: DashboardLoad) => Promise<void>,
): Promise<{ township: DashboardLoad; village: DashboardLoad }> {
  const townshipCode = villageCode.slice(0, 9);
  const townshipRow = county.children.find((c) => c.code === townshipCode);
  if (!townshipRow) throw new Error(`township ${townshipCode} is not among ${county.region.name}'s children`);
  const township = await dashboardLoad(p, baseUrl, () => childRow(p, townshipRow.name).click(), { regionCode: townshipCode });
  await expectHeadline(p, township.dto);
  await shoot?.('township', township);
  const villageRow = township.dto.children.find((c) => c.code === villageCode);
  if (!villageRow) throw new Error(`village ${villageCode} is not among ${township.dto.region.name}'s children`);
  const village = await dashboardLoad(p, baseUrl, () => childRow(p, villageRow.name).click(), { regionCode: villageCode });
  await expectHeadline(p, village.dto);
  await shoot?.('village', village);
  return { township, village };
}

// ---- 审阅与整改 ----

/** The dialog NutUI renders outside the page. */
const dialog = (page: Page): Locator => page.locator('.nut-dialog:visible').last();

/** On an official's record page: 退回 with a comment; the review history then shows it as 已退回. */
export async function returnRecord(page: Page, comment: string, who = 'regulator'): Promise<void> {
  const cur = shownPage(page);
  await buttonIn(cur, '退回').click();
  await field(dialog(page), '请填写退回意见，企业将据此更正，如：第2项未写冷藏温度实测值').fill(comment);
  await screenshot(page, `${who}-return-dialog`, { fullPage: false });
  await buttonIn(dialog(page), '确认退回').click();
  const returned = cur.locator('.rect__review--returned').filter({ hasText: `意见：${comment}` });
  await returned.getByText(`意见：${comment}`, { exact: true }).waitFor();
  await returned.getByText('已退回', { exact: true }).waitFor();
  await cur.getByText('已退回，等待企业提交更正', { exact: true }).waitFor();
  // The toast tells where the business sees it; the shot waits until it has gone.
  const toast = page.getByText('已退回，企业将在待办中看到退回意见', { exact: true });
  await toast.waitFor();
  await toast.waitFor({ state: 'hidden' });
  await returned.scrollIntoViewIfNeeded();
  await screenshot(page, `${who}-returned`, { fullPage: false });
}

/**
 * 下发整改 from the record page shown: the form names the record (`source`, e.g. '来源：2026-11-24
 * 每日检查记录'), takes the items and keeps the default deadline (a week from today), and the order
 * opens once issued. Returns the deadline.
 */
export async function issueRectification(page: Page, source: string, items: readonly string[], who = 'regulator'): Promise<string> {
  const cur = shownPage(page);
  await buttonIn(cur, '下发整改').click();
  await cur.getByText(source, { exact: true }).waitFor();
  for (const [i, item] of items.entries()) {
    if (i > 0) await buttonIn(cur, '\\+ 添加整改事项').click();
    await field(cur, '请填写须整改的问题和要求').nth(i).fill(item);
  }
  const deadline = addDays(todayInShanghai(), 7);
  await cur.locator('.rect__deadline').getByText(chineseDate(deadline), { exact: true }).waitFor();
  await screenshot(page, `${who}-rectification-form`);
  await buttonIn(cur, '下发整改通知').click();
  for (const [i, item] of items.entries()) await cur.getByText(`${i + 1}. ${item}`, { exact: true }).waitFor();
  await cur.locator('.rect__tags').first().getByText('待整改', { exact: true }).waitFor();
  await screenshot(page, `${who}-rectification-issued`);
  return deadline;
}

/** A business user, from the home page: 整改通知 → the order whose first item is `firstItem` → measures and one photo. */
export async function answerRectification(page: Page, firstItem: string, measures: string, who = 'principal'): Promise<void> {
  const cur = shownPage(page);
  await cur.locator('.ent-rect').getByText('查看整改通知 ›', { exact: true }).click();
  const row = cur.locator('.rect__row').filter({ hasText: firstItem });
  await row.getByText('待整改', { exact: true }).waitFor();
  await screenshot(page, `${who}-rectifications`);
  await row.click();
  await cur.getByText('回复整改情况', { exact: true }).waitFor();
  // Nothing written yet: the form says what is missing.
  await buttonIn(cur, '提交整改情况').click();
  await cur.getByText('请填写整改措施', { exact: true }).waitFor();
  await field(cur, '请填写已采取的整改措施').fill(measures);
  await attachPhoto(page, cur.locator('.ent-ra'));
  await screenshot(page, `${who}-answer-form`);
  await buttonIn(cur, '提交整改情况').click();
  await cur.getByText('已回复整改情况，等待监管人员验收。', { exact: true }).waitFor();
  await cur.getByText(`整改措施：${measures}`, { exact: true }).waitFor();
  await screenshot(page, `${who}-answered`);
}

/** The regulator, from his home: 待验收 1 → the business's answered order with its photo → 验收通过. */
export async function acceptRectification(page: Page, business: string, measures: string, who = 'regulator'): Promise<void> {
  const cur = shownPage(page);
  await cur.locator('.off-rect-entry').getByText(/待验收 1/).waitFor();
  await cur.locator('.off-rect-entry').click();
  await cur.locator('.rect__tab').filter({ hasText: '待验收' }).click();
  await cur.locator('.rect__row').filter({ hasText: business }).click();
  const answer = cur.locator('.rect__event--answered');
  await answer.getByText(`整改措施：${measures}`, { exact: true }).waitFor();
  await waitForLoadedImage(answer);
  await screenshot(page, `${who}-sees-answer`);
  await buttonIn(cur, '验收通过').click();
  await cur.getByText(`已于 ${chineseDate(todayInShanghai())} 验收通过`, { exact: true }).waitFor();
  await cur.locator('.rect__tags').first().getByText('已验收', { exact: true }).waitFor();
  await screenshot(page, `${who}-accepted`);
}
