// The 包保 stage of the province seed (issue #6), run after the businesses are written — or alone on a
// province generated before it: 包保干部 by level wherever businesses of the grade that level answers
// for are (A → 市级 of the city, B → 县级 of the county, C → 乡镇级 of the township, D → 村级 of the
// village; requiredCadreLevel with the regions' overrides), about one cadre per 5.7 businesses as in
// the seed; each business given to a cadre of its region and level (≈ 97 %: businesses licensed in the
// last weeks and a few others are still coverage gaps), with its 'assigned' event; this year's
// commitment letters (signed in the app) of ≈ 92 % of cadres; and their supervision visits — ≈ 95 %
// of the businesses in the previous quarter and, so far, a share of the current one growing with the
// days gone — every checklist item answered, a few 不符合 with the problems and the rectification
// order they raised (source 'visit'), answered and accepted as time allowed.
//
// Deterministic for a seed and a day: the businesses are read back in id order (= the order they
// were generated in) and every cadre and business draws from its own stream.
import {
  addDays,
  BusinessDate,
  businessDateOf,
  CADRE_LEVEL_LABELS,
  CADRE_LEVELS,
  CadreLevel,
  cadreRegionLength,
  COMMITMENT_TEXT,
  Grade,
  GradeLevelOverride,
  RegionLevel,
  requiredCadreLevel,
  Role,
  SUPERVISION_CHECKLIST,
  SupervisionAnswerDto,
  supervisionCycle,
  SupervisionFrequency,
} from '@shian/shared';
import type { DataSource } from 'typeorm';
import { User } from '../../auth/user.entity';
import { Enterprise, dutiesSince } from '../../enterprises/enterprise.entity';
import { Region } from '../../regions/region.entity';
import { loadFrequencies } from '../../supervision/settings';
import { CadreLevelOverride } from '../../supervision/supervision.entities';
import { emptyRows, PreJson, Rows } from './generate';
import { IdMaker } from './ids';
import { countRows, RowCounts } from './lane';
import { officialAccount, PROVINCE_BUSINESSES, SeedOfficial } from './plan';
import { Rng, seedOf } from './rng';
import * as T from './texts';
import type { RowSink } from './writers';

/** The seed's proportion: Inner Mongolia's 39,300 包保干部 for its 225,200 businesses (≈ 1 per 5.7). */
export const PROVINCE_CADRES = 39_300;
/** About how many businesses of its grade a city, county or township cadre answers for; village cadres take the rest of the proportion. */
export const UPPER_CADRE_LOAD = 6;
/** Cadres who signed this year's commitment letter. */
export const COMMITMENT_SHARE = 0.92;
/** Businesses visited in the previous quarter. */
export const PREVIOUS_QUARTER_VISITED = 0.95;
/** Visits with a 不符合 answer (one or two items), each raising a rectification order. */
export const VISIT_PROBLEM_SHARE = 0.05;

/** Cadres the seed makes for n businesses. */
export function cadreTarget(n: number): number {
  return Math.max(1, Math.round((n * PROVINCE_CADRES) / PROVINCE_BUSINESSES));
}

/** The share of the assigned businesses visited by the day before `today` in the current quarter: 0.95 at its end. */
export function currentQuarterVisited(today: BusinessDate): number {
  const yesterday = addDays(today, -1);
  const q = supervisionCycle(yesterday, 'quarter');
  const elapsed = daysBetween(q.from, yesterday) + 1;
  const length = daysBetween(q.from, q.to) + 1;
  return 0.95 * Math.pow(elapsed / length, 0.6);
}

