// Streaming .xlsx export for every list officials use (`?format=xlsx`) and the dashboard tables.
// Rows are pulled page by page from an async iterable and written through exceljs's streaming
// WorkbookWriter straight into the response, so a 200,000-row export never sits in memory.
import { PassThrough } from 'node:stream';
import { applyDecorators, Logger, StreamableFile } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { stream as xlsxStream } from 'exceljs';
import { businessDateOf, formatRate } from '@shian/shared';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The one value `?format=` takes; a list without it answers JSON. */
export const EXPORT_FORMATS = ['xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The `format` query field of a list that can export: `@ExportFormatField() format?: ExportFormat;` */
export const ExportFormatField = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ enum: EXPORT_FORMATS, description: 'xlsx：导出全部符合条件的行为 Excel 文件（不分页，筛选条件与列表相同）' }),
    IsOptional(),
    IsIn(EXPORT_FORMATS),
  );

/**
 * How a column's values are written:
 * - text (default): as given; numbers stay numbers
 * - date: 'YYYY-MM-DD' text — a business date as is, an instant (Date or ISO string) as its Asia/Shanghai date
 * - datetime: an instant as 'YYYY-MM-DD HH:mm' text, Asia/Shanghai
 * - integer: a number cell, no decimals
 * - rate: a ratio in [0, 1] as a percentage cell (0.0%); null as 「—」 like the screens
 * - boolean: 是 / 否
 */
export type XlsxColumnKind = 'text' | 'date' | 'datetime' | 'integer' | 'rate' | 'boolean';

export type XlsxValue = string | number | boolean | Date | null | undefined;

export interface XlsxColumn<T> {
  /** Chinese header, as on the screen. */
  header: string;
  /** Width in characters (a Chinese character counts about 2). */
  width?: number;
  kind?: XlsxColumnKind;
  value: (row: T) => XlsxValue;
}

