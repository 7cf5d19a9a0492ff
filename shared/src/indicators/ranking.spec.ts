import { REGULATIONS } from '../regulations';
import { INDICATOR_KEYS, INDICATORS } from './catalogue';
import { compareFractions, formatFraction, formatRate, fraction, Fraction } from './fraction';
import { rankRegions, RegionIndicators } from './ranking';

describe('fraction and its display', () => {
  it('keeps both counts beside the rate; null over nothing', () => {
    expect(fraction(12, 15)).toEqual({ numerator: 12, denominator: 15, rate: 0.8 });
    expect(fraction(0, 0)).toEqual({ numerator: 0, denominator: 0, rate: null });
    expect(fraction(0, 7).rate).toBe(0);
  });

  it('refuses impossible counts', () => {
    expect(() => fraction(4, 3)).toThrow(RangeError);
    expect(() => fraction(-1, 3)).toThrow(RangeError);
    expect(() => fraction(1.5, 3)).toThrow(RangeError);
    expect(() => fraction(1, NaN)).toThrow(RangeError);
  });

  it('formats one decimal, half up, 「—」 for nothing to measure', () => {
    expect(formatRate(0.8)).toBe('80.0%');
    expect(formatRate(2 / 3)).toBe('66.7%');
    expect(formatRate(1 / 16)).toBe('6.3%');
    // 201/400 = 50.25 %, though 0.5025 × 1000 is 502.49999… in binary.
    expect(formatRate(201 / 400)).toBe('50.3%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatRate(null)).toBe('—');
    expect(formatRate(undefined)).toBe('—');
  });

  it('shows 100.0 % only when all is done, 0.0 % only when none is', () => {
    expect(formatRate(29_999 / 30_000)).toBe('99.9%');
    expect(formatRate(0.9995)).toBe('99.9%');
    expect(formatRate(1 / 30_000)).toBe('0.1%');
  });

  it('refuses what is not a rate', () => {
    for (const bad of [1.2, -0.1, NaN, Infinity]) expect(() => formatRate(bad)).toThrow(RangeError);
  });

  it('12/15 (80.0%) for a table cell', () => {
    expect(formatFraction(fraction(12, 15))).toBe('12/15 (80.0%)');
    expect(formatFraction(fraction(0, 0))).toBe('—');
    expect(formatFraction(fraction(0, 3))).toBe('0/3 (0.0%)');
  });

  it('compares rates exactly on the counts', () => {
    expect(compareFractions(fraction(2, 3), fraction(4, 6))).toBe(0);
    expect(compareFractions(fraction(3, 4), fraction(2, 3))).toBeGreaterThan(0);
    expect(compareFractions(fraction(2, 3), fraction(3, 4))).toBeLessThan(0);
    expect(compareFractions(fraction(0, 5), fraction(0, 9))).toBe(0);
    expect(compareFractions(fraction(5, 5), fraction(9, 9))).toBe(0);
    expect(compareFractions(fraction(5, 5), fraction(8, 9))).toBeGreaterThan(0);
    // Equal as doubles, not as rates; the cross-products (10^18) are past exact doubles.
    const [a, b] = [fraction(1e9, 1e9 + 1), fraction(1e9 - 1, 1e9)];
    expect(a.rate).toBe(b.rate);
    expect(compareFractions(a, b)).toBeGreaterThan(0);
    expect(compareFractions(b, a)).toBeLessThan(0);
    expect(() => compareFractions(fraction(0, 0), fraction(1, 2))).toThrow(RangeError);
  });
});

describe('硬排名 rankRegions', () => {
  const row = (regionCode: string, f?: Fraction): RegionIndicators => ({ regionCode, indicators: f ? { dailyCheckCompletion: f } : {} });
  // Deliberately out of order.
  const rows = [
    row('110105', fraction(1, 2)),
    row('110104', fraction(0, 0)),
    row('110102', fraction(4, 5)),
    row('110106'),
    row('110103', fraction(9, 10)),
    row('110101', fraction(8, 10)),
  ];
  const view = (ranked: ReturnType<typeof rankRegions>) => ranked.map((r) => [r.row.regionCode, r.rank, r.unranked]);

  it('competition ranking 1, 2, 2, 4; ties in region-code order; nothing due last and unranked', () => {
    expect(view(rankRegions(rows, 'dailyCheckCompletion'))).toEqual([
      ['110103', 1, false],
      ['110101', 2, false],
      ['110102', 2, false],
      ['110105', 4, false],
      ['110104', null, true],
      ['110106', null, true],
    ]);
  });

  it('ascending for a rate where lower is better; the unranked stay last', () => {
    expect(view(rankRegions(rows, 'dailyCheckCompletion', { direction: 'asc' }))).toEqual([
      ['110105', 1, false],
      ['110101', 2, false],
      ['110102', 2, false],
      ['110103', 4, false],
      ['110104', null, true],
      ['110106', null, true],
    ]);
  });

  it('carries the row and the value ranked on', () => {
    const [first] = rankRegions(rows, 'dailyCheckCompletion');
    expect(first.row).toBe(rows[4]);
    expect(first.value).toEqual({ numerator: 9, denominator: 10, rate: 0.9 });
    expect(rankRegions(rows, 'dailyCheckCompletion').at(-1)!.value).toBeNull();
  });

  it('ranks apart what only display rounding makes equal', () => {
    const r = rankRegions([row('2', fraction(999, 1000)), row('1', fraction(9991, 10000))], 'dailyCheckCompletion');
    expect(formatRate(r[0].value!.rate)).toBe(formatRate(r[1].value!.rate));
    expect(view(r)).toEqual([
      ['1', 1, false],
      ['2', 2, false],
    ]);
  });

  it('three-way tie at the top, then the next rank is 4', () => {
    const r = rankRegions([row('c', fraction(1, 1)), row('a', fraction(3, 3)), row('d', fraction(2, 3)), row('b', fraction(7, 7))], 'dailyCheckCompletion');
    expect(view(r)).toEqual([
      ['a', 1, false],
      ['b', 1, false],
      ['c', 1, false],
      ['d', 4, false],
    ]);
  });

  it('any fraction a row yields, by accessor', () => {
    const custom = [
      { regionCode: '02', cover: fraction(3, 4) },
      { regionCode: '01', cover: fraction(1, 4) },
    ];
    expect(rankRegions(custom, (r) => r.cover).map((r) => [r.row.regionCode, r.rank])).toEqual([
      ['02', 1],
      ['01', 2],
    ]);
  });

  it('nobody ranked when nothing is due anywhere; empty in, empty out', () => {
    expect(view(rankRegions([row('2', fraction(0, 0)), row('1')], 'dailyCheckCompletion'))).toEqual([
      ['1', null, true],
      ['2', null, true],
    ]);
    expect(rankRegions([], 'cadreCoverage')).toEqual([]);
  });

  it('refuses a region listed twice and an unknown direction', () => {
    expect(() => rankRegions([row('1', fraction(1, 2)), row('1', fraction(1, 3))], 'dailyCheckCompletion')).toThrow(RangeError);
    expect(() => rankRegions(rows, 'dailyCheckCompletion', { direction: 'up' as never })).toThrow(RangeError);
  });
});

describe('indicator catalogue', () => {
  it('every indicator has a Chinese label, a formula and a regulatory source', () => {
    const sources = Object.values(REGULATIONS) as string[];
    expect(INDICATOR_KEYS).toHaveLength(10);
    for (const key of INDICATOR_KEYS) {
      expect(INDICATORS[key].label).toMatch(/率$/);
      expect(INDICATORS[key].formula).toContain('÷');
      expect(sources).toContain(INDICATORS[key].source);
    }
    expect(INDICATORS.cadreCoverage.label).toBe('主体包保覆盖率');
    expect(INDICATORS.supervisionCompletion.label).toBe('督导任务完成率');
  });
});
