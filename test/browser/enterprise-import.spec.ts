// 批量导入企业 in a real browser: the demo regulator opens the page from the official home,
// downloads the template, uploads a workbook built here from that template (one good row with a
// real-format USCC, JY licence and 新城区 village code; one row whose USCC check character is
// wrong), and reads the report: 导入 1 家, the bad row named with its field. The API then lists
// the imported business. Elements are found by their visible Chinese text.
import { Workbook } from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { usccCheckChar, type EnterpriseDto, type Page as ListPage, type RegionDto } from '@shian/shared';
import type { RunningServer } from '../support/server';
import { apiGet, apiToken, buttonIn, field, loginAs, runStory, screenshot, setUpStory } from './browser';

const REGULATOR = { phone: '13900000005', password: 'Demo@2026' };
const COUNTY = '150102';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Real-format identifiers, unique per run: the GB 32100 check character computed, the licence as the server's strict check reads it. */
const SERIAL = String(Date.now() % 10_000_000).padStart(7, '0');
const GOOD_USCC_17 = `91${COUNTY}MA${SERIAL}`;
const GOOD_USCC = GOOD_USCC_17 + usccCheckChar(GOOD_USCC_17);
const BAD_USCC_17 = `91${COUNTY}MB${SERIAL}`;
const BAD_CHECK = usccCheckChar(BAD_USCC_17);
const BAD_USCC = BAD_USCC_17 + (BAD_CHECK === '0' ? '1' : '0');
/** JY + 2 (餐饮服务经营者) + the county + 7 digits. */
const GOOD_LICENCE = `JY2${COUNTY}${SERIAL}`;
const BAD_LICENCE = `JY1${COUNTY}${SERIAL}`;
const GOOD_NAME = `新城区导入测试餐馆${SERIAL.slice(-4)}`;
const BAD_NAME = `新城区校验位错误超市${SERIAL.slice(-4)}`;

let server: RunningServer;
let page: Page;
let events: string[] = [];
let token = '';
let village = '';
/** The template's header row as the server writes it (required columns end in 「*」). */
let headers: string[] = [];
let workbook: Buffer;

const cur = (): Locator => page.locator('#app .taro_page:visible').last();

setUpStory('enterprise-import', async (setup) => {
  ({ server, page, events } = setup);
  token = await apiToken(server.baseUrl, REGULATOR);
  // A 新城区 village from the division data: first township, first village.
  const get = async (parent: string): Promise<RegionDto[]> => (await fetch(`${server.baseUrl}/api/regions?parentCode=${parent}`)).json() as Promise<RegionDto[]>;
  const township = (await get(COUNTY))[0];
  village = (await get(township.code))[0].code;

  // The template, fetched as the regulator, tells the columns; the rows go into its own sheet.
  const res = await fetch(`${server.baseUrl}/api/enterprises/import/template`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const wb = new Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  const sheet = wb.worksheets[0];
  headers = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col - 1] = String(cell.value ?? '').replace(/\*$/, '');
  });
  const row = (values: Record<string, string>): string[] => headers.map((h) => values[h] ?? '');
  const fill = (v: Record<string, string>) => ({ 业态: '餐饮服务', '村/社区代码': village, 风险等级: 'C', ...v });
  sheet.addRow(row(fill({ 企业名称: GOOD_NAME, 统一社会信用代码: GOOD_USCC, 许可证编号: GOOD_LICENCE, 地址: '内蒙古自治区呼和浩特市新城区导入路 1 号', 联系人: '王经理', 联系电话: '13600001111' })));
  sheet.addRow(row(fill({ 企业名称: BAD_NAME, 统一社会信用代码: BAD_USCC, 许可证编号: BAD_LICENCE, 地址: '内蒙古自治区呼和浩特市新城区导入路 2 号', 业态: '食品销售' })));
  workbook = Buffer.from(await wb.xlsx.writeBuffer());
});

test('regulator downloads the template, imports a workbook, reads the per-row report; the API lists the business', () =>
  runStory(page, events, async () => {
    expect(headers).toEqual(expect.arrayContaining(['企业名称', '统一社会信用代码', '许可证编号', '业态', '地址', '村/社区代码']));

    // 1. The regulator's home links 批量导入企业 next to the review queues.
    await page.goto('/');
    await field(cur(), '请输入手机号').waitFor();
    await loginAs(cur(), REGULATOR);
    const link = cur().getByText('批量导入企业 ›', { exact: true });
    await link.waitFor();
    await screenshot(page, 'official-home', { fullPage: false });
    await link.click();
    await cur().getByText('尚未选择文件', { exact: true }).waitFor();
    await screenshot(page, 'import-page');

    // 2. 下载模板 saves the .xlsx (fetched with the token, saved through a blob link).
    const download = page.waitForEvent('download');
    await buttonIn(cur(), '下载模板').click();
    expect((await download).suggestedFilename()).toBe('企业导入模板.xlsx');

    // 3. Pick the workbook and import it.
    const chooser = page.waitForEvent('filechooser');
    await buttonIn(cur(), '选择 .xlsx 文件').click();
    await (await chooser).setFiles({ name: '新城区企业名单.xlsx', mimeType: XLSX_MIME, buffer: workbook });
    await cur().getByText('已选择：新城区企业名单.xlsx', { exact: true }).waitFor();
    await screenshot(page, 'file-picked');
    await buttonIn(cur(), '导入').click();

    // 4. The report: counts, and the bad row (row 3: the header is row 1) named with its field.
    await cur().getByText('共 2 行，导入 1 家，未导入 1 行', { exact: true }).waitFor();
    const problem = cur().locator('.off-import__problem');
    expect(await problem.count()).toBe(1);
    await problem.getByText('第 3 行 · 统一社会信用代码（B 列）', { exact: true }).waitFor();
    expect(await problem.locator('.off-import__why').innerText()).toMatch(/校验位/);
    await screenshot(page, 'import-report');

    // 5. The API lists the imported business in the regulator's region; the bad row is not there.
    const good = await apiGet<ListPage<EnterpriseDto>>(server.baseUrl, token, `/api/enterprises?uscc=${GOOD_USCC}`);
    expect(good.total).toBe(1);
    expect(good.items[0]).toMatchObject({ name: GOOD_NAME, uscc: GOOD_USCC, licenceNo: GOOD_LICENCE, regionCode: village });
    const bad = await apiGet<ListPage<EnterpriseDto>>(server.baseUrl, token, `/api/enterprises?name=${encodeURIComponent(BAD_NAME)}`);
    expect(bad.total).toBe(0);
  }));
