// One business of the province seed and everything the application would have stored for it: the
// business (as a regulator creates it), its people (principal, officer, a director where the shared
// staffing rule requires one) with encrypted ID numbers and appointments, its 风险管控清单, and its
// records of the last WINDOW_DAYS days in the order they were received — daily checks (some late:
// 补报), weekly investigations resolving the problems found, a monthly review — each with its content
// hash and its link in the business's record chain, computed by the app's own functions
// (integrity/record-content.ts, chain.service linkHash) and the shared summaries the services freeze.
import { createHash } from 'node:crypto';
import {
  addDays,
  BusinessDate,
  businessDateOf,
  BusinessType,
  CanteenKind,
  CheckResult,
  DailyCheckItemRecord,
  EnterpriseRiskItem,
  EnterpriseScale,
  EnterpriseStatus,
  Grade,
  idNumberCheckChar,
  isoWeekKey,
  itemsDue,
  listFromTemplate,
  maskIdNumber,
  monthDates,
  monthKey,
  monthlyDueBy,
  monthlyReport,
  PeriodProblemEntry,
  ProblemSourceType,
  ProblemStatus,
  Role,
  staffingRequirement,
  StaffingProfile,
  templateFor,
  usccCheckChar,
  weekDates,
  weeklyDueBy,
  weeklySummary,
  weeksOverlappingMonth,
} from '@shian/shared';
import { canonicalJson } from '../../common/canonical-json';
import { FieldCrypto, ID_NUMBER_INDEX, idNumberContext } from '../../common/field-crypto';
import { linkHash } from '../../integrity/chain.service';
import { dailyCheckContent, hashContent, monthlyReviewContent, weeklyInvestigationContent } from '../../integrity/record-content';
import type { DailyCheck } from '../../daily-checks/daily-check.entity';
import type { MonthlyReview } from '../../monthly-reviews/monthly-review.entity';
import type { WeeklyInvestigation } from '../../weekly-investigations/weekly-investigation.entity';
import { IdMaker } from './ids';
import { VillageRef, WINDOW_DAYS } from './plan';
import { Rng, seedOf } from './rng';
import * as T from './texts';

/**
 * A JSON column value serialised once. `shared` names one that many rows carry (a business type's
 * all-pass answers, its template list): the MariaDB writer sends those once per connection.
 */
export class PreJson {
  private encoded: Buffer | undefined;
  constructor(
    readonly text: string,
    readonly shared: string | null = null,
  ) {}
  /** UTF-8 bytes, made once: the MySQL writer sends them as they are. */
  get bytes(): Buffer {
    return (this.encoded ??= Buffer.from(this.text, 'utf8'));
  }
}

/** The rows of a batch of businesses, by entity name (the writer maps properties to columns). */
export type Rows = Record<SeedTable, Array<Record<string, unknown>>>;

export const SEED_TABLES = [
  'Enterprise',
  'User',
  'Appointment',
  'RiskList',
  'DailyCheck',
  'Problem',
  'WeeklyInvestigation',
  'MonthlyReview',
  'RecordChainLink',
  'ChainHead',
  // The 包保 stage's (supervision.ts), written after the businesses.
  'CadreAssignment',
  'CadreAssignmentEvent',
  'CadreCommitment',
  'RectificationOrder',
  'RectificationEvent',
  'SupervisionVisit',
] as const;
export type SeedTable = (typeof SEED_TABLES)[number];

export function emptyRows(): Rows {
  return Object.fromEntries(SEED_TABLES.map((t) => [t, []])) as unknown as Rows;
}

/** What every business of a run shares; plain data, so it crosses into worker threads. */
export interface GenerationContext {
  seed: number;
  /** The instant the data stands at (ms): the start of `today`, Asia/Shanghai. */
  asOfMs: number;
  today: BusinessDate;
  /** Base of the time-ordered ids (ms). */
  idBaseMs: number;
  villages: VillageRef[];
  /** County code → the id of the county regulator who confirmed its businesses. */
  confirmers: Record<string, string>;
  passwordHash: string;
  /** DATA_ENCRYPTION_KEY, base64. */
  encryptionKey: string;
}

export interface BusinessSpec {
  index: number;
  village: number;
  grade: Grade;
}

// ------------------------------------------------------------------------------------------------
// Per business type, computed once: the template list, its daily and weekly items, and the answers
// of a day with nothing wrong, serialised once (most checks are exactly that).