/** The chance that a business has no cadre yet: mostly the newly licensed. */
function gapChance(grade: Grade, joinedLately: boolean): number {
  if (joinedLately) return 0.35;
  return { [Grade.A]: 0, [Grade.B]: 0.005, [Grade.C]: 0.015, [Grade.D]: 0.02 }[grade];
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

function daysBetween(a: BusinessDate, b: BusinessDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

/** What the stage needs of the run: the seed, the day, and the base of the time-ordered ids. */
export interface SupervisionStageInput {
  seed: number;
  today: BusinessDate;
  /** The instant the data stands at (ms): the start of `today`, Asia/Shanghai. */
  asOfMs: number;
  idBaseMs: number;
  /** Where the rows go (the run's MariaDB or SQLite writer). */
  sink: RowSink;
  log?: (line: string) => void;
}

export interface SupervisionStageResult {
  rows: RowCounts;
  /** One cadre per level to log in with. */
  logins: SeedOfficial[];
}

interface Business {
  index: number;
  id: string;
  regionCode: string;
  grade: Grade;
  since: BusinessDate;
  level: CadreLevel;
  principalId: string;
  principalName: string;
}

interface Cadre {
  index: number;
  id: string;
  ids: IdMaker;
  name: string;
  phone: string;
  title: string;
  level: CadreLevel;
  regionCode: string;
}

/** The units a level's cadres belong to (a city, county, township or village) and the businesses each must cover. */
interface Unit {
  level: CadreLevel;
  code: string;
  businesses: Business[];
  cadres: number;
}

/**
 * n cadres over units with these business counts: at least one per unit with businesses, the rest
 * in proportion (largest remainder), never more cadres than businesses. When n is smaller than the
 * units, every unit still gets one (a business needs a cadre of its own village).
 */
export function spread(counts: readonly number[], n: number): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const out = counts.map((c): number => (c > 0 ? 1 : 0));
  let left = n - out.reduce((a, b) => a + b, 0);
  if (left <= 0 || total === 0) return out;
  const exact = counts.map((c) => (c * (left + out.reduce((a, b) => a + b, 0))) / total);
  for (let i = 0; i < counts.length && left > 0; i++) {
    const add = Math.min(counts[i] - out[i], Math.max(0, Math.floor(exact[i]) - out[i]), left);
    out[i] += add;
    left -= add;
  }
  const order = counts.map((_, i) => i).sort((a, b) => exact[b] - Math.floor(exact[b]) - (exact[a] - Math.floor(exact[a])) || a - b);
  while (left > 0) {
    let moved = false;
    for (const i of order) {
      if (left <= 0) break;
      if (out[i] < counts[i]) {
        out[i]++;
        left--;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return out;
}

/** A cadre's 职务 from the kind of place their region is. */
function titleOf(rng: Rng, level: CadreLevel, regionName: string): string {
  switch (level) {
    case CadreLevel.City:
      return rng.pick(regionName.endsWith('盟') ? T.LEAGUE_TITLES : T.CITY_TITLES);
    case CadreLevel.County:
      return rng.pick(T.COUNTY_TITLES[Object.keys(T.COUNTY_TITLES).find((k) => regionName.endsWith(k)) ?? '县']);
    case CadreLevel.Township:
      return rng.pick(T.TOWNSHIP_TITLES[Object.keys(T.TOWNSHIP_TITLES).find((k) => regionName.endsWith(k)) ?? '镇']);
    case CadreLevel.Village:
      return rng.pick(/社区|居委会/.test(regionName) ? T.COMMUNITY_TITLES : T.VILLAGE_TITLES);
  }
}

/** The answers of a visit with nothing wrong: shared by most rows (sent once per connection on MariaDB). */
const ALL_YES = new PreJson(JSON.stringify(SUPERVISION_CHECKLIST.map((i) => ({ key: i.key, answer: 'yes' }))), 'visit:yes');
/** The same when there were no earlier problems to check (问题整改: 不适用). */
const YES_NO_EARLIER = new PreJson(
  JSON.stringify(SUPERVISION_CHECKLIST.map((i) => ({ key: i.key, answer: i.key === 'problems_rectified' ? 'na' : 'yes' }))),
  'visit:yes-na',
);
const EMPTY = new PreJson('[]', 'empty');

/** A point somewhere in the village (not its real place: the seed has no coordinates), as a phone reports it. */
function locationOf(rng: Rng, villageCode: string): { latitude: number; longitude: number; accuracy: number } {
  const h = seedOf('village', villageCode);
  const lat = 40 + ((h & 0xffff) / 0xffff) * 9 + (rng.next() - 0.5) * 0.01;
  const lng = 107 + ((h >>> 16) / 0xffff) * 15 + (rng.next() - 0.5) * 0.01;
  return { latitude: Math.round(lat * 1e6) / 1e6, longitude: Math.round(lng * 1e6) / 1e6, accuracy: rng.between(5, 60) };
}

/** Reads the province's businesses, regions, regulators and rules, and writes the 包保 rows through the sink. */
export async function seedSupervision(ds: DataSource, input: SupervisionStageInput): Promise<SupervisionStageResult> {
  const log = input.log ?? (() => undefined);
  const { seed, today } = input;
  const yesterday = addDays(today, -1);
  const overrides: GradeLevelOverride[] = (await ds.getRepository(CadreLevelOverride).find()).map((o) => ({ regionCode: o.regionCode, grade: o.grade, level: o.level }));
  const frequencies = await loadFrequencies(ds.manager);
  const names = new Map((await ds.getRepository(Region).find({ select: { code: true, name: true } })).map((r) => [r.code, r.name]));
  const regulators = new Map(
    (await ds.getRepository(User).find({ select: { id: true, regionCode: true }, where: { role: Role.Regulator }, order: { id: 'ASC' } })).map((u) => [u.regionCode!, u.id]),
  );
  const principals = new Map<string, { id: string; name: string }>();
  for (const p of (await ds.query(`SELECT id, name, enterprise_id FROM users WHERE role = 'principal'`)) as Array<{ id: string; name: string; enterprise_id: string }>) {
    if (!principals.has(p.enterprise_id)) principals.set(p.enterprise_id, { id: p.id, name: p.name });
  }
  const enterprises = await ds.getRepository(Enterprise).find({
    select: { id: true, regionCode: true, grade: true, createdAt: true, confirmedAt: true, status: true },
    order: { id: 'ASC' },
  });

  // The businesses a cadre must cover, by the unit of the level their grade calls for.
  const units = new Map<string, Unit>();
  const businesses: Business[] = [];
  enterprises.forEach((e, index) => {
    if (e.status !== 'active' || !e.grade) return;
    const principal = principals.get(e.id);
    const level = requiredCadreLevel(e.grade, e.regionCode, overrides);
    const b: Business = { index, id: e.id, regionCode: e.regionCode, grade: e.grade, since: dutiesSince(e), level, principalId: principal?.id ?? '', principalName: principal?.name ?? '' };
    businesses.push(b);
    const code = e.regionCode.slice(0, cadreRegionLength(level));
    const key = `${CADRE_LEVELS.indexOf(level)}:${code}`;
    let unit = units.get(key);
    if (!unit) units.set(key, (unit = { level, code, businesses: [], cadres: 0 }));
    unit.businesses.push(b);
  });
  const ordered = [...units.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, u]) => u);

  // How many cadres each unit has: city, county and township units one per UPPER_CADRE_LOAD businesses;
  // the villages the rest of the seed's proportion, spread by their businesses.
  const upper = ordered.filter((u) => u.level !== CadreLevel.Village);
  for (const u of upper) u.cadres = Math.ceil(u.businesses.length / UPPER_CADRE_LOAD);
  const villages = ordered.filter((u) => u.level === CadreLevel.Village);
  const upperCount = upper.reduce((n, u) => n + u.cadres, 0);
  spread(
    villages.map((u) => u.businesses.length),
    cadreTarget(businesses.length) - upperCount,
  ).forEach((k, i) => (villages[i].cadres = k));

  // The cadres, unit by unit (city, county, township, village; code order).
  const cadres: Cadre[] = [];
  const cadresOf = new Map<Unit, Cadre[]>();
  const cadreCreatedAt = new Date(input.asOfMs - 420 * DAY);
  for (const u of ordered) {
    const list: Cadre[] = [];
    for (let k = 0; k < u.cadres; k++) {
      const index = cadres.length;
      const rng = new Rng(seedOf(seed, 'cadre', index));
      const ids = new IdMaker(input.idBaseMs + 2_000_000 + index, seed, 5_000_000 + index);
      const cadre: Cadre = {
        index,
        id: ids.next(),
        ids,
        name: `${rng.pick(T.SURNAMES)}${rng.pick(T.GIVEN)}`,
        phone: String(17700000000 + index),
        title: titleOf(rng, u.level, names.get(u.code) ?? ''),
        level: u.level,
        regionCode: u.code,
      };
      cadres.push(cadre);
      list.push(cadre);
    }
    cadresOf.set(u, list);
  }

  const total: RowCounts = {};
  const flush = async (rows: Rows) => {
    countRows(rows, total);
    await input.sink.write(rows, 0);
  };

  // Cadres and this year's commitment letters.
  const year = Number(today.slice(0, 4));
  const yearStartMs = input.asOfMs - daysBetween(`${year}-01-01`, today) * DAY;
  let rows = emptyRows();
  for (const c of cadres) {
    const rng = new Rng(seedOf(seed, 'commitment', c.index));
    rows.User.push(officialAccount({ id: c.id, name: c.name, phone: c.phone, role: Role.Cadre, regionCode: c.regionCode, cadreLevel: c.level, title: c.title, createdAt: cadreCreatedAt }));
    // Signed in the app some time this year (most in its first weeks), before the data's day.
    const window = input.asOfMs - yearStartMs;
    if (window > 2 * HOUR && rng.chance(COMMITMENT_SHARE)) {
      const at = yearStartMs + Math.floor(Math.pow(rng.next(), 2) * (window - HOUR));
      rows.CadreCommitment.push({
        id: c.ids.next(),
        cadreId: c.id,
        regionCode: c.regionCode,
        year,
        version: 1,
        method: 'signed',
        fileIds: EMPTY,
        text: COMMITMENT_TEXT,
        submittedAt: new Date(at),
      });
    }
    if (rows.User.length >= 2000) {
      await flush(rows);
      rows = emptyRows();
    }
  }
  await flush(rows);
  log(`包保干部 ${cadres.length}（${CADRE_LEVELS.map((l) => `${CADRE_LEVEL_LABELS[l]} ${cadres.filter((c) => c.level === l).length}`).join('，')}），承诺书 ${total.CadreCommitment ?? 0}`);

  // Each unit's businesses, round robin over its cadres, leaving the gaps.
  const cadreOf = new Map<Business, Cadre>();
  for (const u of ordered) {
    const list = cadresOf.get(u)!;
    if (!list.length) continue;
    let next = 0;
    for (const b of u.businesses) {
      const rng = new Rng(seedOf(seed, 'assignment', b.index));
      const joinedLately = daysBetween(b.since, today) <= 30;
      if (rng.chance(gapChance(b.grade, joinedLately))) continue;
      cadreOf.set(b, list[next++ % list.length]);
    }
  }

  // Assignments, their events and the visits, business by business (id order: every table appended in key order).
  const current = supervisionCycle(yesterday, 'quarter');
  const previous = supervisionCycle(addDays(current.from, -1), 'quarter');
  const currentShare = currentQuarterVisited(today);
  const startOf = (date: BusinessDate) => input.asOfMs - daysBetween(date, today) * DAY;
  rows = emptyRows();
  for (const b of businesses) {
    const cadre = cadreOf.get(b);
    if (!cadre) continue;
    const rng = new Rng(seedOf(seed, 'supervision', b.index));
    const ids = new IdMaker(input.idBaseMs + 3_000_000 + b.index, seed, 6_000_000 + b.index);
    // Given to the cadre when the 包保 work began (half a year to a year and a half ago), or soon after the business joined.
    let assigned = addDays(today, -rng.between(190, 520));
    if (assigned <= b.since) assigned = addDays(b.since, rng.between(0, 20));
    if (assigned > yesterday) assigned = yesterday;
    const assignedAt = startOf(assigned) + rng.between(9, 16) * HOUR + rng.int(HOUR);
    const assignedBy = regulators.get(cadre.level === CadreLevel.City ? b.regionCode.slice(0, 4) : b.regionCode.slice(0, 6)) ?? regulators.get(b.regionCode.slice(0, 2)) ?? cadre.id;
    // Its last visit is filled in below (visits come in date order: last quarter's, then this one's).
    const assignment: Record<string, unknown> = { enterpriseId: b.id, cadreId: cadre.id, regionCode: b.regionCode, grade: b.grade, assignedBy, assignedAt: new Date(assignedAt), assignedDate: assigned, lastVisitDate: null };
    rows.CadreAssignment.push(assignment);
    rows.CadreAssignmentEvent.push({ id: ids.next(), enterpriseId: b.id, cadreId: cadre.id, kind: 'assigned', reason: null, actorId: assignedBy, at: new Date(assignedAt) });

    let hadProblems = false;
    for (const [cycle, share] of [
      [previous, PREVIOUS_QUARTER_VISITED],
      [current, currentShare],
    ] as const) {
      const from = [cycle.from, b.since, assigned].reduce((a, x) => (x > a ? x : a));
      const to = cycle.to < yesterday ? cycle.to : yesterday;
      if (from > to || !rng.chance(share)) continue;
      const visitDate = addDays(from, rng.int(daysBetween(from, to) + 1));
      const at = startOf(visitDate) + rng.between(9, 16) * HOUR + rng.int(HOUR);
      const visitId = ids.next();
      const frequency: SupervisionFrequency = frequencies[b.grade];
      let answers: PreJson = hadProblems || rng.chance(0.6) ? ALL_YES : YES_NO_EARLIER;
      let problems: string[] = [];
      let orderId: string | null = null;
      if (rng.chance(VISIT_PROBLEM_SHARE)) {
        const keys = new Set<string>();
        const want = rng.chance(0.2) ? 2 : 1;
        while (keys.size < want) keys.add(rng.pick(SUPERVISION_CHECKLIST).key);
        const list: SupervisionAnswerDto[] = SUPERVISION_CHECKLIST.map((i) => (keys.has(i.key) ? { key: i.key, answer: 'no', note: rng.pick(T.VISIT_FINDINGS[i.key]) } : { key: i.key, answer: 'yes' }));
        problems = list.filter((a) => a.answer === 'no').map((a) => a.note!);
        answers = new PreJson(JSON.stringify(list));
        orderId = ids.next();
        hadProblems = true;
        rectification(rng, rows, { orderId, visitId, business: b, cadre, problems, visitDate, at, asOfMs: input.asOfMs, startOf });
      }
      assignment.lastVisitDate = visitDate;
      rows.SupervisionVisit.push({
        id: visitId,
        enterpriseId: b.id,
        cadreId: cadre.id,
        cadreName: cadre.name,
        cadreLevel: cadre.level,
        regionCode: b.regionCode,
        grade: b.grade,
        visitDate,
        cycleKey: supervisionCycle(visitDate, frequency).key,
        answers,
        observations: problems.length ? `发现问题${problems.length}项，已下发整改通知` : rng.chance(0.7) ? rng.pick(T.VISIT_OBSERVATIONS) : null,
        problems: problems.length ? problems : EMPTY,
        photoIds: EMPTY,
        location: rng.chance(0.88) ? locationOf(rng, b.regionCode) : null,
        rectificationOrderId: orderId,
        createdAt: new Date(at),
      });
    }
    if (rows.CadreAssignment.length >= 1000) {
      await flush(rows);
      rows = emptyRows();
    }
  }
  await flush(rows);
  log(`包保关系 ${total.CadreAssignment ?? 0}（共 ${businesses.length} 家），督导记录 ${total.SupervisionVisit ?? 0}，整改通知 ${total.RectificationOrder ?? 0}`);

  // One cadre per level to log in with: the one with the most businesses.
  const load = new Map<Cadre, number>();
  for (const c of cadreOf.values()) load.set(c, (load.get(c) ?? 0) + 1);
  const logins: SeedOfficial[] = [];
  for (const level of CADRE_LEVELS) {
    const best = cadres.filter((c) => c.level === level).sort((a, b) => (load.get(b) ?? 0) - (load.get(a) ?? 0) || a.index - b.index)[0];
    if (best) {
      logins.push({
        phone: best.phone,
        name: best.name,
        regionCode: best.regionCode,
        level: REGION_LEVEL_OF[level],
        label: `${names.get(best.regionCode) ?? best.regionCode}${CADRE_LEVEL_LABELS[level]}包保干部（${best.title}，包保 ${load.get(best) ?? 0} 家）`,
      });
    }
  }
  return { rows: total, logins };
}

const REGION_LEVEL_OF: Record<CadreLevel, RegionLevel> = {
  [CadreLevel.City]: RegionLevel.City,
  [CadreLevel.County]: RegionLevel.County,
  [CadreLevel.Township]: RegionLevel.Township,
  [CadreLevel.Village]: RegionLevel.Village,
};

/** The order a visit's problems raised, and as much of its loop as had happened by the data's day. */
function rectification(
  rng: Rng,
  rows: Rows,
  o: { orderId: string; visitId: string; business: Business; cadre: Cadre; problems: string[]; visitDate: BusinessDate; at: number; asOfMs: number; startOf: (d: BusinessDate) => number },
): void {
  const deadline = addDays(o.visitDate, rng.between(7, 20));
  const issuedAt = o.at + rng.between(1, 10) * 60_000;
  // Most businesses answer before the deadline, a few late or not yet; the cadre checks within days.
  const answerDays = rng.chance(0.85) ? rng.between(1, daysBetween(o.visitDate, deadline)) : rng.between(15, 40);
  const answeredAt = o.startOf(addDays(o.visitDate, answerDays)) + rng.between(9, 18) * HOUR + rng.int(HOUR);
  const acceptedAt = answeredAt + rng.between(1, 4) * DAY + rng.int(6 * HOUR);
  const answered = answeredAt < o.asOfMs;
  const accepted = answered && acceptedAt < o.asOfMs;
  rows.RectificationOrder.push({
    id: o.orderId,
    enterpriseId: o.business.id,
    regionCode: o.business.regionCode,
    sourceType: 'visit',
    sourceId: o.visitId,
    items: o.problems,
    deadline,
    status: accepted ? 'closed' : answered ? 'answered' : 'open',
    issuedBy: o.cadre.id,
    issuerName: o.cadre.name,
    issuedAt: new Date(issuedAt),
    issuedDate: o.visitDate,
    answeredAt: answered ? new Date(answeredAt) : null,
    closedAt: accepted ? new Date(acceptedAt) : null,
    closedDate: accepted ? businessDateOf(new Date(acceptedAt)) : null,
    round: 1,
  });
  const event = (seq: number, kind: string, actorId: string, actorName: string, at: number, text: string | null) =>
    rows.RectificationEvent.push({ orderId: o.orderId, seq, kind, actorId, actorName, at: new Date(at), text, photoIds: EMPTY });
  event(1, 'issued', o.cadre.id, o.cadre.name, issuedAt, null);
  if (answered) event(2, 'answered', o.business.principalId, o.business.principalName, answeredAt, rng.pick(T.VISIT_RECTIFICATION_MEASURES));
  if (accepted) event(3, 'accepted', o.cadre.id, o.cadre.name, acceptedAt, rng.pick(T.VISIT_ACCEPTANCES));
}
