// Onboarding in a real browser (issue #4): a business registers itself (real-format USCC, licence
// and ID numbers, its village picked from the division data) → the county regulator confirms it
// from the queue with grade C → the principal invites a food-safety director → the director joins
// with the code on another phone → uploads an appointment letter → the regulator verifies it from
// the credential queue → the principal's roster shows it 已核验. Elements are found by their
// visible Chinese text.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { idNumberCheckChar, usccCheckChar, type CredentialDto, type EnterpriseStaffDto, type Page as ListPage, type RegionDto } from '@shian/shared';
import type { RunningServer } from '../support/server';
import { apiGet, apiToken, attachPhoto, buttonIn, field, loginAs, newPhoneContext, runStory, screenshot, setUpStory, testPng, waitForLoadedImage, watchPage } from './browser';

const REGULATOR = { phone: '13900000005', password: 'Demo@2026' };
const COUNTY = '150102';
const BUSINESS = '新城区福满楼餐馆';
const PASSWORD = 'Shian2026';

/** Real-format identifiers: the GB 32100 and GB 11643 check characters computed, the licence as parseLicenceNo reads it. */
const SERIAL = String(Date.now() % 10_000_000).padStart(7, '0');
const USCC_17 = `91${COUNTY}MA${SERIAL}`;
const USCC = USCC_17 + usccCheckChar(USCC_17);
/** JY + 2 (餐饮服务经营者) + the county + 6-digit sequence + check digit. */
const LICENCE = `JY2${COUNTY}${SERIAL}`;
function idNumber(birth: string, seq: string): string {
  const first17 = `${COUNTY}${birth}${seq}`;
  return first17 + idNumberCheckChar(first17);
}
const PRINCIPAL = { name: '赵掌柜', phone: `137${SERIAL.slice(0, 4)}0001`, password: PASSWORD, idNumber: idNumber('19800214', '035') };
const DIRECTOR = { name: '钱总监', phone: `137${SERIAL.slice(0, 4)}0002`, password: PASSWORD, idNumber: idNumber('19881105', '046') };

let server: RunningServer;
let page: Page;
let events: string[] = [];
/** The village picked, province down: names as the division data has them. */
let regionPath: string[] = [];

/** The page shown now: Taro's H5 router keeps earlier pages of the stack in the DOM, hidden. */
const currentOf = (p: Page): Locator => p.locator('#app .taro_page:visible').last();
const cur = (): Locator => currentOf(page);

setUpStory('onboarding', async (setup) => {
  ({ server, page, events } = setup);
  // The cascade the registration form walks: province → city → county → first township → first village.
  const get = async (parent?: string): Promise<RegionDto[]> => (await fetch(`${server.baseUrl}/api/regions${parent ? `?parentCode=${parent}` : ''}`)).json() as Promise<RegionDto[]>;
  const province = (await get()).find((r) => r.code === COUNTY.slice(0, 2))!;
  const city = (await get(province.code)).find((r) => r.code === COUNTY.slice(0, 4))!;
  const county = (await get(city.code)).find((r) => r.code === COUNTY)!;
  const township = (await get(county.code))[0];
  const village = (await get(township.code))[0];
  regionPath = [province, city, county, township, village].map((r) => r.name);
});

/** Logs out by forgetting the session, then logs in as `user` on the entry page. */
async function switchUser(p: Page, user: { phone: string; password: string }): Promise<void> {
  await p.evaluate(() => localStorage.clear());
  await p.goto('/');
  await field(currentOf(p), '请输入手机号').waitFor();
  await loginAs(currentOf(p), user);
}

async function fill(scope: Locator, placeholder: string, value: string): Promise<void> {
  await field(scope, placeholder).fill(value);
}

/** Name, phone, ID number and password, as the registration and the join form ask them. */
async function fillPerson(scope: Locator, person: typeof PRINCIPAL): Promise<void> {
  await fill(scope, '请输入真实姓名', person.name);
  await fill(scope, '请输入11位手机号', person.phone);
  await fill(scope, '请输入18位居民身份证号', person.idNumber);
  await fill(scope, '请设置登录密码', person.password);
  await fill(scope, '请再次输入密码', person.password);
}

