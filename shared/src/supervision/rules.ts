// The 包保 rules (domain.md §2, issue #6): which level of cadre answers for a business of each risk
// grade, which cadre may be given which business, what a supervision visit checks, and when the
// end-of-cycle reminder starts. The visit schedule per grade (quarter / half-year / year) and the
// completion formula are in indicators/supervision.ts.
import type { BusinessDate } from '../dates';
import { addDays } from '../dates';
import { CADRE_LEVEL_LABELS, CadreLevel, Grade, RegionLevel } from '../enums';
import { REGION_CODE_LENGTHS } from '../regions';
import { SupervisionFrequency, supervisionCycle } from '../indicators/supervision';
import type { PeriodUnit } from '../indicators/period';

/**
 * Cadre level ↔ grade (2022 包保 opinions; domain.md §2): A → 市级, B → 县级, C → 乡镇级,
 * D → 村级. A region may set its own (gradeLevelOverrides), e.g. a county short of village cadres.
 */
export const DEFAULT_GRADE_CADRE_LEVEL: Readonly<Record<Grade, CadreLevel>> = {
  [Grade.A]: CadreLevel.City,
  [Grade.B]: CadreLevel.County,
  [Grade.C]: CadreLevel.Township,
  [Grade.D]: CadreLevel.Village,
};

/** The region level a cadre of each level belongs to: a 乡镇级 cadre has a township's code. */
export const CADRE_LEVEL_REGION: Readonly<Record<CadreLevel, RegionLevel>> = {
  [CadreLevel.City]: RegionLevel.City,
  [CadreLevel.County]: RegionLevel.County,
  [CadreLevel.Township]: RegionLevel.Township,
  [CadreLevel.Village]: RegionLevel.Village,
};

export const CADRE_LEVELS: readonly CadreLevel[] = [CadreLevel.City, CadreLevel.County, CadreLevel.Township, CadreLevel.Village];

/** A cadre's region code has this many digits. */
export function cadreRegionLength(level: CadreLevel): number {
  return REGION_CODE_LENGTHS[CADRE_LEVEL_REGION[level]];
}

/** One region's own grade → level rule; it applies to every business in the region unless a region below sets its own. */
export interface GradeLevelOverride {
  regionCode: string;
  grade: Grade;
  level: CadreLevel;
}

/** The level of cadre a business of this grade in this village needs: the override of the nearest region that has one, else the default. */
export function requiredCadreLevel(grade: Grade, businessRegionCode: string, overrides: readonly GradeLevelOverride[] = []): CadreLevel {
  let best: GradeLevelOverride | null = null;
  for (const o of overrides) {
    if (o.grade !== grade || !businessRegionCode.startsWith(o.regionCode)) continue;
    if (!best || o.regionCode.length > best.regionCode.length) best = o;
  }
  return best ? best.level : DEFAULT_GRADE_CADRE_LEVEL[grade];
}

export interface AssignableCadre {
  cadreLevel: CadreLevel | null;
  regionCode: string | null;
  active: boolean;
}

export interface AssignableBusiness {
  grade: Grade | null;
  regionCode: string;
}

/**
 * Why this cadre cannot answer for this business, in Chinese, or null if they can: the cadre must be
 * active, of the level the business's grade calls for, and the business must lie in the cadre's region.
 */
export function assignmentMismatch(cadre: AssignableCadre, business: AssignableBusiness, overrides: readonly GradeLevelOverride[] = []): string | null {
  if (!cadre.active) return '该包保干部账号已停用';
  if (!cadre.cadreLevel || !cadre.regionCode) return '该账号未设置包保层级或所属区域';
  if (!business.grade) return '该企业尚未评定风险等级，不能分配包保干部';
  const need = requiredCadreLevel(business.grade, business.regionCode, overrides);
  if (cadre.cadreLevel !== need) {
    return `风险等级${business.grade}级企业应由${CADRE_LEVEL_LABELS[need]}包保干部包保，该干部为${CADRE_LEVEL_LABELS[cadre.cadreLevel]}`;
  }
  if (!business.regionCode.startsWith(cadre.regionCode)) return '企业不在该包保干部所属区域内';
  return null;
}

