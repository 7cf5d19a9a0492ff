// 公示页 → 投诉举报 → 进度查询 in a real browser, without an account (issue #7): a passer-by scans
// the QR code of 新城区青城味道餐馆 and reads its public page (masked names, 30 days of 日管控, open
// rectification orders); files an anonymous complaint with a photo and keeps the receipt; queries it
// (已收到). Another reports an unregistered night-market stall, picking its county, with name and
// phone. An empty description is refused under its field; a wrong query code gets the server's
// not-found message. Elements are found by their visible Chinese text.
import type { Page } from 'playwright-core';
import { addDays, formatRate, QUERY_CODE_PATTERN, todayInShanghai, TRACKING_NO_PATTERN, type PublicEnterpriseDto, type RegionDto } from '@shian/shared';
import type { RunningServer } from '../support/server';
import { apiPost, apiToken, buttonIn, chineseDate, field, runStory, screenshot, setUpStory, shownPage, submitDailyCheck } from './browser';
import { answerChallenge, fileComplaint, fillComplaint, openComplaintForm, openPublicPage, publicEnterpriseId, queryComplaintStatus, startComplaintFromPublicPage, type StatusSeen } from './public-steps';

const PASSWORD = 'Demo@2026';
const OFFICER = { phone: '13900000001', password: PASSWORD };
const REGULATOR = { phone: '13900000005', password: PASSWORD };
const BUSINESS = '新城区青城味道餐馆';
const COUNTY = '150102';
const MASKED = /^\S{1,2}\*\*$/;

let server: RunningServer;
let page: Page;
let events: string[] = [];
let homeId = '';
let countyPath: string[] = [];
let receipt = { trackingNo: '', queryCode: '' };

const cur = () => shownPage(page);

setUpStory('public-complaint', async (setup) => {
  ({ server, page, events } = setup);
  homeId = await publicEnterpriseId(server.baseUrl, BUSINESS);
  // Set-up, not the story: yesterday's daily check, and one open rectification order for the business.
  const today = todayInShanghai();
  await submitDailyCheck(server.baseUrl, OFFICER, addDays(today, -1));
  const order = await apiPost(server.baseUrl, await apiToken(server.baseUrl, REGULATOR), '/api/rectifications', {
    enterpriseId: homeId,
    items: ['后厨垃圾桶加盖，每日清运'],
    deadline: addDays(today, 7),
  });
  if (order.status !== 201) throw new Error(`rectification → ${order.status} ${await order.text()}`);
  // The county's names, province → county, as the region picker offers them.
  const get = async (parent?: string): Promise<RegionDto[]> => (await fetch(`${server.baseUrl}/api/regions${parent ? `?parentCode=${parent}` : ''}`)).json() as Promise<RegionDto[]>;
  const province = (await get()).find((r) => r.code === COUNTY.slice(0, 2))!;
  const city = (await get(province.code)).find((r) => r.code === COUNTY.slice(0, 4))!;
  const county = (await get(city.code)).find((r) => r.code === COUNTY)!;
  countyPath = [province.name, city.name, county.name];
});

