// The 风险管控清单 story: the officer has started today's check; the food-safety director then marks
// one item 不适用 (with a reason) and adds the business's own daily item, each making a new list
// version; when the officer comes back, the form asks the new list, keeps the answers still asked
// and says what changed. Elements are found by their visible Chinese text.
import type { Locator, Page } from 'playwright-core';
import type { EnterpriseRiskItem } from '@shian/shared';
import type { RunningServer } from '../support/server';
import {
  buttonIn,
  dailyItemsOf,
  field,
  loginAs,
  runStory,
  screenshot,
  setUpStory,
} from './browser';

const OFFICER = { phone: '13900000001', password: 'Demo@2026' };
const DIRECTOR = { phone: '13900000002', password: 'Demo@2026' };
/** 食品留样 (catering template): only for collective meals and banquets, which this business does not serve. */
const NA_CODE = 'CY-D22';
const NA_REASON = '本店不承办集体用餐和一次性超过100人的宴席';
const CUSTOM = {
  stage: '场所环境与设施设备',
  riskType: '生物性污染',
  riskPoint: '外卖打包间有苍蝇，污染待配送食品',
  measure: '外卖打包间灭蝇灯开启且完好，打包台面清洁无积垢',
  method: '现场查看打包间',
};

let server: RunningServer;
let page: Page;
let events: string[] = [];
let ui: Locator;
let due: EnterpriseRiskItem[];
let notApplicable: EnterpriseRiskItem;

const button = (label: string) => buttonIn(ui, label);

setUpStory('risk-list', async (setup) => {
  ({ server, page, events, ui } = setup);
  due = await dailyItemsOf(server.baseUrl, OFFICER);
  notApplicable = due.find((i) => i.code === NA_CODE)!;
});

async function logout(): Promise<void> {
  await page.goto('/');
  await button('退出登录').click();
  await field(ui, '请输入手机号').waitFor();
}

