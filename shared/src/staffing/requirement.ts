// 三人三责 — who a business must appoint. Everyone: a 主要负责人 and at least one 食品安全员; a
// 食品安全总监 too for the types and sizes below (domain.md §1). Producers, caterers, sellers and
// meal distributors follow the amended Order 60 (2025); canteens the 集中用餐单位 rule (2025-04-15),
// which replaced Order 60's 2022 canteen thresholds (幼儿园 300+, 学校 500+, 1,000+ others) with
// per-meal averages and added elderly-care canteens and contractors.
import { BusinessDate, isBusinessDate } from '../dates';
import { BUSINESS_TYPE_LABELS, BusinessType, CANTEEN_KIND_LABELS, CanteenKind, EnterpriseScale, Role, ROLE_LABELS } from '../enums';
import { REGULATIONS } from '../regulations';
import { APPOINTMENT_BAN_YEARS, CANTEEN_DIRECTOR_MIN_DINERS, MEAL_SUPPLIER_DIRECTOR_MIN_DINERS, MIN_OFFICERS } from './thresholds';

/** The facts about a business that decide its staffing. Only what the rules use. */
export interface StaffingProfile {
  businessType: BusinessType;
  /** 企业规模; null while nobody has said. Large and medium producers, caterers, sellers and distributors need a director. */
  scale?: EnterpriseScale | null;
  /** 连锁餐饮企业总部 / 连锁销售企业总部 (catering or selling). */
  chainHeadquarters?: boolean;
  /** 特殊食品生产企业: 保健食品、特殊医学用途配方食品、婴幼儿配方食品 (production). */
  specialFood?: boolean;
  /** 中央厨房 (catering). */
  centralKitchen?: boolean;
  /** Canteens: the unit served. */
  canteenKind?: CanteenKind | null;
  /** Canteens: run by a contractor (承包经营). A school's contractor and the school each appoint a director. */
  contractorOperated?: boolean;
  /** 平均每餐用餐人数 for canteens; 供餐人数 for central kitchens and collective-meal distributors. */
  dinersPerMeal?: number | null;
}

export interface StaffingRequirement {
  directorRequired: boolean;
  /** 0, 1, or 2 for a school canteen run by a contractor (双总监: the school and the contractor each appoint one). */
  minDirectors: 0 | 1 | 2;
  minOfficers: number;
  /** Why, in Chinese, citing the rule. */
  reason: string;
  /** The regulation applied. */
  source: string;
  /** Facts not given that could make a director required (「企业规模」…); empty when the answer is certain. */
  missing: string[];
}

/** One rule of the list: whom it names (「大中型餐饮服务企业」) and whether it applies, or which fact is missing to tell. */
type Trigger = { who: string; applies: boolean } | { applies: null; missing: string };

const LARGE_OR_MEDIUM: readonly EnterpriseScale[] = [EnterpriseScale.Large, EnterpriseScale.Medium];

function bySize(who: string, scale: EnterpriseScale | null | undefined): Trigger {
  return scale == null ? { applies: null, missing: '企业规模' } : { who, applies: LARGE_OR_MEDIUM.includes(scale) };
}

function byDiners(who: string, diners: number | null | undefined, min: number, fact: string): Trigger {
  if (diners == null) return { applies: null, missing: fact };
  if (!Number.isFinite(diners) || diners < 0) throw new RangeError(`dinersPerMeal must be a non-negative number: ${diners}`);
  return { who, applies: diners >= min };
}

function flag(who: string, value: boolean | undefined): Trigger {
  return { who, applies: value === true };
}

function triggersFor(p: StaffingProfile): Trigger[] {
  switch (p.businessType) {
    case BusinessType.Production:
      return [flag('特殊食品生产企业', p.specialFood), bySize('大中型食品生产企业', p.scale)];
    case BusinessType.Catering:
      return [
        bySize('大中型餐饮服务企业', p.scale),
        flag('连锁餐饮企业总部', p.chainHeadquarters),
        ...(p.centralKitchen
          ? [byDiners(`供餐${MEAL_SUPPLIER_DIRECTOR_MIN_DINERS}人以上的中央厨房`, p.dinersPerMeal, MEAL_SUPPLIER_DIRECTOR_MIN_DINERS, '供餐人数')]
          : []),
      ];
    case BusinessType.Selling:
      return [bySize('大中型食品销售企业', p.scale), flag('连锁销售企业总部', p.chainHeadquarters)];
    case BusinessType.MealDistribution:
      return [
        byDiners(`供餐${MEAL_SUPPLIER_DIRECTOR_MIN_DINERS}人以上的集体用餐配送单位`, p.dinersPerMeal, MEAL_SUPPLIER_DIRECTOR_MIN_DINERS, '供餐人数'),
        bySize('大中型集体用餐配送单位', p.scale),
      ];
    case BusinessType.Canteen: {
      if (p.canteenKind == null) {
        return [
          { applies: null, missing: '食堂类别' },
          ...(p.dinersPerMeal == null ? [{ applies: null, missing: '平均每餐用餐人数' } as const] : []),
        ];
      }
      const min = CANTEEN_DIRECTOR_MIN_DINERS[p.canteenKind];
      const who = `${CANTEEN_KIND_LABELS[p.canteenKind]}${p.contractorOperated ? '（承包经营）' : ''}平均每餐用餐${min}人以上的，`;
      return [byDiners(who, p.dinersPerMeal, min, '平均每餐用餐人数')];
    }
  }
}

