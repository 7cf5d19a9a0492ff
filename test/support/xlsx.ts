// Reading an exported .xlsx back the way a user's spreadsheet program would: the first sheet's
// header row and data rows as plain values (text, numbers; empty cells null).
import { Workbook, Worksheet } from 'exceljs';

export type CellText = string | number | null;

export interface SheetContent {
  sheet: Worksheet;
  header: string[];
  rows: CellText[][];
}

function plain(v: unknown): CellText {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'object' && v && 'richText' in v) return (v as { richText: Array<{ text: string }> }).richText.map((r) => r.text).join('');
  return String(v);
}

export async function readXlsx(content: Buffer): Promise<SheetContent> {
  const wb = new Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  const width = sheet.getRow(1).cellCount;
  const all: CellText[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    all.push(Array.from({ length: width }, (_, i) => plain(row.getCell(i + 1).value)));
  });
  const [header, ...rows] = all;
  return { sheet, header: header.map((h) => String(h)), rows };
}

/** An instant as the exports write it: 'YYYY-MM-DD HH:mm', Asia/Shanghai. */
export function shanghaiMinute(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