export interface XlsxExportSpec<T> {
  /** File name without extension, Chinese welcome: '企业名录-2026-11-25' → 企业名录-2026-11-25.xlsx. */
  fileName: string;
  /** Sheet name (≤ 31 characters); the file name by default. */
  sheetName?: string;
  columns: readonly XlsxColumn<T>[];
  /** The rows in order, pulled lazily (see pagedRows); an array is fine for small tables. */
  rows: AsyncIterable<T> | Iterable<T>;
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

function instantOf(v: string | Date): Date | null {
  const d = v instanceof Date ? v : new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A cell's value and number format for one column kind. */
export function cellOf(kind: XlsxColumnKind, v: XlsxValue): { value: string | number | null; numFmt?: string } {
  if (v === null || v === undefined || v === '') return { value: kind === 'rate' ? formatRate(null) : null };
  switch (kind) {
    case 'date': {
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return { value: v };
      const d = typeof v === 'string' || v instanceof Date ? instantOf(v) : null;
      return { value: d ? businessDateOf(d) : String(v) };
    }
    case 'datetime': {
      const d = typeof v === 'string' || v instanceof Date ? instantOf(v) : null;
      // China has kept UTC+8 without daylight saving since 1991.
      return { value: d ? new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ') : String(v) };
    }
    case 'integer':
      return typeof v === 'number' ? { value: v, numFmt: '0' } : { value: String(v) };
    case 'rate':
      return typeof v === 'number' ? { value: v, numFmt: '0.0%' } : { value: String(v) };
    case 'boolean':
      return { value: v ? '是' : '否' };
    case 'text':
      return { value: typeof v === 'number' ? v : v instanceof Date ? v.toISOString() : String(v) };
  }
}

/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 Chinese name. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/\.xlsx$/, '').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '').trim();
  // '企业名录-2026-11-25' keeps only '-2026-11-25' in ASCII: name it export-2026-11-25.
  const fallback = /[A-Za-z0-9]/.test(ascii) ? (/^[A-Za-z0-9]/.test(ascii) ? ascii : `export${ascii}`) : 'export';
  return `attachment; filename="${fallback}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

const logger = new Logger('XlsxExport');

/**
 * Streams `rows` as a one-sheet workbook: bold frozen header row, the columns' widths and kinds.
 * Return its result from the handler (`return xlsxExport({...})`); the Fastify adapter pipes the
 * stream into the reply.
 *
 * The first row is pulled before anything is sent, so an error there (a 404 region, a bad filter
 * found by the service) still answers as the usual JSON error. A failure after that can only cut
 * the download short; it is logged.
 *
 *   @Get() list(@CurrentCaller() caller, @Query() q: ListXQuery): Promise<Page<XDto> | StreamableFile> {
 *     return q.format === 'xlsx'
 *       ? xlsxExport({ fileName: `每日检查记录-${todayInShanghai()}`, columns: DAILY_CHECK_COLUMNS, rows: this.x.rows(caller, q) })
 *       : this.x.list(caller, q);
 *   }
 */
export async function xlsxExport<T>(spec: XlsxExportSpec<T>): Promise<StreamableFile> {
  const iterator: AsyncIterator<T> | Iterator<T> = Symbol.asyncIterator in spec.rows ? spec.rows[Symbol.asyncIterator]() : spec.rows[Symbol.iterator]();
  const first = await iterator.next();

  const out = new PassThrough();
  const fileName = `${spec.fileName}.xlsx`;
  void write(spec, first, iterator, out).catch((err: unknown) => {
    if (!(err instanceof ClientGone)) logger.error({ msg: 'xlsx export failed', file: fileName, error: (err as Error)?.message, stack: (err as Error)?.stack });
    out.destroy(err as Error);
  });
  return new StreamableFile(out, { type: XLSX_CONTENT_TYPE, disposition: attachmentDisposition(fileName) });
}

/** The client closed the connection mid-download: not an error of ours. */
class ClientGone extends Error {}

const ROWS_PER_WAIT = 200;

/**
 * Backpressure: exceljs buffers whatever it is given, so the rows are held back instead. The
 * compression runs on libuv's thread pool, so first let the event loop turn; then, while the
 * response's buffer is full (a slow client), wait for it to drain before pulling more rows.
 */
async function roomIn(out: PassThrough): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  while (out.writableNeedDrain && !out.destroyed) {
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done);
        out.off('close', done);
        resolve();
      };
      out.once('drain', done);
      out.once('close', done);
    });
  }
  if (out.destroyed) throw new ClientGone('client closed the download');
}

async function write<T>(spec: XlsxExportSpec<T>, first: IteratorResult<T>, rest: AsyncIterator<T> | Iterator<T>, out: PassThrough): Promise<void> {
  // Shared strings would keep every distinct string in memory until the end: inline strings instead.
  const workbook = new xlsxStream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = '食安两责';
  const sheet = workbook.addWorksheet((spec.sheetName ?? spec.fileName.replace(/-\d{4}-\d{2}-\d{2}$/, '')).replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = spec.columns.map((c, i) => ({ key: `c${i}`, width: c.width ?? Math.max(10, c.header.length * 2 + 2) }));
  const header = sheet.addRow(spec.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();

  const kinds = spec.columns.map((c) => c.kind ?? 'text');
  let written = 0;
  for (let next = first; !next.done; next = await rest.next()) {
    const row = sheet.addRow([]);
    spec.columns.forEach((c, i) => {
      const { value, numFmt } = cellOf(kinds[i], c.value(next.value as T));
      const cell = row.getCell(i + 1);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
    });
    row.commit();
    if (++written % ROWS_PER_WAIT === 0) await roomIn(out);
  }
  sheet.commit();
  await workbook.commit();
}

/** Rows fetched per query while exporting: a few MB of rows at most in memory. */
export const EXPORT_PAGE_SIZE = 1000;

/**
 * Rows of a query, a page at a time, by keyset: `fetch(after)` returns the rows following `after`
 * (the last row of the previous page; undefined for the first), at most `pageSize` of them, in
 * the list's order. Keyset rather than OFFSET, so page 200 costs what page 1 does and rows added
 * while the export runs neither repeat nor shift others out.
 */
export async function* pagedRows<T>(fetch: (after: T | undefined, pageSize: number) => Promise<T[]>, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<T> {
  let after: T | undefined;
  for (;;) {
    const page = await fetch(after, pageSize);
    yield* page;
    if (page.length < pageSize) return;
    after = page[page.length - 1];
  }
}
