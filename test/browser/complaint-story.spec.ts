// Issue #7's story end to end, in a real browser, two people on two phones: a diner scans the
// 公示牌 of 新城区青城味道餐馆, reads its public page, files an anonymous 投诉 with a photo and keeps
// the receipt, and queries it (已收到). The county regulator finds it on his home, opens it (the
// photo, 匿名, the 7-working-day deadline), 受理 and 答复 with a text. The diner queries again: the
// status page shows 已受理 and the reply, and nothing of the handler's own notes. On SQLite and MariaDB.
import type { Page } from 'playwright-core';
import { addWorkingDays, COMPLAINT_PERIODS, todayInShanghai, workingCalendarOf, type WorkingCalendarYearDto } from '@shian/shared';
import type { RunningServer } from '../support/server';
import { apiGet, apiToken, buttonIn, chineseDate, loginAs, newPhoneContext, runStory, screenshot, setUpStory, shownPage, waitForLoadedImage } from './browser';
import { openComplaint, openComplaintList, performComplaintAction, readDeadlines } from './complaint-official-steps';
import { fileComplaint, openPublicPage, publicEnterpriseId, queryComplaintStatus, startComplaintFromPublicPage, type StatusSeen } from './public-steps';

const PASSWORD = 'Demo@2026';
const REGULATOR = { phone: '13900000005', password: PASSWORD };
const BUSINESS = '新城区青城味道餐馆';
const WHAT = '11月25日晚在该店就餐，凉拌菜有明显异味，食用后腹泻';
const ACCEPTED_NOTE = '已受理，将于三个工作日内到店核查';
const REPLY = '经现场检查，凉菜间消毒记录缺失，已责令整改；请保持电话畅通以便调解';

let server: RunningServer;
let diner: Page;
let regulator: Page;
let events: string[] = [];
let homeId = '';
let receipt = { trackingNo: '', queryCode: '' };

setUpStory('complaint-story', async (setup) => {
  ({ server, page: diner, events } = setup);
  homeId = await publicEnterpriseId(server.baseUrl, BUSINESS);
  // The regulator's own phone: another browser context (its own storage, its own device id).
  const browser = diner.context().browser();
  if (!browser) throw new Error('no browser');
  const context = await newPhoneContext(browser, server.baseUrl);
  context.setDefaultTimeout(15_000);
  regulator = await context.newPage();
});

const asStatus = (s: StatusSeen | { error: string }): StatusSeen => {
  if ('error' in s) throw new Error(`status query refused: ${s.error}`);
  return s;
};

test('the diner scans the poster’s QR code and files an anonymous complaint with a photo; the receipt shows the number and the code once', () =>
  runStory(diner, events, async () => {
    const seen = await openPublicPage(diner, homeId, 'diner');
    expect(seen.name).toBe(BUSINESS);
    await startComplaintFromPublicPage(diner, BUSINESS);
    const got = await fileComplaint(diner, { kind: '投诉', description: WHAT, place: '大厅 3 号桌', photo: true }, 'diner');
    expect(got.trackingNo).toMatch(/^TS\d{8}[0-9A-Z]{6}$/);
    expect(got.queryCode).toMatch(/^[0-9A-Z]{8}$/);
    expect(got.note).toContain('7个工作日');
    receipt = got;
    // 复制 puts each on the phone's clipboard.
    await diner.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    const receiptCard = shownPage(diner).locator('.pub-receipt');
    for (const [row, value, toast] of [
      ['.pub-receipt__tracking', got.trackingNo, '受理编号已复制'],
      ['.pub-receipt__code', got.queryCode, '查询码已复制'],
    ] as const) {
      await buttonIn(receiptCard.locator('.pub-receipt__row').filter({ has: diner.locator(row) }), '复制').click();
      await diner.getByText(toast, { exact: true }).waitFor();
      expect(await diner.evaluate(() => navigator.clipboard.readText())).toBe(value);
    }
    // The code is on the screen (and the clipboard), not in the address bar or anywhere the browser keeps.
    expect(diner.url()).not.toContain(got.queryCode);
    const stored = await diner.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toContain(got.queryCode);
  }));