interface TypeKit {
  type: BusinessType;
  list: EnterpriseRiskItem[];
  listJson: PreJson;
  templateRevision: string;
  changeNote: string;
  daily: EnterpriseRiskItem[];
  weekly: EnterpriseRiskItem[];
  passItems: DailyCheckItemRecord[];
  passJson: PreJson;
  /** canonicalJson(passItems), UTF-8. */
  passCanonical: Buffer;
  weeklyPassItems: DailyCheckItemRecord[];
  /** canonicalJson(weeklyPassItems). */
  weeklyPassCanonical: string;
}

const kits = new Map<BusinessType, TypeKit>();

function kitOf(type: BusinessType): TypeKit {
  let kit = kits.get(type);
  if (!kit) {
    const template = templateFor(type);
    const list = listFromTemplate(template);
    const daily = itemsDue(list, 'daily');
    const weekly = itemsDue(list, 'weekly');
    const passItems = daily.map((i) => ({ code: i.code, result: CheckResult.Pass, stage: i.stage, question: i.measure }));
    kit = {
      type,
      list,
      listJson: new PreJson(JSON.stringify(list), `list:${type}`),
      templateRevision: `${template.businessType}@${template.revision}`,
      changeNote: `依据《${template.title}》生成`,
      daily,
      weekly,
      passItems,
      passJson: new PreJson(JSON.stringify(passItems), `pass:${type}`),
      passCanonical: Buffer.from(canonicalJson(passItems), 'utf8'),
      weeklyPassItems: weekly.map((i) => ({ code: i.code, result: CheckResult.Pass, stage: i.stage, question: i.measure })),
      weeklyPassCanonical: '',
    };
    kit.weeklyPassCanonical = canonicalJson(kit.weeklyPassItems);
    kits.set(type, kit);
  }
  return kit;
}

// ------------------------------------------------------------------------------------------------

/** Types by grade: mostly catering and selling; the high grades are producers, canteens, distributors. */
const TYPE_MIX: Record<Grade, ReadonlyArray<readonly [BusinessType, number]>> = {
  [Grade.A]: [[BusinessType.Production, 35], [BusinessType.Canteen, 30], [BusinessType.MealDistribution, 15], [BusinessType.Catering, 15], [BusinessType.Selling, 5]],
  [Grade.B]: [[BusinessType.Catering, 35], [BusinessType.Selling, 25], [BusinessType.Canteen, 25], [BusinessType.Production, 10], [BusinessType.MealDistribution, 5]],
  [Grade.C]: [[BusinessType.Catering, 50], [BusinessType.Selling, 35], [BusinessType.Canteen, 8], [BusinessType.Production, 6], [BusinessType.MealDistribution, 1]],
  [Grade.D]: [[BusinessType.Catering, 50], [BusinessType.Selling, 46], [BusinessType.Canteen, 2], [BusinessType.Production, 2]],
};

const SCALE_OF: Record<Grade, EnterpriseScale> = { [Grade.A]: EnterpriseScale.Large, [Grade.B]: EnterpriseScale.Medium, [Grade.C]: EnterpriseScale.Small, [Grade.D]: EnterpriseScale.Micro };
const DINERS: Record<Grade, readonly [number, number]> = { [Grade.A]: [1200, 3000], [Grade.B]: [500, 1200], [Grade.C]: [120, 480], [Grade.D]: [20, 110] };

/**
 * How a business keeps its records: most check nearly every day, some often miss (and make up
 * days late — 补报), a few are silent. Probabilities per day, week and month.
 */
interface Habit {
  daily: number;
  lateShare: number;
  weekly: number;
  monthly: number;
  failRate: number;
}
const DILIGENT: Habit = { daily: 0.965, lateShare: 0.04, weekly: 0.9, monthly: 0.88, failRate: 0.03 };
const PATCHY: Habit = { daily: 0.55, lateShare: 0.3, weekly: 0.45, monthly: 0.4, failRate: 0.07 };
const SILENT: Habit = { daily: 0, lateShare: 0, weekly: 0, monthly: 0, failRate: 0 };

function habitOf(rng: Rng, grade: Grade): Habit {
  const high = grade === Grade.A || grade === Grade.B;
  return rng.weighted<Habit>(high ? [[DILIGENT, 95], [PATCHY, 5]] : [[DILIGENT, 75], [PATCHY, 19], [SILENT, 6]]);
}

interface Person {
  id: string;
  name: string;
  phone: string;
  role: Role;
}

