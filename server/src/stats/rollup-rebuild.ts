// The sums of stat.entities.ts recomputed from what they sum: the whole database (rebuild), or one
// business whose key or staffing changed (refresh). Both go through RollupSums, the code the record
// services use, so there is one way to count.
import { DataSource, EntityManager, In } from 'typeorm';
import { appointmentCounts, EnterpriseStatus, mondayOfIsoWeek, monthDates, addDays, Role, RosterMember, staffingRequirement } from '@shian/shared';
import { Enterprise } from '../enterprises/enterprise.entity';
import { toNumber } from '../common/sql';
import { staffingProfileOf } from '../staff/staff.service';
import { BusinessSums, RollupKey, rollupKeyOf, RollupSums } from './rollup';
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

/** A business's share of stat_businesses: itself, and whether it needs and has its director and officer (shared appointmentCounts). */
export function businessSumsOf(e: Enterprise, roster: readonly RosterMember[]): BusinessSums {
  const c = appointmentCounts([{ requirement: staffingRequirement(staffingProfileOf(e)), roster }]);
  return { businesses: 1, requiringDirector: c.requiringDirector, withDirector: c.withDirector, withOfficer: c.withOfficer };
}

function snapshot(e: Enterprise, key: RollupKey, s: BusinessSums): StatEnterprise {
  return Object.assign(new StatEnterprise(), {
    enterpriseId: e.id,
    ...key,
    requiringDirector: s.requiringDirector > 0,
    withDirector: s.withDirector > 0,
    withOfficer: s.withOfficer > 0,
  });
}

const keyOfSnapshot = (s: StatEnterprise): RollupKey => ({ regionCode: s.regionCode, grade: s.grade, businessType: s.businessType, since: s.since });
const sumsOfSnapshot = (s: StatEnterprise): BusinessSums => ({ businesses: 1, requiringDirector: +s.requiringDirector, withDirector: +s.withDirector, withOfficer: +s.withOfficer });
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
  if (e && key) now = snapshot(e, key, businessSumsOf(e, (await rostersOf(em, [e.id])).get(e.id) ?? []));
  if (old && now && sameKey(keyOfSnapshot(old), keyOfSnapshot(now)) && old.requiringDirector === now.requiringDirector && old.withDirector === now.withDirector && old.withOfficer === now.withOfficer) return;
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

/**
 * Recomputes every sum from the records, in the manager's transaction (or without one): businesses
 * in region order, a chunk at a time, each chunk's sums added to the tables.
 */
export async function rebuildRollupsIn(em: EntityManager, log: (s: string) => void = () => undefined, chunk = 2000): Promise<void> {
  for (const table of ['stat_records', 'stat_businesses', 'stat_enterprises']) await em.query(`DELETE FROM ${table}`);
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
  const started = Date.now();
  for (let i = 0; i < ids.length; i += chunk) {
    const part = ids.slice(i, i + chunk);
    const enterprises = await em.find(Enterprise, { where: { id: In(part) } });
    const staff = await rostersOf(em, part);
    const sums = new RollupSums();
    const keys = new Map<string, RollupKey>();
    const snapshots: StatEnterprise[] = [];
    for (const e of enterprises) {
      const key = rollupKeyOf(e)!;
      const s = businessSumsOf(e, staff.get(e.id) ?? []);
      keys.set(e.id, key);
      sums.business(key, s);
      snapshots.push(snapshot(e, key, s));
    }
    await addHistory(em, sums, keys, 1);
    await sums.write(em);
    for (let j = 0; j < snapshots.length; j += 500) await em.insert(StatEnterprise, snapshots.slice(j, j + 500));
    if ((i / chunk) % 10 === 9 || i + chunk >= ids.length) log(`rollups: ${Math.min(i + chunk, ids.length)}/${ids.length} businesses, ${Math.round((Date.now() - started) / 1000)} s`);
  }
}

/** rebuildRollupsIn in one transaction of its own. */
export async function rebuildRollups(ds: DataSource, log?: (s: string) => void): Promise<void> {
  await ds.transaction((em) => rebuildRollupsIn(em, log));
}
