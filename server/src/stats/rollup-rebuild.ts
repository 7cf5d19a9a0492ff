// The sums of stat.entities.ts recomputed from what they sum: the whole database (rebuild), or one
// business whose key or staffing changed (refresh). Both go through RollupSums, the code the record
// services use, so there is one way to count.
import { DataSource, EntityManager, In } from 'typeorm';
import { appointmentCounts, EnterpriseStatus, Grade, mondayOfIsoWeek, monthDates, addDays, Role, RosterMember, staffingRequirement, SupervisionFrequency, supervisionCycle } from '@shian/shared';
import { Enterprise } from '../enterprises/enterprise.entity';
import { toNumber } from '../common/sql';
import { staffingProfileOf } from '../staff/staff.service';
import { loadFrequencies } from '../supervision/settings';
import { BusinessSums, LEVEL_LENGTHS, RollupKey, rollupKeyOf, RollupSums } from './rollup';
import { StatEnterprise, StatKind } from './stat.entities';

/** The last day of an ISO week key ('2026-W48') — the day its investigation is counted on. */
export function weekEnd(week: string): string {
  return addDays(mondayOfIsoWeek(week)!, 6);
}

/** The last day of a month key ('2026-11'). */
export function monthEnd(month: string): string {
  const days = monthDates(month);
  return days[days.length - 1];
}

/** Active accounts per role for each business. */
export async function rostersOf(em: EntityManager, enterpriseIds: string[]): Promise<Map<string, RosterMember[]>> {
  const out = new Map<string, RosterMember[]>();
  if (!enterpriseIds.length) return out;
  const rows = (await em
    .createQueryBuilder()
    .select('u.enterprise_id', 'enterprise_id')
    .addSelect('u.role', 'role')
    .addSelect('COUNT(*)', 'n')
    .from('users', 'u')
    .where('u.enterprise_id IN (:...ids)', { ids: enterpriseIds })
    .andWhere('u.active = :active', { active: true })
    .groupBy('u.enterprise_id')
    .addGroupBy('u.role')
    .getRawMany()) as Array<{ enterprise_id: string; role: Role; n: unknown }>;
  for (const r of rows) {
    const roster = out.get(r.enterprise_id) ?? [];
    for (let i = 0; i < toNumber(r.n); i++) roster.push({ role: r.role });
    out.set(r.enterprise_id, roster);
  }
  return out;
}

/** Which of these businesses have a cadre assigned now. */
export async function withCadreOf(em: EntityManager, enterpriseIds: string[]): Promise<Set<string>> {
  if (!enterpriseIds.length) return new Set();
  const rows = (await em.query(`SELECT enterprise_id FROM cadre_assignments WHERE enterprise_id IN (${enterpriseIds.map(() => '?').join(', ')})`, enterpriseIds)) as Array<{ enterprise_id: string }>;
  return new Set(rows.map((r) => r.enterprise_id));
}

/**
 * A business's share of stat_businesses: itself, whether it needs and has its director and officer
 * (shared appointmentCounts), and whether it has a cadre.
 */
export function businessSumsOf(e: Enterprise, roster: readonly RosterMember[], withCadre = false): BusinessSums {
  const c = appointmentCounts([{ requirement: staffingRequirement(staffingProfileOf(e)), roster }]);
  return { businesses: 1, requiringDirector: c.requiringDirector, withDirector: c.withDirector, withOfficer: c.withOfficer, withCadre: withCadre ? 1 : 0 };
}

function snapshot(e: Enterprise, key: RollupKey, s: BusinessSums): StatEnterprise {
  return Object.assign(new StatEnterprise(), {
    enterpriseId: e.id,
    ...key,
    requiringDirector: s.requiringDirector > 0,
    withDirector: s.withDirector > 0,
    withOfficer: s.withOfficer > 0,
    withCadre: s.withCadre > 0,
  });
}

const keyOfSnapshot = (s: StatEnterprise): RollupKey => ({ regionCode: s.regionCode, grade: s.grade, businessType: s.businessType, since: s.since });
const sumsOfSnapshot = (s: StatEnterprise): BusinessSums => ({ businesses: 1, requiringDirector: +s.requiringDirector, withDirector: +s.withDirector, withOfficer: +s.withOfficer, withCadre: +s.withCadre });
const sameSums = (a: StatEnterprise, b: StatEnterprise) => a.requiringDirector === b.requiringDirector && a.withDirector === b.withDirector && a.withOfficer === b.withOfficer && a.withCadre === b.withCadre;
const sameKey = (a: RollupKey, b: RollupKey) => a.regionCode === b.regionCode && a.grade === b.grade && a.businessType === b.businessType && a.since === b.since;