/** A problem as it ends up, with enough to rebuild its status at any earlier instant. */
interface ProblemState {
  row: Record<string, unknown> & { id: string; businessDate: string; itemCode: string | null; description: string; measureTaken: string | null; fixedOnSpot: boolean };
  sourceType: ProblemSourceType;
  sourceId: string;
  createdAt: number;
  /** When resolved (fixed on the spot: at creation), or null while open. */
  resolvedAt: number | null;
  resolution: string | null;
}

function entryAt(p: ProblemState, at: number): PeriodProblemEntry {
  const resolved = p.resolvedAt !== null && p.resolvedAt <= at;
  const status: ProblemStatus = resolved ? 'resolved' : 'open';
  return {
    id: p.row.id,
    businessDate: p.row.businessDate,
    itemCode: p.row.itemCode,
    description: p.row.description,
    measureTaken: p.row.measureTaken,
    fixedOnSpot: p.row.fixedOnSpot,
    status,
    resolution: resolved ? p.resolution : null,
    resolvedAt: resolved ? new Date(p.resolvedAt!).toISOString() : null,
  };
}

interface CheckState {
  id: string;
  businessDate: string;
  late: boolean;
  submittedAt: number;
}

interface WeeklyState {
  id: string;
  week: string;
  investigatorName: string;
  late: boolean;
  hazards: Array<{ description: string }>;
  submittedAt: number;
}

type RecordEvent =
  | { kind: 'daily'; at: number; date: BusinessDate; fails: number }
  | { kind: 'weekly'; at: number; week: string }
  | { kind: 'monthly'; at: number; month: string; meetingDate: BusinessDate };

const HOUR = 3_600_000;
const DAY = 86_400_000;
const KIND_ORDER = { daily: 0, weekly: 1, monthly: 2 } as const;

/** Generates businesses into `rows`; one instance per thread (it keeps the decryption-free crypto and a sample counter). */
export class BusinessGenerator {
  private readonly crypto: FieldCrypto;
  /** The window's days, oldest first, and the weeks and months that end in it. */
  private readonly days: BusinessDate[] = [];
  private readonly weekEnds: Array<{ week: string; sunday: BusinessDate }> = [];
  private readonly monthEnds: Array<{ month: string; last: BusinessDate }> = [];
  /** Daily-check hashes checked against the app's own hashContent (the first ones, then one in 5,000). */
  private verified = 0;
  private generated = 0;
  private weeklyVerified = 0;
  private weeklyGenerated = 0;

  constructor(private readonly ctx: GenerationContext) {
    this.crypto = new FieldCrypto(Buffer.from(ctx.encryptionKey, 'base64'));
    for (let i = WINDOW_DAYS; i >= 1; i--) {
      const d = addDays(ctx.today, -i);
      this.days.push(d);
      const week = isoWeekKey(d);
      if (weekDates(week)[6] === d) this.weekEnds.push({ week, sunday: d });
      if (addDays(d, 1).slice(0, 7) !== d.slice(0, 7)) this.monthEnds.push({ month: monthKey(d), last: d });
    }
  }

  private readonly starts = new Map<BusinessDate, number>();

  /** Midnight starting `date` (Asia/Shanghai), ms. China keeps UTC+8 all year: days are 24 h. */
  private startOf(date: BusinessDate): number {
    let ms = this.starts.get(date);
    if (ms === undefined) {
      ms = this.ctx.asOfMs - daysFrom(date, this.ctx.today) * DAY;
      this.starts.set(date, ms);
    }
    return ms;
  }

  /** A moment between the hours given on `date` (or `plusDays` later), to the millisecond. */
  private at(rng: Rng, date: BusinessDate, fromHour: number, toHour: number, plusDays = 0): number {
    return this.startOf(date) + plusDays * DAY + fromHour * HOUR + rng.int((toHour - fromHour) * HOUR);
  }

