import { Grade } from '@shian/shared';
import { loadConfig } from '../config/config';
import { loadPosterFonts, PosterFacts, PosterFontState, renderPoster } from './poster';

const defaults = loadConfig({ JWT_SECRET: 'x'.repeat(40), DATA_DIR: '/tmp/shian-poster-spec' }).posterFonts;
const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

const facts = (over: Partial<PosterFacts> = {}): PosterFacts => ({
  name: '新城区青城味道餐馆',
  licenceNo: 'JY11501020012345',
  address: '呼和浩特市新城区海拉尔东路 18 号',
  grade: Grade.B,
  regionName: '新城区 海拉尔东路街道 青城社区',
  url: 'https://shian.example.cn/#/packages/public/pages/enterprise/index?id=3f1c2b7e-8a4d-4c55-9d0e-7b6a5c4d3e2f',
  date: '2026-11-25',
  ...over,
});

describe('公示牌 PDF', () => {
  let fonts: Extract<PosterFontState, { ok: true }>;
  beforeAll(() => {
    const loaded = loadPosterFonts(defaults);
    if (!loaded.ok) throw new Error(`the Debian CJK fonts are needed for this test: ${loaded.problem}`);
    fonts = loaded;
  });

  it('is one A4 page with the fonts embedded as subsets', async () => {
    const pdf = await renderPoster(facts(), fonts);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages(pdf)).toBe(1);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    // Subset fonts, not the 20 MB collections.
    expect(pdf.length).toBeLessThan(400_000);
  });

  it('keeps very long names and addresses on the one page', async () => {
    const name = '内蒙古自治区呼和浩特市新城区海拉尔东路街道青城社区青城味道特色风味餐饮管理有限责任公司第一分店'.padEnd(60, '店');
    expect(name).toHaveLength(60);
    expect(pages(await renderPoster(facts({ name, address: '呼和浩特市新城区'.repeat(20), regionName: '新城区 海拉尔东路街道 青城社区'.repeat(4) }), fonts))).toBe(1);
    expect(pages(await renderPoster(facts({ name: '餐'.repeat(200), grade: null }), fonts))).toBe(1);
  });

  it('says what is wrong with an unusable font', () => {
    const missing = loadPosterFonts({ regular: { path: '/nonexistent/x.ttc', face: null }, bold: { path: '/nonexistent/x.ttc', face: null }, fromDefault: false });
    expect(missing).toEqual({ ok: false, problem: '找不到字体文件 /nonexistent/x.ttc' });
    const face = { path: defaults.regular.path, face: 'NoSuchFace' };
    const wrongFace = loadPosterFonts({ regular: face, bold: face, fromDefault: false });
    expect(wrongFace.ok).toBe(false);
    expect(!wrongFace.ok && wrongFace.problem).toContain('NoSuchFace');
  });
});
