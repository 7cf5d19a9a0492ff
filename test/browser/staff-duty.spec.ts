// 三人三责 duties in a real browser: the county regulator reads the 人员配备率 of the county's
// divisions, opens the demo business's roster, and records a failed 抽查考核 of its food-safety
// officer → the principal finds 「抽查考核不合格…」 on the to-do page → the director records an
// internal training for the officer on 培训记录 → the officer's hours this year show it.
// Elements are found by their visible Chinese text.
import type { Locator, Page } from 'playwright-core';
import { Role, type EnterpriseStaffDto, type SpotExamDto, type Page as ListPage, type TrainingHoursResponse } from '@shian/shared';
import type { RunningServer } from '../support/server';
import { apiGet, apiToken, buttonIn, field, loginAs, runStory, screenshot, setUpStory } from './browser';

const PASSWORD = 'Demo@2026';
const DIRECTOR = { phone: '13900000002', password: PASSWORD };
const PRINCIPAL = { phone: '13900000003', password: PASSWORD };
const REGULATOR = { phone: '13900000005', password: PASSWORD };
const TOPIC = '《食品安全法》及餐饮服务操作规范';

let server: RunningServer;
let page: Page;
let events: string[] = [];
let enterpriseId = '';
let officerName = '';

/** The page shown now: Taro's H5 router keeps earlier pages of the stack in the DOM, hidden. */
const cur = (): Locator => page.locator('#app .taro_page:visible').last();

setUpStory('staff-duty', async (setup) => {
  ({ server, page, events } = setup);
  // The demo business and its officer, as the principal's API sees them (set-up, not the story).
  const token = await apiToken(server.baseUrl, PRINCIPAL);
  enterpriseId = (await apiGet<{ enterpriseId: string }>(server.baseUrl, token, '/api/auth/me')).enterpriseId;
  const staff = await apiGet<EnterpriseStaffDto>(server.baseUrl, token, `/api/enterprises/${enterpriseId}/staff`);
  officerName = staff.current.find((m) => m.role === Role.Officer)!.name;
});

async function switchUser(user: { phone: string; password: string }): Promise<void> {
  await page.evaluate(() => localStorage.clear());
  await page.goto('/');
  await field(cur(), '请输入手机号').waitFor();
  await loginAs(cur(), user);
}

test('regulator reads the appointment rates and fails the officer in a spot exam → principal sees the to-do → director records a training', () =>
  runStory(page, events, async () => {
    // 1. The regulator's landing page leads to 人员配备率: the county and its divisions.
    await page.goto('/');
    await field(cur(), '请输入手机号').waitFor();
    await loginAs(cur(), REGULATOR);
    const ratesLink = cur().locator('.off__rates-link');
    await ratesLink.getByText('人员配备率 ›', { exact: true }).waitFor();
    await ratesLink.getByText(/^总监 .+ · 安全员 .+$/).waitFor();
    await screenshot(page, 'regulator-home');
    await ratesLink.click();
    await cur().getByText('食品安全总监配备率', { exact: true }).first().waitFor();
    await cur().getByText(/^下级区划（\d+）$/).waitFor();
    expect(await cur().locator('.ar__row').count()).toBeGreaterThan(1);
    await screenshot(page, 'regulator-appointment-rates');

    // 2. The business's roster (the regulator reaches it by its address, the id from the API), then a failed spot exam of the officer.
    await page.goto(`/#/packages/official/pages/staff/index?enterpriseId=${enterpriseId}`);
    const officerCard = cur().locator('.roster__member').filter({ hasText: officerName });
    await buttonIn(officerCard, '抽查考核').click();
    expect(await field(officerCard, '如 85').inputValue()).toBe('');
    await field(officerCard, '如 85').fill('72');
    await field(officerCard, '选填').fill('现场抽查，餐饮服务操作规范部分失分较多');
    await officerCard.scrollIntoViewIfNeeded();
    await screenshot(page, 'regulator-spot-exam-form');
    await buttonIn(officerCard, '登记考核结果').click();
    const examRow = cur().locator('.se__exam').filter({ hasText: officerName });
    await examRow.getByText('不合格', { exact: true }).waitFor();
    await examRow.getByText(/72\/100 分 · 30 题/).waitFor();
    await examRow.getByText('整改待办未关闭：须重新培训或更换人员', { exact: true }).waitFor();
    await examRow.scrollIntoViewIfNeeded();
    await screenshot(page, 'regulator-spot-exam-recorded');
    const regulatorToken = await apiToken(server.baseUrl, REGULATOR);
    const exams = await apiGet<ListPage<SpotExamDto>>(server.baseUrl, regulatorToken, `/api/spot-exams?enterpriseId=${enterpriseId}`);
    expect(exams.items.map((e) => [e.personName, e.passed, e.followUp?.status])).toEqual([[officerName, false, 'open']]);

    // 3. The principal: the to-do page shows the failure.
    await switchUser(PRINCIPAL);
    await cur().locator('.ent-home__todo').click();
    await cur().getByText(/^抽查考核不合格（1）$/).waitFor();
    const failure = cur().locator('.st__item').filter({ hasText: officerName });
    await failure.getByText('不合格', { exact: true }).waitFor();
    await failure.getByText(/72\/100 分/).waitFor();
    await screenshot(page, 'principal-todos-spot-exam');

    // 4. The director: 人员与资质 → 培训记录 → a 4-hour internal training with the officer attending.
    await switchUser(DIRECTOR);
    await cur().locator('.ent-home__staff').click();
    await cur().getByText('培训记录 ›', { exact: true }).click();
    const officerHours = cur().locator('.tr__person').filter({ hasText: officerName });
    await officerHours.waitFor();
    const before = await hoursOf(officerName);
    await screenshot(page, 'director-trainings-before');
    await field(cur(), '如 《食品安全法》及餐饮服务操作规范').fill(TOPIC);
    await field(cur(), '如 4').fill('4');
    await field(cur(), '授课人姓名').fill('呼和浩特市食品安全培训中心');
    await cur().locator('.tr__attendees .nut-checkbox').filter({ hasText: officerName }).click();
    await field(cur(), '选填').fill('闭卷考试，参训人员全部合格');
    await screenshot(page, 'director-training-form');
    await buttonIn(cur(), '登记培训').click();
    await cur().locator('.tr__item').filter({ hasText: TOPIC }).getByText(`参训：${officerName}`, { exact: true }).waitFor();
    await officerHours.getByText(new RegExp(`^已计 ${before + 4} / 40 学时`)).waitFor();
    expect(await hoursOf(officerName)).toBe(before + 4);
    await screenshot(page, 'director-trainings-after');
  }));

/** The person's counted hours this year, as the API says (to check what the page shows). */
async function hoursOf(name: string): Promise<number> {
  const token = await apiToken(server.baseUrl, DIRECTOR);
  const res = await apiGet<TrainingHoursResponse>(server.baseUrl, token, '/api/trainings/hours');
  return res.people.find((p) => p.name === name)!.verifiedHours;
}
