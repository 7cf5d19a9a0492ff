// 公示牌 (issue #7): the principal downloads the business's poster from the home page; printed, its
// QR code (read here from a rendering of the PDF) opens the business's public page on this server.
import type { Locator, Page } from 'playwright-core';
import { PUBLIC_ENTERPRISE_PAGE, type TodayDutyResponse } from '@shian/shared';
import { decodeQr, pdfPageCount, renderPdfPage } from '../support/pdf';
import { readFileSync } from 'node:fs';
import { apiGet, apiToken, buttonIn, field, keepImage, loginAs, runStory, screenshot, setUpStory, shownPage } from './browser';
import type { RunningServer } from '../support/server';

const PRINCIPAL = { phone: '13900000003', password: 'Demo@2026' };
const BUSINESS = '新城区青城味道餐馆';

let server: RunningServer;
let page: Page;
let events: string[] = [];
let enterpriseId = '';
const cur = (): Locator => shownPage(page);

setUpStory('poster', async (setup) => {
  ({ server, page, events } = setup);
  enterpriseId = (await apiGet<TodayDutyResponse>(server.baseUrl, await apiToken(server.baseUrl, PRINCIPAL), '/api/enterprises/mine/today')).enterprise.id;
});

test('principal downloads the 公示牌 → its QR code opens the business public page', () =>
  runStory(page, events, async () => {
    await page.goto('/');
    await field(cur(), '请输入手机号').waitFor();
    await loginAs(cur(), PRINCIPAL);
    const card = cur().locator('.card').filter({ hasText: '公示牌' });
    await card.getByText('下载公示牌（PDF）').waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'home-poster-card');

    const download = page.waitForEvent('download');
    await buttonIn(card, '下载公示牌（PDF）').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`公示牌-${BUSINESS}.pdf`);
    const pdf = readFileSync((await file.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1);
    const png = renderPdfPage(pdf, 100);
    keepImage('poster-pdf', png);

    // A passer-by scans it: no session on their phone.
    const url = decodeQr(png);
    expect(url).toBe(`${server.baseUrl}/#/${PUBLIC_ENTERPRISE_PAGE}?id=${enterpriseId}`);
    await page.evaluate(() => localStorage.clear());
    await page.goto(url!);
    await page.reload();
    await cur().getByText(BUSINESS, { exact: true }).waitFor();
    await cur().getByText('风险分级', { exact: true }).waitFor();
    await screenshot(page, 'public-page-from-qr');
  }));
