// The .xlsx side of importing businesses: the template's columns (Chinese headers), reading a
// workbook into rows of text, and the checks a workbook passes before exceljs opens it.
import { CellValue, Workbook, Worksheet } from 'exceljs';
import { BUSINESS_TYPE_LABELS, BusinessType, CANTEEN_KIND_LABELS, CanteenKind, ENTERPRISE_SCALE_LABELS, EnterpriseScale, Grade } from '@shian/shared';
import { AppError } from '../common/app-error';
import { EnterpriseErrors } from './enterprises.errors';

/** Largest workbook accepted, and largest it may unzip to (a small zip can expand enormously). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 5000;
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A cell turned into a request field: the value, or why it cannot be one. */
type Parsed = { value: unknown } | { problem: string };

export interface ImportColumn {
  header: string;
  /** The request field it fills (CreateEnterpriseDto). */
  field: string;
  required: boolean;
  width: number;
  /** What the 说明 sheet says about the column. */
  note: string;
  /** Choices offered as a drop-down in the template. */
  choices?: readonly string[];
  parse: (text: string) => Parsed;
}

const text = (t: string): Parsed => ({ value: t });
const upper = (t: string): Parsed => ({ value: t.toUpperCase() });

/** A label from the template's list, or the code itself (餐饮服务 or catering), in either case (d → D). */
function choice<T extends string>(labels: Record<T, string>, what: string): (t: string) => Parsed {
  return (t) => {
    const folded = t.toLowerCase();
    const hit = (Object.entries(labels) as Array<[T, string]>).find(([code, label]) => folded === label.toLowerCase() || folded === code.toLowerCase());
    return hit ? { value: hit[0] } : { problem: `${what}应为：${Object.values(labels).join('、')}` };
  };
}

function yesNo(what: string): (t: string) => Parsed {
  return (t) => {
    if (['是', 'Y', 'y', 'TRUE', 'true', '1'].includes(t)) return { value: true };
    if (['否', 'N', 'n', 'FALSE', 'false', '0'].includes(t)) return { value: false };
    return { problem: `${what}应填「是」或「否」` };
  };
}