  business(spec: BusinessSpec, rows: Rows): void {
    const { ctx } = this;
    const rng = new Rng(seedOf(ctx.seed, 'business', spec.index));
    const ids = new IdMaker(ctx.idBaseMs + spec.index, ctx.seed, spec.index);
    const village = ctx.villages[spec.village];
    const county = village.code.slice(0, 6);
    const grade = spec.grade;
    const type = rng.weighted(TYPE_MIX[grade]);
    const kit = kitOf(type);
    const habit = habitOf(rng, grade);

    // Most businesses were licensed long ago; a few joined during the window (their duties start then).
    const joinedLately = rng.chance(0.04);
    const createdAt = joinedLately
      ? this.at(rng, addDays(ctx.today, -rng.between(1, WINDOW_DAYS)), 9, 17)
      : this.at(rng, addDays(ctx.today, -rng.between(WINDOW_DAYS + 30, 1100)), 9, 17);
    const since = businessDateOf(new Date(createdAt));

    const profile = this.profile(rng, type, grade);
    const requirement = staffingRequirement(profile);
    const enterpriseId = ids.next();
    const name = `${village.county.replace(/(自治旗|自治县|联合旗|前旗|中旗|后旗|左旗|右旗|旗|区|市|县)$/, '') || village.county}${rng.pick(T.BRANDS)}${rng.pick(T.BUSINESS_SUFFIXES[type])}`;
    const people: Person[] = [];
    const person = (role: Role, slot: number): Person => {
      const p = { id: ids.next(), name: `${rng.pick(T.SURNAMES)}${rng.pick(T.GIVEN)}`, phone: String(13000000000 + spec.index * 4 + slot), role };
      people.push(p);
      return p;
    };
    const principal = person(Role.Principal, 0);
    const officer = person(Role.Officer, 1);
    const directors = Array.from({ length: requirement.minDirectors }, (_, i) => person(Role.Director, 2 + i));
    const investigator = directors[0] ?? officer;

    const first17 = `9${grade === Grade.D ? '2' : '1'}${county}MA${String(spec.index).padStart(7, '0')}`;
    rows.Enterprise.push({
      id: enterpriseId,
      name,
      uscc: first17 + usccCheckChar(first17),
      licenceNo: `${type === BusinessType.Production ? 'SC' : 'JY'}1${county}${String(spec.index).padStart(7, '0')}`,
      businessType: type,
      grade,
      regionCode: village.code,
      address: `内蒙古自治区${village.city}${village.county}${village.township}${rng.pick(T.ROADS)}${rng.between(1, 399)}号`,
      createdAt: new Date(createdAt),
      status: EnterpriseStatus.Active,
      rejectReason: null,
      contactName: principal.name,
      contactPhone: principal.phone,
      registeredBy: null,
      confirmedBy: ctx.confirmers[county] ?? null,
      confirmedAt: new Date(createdAt),
      scale: profile.scale ?? null,
      chainHeadquarters: profile.chainHeadquarters ?? null,
      centralKitchen: profile.centralKitchen ?? null,
      specialFood: profile.specialFood ?? null,
      canteenKind: profile.canteenKind ?? null,
      contractorOperated: profile.contractorOperated ?? null,
      dinersPerMeal: profile.dinersPerMeal ?? null,
    });
    for (const p of people) {
      const born = `${rng.between(1962, 2002)}${String(rng.between(1, 12)).padStart(2, '0')}${String(rng.between(1, 28)).padStart(2, '0')}`;
      const id17 = `${county}${born}${String(rng.between(1, 999)).padStart(3, '0')}`;
      const idNumber = id17 + idNumberCheckChar(id17);
      rows.User.push({
        id: p.id,
        name: p.name,
        phone: p.phone,
        passwordHash: ctx.passwordHash,
        role: p.role,
        enterpriseId,
        regionCode: null,
        cadreLevel: null,
        wechatOpenId: null,
        failedLoginCount: 0,
        lockedUntil: null,
        active: true,
        idNumberEnc: this.crypto.encrypt(idNumber, idNumberContext(p.id)),
        idNumberMask: maskIdNumber(idNumber),
        idNumberHash: this.crypto.blindIndex(idNumber, ID_NUMBER_INDEX),
        createdAt: new Date(createdAt),
      });
    }
    for (const p of people) {
      rows.Appointment.push({
        id: ids.next(),
        enterpriseId,
        userId: p.id,
        role: p.role,
        name: p.name,
        appointedOn: since,
        endedOn: null,
        endedReason: null,
        endedBy: null,
        createdBy: null,
        createdAt: new Date(createdAt),
      });
    }
    // Version 1 from the template, made the first time the business opened its list.
    rows.RiskList.push({
      id: ids.next(),
      enterpriseId,
      version: 1,
      templateRevision: kit.templateRevision,
      items: kit.listJson,
      changeNote: kit.changeNote,
      createdBy: null,
      createdAt: new Date(createdAt + 10 * 60_000),
    });

    const events = this.schedule(rng, habit, since, createdAt);
    if (!events.length) return;
    new RecordWriter(this, rng, ids, rows, { enterpriseId, regionCode: village.code, since, kit, officer, investigator, principal, directors, habit }).run(events);
  }