/**
 * Adds (sign 1) or takes away (-1) the records and problems of these businesses under their keys:
 * current daily checks by date, weekly investigations by their Sunday, monthly reviews by their
 * month's last day, and problems not superseded by the day found.
 */
async function addHistory(em: EntityManager, sums: RollupSums, keys: ReadonlyMap<string, RollupKey>, sign: 1 | -1): Promise<void> {
  const ids = [...keys.keys()];
  if (!ids.length) return;
  const current = { ids, current: true };
  const daily = (await em.query(...q(em, 'SELECT enterprise_id, business_date AS d, late FROM daily_checks WHERE is_current = ? AND enterprise_id IN', current))) as Row[];
  for (const r of daily) sums.record(keys.get(r.enterprise_id)!, StatKind.Daily, r.d, !!toNumber(r.late), sign);
  const weekly = (await em.query(...q(em, 'SELECT enterprise_id, week AS d, late FROM weekly_investigations WHERE is_current = ? AND enterprise_id IN', current))) as Row[];
  for (const r of weekly) sums.record(keys.get(r.enterprise_id)!, StatKind.Weekly, weekEnd(r.d), !!toNumber(r.late), sign);
  const monthly = (await em.query(...q(em, 'SELECT enterprise_id, month AS d, late FROM monthly_reviews WHERE is_current = ? AND enterprise_id IN', current))) as Row[];
  for (const r of monthly) sums.record(keys.get(r.enterprise_id)!, StatKind.Monthly, monthEnd(r.d), !!toNumber(r.late), sign);
  const problems = (await em.query(
    `SELECT enterprise_id, business_date AS d, status FROM problems WHERE status <> 'superseded' AND enterprise_id IN (${ids.map(() => '?').join(', ')})`,
    ids,
  )) as Array<{ enterprise_id: string; d: string; status: string }>;
  for (const r of problems) sums.problems(keys.get(r.enterprise_id)!, r.d, sign, r.status === 'resolved' ? sign : 0);
  const visits = (await em.query(`SELECT DISTINCT enterprise_id, visit_date AS d FROM supervision_visits WHERE enterprise_id IN (${ids.map(() => '?').join(', ')})`, ids)) as Array<{ enterprise_id: string; d: string }>;
  addVisits(sums, visits.map((v) => ({ key: keys.get(v.enterprise_id)!, enterpriseId: v.enterprise_id, date: v.d })), await loadFrequencies(em), sign);
}

/**
 * The 'V' sums of these visits: one per business and cycle visited (its first visit), dated the
 * cycle's last day under the frequency of the business's grade now.
 */
function addVisits(sums: RollupSums, visits: ReadonlyArray<{ key: RollupKey; enterpriseId: string; date: string }>, frequencies: Record<Grade, SupervisionFrequency>, sign: 1 | -1): void {
  const seen = new Set<string>();
  for (const v of visits) {
    const end = supervisionCycle(v.date, frequencies[v.key.grade as Grade]).to;
    const id = `${v.enterpriseId}|${end}`;
    if (seen.has(id)) continue;
    seen.add(id);
    sums.record(v.key, StatKind.Visit, end, false, sign);
  }
}

/**
 * Recomputes the 'V' sums from the visits (after the visit schedule changed, or in a rebuild): each
 * counted business's first visit per cycle under its grade's frequency now. In the caller's transaction.
 */
export async function rebuildVisitSums(em: EntityManager): Promise<void> {
  await em.query(`DELETE FROM stat_records WHERE kind = '${StatKind.Visit}'`);
  const rows = (await em.query(
    `SELECT DISTINCT v.enterprise_id AS id, v.visit_date AS d, s.region_code AS region_code, s.grade AS grade, s.business_type AS business_type, s.since AS since
     FROM supervision_visits v INNER JOIN stat_enterprises s ON s.enterprise_id = v.enterprise_id`,
  )) as Array<{ id: string; d: string; region_code: string; grade: string; business_type: string; since: string }>;
  const sums = new RollupSums();
  const visits = rows.map((r) => ({ enterpriseId: r.id, date: r.d, key: { regionCode: r.region_code, grade: r.grade, businessType: r.business_type, since: r.since } }));
  addVisits(sums, visits, await loadFrequencies(em), 1);
  await sums.write(em);
}

interface Row {
  enterprise_id: string;
  d: string;
  late: unknown;
}

/** `sql (?, ?, …)` with the is_current flag as the driver stores booleans. */
function q(em: EntityManager, sql: string, p: { ids: string[]; current: boolean }): [string, unknown[]] {
  const flag = em.connection.driver.preparePersistentValue(p.current, { type: 'boolean' } as never);
  return [`${sql} (${p.ids.map(() => '?').join(', ')})`, [flag, ...p.ids]];
}

