// The officials' compliance dashboard (issue 5): one region and period, split by child region with
// a ranking and a trend. Above a village the figures come from the pre-summed rows of stat_records
// and stat_businesses (a province is a few thousand rows); in a village, from each business's own
// records by the same shared formulas — and a test keeps the two equal. Rectification orders are
// few and counted from their table. Nothing outside the caller's region is ever read.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import {
  addDashboardCounts,
  addDays,
  addDutyCounts,
  cyclesEndingIn,
  emptyAppointmentCounts,
  SupervisionFrequency,
  supervisionCounts,
  BusinessType,
  DashboardChildKind,
  DashboardChildRow,
  DashboardCounts,
  DashboardDto,
  dashboardFigures,
  DashboardTrendPoint,
  dailyCheckCounts,
  DoneGroup,
  emptyDashboardCounts,
  EnterpriseStatus,
  Grade,
  IndicatorKey,
  monthlyReviewCounts,
  monthsEndingIn,
  parsePeriod,
  Period,
  PeriodUnit,
  periodDates,
  periodLength,
  rankRegions,
  RankingDto,
  rectificationCounts,
  RectificationOrderStatus,
  RegionRef,
  rolledUpDutyCounts,
  SinceGroup,
  todayInShanghai,
  trendBuckets,
  TrendGranularity,
  weeklyInvestigationCounts,
  weeksEndingIn,
} from '@shian/shared';
import { notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { scopeOf } from '../common/region-scope';
import { toNumber } from '../common/sql';
import { validationFailed } from '../common/validation';
import { dutiesSince, Enterprise } from '../enterprises/enterprise.entity';
import { Region } from '../regions/region.entity';
import { LEVEL_LENGTHS } from './rollup';
import { loadFrequencies } from '../supervision/settings';
import { businessSumsOf, rostersOf, withCadreOf } from './rollup-rebuild';
import type { DashboardQuery } from './dashboard.dto';

const COUNTRY: RegionRef = { code: '', name: '全国', level: 'country' };
const VILLAGE_CODE_LENGTH = LEVEL_LENGTHS[LEVEL_LENGTHS.length - 1];

interface Context {
  today: string;
  period: Period;
  region: RegionRef;
  path: RegionRef[];
  grade: Grade | null;
  type: BusinessType | null;
  rankBy: IndicatorKey;
  granularity: TrendGranularity;
  /** Each grade's visit schedule now (supervisionCompletion). */
  frequencies: Record<Grade, SupervisionFrequency>;
}

interface Child {
  kind: DashboardChildKind;
  code: string;
  name: string;
  counts: DashboardCounts;
}

interface Computed {
  children: Child[];
  total: DashboardCounts;
  trend: DashboardTrendPoint[];
}

/** The trend's default: days for up to a month, weeks up to four months, then months. */
export function defaultGranularity(period: Period): TrendGranularity {
  const days = periodLength(period);
  return days <= 31 ? 'day' : days <= 120 ? 'week' : 'month';
}

const dayUnits = (period: Period): PeriodUnit[] => periodDates(period).map((d) => ({ key: d, from: d, to: d }));

/** One business's start date and current records, for the per-business formulas. */
interface BusinessRecords {
  id: string;
  name: string;
  since: string;
  checks: Array<{ businessDate: string; late: boolean }>;
  weeks: Array<{ key: string; late: boolean }>;
  months: Array<{ key: string; late: boolean }>;
  problems: Array<{ businessDate: string; fixed: boolean }>;
  visits: string[];
}

@Injectable()
export class DashboardService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async dashboard(caller: Caller, q: DashboardQuery, now = new Date()): Promise<DashboardDto> {
    const ctx = await this.context(caller, q, now);
    const data = ctx.region.code.length >= VILLAGE_CODE_LENGTH ? await this.businessLevel(ctx) : await this.regionLevel(ctx);
    return {
      region: ctx.region,
      path: ctx.path,
      from: ctx.period.from,
      to: ctx.period.to,
      asOf: ctx.today,
      grade: ctx.grade,
      type: ctx.type,
      rankBy: ctx.rankBy,
      total: dashboardFigures(data.total),
      children: this.ranked(data.children, ctx.rankBy),
      granularity: ctx.granularity,
      trend: data.trend,
    };
  }

  async ranking(caller: Caller, q: DashboardQuery & { indicator?: IndicatorKey }, now = new Date()): Promise<RankingDto> {
    const indicator = q.indicator ?? q.rankBy ?? 'dailyCheckCompletion';
    const d = await this.dashboard(caller, { ...q, rankBy: indicator }, now);
    return {
      region: d.region,
      from: d.from,
      to: d.to,
      asOf: d.asOf,
      indicator,
      rows: d.children.map((c) => ({ rank: c.rank, kind: c.kind, code: c.code, name: c.name, value: c.indicators[indicator] ?? null })),
    };
  }

  private ranked(children: Child[], rankBy: IndicatorKey): DashboardChildRow[] {
    const rows = children.map((c) => ({ regionCode: c.code, child: c, figures: dashboardFigures(c.counts) }));
    return rankRegions(rows, (r) => r.figures.indicators[rankBy]).map(({ row, rank }) => ({ kind: row.child.kind, code: row.child.code, name: row.child.name, rank, ...row.figures }));
  }

  /** The query checked against the caller's region and the calendar. */
  private async context(caller: Caller, q: DashboardQuery, now: Date): Promise<Context> {
    const today = todayInShanghai(now);
    const checked = parsePeriod(q, today);
    if (!checked.ok) throw validationFailed([{ field: checked.field, message: checked.reason }]);
    const scope = scopeOf(caller);
    if (scope.kind === 'none' || scope.kind === 'enterprise') throw notFound('区划');
    const top = scope.kind === 'region' ? scope.prefix : '';
    const code = q.regionCode ?? top;
    // Outside the caller's region answers like a region that does not exist: nothing to learn from it.
    if (!code.startsWith(top)) throw notFound('区划');
    const prefixes = LEVEL_LENGTHS.filter((n) => n <= code.length && n >= top.length).map((n) => code.slice(0, n));
    const found = prefixes.length ? await this.ds.getRepository(Region).find({ where: { code: In(prefixes) } }) : [];
    const byCode = new Map(found.map((r) => [r.code, { code: r.code, name: r.name, level: r.level }]));
    const region = code === '' ? COUNTRY : byCode.get(code);
    if (!region) throw notFound('区划');
    const path = [...(top === '' ? [COUNTRY] : []), ...prefixes.map((p) => byCode.get(p)).filter((r): r is RegionRef => !!r)];
    return {
      today,
      period: checked.value,
      region,
      path,
      grade: q.grade ?? null,
      type: q.type ?? null,
      rankBy: q.rankBy ?? 'dailyCheckCompletion',
      granularity: q.granularity ?? defaultGranularity(checked.value),
      frequencies: await loadFrequencies(this.ds.manager),
    };
  }

  /** `AND grade = ? AND business_type = ?` for the filters given, on a table alias. */
  private filters(ctx: Context, alias: string, columns = { grade: 'grade', type: 'business_type' }): { sql: string; params: unknown[] } {
    let sql = '';
    const params: unknown[] = [];
    if (ctx.grade) {
      sql += ` AND ${alias}.${columns.grade} = ?`;
      params.push(ctx.grade);
    }
    if (ctx.type) {
      sql += ` AND ${alias}.${columns.type} = ?`;
      params.push(ctx.type);
    }
    return { sql, params };
  }

  /** A region above the villages: its children's figures from the sums. */
  private async regionLevel(ctx: Context): Promise<Computed> {
    const code = ctx.region.code;
    const f = this.filters(ctx, 's');
    const [records, businesses, starts, children, visits] = await Promise.all([
      this.ds.query(
        `SELECT s.child_code AS child, s.kind AS kind, s.unit_date AS d, SUM(s.done) AS done, SUM(s.late) AS late, SUM(s.unowed) AS unowed, SUM(s.found) AS found, SUM(s.fixed) AS fixed
         FROM stat_records s WHERE s.region_code = ? AND s.kind IN ('D', 'W', 'M', 'P') AND s.unit_date >= ? AND s.unit_date <= ?${f.sql}
         GROUP BY s.child_code, s.kind, s.unit_date`,
        [code, ctx.period.from, ctx.period.to, ...f.params],
      ) as Promise<Array<{ child: string; kind: string; d: string; done: unknown; late: unknown; unowed: unknown; found: unknown; fixed: unknown }>>,
      this.ds.query(
        `SELECT s.child_code AS child, s.grade AS grade, SUM(s.businesses) AS b, SUM(s.requiring_director) AS rd, SUM(s.with_director) AS wd, SUM(s.with_officer) AS wo, SUM(s.with_cadre) AS wc
         FROM stat_business_totals s WHERE s.region_code = ?${f.sql} GROUP BY s.child_code, s.grade`,
        [code, ...f.params],
      ) as Promise<Array<{ child: string; grade: Grade; b: unknown; rd: unknown; wd: unknown; wo: unknown; wc: unknown }>>,
      // Only the businesses that started inside the period change what is owed within it.
      this.ds.query(
        `SELECT s.child_code AS child, s.grade AS grade, s.since AS since, SUM(s.businesses) AS b
         FROM stat_businesses s WHERE s.region_code = ? AND s.since >= ?${f.sql} GROUP BY s.child_code, s.grade, s.since`,
        [code, ctx.period.from, ...f.params],
      ) as Promise<Array<{ child: string; grade: Grade; since: string; b: unknown }>>,
      this.ds.getRepository(Region).find({ where: { parentCode: code === '' ? IsNull() : code }, order: { code: 'ASC' } }),
      // First visits per cycle, by the cycle's last day: per grade, whose schedules may differ.
      this.ds.query(
        `SELECT s.child_code AS child, s.grade AS grade, s.unit_date AS d, SUM(s.done) AS done, SUM(s.late) AS late, SUM(s.unowed) AS unowed
         FROM stat_records s WHERE s.region_code = ? AND s.kind = 'V' AND s.unit_date >= ? AND s.unit_date <= ?${f.sql}
         GROUP BY s.child_code, s.grade, s.unit_date`,
        [code, ctx.period.from, ctx.period.to, ...f.params],
      ) as Promise<Array<{ child: string; grade: Grade; d: string; done: unknown; late: unknown; unowed: unknown }>>,
    ]);
    const rectifications = await this.rectifications(ctx, code.length === 0 ? 2 : nextLength(code.length));

    interface Acc {
      owing: SinceGroup[];
      done: Record<'D' | 'W' | 'M', DoneGroup[]>;
      problems: Array<{ date: string; found: number; fixed: number }>;
      appointments: DashboardCounts['appointments'];
      coverage: DashboardCounts['coverage'];
      /** Per grade: businesses by start and first visits by cycle end (supervisionCompletion). */
      grades: Map<Grade, { businesses: number; owing: SinceGroup[]; visits: DoneGroup[] }>;
    }
    const acc = new Map<string, Acc>();
    const of = (child: string): Acc => {
      let a = acc.get(child);
      if (!a) {
        a = { owing: [], done: { D: [], W: [], M: [] }, problems: [], appointments: emptyAppointmentCounts(), coverage: { businesses: 0, withCadre: 0 }, grades: new Map() };
        acc.set(child, a);
      }
      return a;
    };
    const gradeOf = (a: Acc, grade: Grade) => {
      let g = a.grades.get(grade);
      if (!g) a.grades.set(grade, (g = { businesses: 0, owing: [], visits: [] }));
      return g;
    };
    for (const b of businesses) {
      const a = of(b.child);
      a.appointments.businesses += toNumber(b.b);
      a.appointments.requiringDirector += toNumber(b.rd);
      a.appointments.withDirector += toNumber(b.wd);
      a.appointments.withOfficer += toNumber(b.wo);
      a.coverage.businesses += toNumber(b.b);
      a.coverage.withCadre += toNumber(b.wc);
      gradeOf(a, b.grade).businesses += toNumber(b.b);
    }
    // Businesses that started before the period owe every unit of it: one group, dated the day before.
    const before = addDays(ctx.period.from, -1);
    for (const s of starts) {
      const group = { since: s.since, businesses: toNumber(s.b) };
      const a = of(s.child);
      a.owing.push(group);
      gradeOf(a, s.grade).owing.push(group);
    }
    for (const [child, a] of acc) {
      for (const g of a.grades.values()) {
        const older = g.businesses - g.owing.reduce((n, o) => n + o.businesses, 0);
        if (older < 0) throw new RangeError(`stat_businesses and stat_business_totals disagree for ${child}`);
        if (older > 0) {
          g.owing.push({ since: before, businesses: older });
          a.owing.push({ since: before, businesses: older });
        }
      }
    }
    for (const v of visits) gradeOf(of(v.child), v.grade).visits.push({ date: v.d, done: toNumber(v.done), late: toNumber(v.late), unowed: toNumber(v.unowed) });
    for (const r of records) {
      const a = of(r.child);
      if (r.kind === 'P') a.problems.push({ date: r.d, found: toNumber(r.found), fixed: toNumber(r.fixed) });
      else a.done[r.kind as 'D' | 'W' | 'M'].push({ date: r.d, done: toNumber(r.done), late: toNumber(r.late), unowed: toNumber(r.unowed) });
    }
    const days = dayUnits(ctx.period);
    const weeks = weeksEndingIn(ctx.period);
    const months = monthsEndingIn(ctx.period);
    const cycles = (grade: Grade) => cyclesEndingIn(ctx.period, ctx.frequencies[grade]);
    const countsOf = (a: Acc | undefined, child: string | null): DashboardCounts => {
      const c = emptyDashboardCounts();
      if (a) {
        c.daily = rolledUpDutyCounts(days, a.owing, a.done.D, ctx.today);
        c.weekly = rolledUpDutyCounts(weeks, a.owing, a.done.W, ctx.today);
        c.monthly = rolledUpDutyCounts(months, a.owing, a.done.M, ctx.today);
        for (const p of a.problems) {
          c.problems.found += p.found;
          c.problems.fixed += p.fixed;
        }
        c.problems.open = c.problems.found - c.problems.fixed;
        c.appointments = a.appointments;
        c.coverage = a.coverage;
        for (const [grade, g] of a.grades) {
          c.supervision = addDutyCounts(c.supervision, rolledUpDutyCounts(cycles(grade), g.owing, g.visits, ctx.today));
        }
      }
      c.rectifications = child === null ? c.rectifications : (rectifications.get(child) ?? c.rectifications);
      return c;
    };
    const rows: Child[] = children.map((r) => ({ kind: 'region', code: r.code, name: r.name, counts: countsOf(acc.get(r.code), r.code) }));
    // Counts under a child code the regions table does not list (a division retired after the
    // business was placed in it) still belong to the total.
    let total = emptyDashboardCounts();
    for (const [child, a] of acc) total = addDashboardCounts(total, countsOf(a, child));
    for (const [child, r] of rectifications) if (!acc.has(child)) total = addDashboardCounts(total, { ...emptyDashboardCounts(), rectifications: r });

    const all: Acc = { owing: [], done: { D: [], W: [], M: [] }, problems: [], appointments: total.appointments, coverage: total.coverage, grades: new Map() };
    for (const a of acc.values()) {
      all.owing.push(...a.owing);
      all.done.D.push(...a.done.D);
      all.problems.push(...a.problems);
    }
    const trend = trendBuckets(ctx.period.from, ctx.period.to, ctx.granularity).map((bucket): DashboardTrendPoint => {
      const daily = rolledUpDutyCounts(dayUnits(bucket), all.owing, all.done.D, ctx.today);
      const problems = { found: 0, fixed: 0, open: 0 };
      for (const p of all.problems) {
        if (p.date < bucket.from || p.date > bucket.to) continue;
        problems.found += p.found;
        problems.fixed += p.fixed;
      }
      problems.open = problems.found - problems.fixed;
      return trendPoint(bucket, daily, problems);
    });
    return { children: rows, total, trend };
  }

  /**
   * Rectification orders issued in the period by child (a region code prefix of `length`, or the
   * business below a village), counted as they stand today by shared rectificationCounts.
   */
  private async rectifications(ctx: Context, length: number | 'enterprise'): Promise<Map<string, DashboardCounts['rectifications']>> {
    const f = this.filters(ctx, 'e');
    const child = length === 'enterprise' ? 'r.enterprise_id' : `SUBSTR(r.region_code, 1, ${Number(length)})`;
    const rows = (await this.ds.query(
      `SELECT ${child} AS child, r.status AS status, r.deadline AS deadline, COUNT(*) AS n
       FROM rectification_orders r ${f.sql ? 'INNER JOIN enterprises e ON e.id = r.enterprise_id' : ''}
       WHERE r.region_code LIKE ? AND r.issued_date >= ? AND r.issued_date <= ?${f.sql}
       GROUP BY ${child}, r.status, r.deadline`,
      [`${ctx.region.code}%`, ctx.period.from, ctx.period.to, ...f.params],
    )) as Array<{ child: string; status: RectificationOrderStatus; deadline: string; n: unknown }>;
    const out = new Map<string, DashboardCounts['rectifications']>();
    for (const r of rows) {
      const one = rectificationCounts([{ status: r.status, deadline: r.deadline }], ctx.today);
      const n = toNumber(r.n);
      const prev = out.get(r.child) ?? { issued: 0, closed: 0, unclosed: 0, overdue: 0 };
      out.set(r.child, { issued: prev.issued + one.issued * n, closed: prev.closed + one.closed * n, unclosed: prev.unclosed + one.unclosed * n, overdue: prev.overdue + one.overdue * n });
    }
    return out;
  }

  /** A village: each confirmed business's figures from its own records, by the per-business formulas. */
  private async businessLevel(ctx: Context): Promise<Computed> {
    const where: Record<string, unknown> = { regionCode: ctx.region.code, status: EnterpriseStatus.Active };
    if (ctx.grade) where.grade = ctx.grade;
    if (ctx.type) where.businessType = ctx.type;
    const enterprises = (await this.ds.getRepository(Enterprise).find({ where, order: { name: 'ASC' } })).filter((e) => e.grade);
    const ids = enterprises.map((e) => e.id);
    const list = new Map<string, BusinessRecords>(enterprises.map((e) => [e.id, { id: e.id, name: e.name, since: dutiesSince(e), checks: [], weeks: [], months: [], problems: [], visits: [] }]));
    if (ids.length) {
      const marks = ids.map(() => '?').join(', ');
      const current = this.ds.driver.preparePersistentValue(true, { type: 'boolean' } as never);
      const [checks, weeks, months, problems, visits] = (await Promise.all([
        this.ds.query(`SELECT enterprise_id AS id, business_date AS d, late FROM daily_checks WHERE is_current = ? AND enterprise_id IN (${marks}) AND business_date >= ? AND business_date <= ?`, [current, ...ids, ctx.period.from, ctx.period.to]),
        this.ds.query(`SELECT enterprise_id AS id, week AS d, late FROM weekly_investigations WHERE is_current = ? AND enterprise_id IN (${marks})`, [current, ...ids]),
        this.ds.query(`SELECT enterprise_id AS id, month AS d, late FROM monthly_reviews WHERE is_current = ? AND enterprise_id IN (${marks})`, [current, ...ids]),
        this.ds.query(`SELECT enterprise_id AS id, business_date AS d, status FROM problems WHERE status <> 'superseded' AND enterprise_id IN (${marks}) AND business_date >= ? AND business_date <= ?`, [...ids, ctx.period.from, ctx.period.to]),
        this.ds.query(`SELECT enterprise_id AS id, visit_date AS d FROM supervision_visits WHERE enterprise_id IN (${marks})`, ids),
      ])) as Array<Array<{ id: string; d: string; late?: unknown; status?: string }>>;
      for (const r of checks) list.get(r.id)!.checks.push({ businessDate: r.d, late: !!toNumber(r.late) });
      for (const r of weeks) list.get(r.id)!.weeks.push({ key: r.d, late: !!toNumber(r.late) });
      for (const r of months) list.get(r.id)!.months.push({ key: r.d, late: !!toNumber(r.late) });
      for (const r of problems) list.get(r.id)!.problems.push({ businessDate: r.d, fixed: r.status === 'resolved' });
      for (const r of visits) list.get(r.id)!.visits.push(r.d);
    }
    const rosters = await rostersOf(this.ds.manager, ids);
    const assigned = await withCadreOf(this.ds.manager, ids);
    const rectifications = await this.rectifications(ctx, 'enterprise');
    const rows: Child[] = enterprises.map((e) => {
      const b = list.get(e.id)!;
      const c = emptyDashboardCounts();
      c.daily = dailyCheckCounts([b], ctx.period, ctx.today);
      c.weekly = weeklyInvestigationCounts([{ since: b.since, records: b.weeks }], ctx.period, ctx.today);
      c.monthly = monthlyReviewCounts([{ since: b.since, records: b.months }], ctx.period, ctx.today);
      c.problems.found = b.problems.length;
      c.problems.fixed = b.problems.filter((p) => p.fixed).length;
      c.problems.open = c.problems.found - c.problems.fixed;
      const s = businessSumsOf(e, rosters.get(e.id) ?? [], assigned.has(e.id));
      c.appointments = { businesses: 1, withOfficer: s.withOfficer, requiringDirector: s.requiringDirector, withDirector: s.withDirector };
      c.coverage = { businesses: 1, withCadre: s.withCadre };
      c.supervision = supervisionCounts([{ grade: e.grade!, since: b.since, visits: b.visits }], ctx.period, ctx.today, ctx.frequencies);
      c.rectifications = rectifications.get(e.id) ?? c.rectifications;
      return { kind: 'enterprise', code: e.id, name: e.name, counts: c };
    });
    const total = rows.reduce((sum, r) => addDashboardCounts(sum, r.counts), emptyDashboardCounts());
    const all = [...list.values()];
    const trend = trendBuckets(ctx.period.from, ctx.period.to, ctx.granularity).map((bucket) => {
      const inBucket = all.flatMap((b) => b.problems.filter((p) => p.businessDate >= bucket.from && p.businessDate <= bucket.to));
      const found = inBucket.length;
      const fixed = inBucket.filter((p) => p.fixed).length;
      return trendPoint(bucket, dailyCheckCounts(all, bucket, ctx.today), { found, fixed, open: found - fixed });
    });
    return { children: rows, total, trend };
  }
}

function trendPoint(bucket: PeriodUnit, daily: DashboardCounts['daily'], problems: DashboardCounts['problems']): DashboardTrendPoint {
  const { indicators } = dashboardFigures({ ...emptyDashboardCounts(), daily, problems });
  return {
    key: bucket.key,
    from: bucket.from,
    to: bucket.to,
    daily,
    problems,
    indicators: { dailyCheckCompletion: indicators.dailyCheckCompletion!, dailyCheckOnTime: indicators.dailyCheckOnTime!, problemClosure: indicators.problemClosure! },
  };
}

/** The length of a child's code below a region code of `length` (province 2 → city 4 … township 9 → village 12). */
function nextLength(length: number): number {
  return LEVEL_LENGTHS[LEVEL_LENGTHS.indexOf(length) + 1] ?? VILLAGE_CODE_LENGTH;
}
