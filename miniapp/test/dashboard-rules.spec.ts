// What the 数据看板 page shows from the API's answer: period presets on Asia/Shanghai dates, the
// breadcrumb never above the caller's region, the indicator cards in catalogue order, the trend
// bars. Pure functions (no Taro), so they run here under jest.
import { BusinessType, fraction, Grade, INDICATORS, type DashboardFigures, type DashboardTrendPoint, type DutyCounts } from '@shian/shared';
import {
  breadcrumb,
  businessCount,
  childAction,
  dashboardQuery,
  exportFileName,
  fractionText,
  hasNoBusiness,
  indicatorCards,
  MAX_TREND_LABELS,
  presetOf,
  presetPeriod,
  rankOptions,
  rankText,
  trendBars,
} from '../src/packages/official/pages/dashboard/dashboard-rules';

const duty = (over: Partial<DutyCounts> = {}): DutyCounts => ({ businesses: 0, due: 0, done: 0, late: 0, missed: 0, pending: 0, ...over });

function figures(over: Partial<DashboardFigures> = {}): DashboardFigures {
  return {
    daily: duty(),
    weekly: duty(),
    monthly: duty(),
    problems: { found: 0, fixed: 0, open: 0 },
    rectifications: { issued: 0, closed: 0, unclosed: 0, overdue: 0 },
    appointments: { businesses: 0, withOfficer: 0, requiringDirector: 0, withDirector: 0 },
    coverage: { businesses: 0, withCadre: 0 },
    supervision: duty(),
    indicators: {},
    ...over,
  };
}

function point(key: string, from: string, to: string, done: number, due: number, found = 0): DashboardTrendPoint {
  return {
    key,
    from,
    to,
    daily: duty({ businesses: 1, due, done, missed: due - done }),
    problems: { found, fixed: 0, open: found },
    indicators: { dailyCheckCompletion: fraction(done, due) },
  };
}