/**
 * Brings one business's share up to date after a change to it (confirmed, rejected, regraded, moved,
 * its profile or its staff changed): stat_businesses moves from its old key and staffing to the new;
 * if its key changed, its records and problems move with it. Call it inside the change's transaction.
 */
export async function refreshEnterpriseRollup(em: EntityManager, enterpriseId: string): Promise<void> {
  const e = await em.findOne(Enterprise, { where: { id: enterpriseId } });
  const old = await em.findOne(StatEnterprise, { where: { enterpriseId } });
  const key = e ? rollupKeyOf(e) : null;
  const sums = new RollupSums();
  let now: StatEnterprise | null = null;
  if (e && key) now = snapshot(e, key, businessSumsOf(e, (await rostersOf(em, [e.id])).get(e.id) ?? [], (await withCadreOf(em, [e.id])).has(e.id)));
  if (old && now && sameKey(keyOfSnapshot(old), keyOfSnapshot(now)) && sameSums(old, now)) return;
  if (old) sums.business(keyOfSnapshot(old), sumsOfSnapshot(old), -1);
  if (now) sums.business(keyOfSnapshot(now), sumsOfSnapshot(now), 1);
  const keyChanged = !old || !now || !sameKey(keyOfSnapshot(old), keyOfSnapshot(now));
  if (keyChanged && old) await addHistory(em, sums, new Map([[enterpriseId, keyOfSnapshot(old)]]), -1);
  if (keyChanged && now) await addHistory(em, sums, new Map([[enterpriseId, keyOfSnapshot(now)]]), 1);
  await sums.write(em);
  if (old && !now) await em.delete(StatEnterprise, { enterpriseId });
  else if (now) await em.save(StatEnterprise, now);
}

/** refreshEnterpriseRollup for several businesses (an import), one transaction each time it is called. */
export async function refreshEnterpriseRollups(em: EntityManager, enterpriseIds: readonly string[]): Promise<void> {
  for (const id of enterpriseIds) await refreshEnterpriseRollup(em, id);
}

const LEVELS = LEVEL_LENGTHS;

/**
 * Recomputes every sum from the records, in the manager's transaction (or without one). Each
 * business's key and staffing are worked out here (the staffing rules are shared code); its records
 * and problems are then summed by the database, per village first and each level above from the one
 * below — the same figures RollupSums would add one by one (a test keeps the two equal).
 */
