// GET /api/stats/supervision and /reminders (issue #6): the 包保 figures of a region and each child
// region for the cycles a day falls in — coverage, visits due and done, commitment letters,
// rectification from visits — and the cadres with visits still due. Business and visit counts come
// from the dashboard's sums (stat_business_totals, stat_businesses, 'V' rows of stat_records), so a
// province answers from a few thousand rows; cadres, letters and visit orders are counted in SQL
// under the region's code prefix.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import {
  cadreCoverage,
  CadreLevel,
  fraction,
  Grade,

  isReminderDue,
  PeriodUnit,
  Role,
  SupervisionFigures,
  SupervisionFrequency,
  supervisionCycle,
  SupervisionReminderDto,
  SupervisionStatsDto,
  todayInShanghai,
} from '@shian/shared';
import { notFound } from '../../common/app-error';
import type { Caller } from '../../common/caller';
import { scopeOf } from '../../common/region-scope';
import { toNumber } from '../../common/sql';
import { validationFailed } from '../../common/validation';
import { Region } from '../../regions/region.entity';
import { LEVEL_LENGTHS } from '../../stats/rollup';
import { StatKind } from '../../stats/stat.entities';
import { loadFrequencies } from '../settings';
import type { SupervisionRemindersQuery, SupervisionStatsQuery } from './visit.dto';

const VILLAGE = LEVEL_LENGTHS[LEVEL_LENGTHS.length - 1];

interface Scope {
  date: string;
  code: string;
  name: string;
  /** Each grade's cycle of `date`. */
  cycles: Map<Grade, PeriodUnit & { frequency: SupervisionFrequency }>;
}

/** Additive counts of one row; the rates come from them. */
type Counts = Omit<SupervisionFigures, 'coverage' | 'completion' | 'commitmentUpload' | 'rectification'>;

const emptyCounts = (): Counts => ({ businesses: 0, withCadre: 0, due: 0, visited: 0, cadres: 0, cadresWithCommitment: 0, rectificationsIssued: 0, rectificationsClosed: 0 });

function figures(c: Counts): SupervisionFigures {
  return {
    ...c,
    coverage: cadreCoverage(c),
    completion: fraction(c.visited, c.due),
    commitmentUpload: fraction(c.cadresWithCommitment, c.cadres),
    rectification: fraction(c.rectificationsClosed, c.rectificationsIssued),
  };
}