/** The roster card of one person on the 人员与资质 page. */
const memberCard = (name: string): Locator => cur().locator('.roster__member').filter({ hasText: name });
const paperRow = (card: Locator, kind: string): Locator => card.locator('.roster__paper').filter({ hasText: kind });

test('register → regulator confirms (C) → principal invites a director → director joins and uploads → regulator verifies', () =>
  runStory(page, events, async () => {
    // 1. The login page leads to 企业注册.
    await page.goto('/');
    await field(cur(), '请输入手机号').waitFor();
    await screenshot(page, 'login');
    await cur().getByText('企业注册', { exact: true }).click();
    await cur().getByText('主要负责人账号', { exact: true }).waitFor();

    // The business, with a mistyped USCC first: the check character catches it as soon as the field is left.
    await fill(cur(), '与营业执照一致', BUSINESS);
    const wrongCheck = USCC.slice(0, 17) + (USCC[17] === '1' ? '2' : '1');
    await fill(cur(), '18位，见营业执照', wrongCheck);
    await field(cur(), '18位，见营业执照').blur();
    await cur().getByText('统一社会信用代码校验位不正确，请对照营业执照核对', { exact: true }).waitFor();
    await fill(cur(), 'JY或SC开头，共16位', 'JY9150102000001');
    await field(cur(), 'JY或SC开头，共16位').blur();
    await cur().getByText('许可证编号应为 JY 或 SC 加14位数字', { exact: true }).waitFor();
    await screenshot(page, 'register-inline-errors', { fullPage: false });
    await fill(cur(), '18位，见营业执照', USCC.toLowerCase());
    await cur().getByText('餐饮服务', { exact: true }).click();
    await fill(cur(), 'JY或SC开头，共16位', LICENCE);
    expect(await field(cur(), '18位，见营业执照').inputValue()).toBe(USCC);
    expect(await cur().locator('.form-field__error').count()).toBe(0);

    // The village, level by level from the real division data.
    await cur().getByText('请选择省 / 市 / 区县 / 乡镇 / 村（社区）', { exact: true }).click();
    for (const [i, name] of regionPath.entries()) {
      const option = page.locator('.region-picker__option').filter({ hasText: new RegExp(`^${name}$`) });
      await option.waitFor();
      if (i === 3) await screenshot(page, 'register-region-picker', { fullPage: false });
      await option.click();
    }
    await cur().getByText(regionPath.join(' / '), { exact: true }).waitFor();
    await fill(cur(), '街道、门牌号', '内蒙古自治区呼和浩特市新城区兴安北路 66 号');

    // A medium-sized restaurant must appoint a food-safety director (Order 60): the form says so.
    await cur().getByText('中型', { exact: true }).click();
    await cur().locator('.onb__requirement').getByText('大中型餐饮服务企业应当配备食品安全总监', { exact: false }).waitFor();
    await fillPerson(cur(), PRINCIPAL);
    await screenshot(page, 'register-form');
    await buttonIn(cur(), '提交注册').click();
    await cur().getByText('已提交，等待监管部门审核', { exact: true }).waitFor();
    await cur().getByText(`请使用手机号 ${PRINCIPAL.phone} 和刚才设置的密码登录`, { exact: false }).waitFor();
    await screenshot(page, 'register-submitted');

    // 2. The principal logs in with the phone (filled in for them): the business waits for its regulator.
    await buttonIn(cur(), '去登录').click();
    await field(cur(), '请输入密码').waitFor();
    expect(await field(cur(), '请输入手机号').inputValue()).toBe(PRINCIPAL.phone);
    await fill(cur(), '请输入密码', PRINCIPAL.password);
    await buttonIn(cur(), '登录').click();
    await cur().getByText('企业尚未通过审核', { exact: true }).waitFor();
    await cur().locator('.ent-home__staff').getByText('须配备食品安全总监', { exact: true }).waitFor();
    expect(await cur().getByText('填写今日检查').count()).toBe(0);
    await screenshot(page, 'principal-home-pending');

    // 3. The county regulator: 待审核企业 on the landing page → confirm the new business with grade C.
    await switchUser(page, REGULATOR);
    const enterpriseQueue = cur().locator('.off__queue--enterprises');
    await enterpriseQueue.getByText('待审核企业 ›', { exact: true }).waitFor();
    await screenshot(page, 'regulator-home');
    await enterpriseQueue.click();
    const registration = cur().locator('.off-review').filter({ hasText: BUSINESS });
    await registration.getByText(USCC, { exact: true }).waitFor();
    await registration.getByText(LICENCE, { exact: true }).waitFor();
    await registration.getByText(regionPath[4], { exact: true }).waitFor();
    await registration.getByText('C 级', { exact: true }).click();
    await registration.scrollIntoViewIfNeeded();
    await screenshot(page, 'regulator-enterprise-queue');
    await buttonIn(registration, '审核通过').click();
    await cur().getByText(`已通过：${BUSINESS}（C 级）`, { exact: true }).waitFor();
    await registration.waitFor({ state: 'detached' });
    await screenshot(page, 'regulator-enterprise-confirmed');

    // 4. The principal: confirmed, graded C; 人员与资质 shows the director lacking → invite one.
    await switchUser(page, PRINCIPAL);
    await cur().getByText('今日任务', { exact: true }).waitFor();
    await cur().getByText('风险等级 C 级', { exact: false }).waitFor();
    expect(await cur().getByText('企业尚未通过审核', { exact: true }).count()).toBe(0);
    await screenshot(page, 'principal-home-confirmed');
    await cur().locator('.ent-home__staff').click();
    await cur().locator('.roster__summary').getByText('须配备食品安全总监', { exact: true }).waitFor();
    await memberCard(PRINCIPAL.name).getByText('主要负责人', { exact: true }).waitFor();
    await memberCard(PRINCIPAL.name).getByText(`身份证号：${PRINCIPAL.idNumber.slice(0, 4)}**********${PRINCIPAL.idNumber.slice(14)}`, { exact: true }).waitFor();
    await screenshot(page, 'principal-staff-lacking');
    await buttonIn(cur(), '邀请食品安全总监').click();
    const code = (await cur().locator('.staff__invite-code').innerText()).replace(/\s/g, '');
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    await cur().getByText(`shian://invite?code=${code}`, { exact: true }).waitFor();
    await screenshot(page, 'principal-invitation-code');

    // 5. The director, on their own phone: 凭邀请码加入 → the invitation → their details → joined.
    const browser = page.context().browser()!;
    const phone: BrowserContext = await newPhoneContext(browser, server.baseUrl);
    phone.setDefaultTimeout(15_000);
    const dPage = await phone.newPage();
    const dEvents = watchPage(dPage);
    const dCur = (): Locator => currentOf(dPage);
    try {
      await dPage.goto('/');
      await field(dCur(), '请输入手机号').waitFor();
      await dCur().getByText('凭邀请码加入', { exact: true }).click();
      await fill(dCur(), '8位邀请码', code.toLowerCase());
      await buttonIn(dCur(), '查看邀请').click();
      await dCur().getByText(BUSINESS, { exact: true }).waitFor();
      await dCur().locator('.onb__invite-role-name').getByText('食品安全总监', { exact: true }).waitFor();
      await fillPerson(dCur(), DIRECTOR);
      await screenshot(dPage, 'director-join-form');
      await buttonIn(dCur(), '加入企业').click();
      await dCur().getByText(`已加入${BUSINESS}`, { exact: true }).waitFor();
      await screenshot(dPage, 'director-joined');

      // The director logs in, opens 人员与资质 and uploads their appointment letter (a picture).
      await buttonIn(dCur(), '去登录').click();
      await fill(dCur(), '请输入密码', DIRECTOR.password);
      await buttonIn(dCur(), '登录').click();
      await dCur().locator('.ent-home__staff').click();
      const own = dCur().locator('.roster__member').filter({ hasText: DIRECTOR.name });
      await paperRow(own, '任命书').getByText('未上传', { exact: true }).waitFor();
      await buttonIn(own, '上传资质').click();
      await dCur().getByText(`${DIRECTOR.name} · 食品安全总监`, { exact: true }).waitFor();
      await attachPhoto(dPage, dCur(), testPng('任命书.png', [250, 240, 230], 320));
      await screenshot(dPage, 'director-credential-form');
      await buttonIn(dCur(), '提交审核').click();
      await dCur().locator('.roster__member').filter({ hasText: DIRECTOR.name }).waitFor();
      await paperRow(dCur().locator('.roster__member').filter({ hasText: DIRECTOR.name }), '任命书').getByText('待审核', { exact: true }).waitFor();
      await screenshot(dPage, 'director-credential-pending');
    } finally {
      events.push(...dEvents.map((e) => `director's phone: ${e}`));
      await phone.close();
    }

    // 6. The regulator: 待审核资质 → the letter's picture → 核验通过.
    await switchUser(page, REGULATOR);
    const credentialQueue = cur().locator('.off__queue--credentials');
    await credentialQueue.locator('.off__queue-count').getByText('1', { exact: true }).waitFor();
    await credentialQueue.click();
    const paper = cur().locator('.off-review').filter({ hasText: `${DIRECTOR.name} · 食品安全总监` });
    await paper.getByText('任命书', { exact: true }).waitFor();
    await paper.getByText(BUSINESS, { exact: true }).waitFor();
    await waitForLoadedImage(paper.locator('.record-photos'));
    await screenshot(page, 'regulator-credential-queue');
    await buttonIn(paper, '核验通过').click();
    await cur().getByText('暂无待审核的资质证明', { exact: true }).waitFor();
    await screenshot(page, 'regulator-credential-verified');

    // 7. The principal's roster: the director in post, the letter 已核验, only an officer still lacking.
    await switchUser(page, PRINCIPAL);
    await cur().locator('.ent-home__staff').click();
    await paperRow(memberCard(DIRECTOR.name), '任命书').getByText('已核验', { exact: true }).waitFor();
    await memberCard(DIRECTOR.name).getByText(`身份证号：${DIRECTOR.idNumber.slice(0, 4)}**********${DIRECTOR.idNumber.slice(14)}`, { exact: true }).waitFor();
    await cur().locator('.roster__summary').getByText('至少配备1名食品安全员', { exact: true }).waitFor();
    expect(await cur().locator('.roster__summary').getByText('须配备食品安全总监', { exact: true }).count()).toBe(0);
    await cur().locator('.roster__history').getByText(`${DIRECTOR.name} · 食品安全总监`, { exact: true }).waitFor();
    await screenshot(page, 'principal-staff-verified');

    // What the screens said is what the server holds.
    const token = await apiToken(server.baseUrl, { phone: PRINCIPAL.phone, password: PRINCIPAL.password });
    const me = await apiGet<{ enterpriseId: string }>(server.baseUrl, token, '/api/auth/me');
    const staff = await apiGet<EnterpriseStaffDto>(server.baseUrl, token, `/api/enterprises/${me.enterpriseId}/staff`);
    expect(staff.status).toBe('active');
    expect(staff.current.map((m) => [m.name, m.role])).toEqual([
      [PRINCIPAL.name, 'principal'],
      [DIRECTOR.name, 'director'],
    ]);
    const verified = await apiGet<ListPage<CredentialDto>>(server.baseUrl, token, '/api/credentials?status=verified');
    expect(verified.items.map((c) => [c.holderName, c.kind, c.state.label])).toEqual([[DIRECTOR.name, 'appointment_letter', '已核验']]);
  }));
