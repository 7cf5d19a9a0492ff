// 公示牌 (issue #7): an A4 poster for the shop wall, vector throughout, legible from 2 m — the
// business's public facts and a QR code to its public page. Staff names are left off: they change,
// and the page behind the code shows the current ones, masked.
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Grade } from '@shian/shared';
import type { FontFace, PosterFonts } from '../config/config';

export interface PosterFacts {
  name: string;
  licenceNo: string;
  address: string;
  grade: Grade | null;
  /** County down to village, e.g. '新城区 海东路街道 青城社区'. */
  regionName: string;
  /** What the QR code opens: the business's public page. */
  url: string;
  /** Asia/Shanghai business date the poster was made. */
  date: string;
}

interface LoadedFace {
  data: Buffer;
  face: string | null;
}

/** The fonts, read once at start-up (each file is ~20 MB; pdfkit subsets what a poster uses). */
export type PosterFontState = { ok: true; regular: LoadedFace; bold: LoadedFace } | { ok: false; problem: string };

/** A scratch document in which a face is registered and selected: throws if pdfkit cannot use it. */
function tryFace(f: LoadedFace): PDFKit.PDFDocument {
  const doc = new PDFDocument({ autoFirstPage: false });
  doc.registerFont('probe', f.data, f.face ?? undefined);
  return doc.font('probe');
}

/** Loads and checks the poster's faces; a problem is described for the log (path included). */
export function loadPosterFonts(config: PosterFonts): PosterFontState {
  const files = new Map<string, Buffer>();
  const load = (f: FontFace): LoadedFace | string => {
    let data = files.get(f.path);
    if (!data) {
      try {
        data = readFileSync(f.path);
      } catch {
        return `找不到字体文件 ${f.path}`;
      }
      files.set(f.path, data);
    }
    const face: LoadedFace = { data, face: f.face };
    let doc: PDFKit.PDFDocument;
    try {
      doc = tryFace(face);
    } catch {
      return f.face ? `字体文件 ${f.path} 不可用或不含字体 ${f.face}` : `字体文件 ${f.path} 不可用（集合字体 .ttc 需在 # 后写明字体名）`;
    }
    // pdfkit has no public way to ask for a glyph; its fontkit font does (a missing glyph prints as a box).
    const font = (doc as unknown as { _font?: { font?: { hasGlyphForCodePoint?: (c: number) => boolean } } })._font?.font;
    if (font?.hasGlyphForCodePoint && !font.hasGlyphForCodePoint('食'.codePointAt(0)!)) return `字体 ${f.face ?? f.path} 不含中文字形`;
    return face;
  };
  const regular = load(config.regular);
  if (typeof regular === 'string') return { ok: false, problem: regular };
  const bold = load(config.bold);
  if (typeof bold === 'string') return { ok: false, problem: bold };
  return { ok: true, regular, bold };
}

// A4 portrait in points (1 pt = 1/72 in); 1 cm = 28.35 pt.
const PAGE = { width: 595.28, height: 841.89 };
const CM = 72 / 2.54;
const FRAME = 22;
const MARGIN = 46;
const WIDTH = PAGE.width - 2 * MARGIN;
const GREEN = '#1b5e20';
const INK = '#1a1a1a';
const GREY = '#555555';
/** The QR symbol with its 4-module quiet zone: 9.5 cm, readable by a phone from 2 m. */
const QR_SIZE = 9.5 * CM;
const QR_QUIET = 4;

const GRADE_LABELS: Record<Grade, string> = { A: '风险等级 A 级', B: '风险等级 B 级', C: '风险等级 C 级', D: '风险等级 D 级' };

/**
 * The largest size from `sizes` at which the text fits `width` × `height`; at the smallest, what
 * does not fit is cut with an ellipsis — the text never runs off its box or onto a second page.
 */
function fitText(doc: PDFKit.PDFDocument, font: string, text: string, box: { x: number; y: number; width: number; height: number }, sizes: number[], opts: PDFKit.Mixins.TextOptions = {}): number {
  doc.font(font);
  for (const size of sizes) {
    const h = doc.fontSize(size).heightOfString(text, { width: box.width, ...opts });
    if (h <= box.height) {
      doc.text(text, box.x, box.y, { width: box.width, ...opts });
      return h;
    }
  }
  doc.fontSize(sizes[sizes.length - 1]).text(text, box.x, box.y, { width: box.width, height: box.height, ellipsis: '…', ...opts });
  return box.height;
}

