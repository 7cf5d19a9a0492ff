// 包保督导 in a real browser: the 乡镇级 cadre of 新城区青城味道餐馆 sees it on 包保首页 (not yet
// supervised this quarter), opens 督导检查, answers the checklist with one 不符合 and its note, adds a
// problem with a photo and the default deadline, submits → the visit's page shows the order it
// raised → the principal answers the order with measures and a photo → the cadre opens the order
// from 整改通知 and 验收通过 → 已验收, and 包保首页 counts the business as supervised → the county
// regulator's 督导统计 shows the completion. Elements are found by their visible Chinese text.
import type { Locator, Page } from 'playwright-core';
import {
  addDays,
  formatRate,
  SUPERVISION_CHECKLIST,
  todayInShanghai,
  type CadreHomeDto,
  type Page as ListPage,
  type RectificationOrderDetailDto,
  type SupervisionStatsDto,
  type SupervisionVisitDto,
} from '@shian/shared';
import type { RunningServer } from '../support/server';
import { apiGet, apiToken, attachPhoto, buttonIn, chineseDate, field, loginAs, runStory, screenshot, setUpStory, shownPage, switchUser, testPng, waitForLoadedImage } from './browser';
import { answerRectification } from './official-steps';

const PASSWORD = 'Demo@2026';
const CADRE = { phone: '13900000008', password: PASSWORD };
const PRINCIPAL = { phone: '13900000003', password: PASSWORD };
const REGULATOR = { phone: '13900000005', password: PASSWORD };
const BUSINESS = '新城区青城味道餐馆';
const NOTE = '后厨地面有积水，防鼠挡板缺失';
const OBSERVED = '经营正常，后厨环境需改进';
const PROBLEM = '后厨门口加装防鼠挡板，及时清理地面积水';
const MEASURES = '已加装 60 厘米防鼠挡板，地面积水已清理并疏通地漏';
const DAIRY = '新城区塞上乳制品有限公司';

let server: RunningServer;
let page: Page;
let events: string[] = [];

const cur = (): Locator => shownPage(page);
const button = (label: string) => buttonIn(cur(), label);
const card = () => cur().locator('.cad-biz').filter({ hasText: BUSINESS });

setUpStory('supervision', (setup) => {
  ({ server, page, events } = setup);
});