@Injectable()
export class SupervisionStatsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * The region's figures and each child's. Due: businesses counted now (confirmed, graded) whose
   * duties started on or before the last day of their grade's cycle — each owes one visit in it,
   * with or without a cadre. Visited: those with a visit in it so far.
   */
  async stats(caller: Caller, q: SupervisionStatsQuery, now = new Date()): Promise<SupervisionStatsDto> {
    const s = await this.scope(caller, q, now);
    const village = s.code.length >= VILLAGE;
    const childLength = s.code === '' ? LEVEL_LENGTHS[0] : village ? VILLAGE : LEVEL_LENGTHS[LEVEL_LENGTHS.indexOf(s.code.length) + 1];
    // Above a village the sums of the region itself, split by child; a village is its township's child.
    const [region, childFilter, childParams] = village ? [s.code.slice(0, LEVEL_LENGTHS[3]), ' AND s.child_code = ?', [s.code]] : [s.code, '', []];
    const grades = [...s.cycles.keys()];
    const latestEnd = [...s.cycles.values()].reduce((m, c) => (c.to < m ? m : c.to), '');
    const earliestEnd = [...s.cycles.values()].reduce((m, c) => (m && m < c.to ? m : c.to), '');
    const cycleEnds = grades.map((g) => [g, s.cycles.get(g)!.to] as const);
    const endCase = `CASE s.grade ${cycleEnds.map(() => 'WHEN ? THEN ?').join(' ')} END`;
    const endParams = cycleEnds.flat();

    const [totals, late, visits, cadres, orders] = await Promise.all([
      this.ds.query(
        `SELECT s.child_code AS child, SUM(s.businesses) AS b, SUM(s.with_cadre) AS wc FROM stat_business_totals s WHERE s.region_code = ?${childFilter} GROUP BY s.child_code`,
        [region, ...childParams],
      ) as Promise<Array<{ child: string; b: unknown; wc: unknown }>>,
      // Businesses whose duties started after their grade's cycle ended owe it nothing.
      this.ds.query(
        `SELECT s.child_code AS child, SUM(s.businesses) AS b FROM stat_businesses s WHERE s.region_code = ?${childFilter} AND s.since > ? AND s.since > ${endCase} GROUP BY s.child_code`,
        [region, ...childParams, earliestEnd, ...endParams],
      ) as Promise<Array<{ child: string; b: unknown }>>,
      this.ds.query(
        `SELECT s.child_code AS child, SUM(s.done) - SUM(s.unowed) AS n FROM stat_records s
         WHERE s.region_code = ?${childFilter} AND s.kind = '${StatKind.Visit}' AND s.unit_date >= ? AND s.unit_date <= ? AND s.unit_date = ${endCase} GROUP BY s.child_code`,
        [region, ...childParams, earliestEnd, latestEnd, ...endParams],
      ) as Promise<Array<{ child: string; n: unknown }>>,
      this.cadreCounts(s, childLength),
      this.visitOrders(s, childLength),
    ]);

    const acc = new Map<string, Counts>();
    const own = emptyCounts();
    const of = (child: string) => {
      let c = acc.get(child);
      if (!c) acc.set(child, (c = emptyCounts()));
      return c;
    };
    for (const r of totals) Object.assign(of(r.child), { businesses: toNumber(r.b), withCadre: toNumber(r.wc), due: toNumber(r.b) });
    for (const r of late) of(r.child).due -= toNumber(r.b);
    for (const r of visits) of(r.child).visited = toNumber(r.n);
    // Cadres of the region's own level or between it and its children (a county's 县级 cadres seen
    // from the county) are in no child: they count in the total only (child '').
    for (const r of cadres) Object.assign(r.child === '' ? own : of(r.child), { cadres: toNumber(r.n), cadresWithCommitment: toNumber(r.w) });
    for (const r of orders) {
      const c = of(r.child);
      c.rectificationsIssued += toNumber(r.n);
      if (r.status === 'closed') c.rectificationsClosed += toNumber(r.n);
    }

    const total = emptyCounts();
    for (const c of [...acc.values(), own]) for (const k of Object.keys(total) as Array<keyof Counts>) total[k] += c[k];

    const children = village
      ? []
      : await this.ds.getRepository(Region).find({ where: { parentCode: s.code === '' ? IsNull() : s.code }, order: { code: 'ASC' } });
    return {
      regionCode: s.code,
      regionName: s.name,
      date: s.date,
      cycles: grades.map((g) => {
        const c = s.cycles.get(g)!;
        return { grade: g, frequency: c.frequency, key: c.key, from: c.from, to: c.to };
      }),
      totals: figures(total),
      children: children.map((r) => ({ code: r.code, name: r.name, ...figures(acc.get(r.code) ?? emptyCounts()) })),
    };
  }

  /**
   * Cadres of the region with businesses assigned that have no visit yet in their grade's current
   * cycle; urgent when that cycle is in its last SUPERVISION_LIMITS.reminderDays days. Most urgent,
   * then soonest cycle end, then most remaining first; names looked up for the page only.
   */
  async reminders(caller: Caller, q: SupervisionRemindersQuery, now = new Date()): Promise<SupervisionReminderDto[]> {
    const s = await this.scope(caller, q, now);
    const limit = q.limit ?? 100;
    const ranked = await this.owingCadres(caller, s, limit, todayInShanghai(now));
    if (!ranked.length) return [];
    const users = (await this.ds.query(
      `SELECT u.id AS id, u.name AS name, u.cadre_level AS level, u.region_code AS region FROM users u WHERE u.id IN (${ranked.map(() => '?').join(', ')})`,
      ranked.map((r) => r.id),
    )) as Array<{ id: string; name: string; level: CadreLevel; region: string | null }>;
    const people = new Map(users.map((u) => [u.id, u]));
    const regionNames = await this.regionNames(users.flatMap((u) => (u.region ? [u.region] : [])));
    return ranked.map((r): SupervisionReminderDto => {
      const u = people.get(r.id);
      return {
        cadreId: r.id,
        cadreName: u?.name ?? '',
        level: u?.level ?? CadreLevel.Village,
        regionCode: u?.region ?? '',
        regionName: (u?.region && regionNames.get(u.region)) || '',
        assigned: r.assigned,
        visited: r.visited,
        remaining: r.assigned - r.visited,
        cycleEnd: r.cycleEnd,
        urgent: r.urgent,
      };
    });
  }

  /**
   * The reminders' cadres, ranked, at most `limit`. Whether a business was visited in its cycle:
   * while the cycle runs, no visit is later than today, so exactly when its latest visit
   * (cadre_assignments.last_visit_date) is on or after the cycle's start — read from the (cadre,
   * grade, region, last visit) index in cadre order, summed as it is read (docs/performance.md); a
   * cycle that has ended needs a visit within it, looked for business by business. When every grade
   * has the same cycle (the default schedule) urgency and cycle end are the same for all, and the
   * database ranks by what remains; otherwise each cadre's first owed cycle to end decides.
   */
  private async owingCadres(caller: Caller, s: Scope, limit: number, today: string): Promise<Array<{ id: string; assigned: number; visited: number; cycleEnd: string; urgent: boolean }>> {
    const grades = [...s.cycles.keys()];
    const cycles = [...s.cycles.values()];
    const running = cycles.every((c) => c.to >= today);
    const oneCycle = cycles.every((c) => c.from === cycles[0].from && c.to === cycles[0].to);
    const [within, withinParams] = !running
      ? [
          `EXISTS (SELECT 1 FROM supervision_visits v WHERE v.enterprise_id = a.enterprise_id AND (${grades.map(() => '(a.grade = ? AND v.visit_date >= ? AND v.visit_date <= ?)').join(' OR ')}))`,
          grades.flatMap((g) => [g, s.cycles.get(g)!.from, s.cycles.get(g)!.to]),
        ]
      : oneCycle
        ? ['a.last_visit_date >= ?', [cycles[0].from]]
        : [grades.map(() => '(a.grade = ? AND a.last_visit_date >= ?)').join(' OR '), grades.flatMap((g) => [g, s.cycles.get(g)!.from])];
    const own = caller.role === Role.Cadre ? ' AND a.cadre_id = ?' : '';
    const params = [...withinParams, `${s.code}%`, ...(own ? [caller.id] : [])];
    const sums = (group: string) =>
      `SELECT a.cadre_id AS cadre${group}, COUNT(*) AS assigned, SUM(CASE WHEN ${within} THEN 1 ELSE 0 END) AS visited
       FROM cadre_assignments a WHERE a.region_code LIKE ?${own} GROUP BY a.cadre_id${group}`;

    if (oneCycle) {
      const rows = (await this.ds.query(`SELECT t.cadre, t.assigned, t.visited FROM (${sums('')}) t WHERE t.visited < t.assigned ORDER BY t.assigned - t.visited DESC, t.cadre LIMIT ?`, [
        ...params,
        limit,
      ])) as Array<{ cadre: string; assigned: unknown; visited: unknown }>;
      const urgent = isReminderDue(s.date, cycles[0].frequency);
      return rows.map((r) => ({ id: r.cadre, assigned: toNumber(r.assigned), visited: toNumber(r.visited), cycleEnd: cycles[0].to, urgent }));
    }

    const rows = (await this.ds.query(sums(', a.grade'), params)) as Array<{ cadre: string; grade: Grade; assigned: unknown; visited: unknown }>;
    const byCadre = new Map<string, { assigned: number; visited: number; owed: Grade[] }>();
    for (const r of rows) {
      const c = byCadre.get(r.cadre) ?? { assigned: 0, visited: 0, owed: [] };
      c.assigned += toNumber(r.assigned);
      c.visited += toNumber(r.visited);
      if (toNumber(r.visited) < toNumber(r.assigned)) c.owed.push(r.grade);
      byCadre.set(r.cadre, c);
    }
    const due = new Map(grades.map((g) => [g, { to: s.cycles.get(g)!.to, urgent: isReminderDue(s.date, s.cycles.get(g)!.frequency) }]));
    return [...byCadre]
      .filter(([, c]) => c.owed.length)
      .map(([id, c]) => {
        const first = c.owed.map((g) => due.get(g)!).reduce((x, y) => (y.to < x.to ? y : x));
        return { id, assigned: c.assigned, visited: c.visited, cycleEnd: first.to, urgent: first.urgent };
      })
      .sort((a, b) => Number(b.urgent) - Number(a.urgent) || (a.cycleEnd < b.cycleEnd ? -1 : a.cycleEnd > b.cycleEnd ? 1 : 0) || b.assigned - b.visited - (a.assigned - a.visited) || (a.id < b.id ? -1 : 1))
      .slice(0, limit);
  }

  // ---------------------------------------------------------------------------------------------

  /** The query checked against the caller's region: outside it answers like a region that does not exist. */
  private async scope(caller: Caller, q: SupervisionStatsQuery, now: Date): Promise<Scope> {
    const today = todayInShanghai(now);
    const date = q.date ?? today;
    if (date > today) throw validationFailed([{ field: 'date', message: `日期不能晚于今天（${today}）` }]);
    const scope = scopeOf(caller);
    if (scope.kind === 'none' || scope.kind === 'enterprise') throw notFound('区划');
    const top = scope.kind === 'region' ? scope.prefix : '';
    const code = q.regionCode ?? top;
    if (!code.startsWith(top)) throw notFound('区划');
    let name = '全国';
    if (code !== '') {
      const region = await this.ds.getRepository(Region).findOne({ where: { code } });
      if (!region) throw notFound('区划');
      name = region.name;
    }
    const frequencies = await loadFrequencies(this.ds.manager);
    const cycles = new Map<Grade, PeriodUnit & { frequency: SupervisionFrequency }>();
    for (const g of Object.values(Grade)) cycles.set(g, { ...supervisionCycle(date, frequencies[g]), frequency: frequencies[g] });
    return { date, code, name, cycles };
  }

  /**
   * Active cadres of the region by child ('' for those above the children), and those with a letter
   * for the date's year. Each from an index range: the active cadres; the year's first letters (one
   * per cadre and year) by the cadre's region; less the letters of cadres deactivated since (few).
   */
  private async cadreCounts(s: Scope, childLength: number): Promise<Array<{ child: string; n: number; w: number }>> {
    const child = (t: string) => `CASE WHEN LENGTH(${t}.region_code) < ${childLength} THEN '' ELSE SUBSTR(${t}.region_code, 1, ${childLength}) END`;
    const year = Number(s.date.slice(0, 4));
    const prefix = `${s.code}%`;
    type Row = { child: string; n: unknown };
    const [cadres, letters, inactive] = (await Promise.all([
      this.ds.query(`SELECT ${child('u')} AS child, COUNT(*) AS n FROM users u WHERE u.role = ? AND u.active = ? AND u.region_code LIKE ? GROUP BY 1`, [Role.Cadre, this.flag(true), prefix]),
      this.ds.query(`SELECT ${child('c')} AS child, COUNT(*) AS n FROM cadre_commitments c WHERE c.year = ? AND c.version = 1 AND c.region_code LIKE ? GROUP BY 1`, [year, prefix]),
      this.ds.query(
        `SELECT ${child('c')} AS child, COUNT(*) AS n FROM users u INNER JOIN cadre_commitments c ON c.cadre_id = u.id AND c.year = ? AND c.version = 1
         WHERE u.role = ? AND u.active = ? AND u.region_code LIKE ? GROUP BY 1`,
        [year, Role.Cadre, this.flag(false), prefix],
      ),
    ])) as [Row[], Row[], Row[]];
    const out = new Map<string, { child: string; n: number; w: number }>();
    const at = (c: string) => out.get(c) ?? out.set(c, { child: c, n: 0, w: 0 }).get(c)!;
    for (const r of cadres) at(r.child).n += toNumber(r.n);
    for (const r of letters) at(r.child).w += toNumber(r.n);
    for (const r of inactive) at(r.child).w -= toNumber(r.n);
    return [...out.values()];
  }

  /**
   * Orders raised from visits in each grade's cycle (by the visited business's grade at the visit), by
   * child and status. When every grade has the same cycle (the default schedule) the grade does not
   * matter and the orders alone are read, through their region and issue-date index.
   */
  private visitOrders(s: Scope, childLength: number): Promise<Array<{ child: string; status: string; n: unknown }>> {
    const grades = [...s.cycles.keys()];
    const cycles = [...s.cycles.values()];
    const from = cycles.reduce((m, c) => (m && m < c.from ? m : c.from), '');
    const oneCycle = cycles.every((c) => c.from === cycles[0].from && c.to === cycles[0].to);
    const within = grades.map(() => '(v.grade = ? AND r.issued_date >= ? AND r.issued_date <= ?)').join(' OR ');
    const params = oneCycle ? [] : grades.flatMap((g) => [g, s.cycles.get(g)!.from, s.cycles.get(g)!.to]);
    const join = oneCycle ? '' : 'INNER JOIN supervision_visits v ON v.id = r.source_id';
    return this.ds.query(
      `SELECT SUBSTR(r.region_code, 1, ${childLength}) AS child, r.status AS status, COUNT(*) AS n
       FROM rectification_orders r ${join}
       WHERE r.source_type = 'visit' AND r.region_code LIKE ? AND r.issued_date >= ? AND r.issued_date <= ?${oneCycle ? '' : ` AND (${within})`}
       GROUP BY SUBSTR(r.region_code, 1, ${childLength}), r.status`,
      [`${s.code}%`, from, s.date, ...params],
    ) as Promise<Array<{ child: string; status: string; n: unknown }>>;
  }

  private async regionNames(codes: string[]): Promise<Map<string, string>> {
    const wanted = [...new Set(codes)];
    if (!wanted.length) return new Map();
    const rows = await this.ds.getRepository(Region).find({ where: { code: In(wanted) }, select: { code: true, name: true } });
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  private flag(v: boolean): unknown {
    return this.ds.driver.preparePersistentValue(v, { type: 'boolean' } as never);
  }
}
