import { PassThrough, Readable } from 'node:stream';
import { Workbook } from 'exceljs';
import { attachmentDisposition, cellOf, pagedRows, xlsxExport, XlsxColumn } from './xlsx-export';

interface Row {
  n: number;
  name: string;
  date: string;
  rate: number | null;
}

const COLUMNS: XlsxColumn<Row>[] = [
  { header: '序号', kind: 'integer', value: (r) => r.n },
  { header: '名称', width: 30, value: (r) => r.name },
  { header: '日期', kind: 'date', value: (r) => r.date },
  { header: '完成率', kind: 'rate', value: (r) => r.rate },
];

async function* rows(count: number, pulled: { n: number }): AsyncGenerator<Row> {
  for (let n = 1; n <= count; n++) {
    pulled.n = n;
    yield { n, name: `企业${n}`, date: '2026-11-25', rate: n % 4 === 0 ? null : (n % 3) / 3 };
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('xlsx export', () => {
  it('writes the rows after a bold, frozen header, with text dates and percentage rates', async () => {
    const pulled = { n: 0 };
    const file = await xlsxExport({ fileName: '企业名录-2026-11-25', columns: COLUMNS, rows: rows(2500, pulled) });
    expect(file.getHeaders().disposition).toBe(`attachment; filename="export-2026-11-25.xlsx"; filename*=UTF-8''${encodeURIComponent('企业名录-2026-11-25.xlsx')}`);
    const wb = new Workbook();
    await wb.xlsx.load((await readAll(file.getStream())) as never);
    const sheet = wb.worksheets[0];
    expect(sheet.name).toBe('企业名录');
    expect(sheet.rowCount).toBe(2501);
    expect(sheet.getRow(1).values).toEqual([undefined, '序号', '名称', '日期', '完成率']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(2).width).toBe(30);
    expect(sheet.getRow(3).values).toEqual([undefined, 2, '企业2', '2026-11-25', 2 / 3]);
    expect(sheet.getCell('D3').numFmt).toBe('0.0%');
    expect(sheet.getCell('D5').value).toBe('—');
    expect(sheet.getCell('C2').type).toBe(3); // ValueType.String
  });

  it('pulls rows only as fast as the client reads them', async () => {
    const pulled = { n: 0 };
    const file = await xlsxExport({ fileName: 'big', columns: COLUMNS, rows: rows(200_000, pulled) });
    const stream = file.getStream() as PassThrough;
    // Nobody reads: the export stalls on the full response buffer (once what is being compressed
    // has come through) instead of pulling every row.
    let before = -1;
    for (let i = 0; i < 20 && pulled.n !== before; i++) {
      before = pulled.n;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(pulled.n).toBe(before);
    expect(pulled.n).toBeLessThan(10_000);
    // Reading resumes it, to the end.
    const size = (await readAll(stream)).length;
    expect(pulled.n).toBe(200_000);
    expect(size).toBeGreaterThan(1_000_000);
  }, 120_000);

  it('turns instants into Asia/Shanghai dates and times, booleans into 是/否', () => {
    expect(cellOf('date', '2026-11-25T16:30:00.000Z')).toEqual({ value: '2026-11-26' });
    expect(cellOf('datetime', '2026-11-25T16:30:00.000Z')).toEqual({ value: '2026-11-26 00:30' });
    expect(cellOf('boolean', false)).toEqual({ value: '否' });
    expect(cellOf('integer', 7)).toEqual({ value: 7, numFmt: '0' });
    expect(cellOf('text', null)).toEqual({ value: null });
    expect(attachmentDisposition('daily.xlsx')).toBe(`attachment; filename="daily.xlsx"; filename*=UTF-8''daily.xlsx`);
  });

  it('an error before the first row is thrown (the caller answers JSON), not streamed', async () => {
    async function* failing(): AsyncGenerator<Row> {
      throw new Error('区划不存在');
    }
    await expect(xlsxExport({ fileName: 'x', columns: COLUMNS, rows: failing() })).rejects.toThrow('区划不存在');
  });

  it('pagedRows asks for the page after the last row until a short page', async () => {
    const asked: Array<number | undefined> = [];
    const all = Array.from({ length: 7 }, (_, i) => i + 1);
    const got: number[] = [];
    for await (const n of pagedRows<number>(async (after, size) => {
      asked.push(after);
      const from = after ?? 0;
      return all.filter((x) => x > from).slice(0, size);
    }, 3)) got.push(n);
    expect(got).toEqual(all);
    expect(asked).toEqual([undefined, 3, 6]);
  });
});