  /** The staffing facts a regulator records (shared StaffingProfile), by type and grade. */
  private profile(rng: Rng, type: BusinessType, grade: Grade): StaffingProfile {
    const scale = SCALE_OF[grade];
    const high = grade === Grade.A || grade === Grade.B;
    const diners = () => rng.between(...DINERS[grade]);
    switch (type) {
      case BusinessType.Catering: {
        const centralKitchen = grade === Grade.A && rng.chance(0.3);
        return { businessType: type, scale, chainHeadquarters: high && rng.chance(0.15), centralKitchen, dinersPerMeal: centralKitchen ? diners() : null };
      }
      case BusinessType.Selling:
        return { businessType: type, scale, chainHeadquarters: high && rng.chance(0.2) };
      case BusinessType.Production:
        return { businessType: type, scale, specialFood: grade === Grade.A && rng.chance(0.3) };
      case BusinessType.MealDistribution:
        return { businessType: type, scale, dinersPerMeal: diners() * 2 };
      case BusinessType.Canteen: {
        const canteenKind = rng.weighted([[CanteenKind.School, 40], [CanteenKind.Kindergarten, 20], [CanteenKind.Other, 35], [CanteenKind.ElderlyCare, 5]] as const);
        return { businessType: type, canteenKind, contractorOperated: canteenKind === CanteenKind.School && high && rng.chance(0.2), dinersPerMeal: diners() };
      }
    }
  }