/**
 * Whom a business must appoint. A director is required when any rule for its type applies; when
 * none does but a fact is missing, the answer is "not required" with `missing` naming the facts.
 */
export function staffingRequirement(profile: StaffingProfile): StaffingRequirement {
  const source = profile.businessType === BusinessType.Canteen ? REGULATIONS.canteenRule2025 : REGULATIONS.order60Amended;
  const officers = `至少配备${MIN_OFFICERS}名食品安全员`;
  const triggers = triggersFor(profile);
  const hit = triggers.find((t): t is Extract<Trigger, { applies: boolean }> => t.applies === true);
  if (hit) {
    const dual = profile.businessType === BusinessType.Canteen && profile.canteenKind === CanteenKind.School && profile.contractorOperated === true;
    const director = dual ? '学校和承包经营企业应当各配备1名食品安全总监（双总监）' : '应当配备食品安全总监';
    return {
      directorRequired: true,
      minDirectors: dual ? 2 : 1,
      minOfficers: MIN_OFFICERS,
      reason: `${hit.who}${director}，并${officers}（${source}）`,
      source,
      missing: [],
    };
  }
  const missing = triggers.flatMap((t) => (t.applies === null ? [t.missing] : []));
  const subject =
    profile.businessType === BusinessType.Canteen && profile.canteenKind != null
      ? `${CANTEEN_KIND_LABELS[profile.canteenKind]}未达到平均每餐用餐${CANTEEN_DIRECTOR_MIN_DINERS[profile.canteenKind]}人`
      : `该${BUSINESS_TYPE_LABELS[profile.businessType]}企业不属于须配备食品安全总监的情形`;
  return {
    directorRequired: false,
    minDirectors: 0,
    minOfficers: MIN_OFFICERS,
    reason:
      missing.length > 0
        ? `尚未填写${missing.join('、')}，暂无法判定是否须配备食品安全总监；${officers}（${source}）`
        : `${subject}，可不配备食品安全总监；${officers}（${source}）`,
    source,
    missing,
  };
}

/** Someone currently appointed at the business (one entry per role held). */
export interface RosterMember {
  role: Role;
}

export type StaffingGapCode = 'principal_missing' | 'director_missing' | 'officers_short';

export interface StaffingGap {
  code: StaffingGapCode;
  /** Chinese, as shown to the business and its cadre: 「须配备食品安全总监」. */
  message: string;
}

/**
 * What the business lacks against its requirement; empty when fully staffed. The roster lists the
 * appointments in force — drop anyone appointmentBars objects to before calling.
 */
export function evaluateStaffing(requirement: StaffingRequirement, roster: readonly RosterMember[]): StaffingGap[] {
  const count = (role: Role) => roster.filter((m) => m.role === role).length;
  const gaps: StaffingGap[] = [];
  if (count(Role.Principal) === 0) gaps.push({ code: 'principal_missing', message: '须明确主要负责人' });
  const directors = count(Role.Director);
  if (directors < requirement.minDirectors) {
    gaps.push({
      code: 'director_missing',
      message: requirement.minDirectors === 2 ? `学校和承包经营企业须各配备1名食品安全总监（现有${directors}名）` : '须配备食品安全总监',
    });
  }
  if (count(Role.Officer) < requirement.minOfficers) {
    gaps.push({ code: 'officers_short', message: `至少配备${requirement.minOfficers}名食品安全员` });
  }
  return gaps;
}

/** A person about to be appointed director or officer. Unknown facts are left out and not held against them. */
export interface AppointmentCandidate {
  role: Role.Director | Role.Officer;
  /** The date a business they worked at had its licence revoked for a food-safety violation. */
  licenceRevokedOn?: BusinessDate | null;
  /** Failed the business's training/assessment or a regulator's spot exam, and has not passed since. */
  failedAssessment?: boolean;
  /** Directors: holds a management position in the company. */
  inManagement?: boolean | null;
}

/**
 * The last day of the ban: the same date APPOINTMENT_BAN_YEARS later, or that month's last day
 * when there is none (2020-02-29 → 2025-02-28) — 《民法典》第二百零一条、第二百零三条.
 */
export function appointmentBanEnds(revokedOn: BusinessDate, years: number = APPOINTMENT_BAN_YEARS): BusinessDate {
  if (!isBusinessDate(revokedOn)) throw new RangeError(`not a business date: ${revokedOn}`);
  const [y, m, d] = revokedOn.split('-').map(Number);
  const lastOfMonth = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastOfMonth)).padStart(2, '0')}`;
}

/** Why `candidate` may not be appointed on `today` (Chinese), or [] (domain.md §1). */
export function appointmentBars(candidate: AppointmentCandidate, businessType: BusinessType, today: BusinessDate): string[] {
  if (!isBusinessDate(today)) throw new RangeError(`not a business date: ${today}`);
  const role = ROLE_LABELS[candidate.role];
  const bars: string[] = [];
  if (candidate.licenceRevokedOn) {
    const ends = appointmentBanEnds(candidate.licenceRevokedOn);
    if (today <= ends) bars.push(`所在企业因食品安全违法被吊销许可证未满${APPOINTMENT_BAN_YEARS}年（至${ends}），不得担任${role}`);
  }
  if (candidate.failedAssessment) bars.push(`培训考核不合格，不得任命为${role}`);
  // The 2025 amendment asks this of food businesses; the canteen rule is not known to.
  if (candidate.role === Role.Director && candidate.inManagement === false && businessType !== BusinessType.Canteen) {
    bars.push('食品安全总监应当由企业管理层人员担任');
  }
  return bars;
}