test('director marks an item 不适用 and adds one; the officer’s form follows the new list', () => runStory(page, events, async () => {
  expect(notApplicable).toBeDefined();

  // 1. The officer starts today's check against version 1: everything 符合, not submitted yet.
  await page.goto('/');
  await loginAs(ui, OFFICER);
  await button('填写今日检查').click();
  await ui.getByText(`依据本企业风险管控清单第 1 版，共 ${due.length} 项日管控内容`, { exact: true }).waitFor();
  await button('全部符合').click();
  await ui.getByText(`已填写 ${due.length}/${due.length} 项，0 项不符合`, { exact: true }).waitFor();
  await logout();

  // 2. The director sees the list on the enterprise home and opens it.
  await loginAs(ui, DIRECTOR);
  const card = ui.locator('.ent-home__risk');
  await card.getByText('日管控 24 项 / 周排查 10 项 / 不适用 0 项', { exact: true }).waitFor();
  await card.getByText('第 1 版', { exact: true }).waitFor();
  await screenshot(page, 'director-home');
  await card.getByText('查看清单 ›', { exact: true }).click();
  await ui.getByText('风险管控清单 · 第 1 版', { exact: true }).waitFor();
  await ui.getByText('每日管控 · 适用 24 项', { exact: true }).waitFor();
  await ui.getByText('每周排查 · 适用 10 项', { exact: true }).waitFor();
  await screenshot(page, 'risk-list-v1');

  // 3. Marks 食品留样 不适用: a reason is required, then version 2.
  const naCard = ui.locator(`#risk-${NA_CODE}`);
  await naCard.getByText(notApplicable.measure, { exact: true }).waitFor();
  await buttonIn(naCard, '标记不适用').click();
  const dialog = page.locator('.nut-dialog');
  await dialog.getByText(`标记不适用：${NA_CODE}`, { exact: true }).waitFor();
  await dialog.locator('.nut-dialog-footer-ok').click();
  await dialog.getByText('请填写不适用的原因', { exact: true }).waitFor();
  await field(dialog, '请填写不适用的原因，如：本店不经营该类食品').fill(NA_REASON);
  await screenshot(page, 'mark-not-applicable', { fullPage: false });
  await dialog.locator('.nut-dialog-footer-ok').click();
  await ui.getByText(`已生成第 2 版：${NA_CODE} 标记为不适用：${NA_REASON}`, { exact: true }).waitFor();
  await ui.getByText('风险管控清单 · 第 2 版', { exact: true }).waitFor();
  await naCard.getByText('不适用', { exact: true }).waitFor();
  await buttonIn(naCard, '恢复适用').waitFor();
  await ui.getByText('每日管控 · 适用 23 项', { exact: true }).waitFor();

  // 4. Adds the business's own daily item: the form names what is missing, then version 3.
  await button('新增管控项').click();
  const form = ui.locator('#risk-add-form');
  await buttonIn(form, '保存管控项').click();
  await form.getByText('自定义项「ZD-001」的环节不能为空', { exact: true }).waitFor();
  await form.getByText('自定义项「ZD-001」的管控措施不能为空', { exact: true }).waitFor();
  await form.locator('.rl__chip').getByText(CUSTOM.stage, { exact: true }).click();
  await form.getByText(CUSTOM.riskType, { exact: true }).click();
  await field(form, '可能出现的问题，如：外卖打包间有苍蝇').fill(CUSTOM.riskPoint);
  await field(form, '应当做到什么，将作为检查表中的题目').fill(CUSTOM.measure);
  await field(form, '如：现场查看').fill(CUSTOM.method);
  await expect(field(form, '如：从业人员管理').inputValue()).resolves.toBe(CUSTOM.stage);
  await screenshot(page, 'add-item-form');
  await buttonIn(form, '保存管控项').click();
  await ui.getByText(`已生成第 3 版：新增 ZD-001：${CUSTOM.measure}`, { exact: true }).waitFor();
  await ui.getByText('风险管控清单 · 第 3 版', { exact: true }).waitFor();
  const customCard = ui.locator('#risk-ZD-001');
  await customCard.getByText('自定义', { exact: true }).waitFor();
  await customCard.getByText(`风险点：${CUSTOM.riskPoint}`, { exact: true }).waitFor();
  // It sits in its stage's section, with the template's items of that stage.
  const stageSection = ui.locator('.rl__stage').filter({ hasText: CUSTOM.stage }).first().locator('..');
  await stageSection.locator('#risk-ZD-001').waitFor();
  // 版本记录: newest first, each with what changed.
  const history = ui.locator('.rl__version');
  await expect(history.count()).resolves.toBe(3);
  await expect(history.nth(0).textContent()).resolves.toContain(`第 3 版`);
  await expect(history.nth(1).textContent()).resolves.toContain(`${NA_CODE} 标记为不适用：${NA_REASON}`);
  await screenshot(page, 'risk-list-v3');

  // 5. Back home the card shows version 3.
  await page.goto('/');
  await card.getByText('第 3 版', { exact: true }).waitFor();
  await card.getByText('日管控 24 项 / 周排查 10 项 / 不适用 1 项', { exact: true }).waitFor();
  await logout();

  // 6. The officer reopens the draft: it moves onto version 3 and says what changed.
  await loginAs(ui, OFFICER);
  await card.getByText('第 3 版', { exact: true }).waitFor();
  await button('填写今日检查').click();
  await ui.getByText(`依据本企业风险管控清单第 3 版，共 ${due.length} 项日管控内容`, { exact: true }).waitFor();
  await ui
    .getByText(
      `风险管控清单已更新为第 3 版（草稿按第 1 版填写）：保留了仍在清单中的 ${due.length - 1} 项答案；${NA_CODE} 已不再检查，其答案已移除，请补填其余 1 项。`,
      { exact: true },
    )
    .waitFor();
  await ui.getByText(`已填写 ${due.length - 1}/${due.length} 项，0 项不符合`, { exact: true }).waitFor();
  expect(await ui.getByText(notApplicable.measure, { exact: true }).count()).toBe(0);
  const customItem = ui.locator('#item-ZD-001');
  await customItem.getByText(CUSTOM.measure, { exact: true }).waitFor();
  await customItem.getByText(`检查方法：${CUSTOM.method}`, { exact: true }).waitFor();
  await ui.locator('.dc__stage').filter({ hasText: CUSTOM.stage }).locator('..').locator('#item-ZD-001').waitFor();
  await screenshot(page, 'officer-form-v3');

  // Submitting names the one unanswered item and scrolls to it, under the sticky progress line.
  await button('提交检查').click();
  await ui.getByText('还有 1 项需要完善：ZD-001', { exact: true }).waitFor();
  await customItem.getByText('请选择检查结果：符合 / 不符合 / 不适用', { exact: true }).waitFor();
  await page.waitForTimeout(500);
  await expect(customItem.getByText(CUSTOM.measure, { exact: true }).isVisible()).resolves.toBe(true);
  await screenshot(page, 'officer-form-scrolled', { fullPage: false });

  // 7. Answers it and submits: the record keeps the custom item's wording and the list version.
  await customItem.getByText('符合', { exact: true }).click();
  await ui.getByText(`已填写 ${due.length}/${due.length} 项，0 项不符合`, { exact: true }).waitFor();
  await ui.getByText('本人确认以上检查属实', { exact: true }).click();
  await button('提交检查').click();
  await ui.getByText('提交成功', { exact: true }).waitFor();
  await button('查看检查详情').click();
  await ui.getByText(CUSTOM.measure, { exact: true }).waitFor();
  await ui.getByText('依据：风险管控清单第 3 版', { exact: true }).waitFor();
  expect(await ui.getByText(notApplicable.measure, { exact: true }).count()).toBe(0);
  await screenshot(page, 'officer-detail');

  // 8. The officer reads the list but cannot change it.
  await page.goto('/');
  await card.getByText('查看清单 ›', { exact: true }).click();
  await ui.getByText('风险管控清单 · 第 3 版', { exact: true }).waitFor();
  await ui.getByText('清单由食品安全总监或主要负责人维护；如需调整，请联系他们。', { exact: true }).waitFor();
  expect(await button('标记不适用').count()).toBe(0);
  expect(await button('新增管控项').count()).toBe(0);
  await screenshot(page, 'officer-risk-list');
}));