/** The QR code as filled squares (one rectangle per run of dark modules in a row), vector at any scale. */
function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const unit = size / (n + 2 * QR_QUIET);
  const x0 = x + QR_QUIET * unit;
  const y0 = y + QR_QUIET * unit;
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; ) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      // A hair of overlap downwards so no light seam shows between rows when rasterised.
      doc.rect(x0 + start * unit, y0 + row * unit, (col - start) * unit, unit + 0.05);
    }
  }
  doc.fill('#000000');
}

/** The poster as one A4 page of PDF. */
export function renderPoster(facts: PosterFacts, fonts: Extract<PosterFontState, { ok: true }>): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    info: { Title: `食品安全公示牌 ${facts.name}`, Subject: facts.url, Creator: '食安两责', Producer: '食安两责' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.regular.data, fonts.regular.face ?? undefined);
  doc.registerFont('bold', fonts.bold.data, fonts.bold.face ?? undefined);

  doc.lineWidth(3).rect(FRAME, FRAME, PAGE.width - 2 * FRAME, PAGE.height - 2 * FRAME).stroke(GREEN);

  // Title band.
  const bandTop = FRAME;
  const bandHeight = 78;
  doc.rect(FRAME, bandTop, PAGE.width - 2 * FRAME, bandHeight).fill(GREEN);
  doc.fillColor('#ffffff').font('bold').fontSize(42).text('食品安全公示牌', MARGIN, bandTop + 10, { width: WIDTH, align: 'center', characterSpacing: 6 });

  // The business name: as large as fits in three lines, never past its box.
  let y = bandTop + bandHeight + 14;
  doc.fillColor(INK);
  y += fitText(doc, 'bold', facts.name, { x: MARGIN, y, width: WIDTH, height: 96 }, [40, 34, 30, 26, 22, 19, 16], { align: 'center', lineGap: 2 });
  y += 10;
  doc.lineWidth(1).moveTo(MARGIN, y).lineTo(PAGE.width - MARGIN, y).stroke(GREEN);
  y += 14;

  // The grade box on the left, the licence, address and region on the right.
  const box = { x: MARGIN, y, width: 128, height: 150 };
  doc.lineWidth(2).roundedRect(box.x, box.y, box.width, box.height, 8).stroke(INK);
  doc.fillColor(GREY).font('regular').fontSize(14).text('风险分级', box.x, box.y + 10, { width: box.width, align: 'center' });
  doc.fillColor(INK).font('bold').fontSize(80).text(facts.grade ?? '—', box.x, box.y + 26, { width: box.width, align: 'center', lineBreak: false });
  doc.font('bold').fontSize(14).text(facts.grade ? GRADE_LABELS[facts.grade] : '未定级', box.x, box.y + box.height - 30, { width: box.width, align: 'center' });

  const infoX = box.x + box.width + 20;
  const infoWidth = PAGE.width - MARGIN - infoX;
  const labelWidth = 80;
  let iy = box.y + 4;
  const field = (label: string, value: string, maxHeight: number) => {
    doc.fillColor(GREY).font('regular').fontSize(14).text(label, infoX, iy + 2, { width: labelWidth, lineBreak: false });
    doc.fillColor(INK);
    iy += Math.max(24, fitText(doc, 'bold', value, { x: infoX + labelWidth, y: iy, width: infoWidth - labelWidth, height: maxHeight }, [17, 15, 13, 11], { lineGap: 1 })) + 10;
  };
  field('许可证编号', facts.licenceNo, 24);
  field('经营地址', facts.address, 62);
  field('所在地区', facts.regionName || '—', 40);
  y = Math.max(box.y + box.height, iy) + 12;

  // The QR code, centred, and what it is for.
  drawQr(doc, facts.url, (PAGE.width - QR_SIZE) / 2, y, QR_SIZE);
  y += QR_SIZE + 6;
  doc.fillColor(INK).font('bold').fontSize(20).text('微信或手机浏览器扫码', MARGIN, y, { width: WIDTH, align: 'center' });
  y += 26;
  doc.font('regular').fontSize(16).text('查看日管控记录、整改情况 · 投诉举报', MARGIN, y, { width: WIDTH, align: 'center' });
  y += 28;
  doc.fillColor('#b71c1c').font('bold').fontSize(24).text('全国投诉举报电话 12315', MARGIN, y, { width: WIDTH, align: 'center' });

  // Footer: when it was made (its facts are as of that day; the QR page is always current).
  const footY = PAGE.height - FRAME - 26;
  doc.fillColor(GREY).font('regular').fontSize(11).text(`打印日期 ${facts.date}　　扫码查看实时信息`, MARGIN, footY, { width: WIDTH, align: 'center', lineBreak: false });

  doc.end();
  return done;
}
