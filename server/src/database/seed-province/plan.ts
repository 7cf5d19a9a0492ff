// What `npm run seed:province` generates, decided before any row is written: the province (or one
// county), how many businesses in which villages, their grades, the officials who log in to look at
// them, and the day the data stands at. Everything here is deterministic for a seed and a date.
import { addDays, BusinessDate, CadreLevel, endOfBusinessDay, Grade, RegionLevel, Role, todayInShanghai } from '@shian/shared';
import { Rng, seedOf } from './rng';

/** Inner Mongolia (domain.md §5): 225,200 licensed businesses. */
export const PROVINCE_CODE = '15';
export const PROVINCE_BUSINESSES = 225_200;
/** The county mode: one real county of Inner Mongolia with ≈ 15,000 businesses (SQLite). 呼和浩特市新城区. */
export const DEFAULT_COUNTY = '150102';
export const COUNTY_BUSINESSES = 15_000;

/** Grade mix like Lhasa's (domain.md §2: A 16, B 155, C 1,718, D 13,799 of 15,688). */
export const GRADE_MIX: ReadonlyArray<readonly [Grade, number]> = [
  [Grade.A, 0.001],
  [Grade.B, 0.01],
  [Grade.C, 0.11],
];

/** Days of records before the day the data stands at. */
export const WINDOW_DAYS = 30;
export const DEFAULT_SEED = 15;

/** Everyone the seed creates signs in with the demo password (one bcrypt hash, made once). */
export const SEED_PASSWORD = 'Demo@2026';
export const SEED_PASSWORD_HASH = '$2b$10$fR5Dlj5MXD4a4XrpVqm3xu2y0dtTv0VXmpikFyeG3olaJqP8Jcj4O';
/**
 * The fixed DATA_ENCRYPTION_KEY the seed encrypts ID numbers with (a demo key, published here: never
 * for real data). Start the server on the seeded database with it, or ID numbers will not decrypt.
 */
export const SEED_DATA_ENCRYPTION_KEY = 'HH6T3XbfoVBibauFz74yO44Q9RjIKGIgijDZGXIdWs4=';

export interface VillageRef {
  code: string;
  name: string;
  township: string;
  county: string;
  city: string;
}

/** The grade counts for n businesses: the mix rounded, D the rest. */
export function gradeQuotas(n: number): Record<Grade, number> {
  const quotas = { [Grade.A]: 0, [Grade.B]: 0, [Grade.C]: 0, [Grade.D]: 0 } as Record<Grade, number>;
  let rest = n;
  for (const [grade, share] of GRADE_MIX) {
    quotas[grade] = Math.round(n * share);
    rest -= quotas[grade];
  }
  quotas[Grade.D] = rest;
  return quotas;
}

/**
 * How many businesses each village gets: urban communities (居委会) weigh five times a rural village,
 * with some noise; counts by largest remainder so they sum to n exactly.
 */
export function allocate(villages: readonly VillageRef[], n: number, seed: number): number[] {
  const rng = new Rng(seedOf(seed, 'villages'));
  const weights = villages.map((v) => (/居委会|社区/.test(v.name) ? 5 : 1) * (0.5 + rng.next()));
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (n * w) / total);
  const counts = exact.map(Math.floor);
  let left = n - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i]++;
  }
  return counts;
}

/** Grades of businesses 0 … n-1: exactly the quotas, in a deterministic shuffle. */
export function grades(n: number, seed: number): Grade[] {
  const quotas = gradeQuotas(n);
  const out: Grade[] = [];
  for (const g of [Grade.A, Grade.B, Grade.C, Grade.D]) for (let i = 0; i < quotas[g]; i++) out.push(g);
  const rng = new Rng(seedOf(seed, 'grades'));
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The instant the data stands at: the start of `today` (Asia/Shanghai). Records reach up to the day before. */
export function asOfInstant(today: BusinessDate): Date {
  return endOfBusinessDay(addDays(today, -1));
}

export function defaultToday(): BusinessDate {
  return todayInShanghai();
}

/** The columns of an official's or a cadre's account: no business, no ID number, the demo password. */
export function officialAccount(a: { id: string; name: string; phone: string; role: Role; regionCode: string; cadreLevel: CadreLevel | null; title: string | null; createdAt: Date }) {
  return {
    ...a,
    passwordHash: SEED_PASSWORD_HASH,
    enterpriseId: null,
    wechatOpenId: null,
    failedLoginCount: 0,
    lockedUntil: null,
    active: true,
    idNumberEnc: null,
    idNumberMask: null,
    idNumberHash: null,
  };
}

/** An official the seed creates, to log in with. */
export interface SeedOfficial {
  phone: string;
  name: string;
  regionCode: string;
  level: RegionLevel;
  label: string;
}

/** The province regulator, one per city and one per county of the seeded area (or of the one county). */
export function officialsFor(regions: ReadonlyArray<{ code: string; name: string; level: string }>, county: string | null): SeedOfficial[] {
  const out: SeedOfficial[] = [];
  let n = 1;
  const add = (code: string, name: string, level: RegionLevel) =>
    out.push({ phone: String(19900000000 + n++), name: `${name.slice(0, 8)}监管员`.slice(0, 50), regionCode: code, level, label: `${name}监管人员` });
  const province = regions.find((r) => r.code === PROVINCE_CODE);
  add(PROVINCE_CODE, province?.name ?? '内蒙古自治区', RegionLevel.Province);
  for (const r of regions) {
    if (r.level === RegionLevel.City && (!county || county.startsWith(r.code))) add(r.code, r.name, RegionLevel.City);
  }
  for (const r of regions) {
    if (r.level === RegionLevel.County && (!county || r.code === county)) add(r.code, r.name, RegionLevel.County);
  }
  return out;
}
