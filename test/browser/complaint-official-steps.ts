// Steps of the officials' 投诉举报 handling that several stories take: a complaint or report sent
// through the public API (the challenge answered), the regulator opening the list and one case by
// its 受理编号, an action with its text, 查看身份, and reading the 法定期限. Each step waits for what
// the user would see and keeps its screenshots under the story's folder, named after who takes it.
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { IDEMPOTENCY_HEADER, type PublicComplaintCreateRequest, type PublicComplaintReceipt } from '@shian/shared';
import { buttonIn, field, screenshot, shownPage } from './browser';

/**
 * Set-up as the public would do it without an account: GET /api/public/challenge, the sum from
 * 「12 加 7 等于几？」, then POST /api/public/complaints with an Idempotency-Key and a device id.
 */
export async function submitPublicComplaint(
  baseUrl: string,
  body: Omit<PublicComplaintCreateRequest, 'challengeToken' | 'challengeAnswer'>,
  device = `browser-test-${randomUUID()}`,
): Promise<PublicComplaintReceipt> {
  const headers = { 'x-device-id': device };
  const ch = await fetch(`${baseUrl}/api/public/challenge`, { headers });
  if (ch.status !== 200) throw new Error(`challenge → ${ch.status}`);
  const { question, token } = (await ch.json()) as { question: string; token: string };
  const m = /^(\d+) 加 (\d+) 等于几？$/.exec(question);
  if (!m) throw new Error(`unexpected challenge question: ${question}`);
  const res = await fetch(`${baseUrl}/api/public/complaints`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', [IDEMPOTENCY_HEADER]: randomUUID() },
    body: JSON.stringify({ ...body, challengeToken: token, challengeAnswer: String(Number(m[1]) + Number(m[2])) }),
  });
  if (res.status !== 201) throw new Error(`complaint → ${res.status} ${await res.text()}`);
  return (await res.json()) as PublicComplaintReceipt;
}

/** The dialog NutUI renders outside the page. */
const dialog = (page: Page): Locator => page.locator('.nut-dialog:visible').last();

/** A complaint's row in the list shown (a card on a phone, a table row at a desk). */
export const complaintRow = (page: Page, trackingNo: string): Locator => shownPage(page).locator(`.cpl-row[data-tracking="${trackingNo}"]`);

/** From the officials' home: 投诉举报 › (its counts shown) → the list. */
export async function openComplaintList(page: Page, who = 'regulator'): Promise<void> {
  const entry = shownPage(page).locator('.off-cpl-entry');
  await entry.getByText(/待处理 \d+/).waitFor();
  await entry.click();
  await shownPage(page).locator('.cpl-head').waitFor();
  await shownPage(page).locator('.off__summary, .empty-state').first().waitFor();
  await screenshot(page, `${who}-complaints`);
}

/** From the list: the case with this 受理编号 → its page, the number at the head. */
export async function openComplaint(page: Page, trackingNo: string, who = 'regulator'): Promise<void> {
  await complaintRow(page, trackingNo).click();
  await shownPage(page).locator('.cpd-head__no').getByText(trackingNo, { exact: true }).waitFor();
  await shownPage(page).locator('.cpd-events').waitFor();
  await screenshot(page, `${who}-${trackingNo.startsWith('JB') ? 'report' : 'complaint'}`);
}

/**
 * On a case's page: the action's button (its label from the rules, e.g. 受理, 答复, 不予立案), its
 * text in the dialog when given, confirm; waits for the new step in 办理记录 with that text.
 */
export async function performComplaintAction(page: Page, label: string, text: string | null, opts: { who?: string; status?: string; shot?: string } = {}): Promise<void> {
  const shot = `${opts.who ?? 'regulator'}-${opts.shot ?? 'action'}`;
  const cur = shownPage(page);
  const before = await cur.locator('.cpd-event').count();
  await buttonIn(cur, label).click();
  const d = dialog(page);
  await d.getByText(label, { exact: true }).first().waitFor();
  if (text !== null) await d.locator('textarea').fill(text);
  await screenshot(page, `${shot}-dialog`, { fullPage: false });
  await buttonIn(d, label.length <= 5 ? `确认${label}` : '确认').click();
  await d.waitFor({ state: 'hidden' });
  await cur.locator('.cpd-event').nth(before).waitFor();
  const last = cur.locator('.cpd-event').last();
  if (text) await last.locator('.cpd-event__text').getByText(text, { exact: true }).waitFor();
  if (opts.status) await cur.locator('.cpd-head .cpl-tags').getByText(opts.status, { exact: true }).waitFor();
  // The toast says it was done; the shot waits until it has gone.
  await page.locator('.nut-toast:visible').first().waitFor({ state: 'hidden' });
  await screenshot(page, `${shot}-done`);
}

/** 查看身份 with a reason: the dialog says each view is recorded; returns the name and phone then shown. */
export async function revealIdentity(page: Page, reason: string, who = 'regulator'): Promise<{ name: string; phone: string }> {
  const cur = shownPage(page);
  const person = cur.locator('.cpd-person');
  await buttonIn(person, '查看身份').click();
  const d = dialog(page);
  await d.getByText('每次查看都会记录查看人、时间和事由。请填写查看事由：', { exact: true }).waitFor();
  // Nothing written: the dialog says what is missing and stays.
  await buttonIn(d, '查看').click();
  await d.getByText('请填写查看事由', { exact: true }).waitFor();
  await field(d, '请填写查看事由，如：电话联系投诉人核实情况').fill(reason);
  await screenshot(page, `${who}-reveal-dialog`, { fullPage: false });
  await buttonIn(d, '查看').click();
  await person.locator('.cpd-person__recorded').waitFor();
  await person.scrollIntoViewIfNeeded();
  await screenshot(page, `${who}-revealed`, { fullPage: false });
  const values = await person.locator('.off-review__value').allTextContents();
  return { name: values[0].trim(), phone: values[1].trim() };
}

export interface ShownDeadline {
  key: string;
  label: string;
  dates: string;
  overdue: boolean;
  done: boolean;
}

/** The 法定期限 as the case's page shows them. */
export async function readDeadlines(page: Page): Promise<ShownDeadline[]> {
  return shownPage(page)
    .locator('.cpd-deadline')
    .evaluateAll((rows) =>
      rows.map((r) => ({
        key: r.getAttribute('data-deadline') ?? '',
        label: r.querySelector('.cpd-deadline__label')?.textContent?.trim() ?? '',
        dates: r.querySelector('.cpd-deadline__dates')?.textContent?.trim() ?? '',
        overdue: r.classList.contains('cpd-deadline--overdue'),
        done: (r.textContent ?? '').includes('已办理'),
      })),
    );
}