test('the diner queries it: 已收到', () =>
  runStory(diner, events, async () => {
    const s = asStatus(await queryComplaintStatus(diner, receipt.trackingNo, receipt.queryCode, 'diner'));
    expect(s.status).toBe('已收到');
    expect(s.lines).toContain(`被投诉经营者：${BUSINESS}`);
    expect(s.history.map((h) => h.label)).toEqual(['已收到']);
  }));

test('the county regulator finds it on his home, sees the photo, 匿名 and the 7-working-day deadline, accepts it and replies', () =>
  runStory(regulator, events, async () => {
    await regulator.goto('/');
    await loginAs(shownPage(regulator), REGULATOR);
    await openComplaintList(regulator);
    await openComplaint(regulator, receipt.trackingNo);
    const cur = shownPage(regulator);
    await cur.getByText(WHAT, { exact: true }).waitFor();
    await waitForLoadedImage(cur.locator('.record-photos'));
    // A tap enlarges the photo (full screen, the picture itself loaded); a tap on it closes it.
    await cur.locator('.record-photos__thumb').first().click();
    const preview = regulator.locator('.preview-image');
    await waitForLoadedImage(preview);
    await screenshot(regulator, 'regulator-photo-preview', { fullPage: false });
    await preview.click();
    await preview.waitFor({ state: 'detached' });
    // Anonymous: nothing kept, nothing to reveal.
    await cur.locator('.cpd-person').getByText('匿名提交，未留身份信息', { exact: true }).waitFor();
    expect(await buttonIn(cur.locator('.cpd-person'), '查看身份').count()).toBe(0);
    // Due 7 working days after receipt by the stored calendar (weekends and holidays skipped).
    const token = await apiToken(server.baseUrl, REGULATOR);
    const today = todayInShanghai();
    const year = Number(today.slice(0, 4));
    const days = [
      ...(await apiGet<WorkingCalendarYearDto>(server.baseUrl, token, `/api/working-calendar/${year}`)).days,
      ...(await apiGet<WorkingCalendarYearDto>(server.baseUrl, token, `/api/working-calendar/${year + 1}`)).days,
    ];
    const due = addWorkingDays(today, COMPLAINT_PERIODS.acceptance, workingCalendarOf(days));
    const [acceptance] = await readDeadlines(regulator);
    expect(acceptance.label).toContain('决定是否受理');
    expect(acceptance.dates).toContain(chineseDate(due));
    expect(acceptance.overdue).toBe(false);
    await performComplaintAction(regulator, '受理', ACCEPTED_NOTE, { status: '已受理', shot: 'accept' });
    await performComplaintAction(regulator, '答复', REPLY, { shot: 'reply' });
    const [decided, mediation] = await readDeadlines(regulator);
    expect(decided.done).toBe(true);
    // 45 working days of mediation: when they reach into a year whose holidays are not entered, the page says so.
    const mediationDue = addWorkingDays(today, COMPLAINT_PERIODS.mediation, workingCalendarOf(days));
    expect(mediation.dates).toContain(chineseDate(mediationDue));
    const missing = Number(mediationDue.slice(0, 4)) > year && !days.some((d) => d.date.startsWith(String(year + 1)));
    expect(await shownPage(regulator).locator('.cpd-deadline__missing').count()).toBe(missing ? 1 : 0);
  }));

test('the diner queries again: 已受理, and the reply is on the status page', () =>
  runStory(diner, events, async () => {
    await diner.reload();
    const s = asStatus(await queryComplaintStatus(diner, receipt.trackingNo, receipt.queryCode, 'diner-again'));
    expect(s.status).toBe('已受理');
    const texts = s.history.map((h) => h.text);
    expect(texts).toContain(ACCEPTED_NOTE);
    expect(texts).toContain(REPLY);
    expect(s.history.map((h) => h.label)).toEqual(['已收到', '已受理', '答复']);
    await shownPage(diner).getByText(REPLY, { exact: true }).scrollIntoViewIfNeeded();
    await screenshot(diner, 'diner-sees-reply');
  }));