  /** When the business made its records: each day, week and month of the window it kept, and when received. */
  private schedule(rng: Rng, habit: Habit, since: BusinessDate, createdAt: number): RecordEvent[] {
    const events: RecordEvent[] = [];
    if (habit === SILENT) return events;
    const asOf = this.ctx.asOfMs;
    const after = (t: number) => Math.max(t, createdAt + rng.between(10, 120) * 60_000);
    for (const d of this.days) {
      if (d < since || !rng.chance(habit.daily)) continue;
      const late = rng.chance(habit.lateShare);
      const at = after(late ? this.at(rng, d, 8, 21, rng.between(1, 3)) : this.at(rng, d, 7, 22));
      const fails = rng.chance(habit.failRate) ? (rng.chance(0.15) ? 2 : 1) : 0;
      if (at < asOf) events.push({ kind: 'daily', at, date: d, fails });
    }
    // Weeks and months that ended inside the window and after the business joined.
    for (const { week, sunday } of this.weekEnds) {
      if (sunday < since || !rng.chance(habit.weekly)) continue;
      const at = after(rng.chance(0.12) ? this.at(rng, sunday, 9, 19, rng.between(1, 3)) : this.at(rng, sunday, 10, 21, -rng.between(0, 2)));
      if (at < asOf) events.push({ kind: 'weekly', at, week });
    }
    for (const { month, last } of this.monthEnds) {
      if (last < since || !rng.chance(habit.monthly)) continue;
      const late = rng.chance(0.2);
      let meetingDate = late ? addDays(last, rng.between(1, 5)) : addDays(last, -rng.between(0, 4));
      if (meetingDate < since) meetingDate = since;
      const at = after(this.at(rng, meetingDate, 14, 19));
      if (at < asOf && businessDateOf(new Date(at)) === meetingDate) events.push({ kind: 'monthly', at, month, meetingDate });
    }
    return events.sort((a, b) => a.at - b.at || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  }

  /**
   * The daily check's content hash: SHA-256 of its canonical JSON (integrity/record-content.ts) fed
   * in three parts, the answers' part encoded once per business type. Checked against the app's own
   * hashContent(dailyCheckContent(row)) on the first rows and then one in 5,000: a field added to
   * the record's content makes the seed stop rather than write hashes that do not verify.
   */
  dailyHash(row: DailyCheckRow, items: DailyCheckItemRecord[], itemsCanonical: Buffer): string {
    const q = JSON.stringify;
    const head = `{"amendReason":null,"businessDate":${q(row.businessDate)},"enterpriseId":${q(row.enterpriseId)},"id":${q(row.id)},"items":`;
    const tail =
      `,"late":${row.late},"officerId":${q(row.officerId)},"officerName":${q(row.officerName)},"problemCount":${row.problemCount},"regionCode":${q(row.regionCode)},` +
      `"remarks":${q(row.remarks)},"riskListVersion":${row.riskListVersion},"submittedAt":${q(row.submittedAt.toISOString())},"supersedesId":null,"type":"daily_check","version":1,"zeroRisk":${row.zeroRisk}}`;
    const hash = createHash('sha256').update(head).update(itemsCanonical).update(tail).digest('hex');
    if (this.verified < 50 || ++this.generated % 5000 === 0) {
      this.verified++;
      const expected = hashContent(dailyCheckContent({ ...row, items } as unknown as DailyCheck));
      if (expected !== hash) throw new Error(`seed: a daily check's hash differs from the app's (${row.id}): has integrity/record-content.ts changed?`);
    }
    return hash;
  }

  /**
   * A weekly investigation's content hash (the app's weeklyInvestigationContent and canonical JSON),
   * its all-pass answers' canonical form given when they are the type's; checked like dailyHash.
   */
  weeklyHash(row: Record<string, unknown>, itemsCanonical: string | null): string {
    const content = weeklyInvestigationContent(row as unknown as WeeklyInvestigation);
    if (itemsCanonical === null) return hashContent(content);
    let json = '{';
    for (const key of Object.keys(content).sort()) {
      const value = key === 'items' ? itemsCanonical : canonicalJson(content[key]);
      if (value === undefined) continue;
      json += `${json.length > 1 ? ',' : ''}${JSON.stringify(key)}:${value}`;
    }
    const hash = createHash('sha256').update(`${json}}`).digest('hex');
    if (this.weeklyVerified < 20 || ++this.weeklyGenerated % 2000 === 0) {
      this.weeklyVerified++;
      if (hashContent(content) !== hash) throw new Error(`seed: a weekly investigation's hash differs from the app's (${String(row.id)})`);
    }
    return hash;
  }
}

/** The columns of a first-version daily check as the seed writes them. */
export interface DailyCheckRow {
  id: string;
  enterpriseId: string;
  regionCode: string;
  businessDate: string;
  version: 1;
  supersedesId: null;
  amendReason: null;
  isCurrent: true;
  riskListVersion: number;
  officerId: string;
  officerName: string;
  remarks: string | null;
  problemCount: number;
  zeroRisk: boolean;
  late: boolean;
  submittedAt: Date;
  contentHash?: string;
  items?: PreJson;
}

/** Whole days from a to b. */
function daysFrom(a: BusinessDate, b: BusinessDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

interface BusinessCast {
  enterpriseId: string;
  regionCode: string;
  since: BusinessDate;
  kit: TypeKit;
  officer: Person;
  investigator: Person;
  principal: Person;
  directors: Person[];
  habit: Habit;
}

/** A business's records in the order received, as the services would have written them. */
class RecordWriter {
  private readonly checks: CheckState[] = [];
  private readonly weeklies: WeeklyState[] = [];
  private readonly problems: ProblemState[] = [];
  private seq = 0;
  private prevHash = '0'.repeat(64);

  constructor(
    private readonly gen: BusinessGenerator,
    private readonly rng: Rng,
    private readonly ids: IdMaker,
    private readonly rows: Rows,
    private readonly b: BusinessCast,
  ) {}

  run(events: RecordEvent[]): void {
    for (const e of events) {
      if (e.kind === 'daily') this.daily(e.at, e.date, e.fails);
      else if (e.kind === 'weekly') this.weekly(e.at, e.week);
      else this.monthly(e.at, e.month, e.meetingDate);
    }
    for (const p of this.problems) {
      const resolved = p.resolvedAt !== null;
      Object.assign(p.row, { status: resolved ? 'resolved' : 'open', resolvedAt: resolved ? new Date(p.resolvedAt!) : null, resolution: resolved ? p.resolution : null });
      this.rows.Problem.push(p.row);
    }
    this.rows.ChainHead.push({ enterpriseId: this.b.enterpriseId, seq: this.seq, hash: this.prevHash });
  }

  private link(recordType: string, recordId: string, recordHash: string, at: number): void {
    const link = { enterpriseId: this.b.enterpriseId, seq: ++this.seq, recordType, recordId, recordHash, prevHash: this.prevHash, receivedAt: new Date(at), hash: '' };
    link.hash = linkHash(link);
    this.prevHash = link.hash;
    this.rows.RecordChainLink.push(link);
  }

  private problem(sourceType: ProblemSourceType, sourceId: string, businessDate: string, at: number, finderId: string, f: { itemCode: string | null; description: string; measureTaken: string | null; fixedOnSpot: boolean }): void {
    this.problems.push({
      row: {
        id: this.ids.next(),
        enterpriseId: this.b.enterpriseId,
        regionCode: this.b.regionCode,
        sourceType,
        sourceId,
        itemCode: f.itemCode,
        businessDate,
        description: f.description,
        measureTaken: f.measureTaken,
        fixedOnSpot: f.fixedOnSpot,
        resolvedBy: f.fixedOnSpot ? finderId : null,
        resolvedIn: null,
        createdAt: new Date(at),
      },
      sourceType,
      sourceId,
      createdAt: at,
      resolvedAt: f.fixedOnSpot ? at : null,
      resolution: f.fixedOnSpot ? f.measureTaken : null,
    });
  }

  /** 不符合 answers for `count` distinct items of `items`. */
  private fails(items: readonly EnterpriseRiskItem[], count: number): Map<string, { problem: string; measure: string; fixedOnSpot: boolean }> {
    const out = new Map<string, { problem: string; measure: string; fixedOnSpot: boolean }>();
    while (out.size < Math.min(count, items.length)) {
      const item = this.rng.pick(items);
      if (out.has(item.code)) continue;
      const fixedOnSpot = this.rng.chance(0.7);
      out.set(item.code, { problem: `${this.rng.pick(T.FINDING_PREFIXES)}：${item.riskPoint}`, measure: this.rng.pick(fixedOnSpot ? T.SPOT_FIXES : T.DEFERRED_MEASURES), fixedOnSpot });
    }
    return out;
  }

  private answers(items: readonly EnterpriseRiskItem[], fails: Map<string, { problem: string; measure: string; fixedOnSpot: boolean }>): DailyCheckItemRecord[] {
    return items.map((i) => {
      const f = fails.get(i.code);
      return f
        ? { code: i.code, result: CheckResult.Fail, problem: f.problem, measure: f.measure, fixedOnSpot: f.fixedOnSpot, stage: i.stage, question: i.measure }
        : { code: i.code, result: CheckResult.Pass, stage: i.stage, question: i.measure };
    });
  }

  private daily(at: number, date: BusinessDate, failCount: number): void {
    const { b, rng } = this;
    const fails = failCount ? this.fails(b.kit.daily, failCount) : null;
    const items = fails ? this.answers(b.kit.daily, fails) : b.kit.passItems;
    const late = businessDateOf(new Date(at)) > date;
    const row: DailyCheckRow = {
      id: this.ids.next(),
      enterpriseId: b.enterpriseId,
      regionCode: b.regionCode,
      businessDate: date,
      version: 1,
      supersedesId: null,
      amendReason: null,
      isCurrent: true,
      riskListVersion: 1,
      officerId: b.officer.id,
      officerName: b.officer.name,
      remarks: rng.chance(0.03) ? rng.pick(T.REMARKS) : null,
      problemCount: failCount,
      zeroRisk: failCount === 0,
      late,
      submittedAt: new Date(at),
    };
    row.contentHash = this.gen.dailyHash(row, items, fails ? Buffer.from(canonicalJson(items), 'utf8') : b.kit.passCanonical);
    row.items = fails ? new PreJson(JSON.stringify(items)) : b.kit.passJson;
    this.rows.DailyCheck.push(row as unknown as Record<string, unknown>);
    const id = row.id;
    this.checks.push({ id, businessDate: date, late, submittedAt: at });
    for (const [code, f] of fails ?? []) this.problem('daily_check', id, date, at, b.officer.id, { itemCode: code, description: f.problem, measureTaken: f.measure, fixedOnSpot: f.fixedOnSpot });
    this.link('daily_check', id, row.contentHash, at);
  }

  private weekly(at: number, week: string): void {
    const { b, rng } = this;
    const id = this.ids.next();
    const asOf = businessDateOf(new Date(at));
    const fails = rng.chance(0.02) ? this.fails(b.kit.weekly, 1) : null;
    const items = fails ? this.answers(b.kit.weekly, fails) : b.kit.weeklyPassItems;
    const hazard = rng.chance(0.06) ? rng.int(T.HAZARDS.length) : -1;
    const hazards = hazard >= 0 ? [{ description: T.HAZARDS[hazard] }] : [];
    const measures = hazard >= 0 ? [{ description: T.HAZARD_MEASURES[hazard], owner: b.investigator.name, deadline: addDays(asOf, 7) }] : [];
    // Most open problems are dealt with in the weekly investigation (Order 60).
    const resolutions: Array<{ problemId: string; resolution: string; description: string; businessDate: string }> = [];
    for (const p of this.problems) {
      if (p.resolvedAt !== null || !rng.chance(0.85)) continue;
      p.resolvedAt = at;
      p.resolution = rng.pick(T.RESOLUTIONS);
      Object.assign(p.row, { resolvedBy: b.investigator.id, resolvedIn: id });
      resolutions.push({ problemId: p.row.id, resolution: p.resolution, description: p.row.description, businessDate: p.row.businessDate });
    }
    const dates = weekDates(week);
    const weekChecks = this.checks.filter((c) => c.businessDate >= dates[0] && c.businessDate <= dates[6]);
    const checkIds = new Set(weekChecks.map((c) => c.id));
    const summary = weeklySummary({
      week,
      today: asOf,
      checks: weekChecks,
      problems: this.problems.filter((p) => p.sourceType === 'daily_check' && checkIds.has(p.sourceId)).map((p) => entryAt(p, at)),
      since: b.since,
    });
    const row: Record<string, unknown> = {
      id,
      enterpriseId: b.enterpriseId,
      regionCode: b.regionCode,
      week,
      version: 1,
      supersedesId: null,
      amendReason: null,
      isCurrent: true,
      riskListVersion: 1,
      investigatorId: b.investigator.id,
      investigatorName: b.investigator.name,
      investigatorRole: b.investigator.role,
      items,
      hazards,
      measures,
      resolutions,
      nextWeekRequirements: rng.pick(T.NEXT_WEEK),
      summary,
      late: at > weeklyDueBy(week).getTime(),
      submittedAt: new Date(at),
    };
    row.contentHash = this.gen.weeklyHash(row, fails ? null : b.kit.weeklyPassCanonical);
    this.rows.WeeklyInvestigation.push(row);
    this.weeklies.push({ id, week, investigatorName: b.investigator.name, late: row.late as boolean, hazards, submittedAt: at });
    this.link('weekly_investigation', id, row.contentHash as string, at);
    // The problems it found: its 不符合 answers and its hazards, dated its last day so far.
    const lastDay = summary.to < summary.asOf ? summary.to : summary.asOf;
    for (const [code, f] of fails ?? []) this.problem('weekly_investigation', id, lastDay, at, b.investigator.id, { itemCode: code, description: f.problem, measureTaken: f.measure, fixedOnSpot: f.fixedOnSpot });
    for (const h of hazards) this.problem('weekly_investigation', id, lastDay, at, b.investigator.id, { itemCode: null, description: h.description, measureTaken: null, fixedOnSpot: false });
  }

  private monthly(at: number, month: string, meetingDate: BusinessDate): void {
    const { b, rng } = this;
    const dates = monthDates(month);
    const monthChecks = this.checks.filter((c) => c.businessDate >= dates[0] && c.businessDate <= dates[dates.length - 1]);
    const weeks = new Set(weeksOverlappingMonth(month));
    const weeklies = this.weeklies.filter((w) => weeks.has(w.week));
    const sources = new Set([...monthChecks.map((c) => c.id), ...weeklies.map((w) => w.id)]);
    const report = monthlyReport({
      month,
      today: businessDateOf(new Date(at)),
      checks: monthChecks,
      problems: this.problems.filter((p) => sources.has(p.sourceId)).map((p) => entryAt(p, at)),
      investigations: weeklies,
      since: b.since,
    });
    const organiser = b.directors[0];
    const row: Record<string, unknown> = {
      id: this.ids.next(),
      enterpriseId: b.enterpriseId,
      regionCode: b.regionCode,
      month,
      version: 1,
      supersedesId: null,
      amendReason: null,
      isCurrent: true,
      chairId: b.principal.id,
      chairName: b.principal.name,
      meetingDate,
      place: rng.pick(T.PLACES),
      attendees: [`${b.principal.name}（主要负责人）`, ...b.directors.map((d) => `${d.name}（食品安全总监）`), `${b.officer.name}（食品安全员）`],
      discussion: T.DISCUSSIONS[organiser ? 0 : 1],
      decisions: [rng.pick(T.DECISIONS)],
      nextMonthWork: [rng.pick(T.NEXT_MONTH), rng.pick(T.NEXT_MONTH)].filter((w, i, all) => all.indexOf(w) === i),
      report,
      late: at > monthlyDueBy(month).getTime(),
      submittedAt: new Date(at),
    };
    row.contentHash = hashContent(monthlyReviewContent(row as unknown as MonthlyReview));
    this.rows.MonthlyReview.push(row);
    this.link('monthly_review', row.id as string, row.contentHash as string, at);
  }
}