test('(a) the public page of the demo business: masked names, 30 days of daily checks, open rectification orders', () =>
  runStory(page, events, async () => {
    // A QR code of a business that is not (or no longer) shown: said plainly, and 投诉举报 still offered.
    await page.goto('/#/packages/public/pages/enterprise/index?id=00000000-0000-4000-8000-000000000000');
    await cur().getByText('企业不存在或未公示', { exact: true }).waitFor();
    await buttonIn(cur(), '投诉举报').waitFor();
    await screenshot(page, 'public-enterprise-not-found', { fullPage: false });
    const dto = (await (await fetch(`${server.baseUrl}/api/public/enterprises/${homeId}`)).json()) as PublicEnterpriseDto;
    const seen = await openPublicPage(page, homeId);
    expect(seen.name).toBe(BUSINESS);
    expect(seen.grade).toBe(dto.grade);
    expect(seen.rows['许可证编号']).toBe(dto.licenceNo);
    expect(seen.rows['经营地址']).toBe(dto.address);
    expect(seen.rows['主要负责人']).toMatch(MASKED);
    expect(seen.rows['主要负责人']).toBe(dto.principal);
    expect(seen.rows['食品安全总监']).toBe(dto.director ?? '未配备');
    const officers = seen.rows['食品安全员'].split('、');
    expect(officers.length).toBeGreaterThan(0);
    for (const name of officers) expect(name).toMatch(MASKED);
    // Yesterday's check counts; the figures are the API's.
    expect(dto.dailyChecks.done).toBeGreaterThanOrEqual(1);
    expect(seen.dailyDoneDue).toBe(`${dto.dailyChecks.done}/${dto.dailyChecks.due}`);
    expect(seen.dailyRate).toBe(formatRate(dto.dailyChecks.rate));
    expect(seen.dailySpan).toBe(`统计期间：${chineseDate(dto.dailyChecks.from)} 至 ${chineseDate(dto.dailyChecks.to)}`);
    expect(seen.openRectifications).toBe(1);
    expect(dto.openRectifications).toBe(1);
    // No phone number of the roster (the demo accounts) on the page.
    const text = (await cur().textContent()) ?? '';
    for (const phone of ['13900000001', '13900000002', '13900000003']) expect(text).not.toContain(phone);
  }));