describe('presetPeriod: the period buttons on Asia/Shanghai business dates', () => {
  it('近7天 and 近30天 end today and include it', () => {
    expect(presetPeriod('last7', '2026-11-25')).toEqual({ from: '2026-11-19', to: '2026-11-25' });
    expect(presetPeriod('last30', '2026-11-25')).toEqual({ from: '2026-10-27', to: '2026-11-25' });
  });

  it('本月 runs from the 1st to today; on the 1st it is that one day', () => {
    expect(presetPeriod('thisMonth', '2026-11-25')).toEqual({ from: '2026-11-01', to: '2026-11-25' });
    expect(presetPeriod('thisMonth', '2026-12-01')).toEqual({ from: '2026-12-01', to: '2026-12-01' });
  });

  it('上月 is the whole previous month, across a year end and a leap February', () => {
    expect(presetPeriod('lastMonth', '2026-11-25')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(presetPeriod('lastMonth', '2027-01-01')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(presetPeriod('lastMonth', '2028-03-31')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('presetOf finds the button a period came from, and none for a custom one', () => {
    expect(presetOf({ from: '2026-11-19', to: '2026-11-25' }, '2026-11-25')).toBe('last7');
    expect(presetOf({ from: '2026-10-01', to: '2026-10-31' }, '2026-11-25')).toBe('lastMonth');
    expect(presetOf({ from: '2026-11-02', to: '2026-11-25' }, '2026-11-25')).toBeNull();
    // The same dates are 本月 only while today is the 25th.
    expect(presetOf({ from: '2026-11-01', to: '2026-11-25' }, '2026-11-26')).toBeNull();
  });
});

describe('the request', () => {
  it('leaves out the filters not chosen', () => {
    expect(dashboardQuery({ from: '2026-11-01', to: '2026-11-25' })).toEqual({ from: '2026-11-01', to: '2026-11-25' });
    expect(dashboardQuery({ regionCode: '150102', from: '2026-11-01', to: '2026-11-25', grade: Grade.C, type: BusinessType.Catering, rankBy: 'problemClosure' })).toEqual({
      regionCode: '150102',
      from: '2026-11-01',
      to: '2026-11-25',
      grade: 'C',
      type: 'catering',
      rankBy: 'problemClosure',
    });
  });

  it('the export file is named by region and period', () => {
    expect(exportFileName({ region: { code: '150102', name: '新城区', level: 'county' }, from: '2026-11-01', to: '2026-11-25' })).toBe('数据看板-新城区-2026-11-01至2026-11-25.xlsx');
  });
});

describe('breadcrumb', () => {
  const county = { code: '150102', name: '新城区', level: 'county' };
  const township = { code: '150102001', name: '海拉尔东路街道', level: 'township' };
  const village = { code: '150102001001', name: '某社区', level: 'village' };

  it('links the ancestors from the caller’s region down and marks the region shown, whether or not path repeats it', () => {
    const expected = [
      { code: '150102', name: '新城区', current: false },
      { code: '150102001', name: '海拉尔东路街道', current: false },
      { code: '150102001001', name: '某社区', current: true },
    ];
    expect(breadcrumb({ region: village, path: [county, township] })).toEqual(expected);
    expect(breadcrumb({ region: village, path: [county, township, village] })).toEqual(expected);
  });

  it('is the caller’s own region alone at the top: nothing above it to go to', () => {
    expect(breadcrumb({ region: county, path: [county] })).toEqual([{ code: '150102', name: '新城区', current: true }]);
    expect(breadcrumb({ region: county, path: [] })).toEqual([{ code: '150102', name: '新城区', current: true }]);
  });
});

describe('indicator cards', () => {
  it('follow the catalogue order, whatever order the answer lists them in, with the rate big and the counts under it', () => {
    const cards = indicatorCards(
      figures({ indicators: { officerAppointment: fraction(3, 4), problemClosure: fraction(0, 0), dailyCheckCompletion: fraction(12, 15) } }),
    );
    expect(cards.map((c) => [c.label, c.rate, c.fraction, c.empty])).toEqual([
      ['日管控完成率', '80.0%', '12/15', false],
      ['自查问题整改率', '—', '无可计算对象', true],
      ['食品安全员配备率', '75.0%', '3/4', false],
    ]);
    expect(cards[0].formula).toBe(INDICATORS.dailyCheckCompletion.formula);
    expect(cards[0].source).toBe(INDICATORS.dailyCheckCompletion.source);
  });

  it('never rounds a near-miss up to 100 %', () => {
    expect(indicatorCards(figures({ indicators: { dailyCheckCompletion: fraction(29_999, 30_000) } }))[0].rate).toBe('99.9%');
  });

  it('fractionText: — for an indicator the row lacks', () => {
    expect(fractionText(undefined)).toBe('—');
    expect(fractionText(fraction(2, 3))).toBe('2/3');
  });

  it('the ranking offers the indicators the region carries, keeping the one ranked on', () => {
    const dto = { rankBy: 'dailyCheckCompletion' as const, total: figures({ indicators: { dailyCheckCompletion: fraction(1, 2), problemClosure: fraction(1, 1) } }) };
    expect(rankOptions(dto).map((o) => o.key)).toEqual(['dailyCheckCompletion', 'problemClosure']);
    expect(rankOptions({ ...dto, rankBy: 'officerAppointment' }).map((o) => o.key)).toEqual(['dailyCheckCompletion', 'problemClosure', 'officerAppointment']);
  });
});

describe('children', () => {
  it('a region row drills down; a business row (below a village) opens the business', () => {
    expect(childAction({ kind: 'region', code: '150102001' })).toEqual({ kind: 'drill', regionCode: '150102001' });
    expect(childAction({ kind: 'enterprise', code: 'e-1' })).toEqual({ kind: 'enterprise', id: 'e-1' });
  });

  it('rank text, and the empty state only where no business is counted', () => {
    expect(rankText(2)).toBe('第2名');
    expect(rankText(null)).toBe('未排名');
    expect(hasNoBusiness(figures())).toBe(true);
    const three = figures({ appointments: { businesses: 3, withOfficer: 2, requiringDirector: 0, withDirector: 0 } });
    expect(hasNoBusiness(three)).toBe(false);
    expect(businessCount(three)).toBe(3);
  });
});

describe('trendBars', () => {
  it('one bar per point, as high as the rate, problems scaled to the busiest point; a point with nothing due is a grey stub', () => {
    const bars = trendBars(
      [point('2026-11-23', '2026-11-23', '2026-11-23', 3, 4, 2), point('2026-11-24', '2026-11-24', '2026-11-24', 4, 4, 4), point('2026-11-25', '2026-11-25', '2026-11-25', 0, 0)],
      'day',
    );
    expect(bars.map((b) => [b.label, b.height, b.rate, b.fraction, b.empty, b.problemsFound, b.problemsHeight])).toEqual([
      ['11-23', 75, '75.0%', '3/4', false, 2, 50],
      ['11-24', 100, '100.0%', '4/4', false, 4, 100],
      ['11-25', 0, '—', '无可计算对象', true, 0, 0],
    ]);
    expect(bars[0].span).toBe('2026-11-23');
  });

  it('labels weeks and months in Chinese, spans clipped to the period', () => {
    const weeks = trendBars([point('2026-W44', '2026-10-27', '2026-11-01', 5, 6), point('2026-W45', '2026-11-02', '2026-11-08', 7, 7)], 'week');
    expect(weeks.map((b) => [b.label, b.span])).toEqual([
      ['第44周', '2026-10-27 至 2026-11-01'],
      ['第45周', '2026-11-02 至 2026-11-08'],
    ]);
    expect(trendBars([point('2026-01', '2026-01-01', '2026-01-31', 1, 1)], 'month')[0].label).toBe('1月');
  });

  it('labels at most a few bars of a long period so they never overlap; no problems → no orange bars', () => {
    const days = Array.from({ length: 30 }, (_, i) => {
      const d = `2026-11-${String(i + 1).padStart(2, '0')}`;
      return point(d, d, d, 1, 1);
    });
    const bars = trendBars(days, 'day');
    expect(bars).toHaveLength(30);
    const labelled = bars.filter((b) => b.label);
    expect(labelled.length).toBeLessThanOrEqual(MAX_TREND_LABELS);
    expect(labelled[0].label).toBe('11-01');
    expect(bars.every((b) => b.problemsHeight === 0)).toBe(true);
  });

  it('an empty trend is no bars', () => {
    expect(trendBars([], 'day')).toEqual([]);
  });
});