const GRADE_LABELS: Record<Grade, string> = { [Grade.A]: 'A', [Grade.B]: 'B', [Grade.C]: 'C', [Grade.D]: 'D' };

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { header: '企业名称', field: 'name', required: true, width: 30, note: '必填，不超过200字', parse: text },
  { header: '统一社会信用代码', field: 'uscc', required: true, width: 22, note: '必填，18位，校验位须正确（GB 32100）', parse: upper },
  { header: '许可证编号', field: 'licenceNo', required: true, width: 20, note: '必填，JY（食品经营）或 SC（食品生产）加14位数字；食品生产企业填 SC', parse: upper },
  { header: '业态', field: 'businessType', required: true, width: 16, note: `必填：${Object.values(BUSINESS_TYPE_LABELS).join('、')}`, choices: Object.values(BUSINESS_TYPE_LABELS), parse: choice(BUSINESS_TYPE_LABELS as Record<BusinessType, string>, '业态') },
  { header: '地址', field: 'address', required: true, width: 40, note: '必填，不超过300字', parse: text },
  { header: '村/社区代码', field: 'regionCode', required: true, width: 16, note: '必填，12位村（社区）区划代码，须在本辖区内', parse: text },
  { header: '联系人', field: 'contactName', required: false, width: 12, note: '选填', parse: text },
  { header: '联系电话', field: 'contactPhone', required: false, width: 16, note: '选填，手机号或不含横线的固定电话', parse: text },
  { header: '风险等级', field: 'grade', required: true, width: 10, note: '必填：A、B、C、D', choices: Object.values(GRADE_LABELS), parse: choice(GRADE_LABELS, '风险等级') },
  { header: '企业规模', field: 'scale', required: false, width: 10, note: `选填：${Object.values(ENTERPRISE_SCALE_LABELS).join('、')}（大中型须配备食品安全总监）`, choices: Object.values(ENTERPRISE_SCALE_LABELS), parse: choice(ENTERPRISE_SCALE_LABELS as Record<EnterpriseScale, string>, '企业规模') },
  { header: '连锁总部', field: 'chainHeadquarters', required: false, width: 10, note: '选填：是、否', choices: ['是', '否'], parse: yesNo('连锁总部') },
  { header: '中央厨房', field: 'centralKitchen', required: false, width: 10, note: '选填：是、否', choices: ['是', '否'], parse: yesNo('中央厨房') },
  { header: '特殊食品', field: 'specialFood', required: false, width: 10, note: '选填：是、否（保健食品、特医食品、婴幼儿配方食品生产企业）', choices: ['是', '否'], parse: yesNo('特殊食品') },
  { header: '食堂类别', field: 'canteenKind', required: false, width: 14, note: `选填（食堂）：${Object.values(CANTEEN_KIND_LABELS).join('、')}`, choices: Object.values(CANTEEN_KIND_LABELS), parse: choice(CANTEEN_KIND_LABELS as Record<CanteenKind, string>, '食堂类别') },
  { header: '承包经营', field: 'contractorOperated', required: false, width: 10, note: '选填（食堂）：是、否', choices: ['是', '否'], parse: yesNo('承包经营') },
  {
    header: '每餐用餐人数',
    field: 'dinersPerMeal',
    required: false,
    width: 14,
    note: '选填：食堂平均每餐用餐人数，或中央厨房、集体用餐配送单位的供餐人数',
    parse: (t) => (/^\d{1,7}$/.test(t) ? { value: Number(t) } : { problem: '每餐用餐人数应为不大于 1000000 的整数' }),
  },
];

export const columnLetter = (index: number): string => {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

/** Checks a workbook is a zip (PK\x03\x04) and does not unzip to more than the limit, before exceljs reads it. */
export function assertXlsxContainer(buf: Buffer): void {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) throw AppError.of(EnterpriseErrors, 'ENTERPRISE_IMPORT_NOT_XLSX', [{ field: 'file', message: EnterpriseErrors.ENTERPRISE_IMPORT_NOT_XLSX.message }]);
  const unreadable = () => AppError.of(EnterpriseErrors, 'ENTERPRISE_IMPORT_UNREADABLE', [{ field: 'file', message: EnterpriseErrors.ENTERPRISE_IMPORT_UNREADABLE.message }]);
  // The end-of-central-directory record: its signature within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable();
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  let unzipped = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw unreadable();
    const size = buf.readUInt32LE(at + 24);
    // 0xFFFFFFFF: a ZIP64 entry; no spreadsheet we accept needs one.
    if (size === 0xffffffff) throw unreadable();
    unzipped += size;
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  if (unzipped > IMPORT_MAX_UNZIPPED_BYTES) throw unreadable();
}

/** A cell as the text a person sees; null when it is a number too long to have kept its digits. */
function cellText(v: CellValue): string | null {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) && !Number.isSafeInteger(v) ? null : String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('').trim();
  if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: CellValue }).result ?? null);
  if ('hyperlink' in v) return String((v as { text?: unknown }).text ?? '').trim();
  return '';
}

export interface WorkbookRow {
  /** Excel's row number (header = 1). */
  row: number;
  /** Text by column header; null for a number that lost digits (entered as a number, not text). */
  cells: Map<ImportColumn, string | null>;
}

export interface WorkbookSheet {
  columns: Map<ImportColumn, number>;
  rows: WorkbookRow[];
}

