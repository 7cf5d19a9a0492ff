// Steps of the public's side (issue #7) that several stories take: a business's public page (the
// QR code on its 公示牌), a complaint or report submitted without an account, and the status query.
// Each step waits for what the person would see and keeps its screenshots, named after `who`.
import type { Locator, Page } from 'playwright-core';
import type { PublicEnterpriseSearchItem } from '@shian/shared';
import { attachPhoto, buttonIn, field, screenshot, shownPage, testPng } from './browser';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The element matching `selector` whose whole text is `text`. */
const exactly = (scope: Page | Locator, selector: string, text: string): Locator => scope.locator(selector).filter({ hasText: new RegExp(`^\\s*${escape(text)}\\s*$`) });

const ROUTES = {
  enterprise: '/#/packages/public/pages/enterprise/index',
  complaint: '/#/packages/public/pages/complaint/index',
  status: '/#/packages/public/pages/complaint-status/index',
};

/** The id of the active business named `name`, as the form's search finds it (set-up, not the story). */
export async function publicEnterpriseId(baseUrl: string, name: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/public/enterprises?q=${encodeURIComponent(name)}`, { headers: { 'x-device-id': 'test-setup-device' } });
  if (res.status !== 200) throw new Error(`search ${name} → ${res.status}`);
  const found = ((await res.json()) as PublicEnterpriseSearchItem[]).find((e) => e.name === name);
  if (!found) throw new Error(`no active business named ${name}`);
  return found.id;
}

// ---- 公示页 ----

/** What the public page shows: the head, each labelled row, and the 30-day figures. */
export interface PublicPageSeen {
  name: string;
  grade: string;
  /** Cell title → value: 经营类型, 许可证编号, 所属区域, 经营地址, 主要负责人, 食品安全总监, 食品安全员, 未完成整改. */
  rows: Record<string, string>;
  /** '3/29' (done/due days) or '—' when nothing was due. */
  dailyDoneDue: string;
  dailyRate: string;
  openRectifications: number;
  /** '统计期间：2026年10月26日 至 2026年11月24日' */
  dailySpan: string;
}

/** Opens a business's public page as its QR code does (?id=) and reads it. */
export async function openPublicPage(page: Page, enterpriseId: string, who = 'public'): Promise<PublicPageSeen> {
  await page.goto(`${ROUTES.enterprise}?id=${enterpriseId}`);
  const cur = shownPage(page);
  await cur.locator('.pub-ent .pub__name').waitFor();
  const rows = await cur.locator('.nut-cell').evaluateAll((cells) =>
    Object.fromEntries(cells.map((c) => [c.querySelector('.nut-cell-title')?.textContent?.trim() ?? '', c.querySelector('.nut-cell-extra')?.textContent?.trim() ?? ''])),
  );
  const figures = await cur.locator('.pub-ent__figure-value').allTextContents();
  const seen: PublicPageSeen = {
    name: (await cur.locator('.pub__name').textContent())?.trim() ?? '',
    grade: (await cur.locator('.pub__grade').textContent())?.trim() ?? '',
    rows,
    dailyDoneDue: figures[0]?.trim() ?? '',
    dailyRate: figures[1]?.trim() ?? '',
    openRectifications: Number(/^(\d+) 项$/.exec(rows['未完成整改'] ?? '')?.[1] ?? NaN),
    dailySpan: (await cur.getByText(/^统计期间：/).textContent())?.trim() ?? '',
  };
  await screenshot(page, `${who}-enterprise-page`);
  return seen;
}

// ---- 投诉举报 ----

export interface ComplaintInput {
  kind: '投诉' | '举报';
  description: string;
  /** 发生地点 */
  place?: string;
  /** Attach one photo. */
  photo?: boolean;
  /** The business, when the form was not opened from its public page: typed into the search and picked by name. */
  search?: { query: string; name: string };
  /** An unregistered business: its name, address and the region path down to (at least) the county. */
  unregistered?: { name: string; address: string; regionPath: readonly string[] };
  /** 实名 with these (both optional); anonymous otherwise. */
  named?: { name?: string; phone?: string };
}

export interface ReceiptSeen {
  trackingNo: string;
  queryCode: string;
  /** The statutory note shown with the receipt. */
  note: string;
}

/** From the business's public page: 投诉举报 opens the form with the business prefilled. */
export async function startComplaintFromPublicPage(page: Page, businessName: string): Promise<void> {
  await buttonIn(shownPage(page), '投诉举报').click();
  await exactly(shownPage(page), '.pub-picked__name', businessName).waitFor();
}

/** Opens the form directly (the login page's 投诉举报 link leads here too). */
export async function openComplaintForm(page: Page): Promise<void> {
  await page.goto(ROUTES.complaint);
  await shownPage(page).getByText('找不到？填写经营者名称和地址', { exact: true }).waitFor();
}

/** Reads the sum on screen (「12 加 7 等于几？」) and types its answer. */
export async function answerChallenge(page: Page): Promise<void> {
  const cur = shownPage(page);
  const question = cur.locator('.pub-challenge__question').filter({ hasText: /等于几？$/ });
  await question.waitFor();
  const m = /^(\d+) 加 (\d+) 等于几？$/.exec(((await question.textContent()) ?? '').trim());
  if (!m) throw new Error(`unexpected challenge: ${await question.textContent()}`);
  await field(cur, '请输入答案（数字）').fill(String(Number(m[1]) + Number(m[2])));
}

/** Fills the form on the shown page (the business already picked unless `search` or `unregistered` says otherwise). */
export async function fillComplaint(page: Page, input: ComplaintInput): Promise<void> {
  const cur = shownPage(page);
  await cur.locator('.pub-kind').filter({ has: exactly(page, '.pub-kind__label', input.kind) }).click();
  if (input.search) {
    await field(cur, '输入企业名称搜索，如 青城味道').fill(input.search.query);
    await exactly(cur, '.pub-search__name', input.search.name).click();
    await exactly(cur, '.pub-picked__name', input.search.name).waitFor();
  }
  if (input.unregistered) {
    const u = input.unregistered;
    await cur.getByText('找不到？填写经营者名称和地址', { exact: true }).click();
    await field(cur, '店名、摊位名，或招牌上的字').fill(u.name);
    await cur.getByText('请选择省 / 市 / 区县（至少到区县）', { exact: true }).click();
    for (const name of u.regionPath) {
      await exactly(page, '.region-picker__option', name).click();
      await exactly(page, '.region-picker__crumb', name).waitFor();
    }
    await exactly(page, '.region-picker__option--here', `全部：${u.regionPath[u.regionPath.length - 1]}`).click();
    await cur.getByText(u.regionPath.join(' / '), { exact: true }).waitFor();
    await field(cur, '街道、门牌号或明显的地标').fill(u.address);
  }
  await field(cur, '请如实描述事情经过').fill(input.description);
  if (input.place) await field(cur, '选填，如 大厅3号桌、外卖送达地址').fill(input.place);
  if (input.photo) await attachPhoto(page, cur, testPng('现场.png', [200, 120, 40]));
  if (input.named) {
    await cur.locator('.nut-radio').filter({ hasText: /^实名$/ }).click();
    await cur.getByText(/^姓名和手机号加密保存/).waitFor();
    if (input.named.name) await field(cur, '选填').fill(input.named.name);
    if (input.named.phone) await field(cur, '选填，11位手机号').fill(input.named.phone);
  }
}

/** Answers the challenge, submits, and reads the receipt (the code is shown this once). */
export async function submitComplaint(page: Page, who = 'public'): Promise<ReceiptSeen> {
  await answerChallenge(page);
  await screenshot(page, `${who}-complaint-form`);
  await buttonIn(shownPage(page), '提交').click();
  const receipt = shownPage(page).locator('.pub-receipt');
  await receipt.locator('.pub-receipt__tracking').waitFor();
  const seen: ReceiptSeen = {
    trackingNo: ((await receipt.locator('.pub-receipt__tracking').textContent()) ?? '').trim(),
    queryCode: ((await receipt.locator('.pub-receipt__code').textContent()) ?? '').trim(),
    note: ((await receipt.locator('.pub-receipt__note').textContent()) ?? '').trim(),
  };
  await screenshot(page, `${who}-receipt`);
  return seen;
}

/** The whole of it: fill, answer, submit, read the receipt. */
export async function fileComplaint(page: Page, input: ComplaintInput, who = 'public'): Promise<ReceiptSeen> {
  await fillComplaint(page, input);
  return submitComplaint(page, who);
}

// ---- 进度查询 ----

export interface StatusSeen {
  status: string;
  kind: string;
  /** The lines under the status: 受理编号：…, 被投诉经营者：…, 收到日期：… */
  lines: string[];
  /** Oldest first, as the complainant reads them bottom-up. */
  history: Array<{ label: string; time: string; text: string | null }>;
}

/**
 * On the status page (opened here unless shown already, e.g. from the receipt's 查询进度): types
 * the number and the code, 查询, and reads the answer: the status, or the message when refused.
 */
export async function queryComplaintStatus(page: Page, trackingNo: string, code: string, who = 'public'): Promise<StatusSeen | { error: string }> {
  let cur: Locator = shownPage(page);
  if ((await cur.getByText('投诉举报进度查询', { exact: true }).count()) === 0) {
    await page.goto(ROUTES.status);
    cur = shownPage(page);
    await cur.getByText('投诉举报进度查询', { exact: true }).waitFor();
  }
  await field(cur, '如 TS20261125K7Q2XM').fill(trackingNo);
  await field(cur, '8位查询码').fill(code);
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/api/public/complaints/'));
  await buttonIn(cur, '查询').click();
  await answered;
  await cur.locator('.pub-status, .form-summary').first().waitFor();
  if ((await cur.locator('.pub-status').count()) === 0) {
    await screenshot(page, `${who}-status-refused`);
    return { error: ((await cur.locator('.form-summary').textContent()) ?? '').trim() };
  }
  const status = cur.locator('.pub-status');
  const history = await cur.locator('.pub-timeline__step').evaluateAll((steps) =>
    steps
      .map((s) => ({
        label: s.querySelector('.pub-timeline__label')?.textContent?.trim() ?? '',
        time: s.querySelector('.pub-timeline__time')?.textContent?.trim() ?? '',
        text: s.querySelector('.pub-timeline__text')?.textContent?.trim() ?? null,
      }))
      .reverse(),
  );
  const seen: StatusSeen = {
    status: ((await status.locator('.pub-status__label').textContent()) ?? '').trim(),
    kind: ((await status.locator('.nut-tag').textContent()) ?? '').trim(),
    lines: (await status.locator('.pub-status__line').allTextContents()).map((t) => t.trim()),
    history,
  };
  await screenshot(page, `${who}-status`);
  return seen;
}