export async function rebuildRollupsIn(em: EntityManager, log: (s: string) => void = () => undefined, chunk = 5000): Promise<void> {
  const started = Date.now();
  const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;
  for (const table of ['stat_records', 'stat_businesses', 'stat_business_totals', 'stat_enterprises']) await em.query(`DELETE FROM ${table}`);
  const ids = (
    (await em
      .createQueryBuilder()
      .select('e.id', 'id')
      .from('enterprises', 'e')
      .where('e.status = :status', { status: EnterpriseStatus.Active })
      .andWhere('e.grade IS NOT NULL')
      .orderBy('e.region_code')
      .addOrderBy('e.id')
      .getRawMany()) as Array<{ id: string }>
  ).map((r) => r.id);

  // 1. Businesses: their keys and staffing, stat_enterprises, stat_businesses and the totals.
  const sums = new RollupSums();
  const offTree = new Map<string, RollupKey>();
  for (let i = 0; i < ids.length; i += chunk) {
    const part = ids.slice(i, i + chunk);
    const enterprises = await em.find(Enterprise, { where: { id: In(part) } });
    const staff = await rostersOf(em, part);
    const assigned = await withCadreOf(em, part);
    const snapshots: StatEnterprise[] = [];
    for (const e of enterprises) {
      const key = rollupKeyOf(e)!;
      const s = businessSumsOf(e, staff.get(e.id) ?? [], assigned.has(e.id));
      sums.business(key, s);
      snapshots.push(snapshot(e, key, s));
      // A business not placed in a village (none is today) is summed one by one below.
      if (key.regionCode.length !== LEVELS[LEVELS.length - 1]) offTree.set(e.id, key);
    }
    for (let j = 0; j < snapshots.length; j += 1000) await em.createQueryBuilder().insert().into(StatEnterprise).values(snapshots.slice(j, j + 1000)).updateEntity(false).execute();
  }
  await sums.write(em);
  log(`rollups: ${ids.length} businesses, ${elapsed()}`);

  // 2. Records and problems per village (region = its township), by the database.
  const current = em.connection.driver.preparePersistentValue(true, { type: 'boolean' } as never);
  const village = `LENGTH(s.region_code) = ${LEVELS[4]}`;
  const head = 'INSERT INTO stat_records (region_code, kind, unit_date, child_code, grade, business_type, done, late, unowed, found, fixed)';
  // A county at a time: a province's records in one INSERT … SELECT outgrow MariaDB's lock table.
  const counties = ((await em.query(`SELECT DISTINCT SUBSTR(region_code, 1, ${LEVELS[2]}) AS c FROM stat_enterprises WHERE LENGTH(region_code) = ${LEVELS[4]}`)) as Array<{ c: string }>).map((r) => r.c);
  const inCounty = 'AND s.region_code LIKE ?';
  const select = (kind: StatKind, date: string) =>
    `SELECT SUBSTR(s.region_code, 1, ${LEVELS[3]}), '${kind}', ${date}, s.region_code, s.grade, s.business_type, COUNT(*), SUM(r.late), SUM(CASE WHEN ${date} < s.since THEN 1 ELSE 0 END), 0, 0`;
  // By position: the same expressions as selected (a CASE with placeholders is not "the same" to ONLY_FULL_GROUP_BY).
  const group = 'GROUP BY 1, 3, 4, 5, 6';
  for (const county of counties) {
    await em.query(
      `${head} ${select(StatKind.Daily, 'r.business_date')} FROM stat_enterprises s INNER JOIN daily_checks r ON r.enterprise_id = s.enterprise_id WHERE r.is_current = ? AND ${village} ${inCounty} ${group}`,
      [current, `${county}%`],
    );
  }
  for (const [kind, table, column, end] of [
    [StatKind.Weekly, 'weekly_investigations', 'week', weekEnd],
    [StatKind.Monthly, 'monthly_reviews', 'month', monthEnd],
  ] as const) {
    // The unit's last day from its key ('2026-W48', '2026-11'): a CASE over the keys in use.
    const keys = ((await em.query(`SELECT DISTINCT ${column} AS k FROM ${table}`)) as Array<{ k: string }>).map((r) => r.k);
    if (!keys.length) continue;
    const date = `CASE r.${column} ${keys.map(() => 'WHEN ? THEN ?').join(' ')} END`;
    const pairs = keys.flatMap((k) => [k, end(k)]);
    for (const county of counties) {
      await em.query(
        `${head} ${select(kind, date)} FROM stat_enterprises s INNER JOIN ${table} r ON r.enterprise_id = s.enterprise_id WHERE r.is_current = ? AND ${village} ${inCounty} ${group}`,
        [...pairs, ...pairs, current, `${county}%`],
      );
    }
  }
  for (const county of counties) {
    await em.query(
      `${head} SELECT SUBSTR(s.region_code, 1, ${LEVELS[3]}), '${StatKind.Problem}', r.business_date, s.region_code, s.grade, s.business_type, 0, 0, 0, COUNT(*), SUM(CASE WHEN r.status = 'resolved' THEN 1 ELSE 0 END)
       FROM stat_enterprises s INNER JOIN problems r ON r.enterprise_id = s.enterprise_id WHERE r.status <> 'superseded' AND ${village} ${inCounty} ${group}`,
      [`${county}%`],
    );
  }
  log(`rollups: villages summed, ${elapsed()}`);

  // 3. Each level above from the one below: township → county → city → province → country.
  for (let level = 3; level >= 0; level--) {
    const parent = level === 0 ? "''" : `SUBSTR(region_code, 1, ${LEVELS[level - 1]})`;
    await em.query(
      `${head} SELECT ${parent}, kind, unit_date, region_code, grade, business_type, SUM(done), SUM(late), SUM(unowed), SUM(found), SUM(fixed)
       FROM stat_records WHERE LENGTH(region_code) = ${LEVELS[level]} GROUP BY 1, 2, 3, 4, 5, 6`,
    );
  }
  if (offTree.size) {
    const rest = new RollupSums();
    await addHistory(em, rest, offTree, 1);
    await rest.write(em);
  }
  await rebuildVisitSums(em);
  log(`rollups: done, ${elapsed()}`);
}

/**
 * rebuildRollupsIn in one transaction of its own; on MySQL/MariaDB READ COMMITTED, so INSERT … SELECT
 * reads the records without locking every one of them.
 */
export async function rebuildRollups(ds: DataSource, log?: (s: string) => void): Promise<void> {
  const mysql = ds.options.type === 'mysql' || ds.options.type === 'mariadb';
  if (mysql) await ds.transaction('READ COMMITTED', (em) => rebuildRollupsIn(em, log));
  else await ds.transaction((em) => rebuildRollupsIn(em, log));
}