test('(b) an anonymous complaint with a photo from that page → the receipt → the status page shows 已收到', () =>
  runStory(page, events, async () => {
    await startComplaintFromPublicPage(page, BUSINESS);
    const seen = await fileComplaint(page, { kind: '投诉', description: '在该店就餐后腹泻，凉菜有异味', place: '大厅3号桌', photo: true });
    expect(seen.trackingNo).toMatch(TRACKING_NO_PATTERN);
    expect(seen.trackingNo.startsWith(`TS${todayInShanghai().replace(/-/g, '')}`)).toBe(true);
    expect(seen.queryCode).toMatch(QUERY_CODE_PATTERN);
    expect(seen.note).toContain('7个工作日内决定是否受理');
    await cur().getByText(/^查询码只显示这一次/).waitFor();
    receipt = seen;
    // 查询进度: the number comes along, the code does not (not in the URL either).
    await buttonIn(cur(), '查询进度').click();
    await cur().getByText('投诉举报进度查询', { exact: true }).waitFor();
    expect(await field(cur(), '如 TS20261125K7Q2XM').inputValue()).toBe(seen.trackingNo);
    expect(await field(cur(), '8位查询码').inputValue()).toBe('');
    expect(page.url()).not.toContain(seen.queryCode);
    const status = (await queryComplaintStatus(page, seen.trackingNo, seen.queryCode.toLowerCase())) as StatusSeen;
    expect(status.status).toBe('已收到');
    expect(status.kind).toBe('投诉');
    expect(status.lines).toEqual([`受理编号：${seen.trackingNo}`, `被投诉经营者：${BUSINESS}`, `收到日期：${chineseDate(todayInShanghai())}`]);
    expect(status.history.map((h) => [h.label, h.text])).toEqual([['已收到', null]]);
    // The regulator of the county has it, anonymous, with the photo.
    const token = await apiToken(server.baseUrl, REGULATOR);
    const list = (await (await fetch(`${server.baseUrl}/api/complaints?kind=complaint`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: Array<{ id: string; trackingNo: string; anonymous: boolean }> };
    const item = list.items.find((c) => c.trackingNo === seen.trackingNo)!;
    expect(item.anonymous).toBe(true);
    const detail = (await (await fetch(`${server.baseUrl}/api/complaints/${item.id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { photos: unknown[]; incidentPlace: string };
    expect(detail.photos).toHaveLength(1);
    expect(detail.incidentPlace).toBe('大厅3号桌');
  }));

test('(c) a report about an unregistered stall, its county picked, 实名 with a phone', () =>
  runStory(page, events, async () => {
    await page.goto('/');
    await buttonIn(cur(), '登录').waitFor();
    await cur().getByText('投诉举报进度查询', { exact: true }).waitFor();
    await screenshot(page, 'login-public-links', { fullPage: false });
    await cur().getByText('投诉举报', { exact: true }).click();
    await cur().getByText('找不到？填写经营者名称和地址', { exact: true }).waitFor();
    await fillComplaint(page, {
      kind: '举报',
      unregistered: { name: '夜市无名烧烤摊', address: '新城区夜市东口第三个摊位', regionPath: countyPath },
      description: '夜市烧烤摊使用来源不明的肉，没有任何票据',
      named: { name: '王秀英', phone: '1381234567' },
    });
    await cur().locator('.pub-switch').scrollIntoViewIfNeeded();
    await screenshot(page, 'public-report-unregistered-business', { fullPage: false });
    // A phone of 10 digits is refused under its field before anything is sent.
    await answerChallenge(page);
    await buttonIn(cur(), '提交').click();
    await cur().locator('.form-field__error', { hasText: /^请输入11位手机号$/ }).waitFor();
    await screenshot(page, 'public-report-bad-phone', { fullPage: false });
    await field(cur(), '选填，11位手机号').fill('13812345678');
    await buttonIn(cur(), '提交').click();
    await cur().locator('.pub-receipt__tracking').waitFor();
    const trackingNo = ((await cur().locator('.pub-receipt__tracking').textContent()) ?? '').trim();
    expect(trackingNo.startsWith('JB')).toBe(true);
    await cur().getByText(/15个工作日内核查并决定是否立案/).waitFor();
    await screenshot(page, 'public-report-receipt');
    // The county's regulator has it, with the identity masked.
    const token = await apiToken(server.baseUrl, REGULATOR);
    const list = (await (await fetch(`${server.baseUrl}/api/complaints?kind=report`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      items: Array<{ trackingNo: string; businessName: string; regionCode: string; anonymous: boolean; complainantName: string | null; complainantPhone: string | null }>;
    };
    expect(list.items.find((c) => c.trackingNo === trackingNo)).toMatchObject({ businessName: '夜市无名烧烤摊', regionCode: COUNTY, anonymous: false, complainantName: '王**', complainantPhone: '138****5678' });
  }));

test('(d) an empty description is refused under its field, in Chinese', () =>
  runStory(page, events, async () => {
    await openComplaintForm(page);
    await fillComplaint(page, { kind: '投诉', description: '', search: { query: '青城味道', name: BUSINESS } });
    await answerChallenge(page);
    await buttonIn(cur(), '提交').click();
    const error = cur().locator('.form-field--error').filter({ hasText: '发生了什么' });
    await error.locator('.form-field__error', { hasText: /^请描述事情经过，至少5个字$/ }).waitFor();
    await cur().getByText('有 1 处需要修改，请查看标红的提示', { exact: true }).waitFor();
    expect(await cur().locator('.pub-receipt').count()).toBe(0);
    await error.scrollIntoViewIfNeeded();
    await screenshot(page, 'public-empty-description', { fullPage: false });
  }));

test('(e) a wrong query code gets the same not-found message as an unknown number', () =>
  runStory(page, events, async () => {
    const wrong = receipt.queryCode === 'ABCDEFGH' ? 'ABCDEFGJ' : 'ABCDEFGH';
    expect(await queryComplaintStatus(page, receipt.trackingNo, wrong, 'public-wrong-code')).toEqual({ error: '受理编号或查询码不正确' });
    expect(await cur().locator('.pub-status').count()).toBe(0);
    // The right code still works afterwards.
    const right = (await queryComplaintStatus(page, receipt.trackingNo, receipt.queryCode, 'public-right-code')) as StatusSeen;
    expect(right.status).toBe('已收到');
  }));