/** Reads the first worksheet: headers located by name (any order, 「*」 marks ignored), blank rows skipped. */
export async function readImportWorkbook(buf: Buffer, importColumns: readonly ImportColumn[] = IMPORT_COLUMNS): Promise<WorkbookSheet> {
  assertXlsxContainer(buf);
  const wb = new Workbook();
  try {
    await wb.xlsx.load(buf as never);
  } catch {
    throw AppError.of(EnterpriseErrors, 'ENTERPRISE_IMPORT_UNREADABLE', [{ field: 'file', message: EnterpriseErrors.ENTERPRISE_IMPORT_UNREADABLE.message }]);
  }
  const ws: Worksheet | undefined = wb.worksheets[0];
  const columns = new Map<ImportColumn, number>();
  if (ws) {
    ws.getRow(1).eachCell((cell, col) => {
      const name = (cellText(cell.value) ?? '').replace(/[*＊\s]/g, '');
      const column = importColumns.find((c) => c.header === name);
      if (column && !columns.has(column)) columns.set(column, col);
    });
  }
  const missing = importColumns.filter((c) => c.required && !columns.has(c)).map((c) => c.header);
  if (missing.length) {
    const message = `工作簿第1行缺少必填列：${missing.join('、')}（请使用导入模板）`;
    throw AppError.of(EnterpriseErrors, 'ENTERPRISE_IMPORT_HEADERS', missing.map((h) => ({ field: h, message: `缺少列「${h}」` })), message);
  }
  const rows: WorkbookRow[] = [];
  const last = ws!.actualRowCount ? ws!.rowCount : 1;
  for (let r = 2; r <= last; r++) {
    const row = ws!.getRow(r);
    const cells = new Map<ImportColumn, string | null>();
    for (const [column, col] of columns) cells.set(column, cellText(row.getCell(col).value));
    if ([...cells.values()].every((v) => v === '')) continue;
    if (rows.length >= IMPORT_MAX_ROWS) {
      throw AppError.of(EnterpriseErrors, 'ENTERPRISE_IMPORT_TOO_MANY_ROWS', undefined, `一次最多导入 ${IMPORT_MAX_ROWS} 行，请分批导入`);
    }
    rows.push({ row: r, cells });
  }
  return { columns, rows };
}

/** A workbook template: its columns, the sheet to fill and the 说明 sheet's closing tips. */
export interface ImportTemplateSpec {
  columns: readonly ImportColumn[];
  sheetName: string;
  tips: readonly string[];
}

const ENTERPRISE_TEMPLATE: ImportTemplateSpec = {
  columns: IMPORT_COLUMNS,
  sheetName: '企业名单',
  tips: [
    '只导入第一个工作表；带 * 的列必填；每行单独判断，有错的行整行不导入，导入结果会逐行说明原因。',
    `统一社会信用代码、许可证编号、区划代码请保持文本格式，以免长数字丢失精度；一次最多 ${IMPORT_MAX_ROWS} 行。`,
  ],
};

/** The template: one sheet to fill (text-formatted, drop-downs for the fixed choices) and one 说明. */
export async function importTemplate(spec: ImportTemplateSpec = ENTERPRISE_TEMPLATE): Promise<Buffer> {
  const wb = new Workbook();
  wb.creator = '食安两责';
  const ws = wb.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.columns.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.field, width: c.width, style: { numFmt: '@' } }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F3EC' } };
  });
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: object): void } }).dataValidations;
  spec.columns.forEach((c, i) => {
    if (!c.choices) return;
    const col = columnLetter(i);
    validations.add(`${col}2:${col}${IMPORT_MAX_ROWS + 1}`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [`"${c.choices.join(',')}"`],
      showErrorMessage: true,
      errorTitle: c.header,
      error: c.note,
    });
  });
  const help = wb.addWorksheet('说明');
  help.columns = [
    { header: '列', key: 'header', width: 18 },
    { header: '填写要求', key: 'note', width: 80 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of spec.columns) help.addRow({ header: c.header, note: c.note });
  help.addRow({});
  spec.tips.forEach((note, i) => help.addRow({ header: i === 0 ? '提示' : '', note }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
