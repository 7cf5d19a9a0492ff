import { Workbook } from 'exceljs';
import { AppError } from '../common/app-error';
import { assertXlsxContainer, columnLetter, IMPORT_COLUMNS, importTemplate, readImportWorkbook } from './enterprise-workbook';

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('s');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Offsets of the central directory entries of a zip. */
function centralEntries(buf: Buffer): number[] {
  let eocd = buf.length - 22;
  while (buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const out: number[] = [];
  let at = buf.readUInt32LE(eocd + 16);
  for (let n = buf.readUInt16LE(eocd + 10); n > 0; n--) {
    out.push(at);
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return out;
}

const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return (e as AppError).code;
  }
  return undefined;
};

describe('import workbooks', () => {
  it('accept a real workbook and refuse other content by its bytes', async () => {
    const good = await xlsx([['企业名称']]);
    expect(code(() => assertXlsxContainer(good))).toBeUndefined();
    expect(code(() => assertXlsxContainer(Buffer.from('a,b,c\n1,2,3\n')))).toBe('ENTERPRISE_IMPORT_NOT_XLSX');
    expect(code(() => assertXlsxContainer(Buffer.from('%PDF-1.4 ........................')))).toBe('ENTERPRISE_IMPORT_NOT_XLSX');
  });

  it('refuse a zip that claims to unzip to more than the limit, or a ZIP64 entry', async () => {
    const bomb = await xlsx([['企业名称']]);
    bomb.writeUInt32LE(0x7fffffff, centralEntries(bomb)[0] + 24);
    expect(code(() => assertXlsxContainer(bomb))).toBe('ENTERPRISE_IMPORT_UNREADABLE');
    const zip64 = await xlsx([['企业名称']]);
    zip64.writeUInt32LE(0xffffffff, centralEntries(zip64)[0] + 24);
    expect(code(() => assertXlsxContainer(zip64))).toBe('ENTERPRISE_IMPORT_UNREADABLE');
    const truncated = (await xlsx([['企业名称']])).subarray(0, 200);
    expect(code(() => assertXlsxContainer(truncated))).toBe('ENTERPRISE_IMPORT_UNREADABLE');
  });

  it('find columns by header in any order, ignore 「*」 marks and blank rows, keep Excel row numbers', async () => {
    const sheet = await readImportWorkbook(
      await xlsx([
        ['风险等级*', '企业名称*', '统一社会信用代码', '许可证编号', '业态', '地址', '村/社区代码', '备注'],
        ['C', '甲店', 'X', 'Y', '餐饮服务', '地址', '150102001001', '无关列'],
        [],
        ['D', { richText: [{ text: '乙' }, { text: '店' }] }, 'X2', 'Y2', '食品销售', '地址2', 150102001002],
      ]),
    );
    const byHeader = (h: string) => IMPORT_COLUMNS.find((c) => c.header === h)!;
    expect(sheet.columns.get(byHeader('风险等级'))).toBe(1);
    expect(sheet.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(sheet.rows[1].cells.get(byHeader('企业名称'))).toBe('乙店');
    expect(sheet.rows[1].cells.get(byHeader('村/社区代码'))).toBe('150102001002');
  });

  it('name columns as Excel does', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });

  it('the template reads back with every column', async () => {
    const sheet = await readImportWorkbook(await importTemplate());
    expect(sheet.columns.size).toBe(IMPORT_COLUMNS.length);
    expect(sheet.rows).toEqual([]);
  });
});