test('cadre supervises a business and records a problem with a photo → business answers → cadre accepts', () =>
  runStory(page, events, async () => {
    const today = todayInShanghai();
    // 1. The cadre: 包保首页 lists the business, not yet supervised this quarter, and the progress 0/1.
    await page.goto('/');
    await field(cur(), '请输入手机号').waitFor();
    await loginAs(cur(), CADRE);
    await card().getByText('本季度未督导', { exact: true }).waitFor();
    await cur().locator('.cad-progress__value').getByText('0/1（0.0%）', { exact: true }).waitFor();
    await cur().locator('.cad-entry').getByText('今年未签署', { exact: true }).waitFor();
    await screenshot(page, 'cadre-home');

    // 2. 督导检查: nothing answered yet → the form says what is missing.
    await buttonIn(card(), '督导检查').click();
    await cur().getByText(`检查内容（${SUPERVISION_CHECKLIST.length} 项）`, { exact: true }).waitFor();
    await button('提交督导记录').click();
    await cur().getByText(`还有 ${SUPERVISION_CHECKLIST.length} 项检查内容未选择`, { exact: true }).waitFor();
    // Every item 符合 but the site's conditions: 不符合, with a note.
    const items = cur().locator('.cad-item');
    for (let i = 0; i < SUPERVISION_CHECKLIST.length - 1; i++) await items.nth(i).getByText('符合', { exact: true }).click();
    const site = items.nth(SUPERVISION_CHECKLIST.length - 1);
    await site.getByText('不符合', { exact: true }).click();
    await button('提交督导记录').click();
    await cur().getByText('有 1 项「不符合」未填写情况说明', { exact: true }).waitFor();
    await field(site, '请说明不符合的情况').fill(NOTE);
    await field(cur(), '请填写现场看到的情况（选填）').fill(OBSERVED);
    // A problem: the deadline (a week by default) and at least one photo are then required.
    await button('\\+ 添加问题').click();
    await field(cur(), '请描述发现的问题和整改要求').fill(PROBLEM);
    await cur().getByText(chineseDate(addDays(today, 7)), { exact: true }).waitFor();
    await button('提交督导记录').click();
    await cur().getByText('发现问题时请至少上传 1 张现场照片', { exact: true }).waitFor();
    await attachPhoto(page, cur());
    // Headless Chromium grants no location: the form says so and still submits.
    await cur().locator('.cad-location').getByText('未获取位置', { exact: true }).waitFor();
    await screenshot(page, 'cadre-visit-form');
    await button('提交督导记录').click();

    // 3. The visit's page: the order raised (待整改), the answers, the problem, the photo.
    const order = cur().locator('.cad-order');
    await order.getByText('待整改', { exact: true }).waitFor();
    await order.getByText(`整改期限：${chineseDate(addDays(today, 7))}`, { exact: true }).waitFor();
    await cur().getByText(`说明：${NOTE}`, { exact: true }).waitFor();
    await cur().getByText(`1. ${PROBLEM}`, { exact: true }).waitFor();
    await cur().getByText('位置：未获取位置', { exact: true }).waitFor();
    await waitForLoadedImage(cur());
    await screenshot(page, 'cadre-visit-detail');

    // 4. The principal answers the order with measures and a photo.
    await switchUser(page, PRINCIPAL);
    await answerRectification(page, PROBLEM, MEASURES);

    // 5. The cadre: 整改通知 → the answered order → 验收通过.
    await switchUser(page, CADRE);
    await card().getByText('本季度已督导 ✓', { exact: true }).waitFor();
    await cur().locator('.cad-progress__value').getByText('1/1（100.0%）', { exact: true }).waitFor();
    await screenshot(page, 'cadre-home-supervised');
    await cur().locator('.cad-entry').filter({ hasText: '整改通知' }).click();
    await cur().locator('.rect__row').filter({ hasText: BUSINESS }).getByText('待验收', { exact: true }).click();
    const answer = cur().locator('.rect__event--answered');
    await answer.getByText(`整改措施：${MEASURES}`, { exact: true }).waitFor();
    await waitForLoadedImage(answer);
    await cur().getByText(/^来源：(\d{4}-\d{2}-\d{2} )?包保督导检查 ›$/).waitFor();
    await screenshot(page, 'cadre-sees-answer');
    await button('验收通过').click();
    await cur().getByText(`已于 ${chineseDate(today)} 验收通过`, { exact: true }).waitFor();
    await cur().locator('.rect__tags').first().getByText('已验收', { exact: true }).waitFor();
    await screenshot(page, 'cadre-accepted');

    // The commitment letter of the year: 确认签署 needs the box ticked; then version 1 is on file.
    await page.goto('/');
    await cur().locator('.cad-entry').filter({ hasText: '承诺书' }).click();
    await cur().getByText('食品安全责任与任务承诺书', { exact: false }).first().waitFor();
    await button('确认签署').click();
    await cur().getByText('请先勾选「本人已阅读并承诺履行」', { exact: true }).waitFor();
    await cur().getByText('本人已阅读并承诺履行', { exact: true }).click();
    await button('确认签署').click();
    await cur().locator('.cad-version').getByText('第 1 版 · 在线签署', { exact: true }).waitFor();
    await page.getByText('承诺书已签署', { exact: true }).waitFor({ state: 'hidden' });
    // Or a scan of the paper letter: a new version, the first one kept.
    await attachPhoto(page, cur(), testPng('承诺书扫描件.png', [240, 240, 240]));
    await button('上传扫描件').click();
    await cur().locator('.cad-version').getByText('第 2 版 · 上传扫描件', { exact: true }).waitFor();
    await cur().locator('.cad-version').getByText('第 1 版 · 在线签署', { exact: true }).waitFor();
    await page.getByText('承诺书扫描件已上传', { exact: true }).waitFor({ state: 'hidden' });
    await screenshot(page, 'cadre-commitment-signed');

    // 6. The county regulator: 督导统计 from the home, completion counting this visit.
    await switchUser(page, REGULATOR);
    const regToken = await apiToken(server.baseUrl, REGULATOR);
    const stats = await apiGet<SupervisionStatsDto>(server.baseUrl, regToken, '/api/stats/supervision');
    expect(stats.totals.visited).toBe(1);
    await cur().locator('.sup-entry').getByText(`覆盖率 ${formatRate(stats.totals.coverage.rate)} · 督导完成率 ${formatRate(stats.totals.completion.rate)}`, { exact: true }).waitFor();
    await cur().locator('.sup-entry__label').click();
    const completion = cur().locator('.sup-rate').filter({ hasText: '督导任务完成率' });
    await completion.getByText(`1/${stats.totals.due} 家`, { exact: true }).waitFor();
    await cur().locator('.sup-rate').filter({ hasText: '督导整改率' }).getByText('1/1 份', { exact: true }).waitFor();
    await cur().locator('.sup-rate').filter({ hasText: '承诺书上传率' }).getByText(`1/${stats.totals.cadres} 人`, { exact: true }).waitFor();
    await screenshot(page, 'regulator-supervision-stats');

    // 未落实包保: the A-grade dairy has no 市级 cadre in the demo.
    await page.goBack();
    await cur().locator('.sup-entry').getByText('未落实包保', { exact: true }).click();
    await cur().locator('.sup-row').filter({ hasText: DAIRY }).getByText('需市级干部', { exact: true }).waitFor();
    await screenshot(page, 'regulator-coverage-gaps');
    // 包保干部 → 赵包保 (县级) → 分配包保 the dairy: refused with the reason, nothing assigned.
    await page.goBack();
    await cur().locator('.sup-entry').getByText('包保干部', { exact: true }).click();
    const zhao = cur().locator('.sup-row').filter({ hasText: '赵包保' });
    await zhao.getByText('包保企业 2 家', { exact: true }).waitFor();
    await screenshot(page, 'regulator-cadres');
    await buttonIn(zhao, '分配包保').click();
    await cur().locator('.sup-check').filter({ hasText: DAIRY }).click();
    await button('分配所选企业（1）').click();
    await cur().locator('.sup-refusal').filter({ hasText: DAIRY }).getByText('风险等级A级企业应由市级包保干部包保，该干部为县级', { exact: true }).waitFor();
    await page.getByText('有 1 家企业不能分配给该干部，均未分配', { exact: true }).waitFor({ state: 'hidden' });
    await cur().locator('.sup-refusal').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'regulator-assignment-refused', { fullPage: false });
    // 包保设置: the schedule per grade (set by the admin) and the default grade → level rule.
    await page.goBack();
    await page.goBack();
    await cur().locator('.sup-entry').getByText('包保设置', { exact: true }).click();
    await cur().getByText('A级→市级，B级→县级，C级→乡镇级，D级→村级', { exact: false }).waitFor();
    await screenshot(page, 'regulator-settings');

    // What the API says matches what the pages showed.
    const token = await apiToken(server.baseUrl, CADRE);
    const visits = await apiGet<ListPage<SupervisionVisitDto>>(server.baseUrl, token, '/api/supervision-visits');
    expect(visits.items.map((v) => [v.enterpriseName, v.visitDate, v.problems, v.photos.length, v.location])).toEqual([[BUSINESS, today, [PROBLEM], 1, null]]);
    expect(visits.items[0].answers.filter((a) => a.answer === 'no').map((a) => a.note)).toEqual([NOTE]);
    const rect = await apiGet<RectificationOrderDetailDto>(server.baseUrl, token, `/api/rectifications/${visits.items[0].rectificationOrderId}`);
    expect([rect.items, rect.sourceType, rect.status]).toEqual([[PROBLEM], 'visit', 'closed']);
    expect(rect.events.map((e) => [e.kind, e.actorName, e.photos.length])).toEqual([
      ['issued', '周包保', 0],
      ['answered', '张负责', 1],
      ['accepted', '周包保', 0],
    ]);
    const home = await apiGet<CadreHomeDto>(server.baseUrl, token, '/api/cadres/me/home');
    expect(home.progress.completion).toEqual({ numerator: 1, denominator: 1, rate: 1 });
  }));