/** The answers of one checklist item: 符合 / 不符合 / 不适用. */
export type SupervisionAnswer = 'yes' | 'no' | 'na';
export const SUPERVISION_ANSWERS: readonly SupervisionAnswer[] = ['yes', 'no', 'na'];
export const SUPERVISION_ANSWER_LABELS: Record<SupervisionAnswer, string> = { yes: '符合', no: '不符合', na: '不适用' };

export interface SupervisionChecklistItem {
  /** Stable key stored with the answer. */
  key: string;
  /** The question as the cadre reads it. */
  text: string;
  /** What the cadre looks at. */
  hint: string;
}

/**
 * The 督导 checklist (domain.md §2): the enterprise duty in place — director and officer appointed
 * and trained, the risk-control list, the daily / weekly / monthly records, earlier problems
 * rectified — and what the cadre sees on site (Lu'an's 六有六无 in short). Every answer of 不符合
 * is a problem the cadre describes; problems raise a rectification order.
 */
export const SUPERVISION_CHECKLIST: readonly SupervisionChecklistItem[] = [
  { key: 'staff_appointed', text: '按规定配备食品安全总监、食品安全员', hint: '查看任命文件，核对人员是否在岗' },
  { key: 'staff_trained', text: '食品安全总监、食品安全员经培训考核合格', hint: '查看培训记录和考核结果' },
  { key: 'risk_list', text: '制定并落实食品安全风险管控清单', hint: '清单内容与经营实际相符' },
  { key: 'daily_checks', text: '按要求开展日管控并记录', hint: '抽查近期每日检查记录' },
  { key: 'weekly_investigations', text: '按要求开展周排查并形成报告', hint: '查看近期每周排查治理报告' },
  { key: 'monthly_reviews', text: '按要求开展月调度并形成纪要', hint: '查看近期月调度会议纪要' },
  { key: 'problems_rectified', text: '此前发现的问题已整改到位', hint: '核对自查问题和整改通知的整改情况' },
  { key: 'site_conditions', text: '现场环境卫生、设施设备、原料贮存符合要求', hint: '无过期变质食品，防蝇防鼠设施完好，从业人员持健康证' },
];

export const SUPERVISION_LIMITS = {
  noteMaxLength: 200,
  observationsMaxLength: 1000,
  problemMaxLength: 200,
  maxProblems: 20,
  maxPhotos: 9,
  /** Days before a cycle's last day from which cadres with visits still due are reminded. */
  reminderDays: 15,
} as const;

/** The first day of the reminder window of the cycle containing `date` (its last day − reminderDays + 1). */
export function reminderWindow(date: BusinessDate, frequency: SupervisionFrequency): PeriodUnit & { remindFrom: BusinessDate } {
  const cycle = supervisionCycle(date, frequency);
  return { ...cycle, remindFrom: addDays(cycle.to, -(SUPERVISION_LIMITS.reminderDays - 1)) };
}

/** True when `date` is in the last reminderDays of its cycle. */
export function isReminderDue(date: BusinessDate, frequency: SupervisionFrequency): boolean {
  return date >= reminderWindow(date, frequency).remindFrom;
}

/**
 * 食品安全责任与任务承诺书 (domain.md §2, "三清单一承诺"): the text a cadre signs in the app, stored
 * with each signed or uploaded version so the letter reads as it did when signed.
 */
export const COMMITMENT_TEXT = [
  '食品安全责任与任务承诺书',
  '本人作为食品安全属地管理包保干部，郑重承诺：',
  '一、认真履行包保责任，掌握所包保企业的基本情况和风险等级，落实分层分级、精准防控要求。',
  '二、按规定频次到包保企业开展督导，检查企业食品安全总监、食品安全员配备和培训考核情况，风险管控清单落实情况，日管控、周排查、月调度开展和记录情况。',
  '三、督导发现的问题督促企业限期整改，跟踪整改到位，形成闭环；重大风险隐患及时向属地食品安全委员会办公室和市场监管部门报告。',
  '四、如实记录督导情况，不弄虚作假，不走过场。',
  '五、接受上级和群众监督，未履行包保责任的，愿承担相应责任。',
].join('\n');
