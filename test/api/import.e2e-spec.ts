// Regulators import businesses from an .xlsx workbook: every row is checked on its own, a bad row
// is imported not at all, and the report names its row, column and what is wrong.
import { randomUUID } from 'node:crypto';
import { Workbook } from 'exceljs';
import { Role } from '@shian/shared';
import { Enterprise } from '../../server/src/enterprises/enterprise.entity';
import { DEMO, enterpriseByName, expectErrorBody, firstVillage, insertUser, startTestApp, TestApp } from './harness';
import { realJy, realSc, realUscc } from './onboarding-helpers';

const HEADERS = ['企业名称', '统一社会信用代码', '许可证编号', '业态', '地址', '村/社区代码', '联系人', '联系电话', '风险等级', '企业规模', '每餐用餐人数'];

async function workbook(rows: Array<Array<string | number | null>>, headers = HEADERS): Promise<Buffer> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('企业名单');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(content: Buffer, filename = 'list.xlsx'): { payload: Buffer; contentType: string } {
  const boundary = `----shian${randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('enterprise import', () => {
  let t: TestApp;
  let regulator: string;
  let v102: string;
  let v103: string;

  async function upload(token: string, content: Buffer, filename?: string) {
    const { payload, contentType } = multipart(content, filename);
    const res = await t.app.inject({ method: 'POST', url: '/api/enterprises/import', headers: { 'content-type': contentType, authorization: `Bearer ${token}` }, payload });
    let body: any = res.body;
    try {
      body = JSON.parse(res.body);
    } catch {
      /* not JSON */
    }
    return { status: res.statusCode, body, headers: res.headers as Record<string, string> };
  }

  beforeAll(async () => {
    t = await startTestApp();
    regulator = (await t.login(DEMO.regulator)).accessToken;
    v102 = await firstVillage(t, '150102');
    v103 = await firstVillage(t, '150103');
  });
  afterAll(() => t?.close());

  it('imports the good rows and reports each bad row with its column; no bad row is inserted, even in part', async () => {
    const good = [realUscc(), realUscc(), realUscc()];
    const bad = Object.fromEntries(['checkChar', 'licence', 'village', 'outside', 'missingName', 'two', 'number'].map((k) => [k, realUscc()]));
    const wrongCheck = bad.checkChar.slice(0, 17) + (bad.checkChar[17] === '0' ? '1' : '0');
    const demo = await enterpriseByName(t, '新城区青城味道餐馆');
    const rows: Array<Array<string | number | null>> = [
      /* 2 */ ['导入好餐馆', good[0], realJy('2'), '餐饮服务', '新城区导入路 1 号', v102, '王经理', '13600001111', 'C', '小型', null],
      /* 3 */ ['导入乳业公司', good[1], realSc(), '食品生产', '新城区导入路 2 号', v102, null, null, 'A', '中型', null],
      /* 4 */ ['校验位错误超市', wrongCheck, realJy('1'), '食品销售', '新城区导入路 3 号', v102, null, null, 'D', null, null],
      /* 5 */ ['许可证错误餐馆', bad.licence, 'JY91501020000001', '餐饮服务', '新城区导入路 4 号', v102, null, null, 'D', null, null],
      /* 6 */ ['村代码不存在餐馆', bad.village, realJy('2'), '餐饮服务', '新城区导入路 5 号', '150102999999', null, null, 'D', null, null],
      /* 7 */ ['外县餐馆', bad.outside, realJy('2'), '餐饮服务', '回民区导入路 6 号', v103, null, null, 'D', null, null],
      /* 8 */ ['重复代码餐馆', good[0], realJy('2'), '餐饮服务', '新城区导入路 7 号', v102, null, null, 'D', null, null],
      /* 9 */ ['已登记代码餐馆', demo.uscc, realJy('2'), '餐饮服务', '新城区导入路 8 号', v102, null, null, 'D', null, null],
      /* 10 */ [null, bad.missingName, realJy('2'), '餐饮服务', '新城区导入路 9 号', v102, null, null, 'D', null, null],
      /* 11 */ ['两处错误餐馆', bad.two, realJy('2'), '饭店', '新城区导入路 10 号', v102, null, null, 'E', null, null],
      /* 12 */ [null, null, null, null, null, null, null, null, null, null, null],
      // Codes entered as numbers: a 12-digit village code survives; an 18-digit code has lost digits.
      /* 13 */ ['数字单元格超市', good[2], realJy('1'), 'selling', '新城区导入路 11 号', Number(v102), '李', 13600002222, 'd', 'micro', null],
      /* 14 */ ['长数字餐馆', 911501020000000000, realJy('2'), '餐饮服务', '新城区导入路 12 号', v102, null, null, 'D', null, 'many'],
    ];
    const res = await upload(regulator, await workbook(rows));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(12);
    expect(res.body.imported).toBe(3);
    const report = res.body.rejected.map((r: { row: number; field: string; column: string | null }) => [r.row, r.field, r.column]);
    expect(report).toEqual([
      [4, '统一社会信用代码', 'B'],
      [5, '许可证编号', 'C'],
      [6, '村/社区代码', 'F'],
      [7, '村/社区代码', 'F'],
      [8, '统一社会信用代码', 'B'],
      [9, '统一社会信用代码', 'B'],
      [10, '企业名称', 'A'],
      [11, '业态', 'D'],
      [11, '风险等级', 'I'],
      [14, '统一社会信用代码', 'B'],
      [14, '每餐用餐人数', 'K'],
    ]);
    const message = (row: number, field: string) => res.body.rejected.find((r: { row: number; field: string }) => r.row === row && r.field === field).message;
    expect(message(4, '统一社会信用代码')).toContain('校验位');
    expect(message(5, '许可证编号')).toContain('主体业态代码');
    expect(message(6, '村/社区代码')).toContain('不存在');
    expect(message(7, '村/社区代码')).toContain('不在本辖区');
    expect(message(8, '统一社会信用代码')).toBe('统一社会信用代码与第2行重复');
    expect(message(9, '统一社会信用代码')).toContain('已登记');
    expect(message(10, '企业名称')).toBe('企业名称不能为空');
    expect(message(11, '业态')).toContain('餐饮服务');
    expect(message(14, '统一社会信用代码')).toContain('文本格式');

    const repo = t.ds.getRepository(Enterprise);
    for (const uscc of [wrongCheck, ...Object.values(bad)]) expect(await repo.countBy({ uscc })).toBe(0);
    expect(await repo.countBy({ uscc: demo.uscc })).toBe(1);
    expect(await repo.countBy({ name: '重复代码餐馆' })).toBe(0);
    const imported = await repo.findBy({ name: '导入好餐馆' });
    expect(imported).toEqual([expect.objectContaining({ uscc: good[0], status: 'active', grade: 'C', contactName: '王经理', scale: 'small', regionCode: v102 })]);
    expect((await repo.findOneByOrFail({ uscc: good[1] })).businessType).toBe('production');
    expect(await repo.findOneByOrFail({ uscc: good[2] })).toEqual(expect.objectContaining({ businessType: 'selling', grade: 'D', contactPhone: '13600002222', regionCode: v102, scale: 'micro' }));
    // The same file again: every row is a duplicate now, nothing is imported twice.
    const again = await upload(regulator, await workbook(rows));
    expect(again.body.imported).toBe(0);
  });

  it('the template: Chinese headers, text-formatted, with a 说明 sheet; filled in, it imports', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/enterprises/import/template', headers: { authorization: `Bearer ${regulator}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain('attachment');
    const wb = new Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0];
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['企业名称*', '统一社会信用代码*', '许可证编号*', '业态*', '地址*', '村/社区代码*', '联系人', '联系电话', '风险等级*']));
    expect(wb.getWorksheet('说明')).toBeDefined();
    ws.addRow(['模板导入餐馆', realUscc(), realJy('2'), '餐饮服务', '新城区模板路 1 号', v102, '赵', '13600003333', 'B']);
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const imported = await upload(regulator, filled);
    expect(imported.body).toEqual({ total: 1, imported: 1, rejected: [] });
    const cadre = (await t.login(DEMO.cadre)).accessToken;
    expect((await t.app.inject({ method: 'GET', url: '/api/enterprises/import/template', headers: { authorization: `Bearer ${cadre}` } })).statusCode).toBe(403);
  });

  it('refuses what is not an .xlsx workbook, by content', async () => {
    const notZip = await upload(regulator, Buffer.from('企业名称,统一社会信用代码\n某店,91150102MA0000001X\n'), 'list.xlsx');
    expectErrorBody(notZip, 415, 'ENTERPRISE_IMPORT_NOT_XLSX');
    expect(notZip.body.message).toContain('.xlsx');
    // A zip that is not a workbook.
    const fakeZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]);
    expectErrorBody(await upload(regulator, fakeZip), 400, 'ENTERPRISE_IMPORT_UNREADABLE');
  });

  it('a workbook without a required column is refused whole, naming the columns', async () => {
    const res = await upload(regulator, await workbook([['某店', realUscc()]], ['企业名称', '统一社会信用代码']));
    expectErrorBody(res, 400, 'ENTERPRISE_IMPORT_HEADERS');
    expect(res.body.message).toContain('许可证编号');
    expect(res.body.message).toContain('风险等级');
  });

  it('is size-limited (5 MB) → 413', async () => {
    const big = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(5 * 1024 * 1024 + 10)]);
    expectErrorBody(await upload(regulator, big), 413, 'FILE_TOO_LARGE');
  });

  it('regulators and admins only; another county’s regulator cannot import into 新城区', async () => {
    const file = await workbook([['越权餐馆', realUscc(), realJy('2'), '餐饮服务', '新城区 1 号', v102, null, null, 'D', null, null]]);
    for (const phone of [DEMO.cadre, DEMO.principal]) {
      expectErrorBody(await upload((await t.login(phone)).accessToken, file), 403, 'FORBIDDEN');
    }
    const other = await insertUser(t, { role: Role.Regulator, regionCode: '150103' });
    const res = await upload((await t.login(other.phone)).accessToken, file);
    expect(res.body.imported).toBe(0);
    expect(res.body.rejected).toEqual([expect.objectContaining({ row: 2, field: '村/社区代码', message: expect.stringContaining('不在本辖区') })]);
    const admin = (await t.login(DEMO.admin)).accessToken;
    expect((await upload(admin, file)).body.imported).toBe(1);
  });
});
