// An enterprise's own 风险管控清单: taken from its sector's template, then adapted by the director
// (Order 60 makes the template a reference; the business identifies its own risk points).
// Every edit returns a new array: the server stores each result as a new list version, and a
// record keeps the version it was answered against, so an old record never changes meaning.
import { CheckResult } from '../enums';
import type { ChecklistProblem, DailyCheckItemAnswer } from '../checklists/answers';
import { CONTROL_CHECK_LABELS, CONTROL_FREQUENCIES, CONTROL_OWNERS } from './labels';
import type { ControlFrequency, EnterpriseRiskItem, RiskControlItem, RiskListTemplate } from './types';

/** 自定 — codes of items the enterprise added: 'ZD-001', 'ZD-002' … */
export const CUSTOM_CODE_PREFIX = 'ZD-';
const CUSTOM_CODE = /^ZD-(\d{3,})$/;

/**
 * Longest text a director may enter per column (house limits, the same as the server's add-item
 * DTO; the templates stay well inside them).
 */
export const RISK_ITEM_TEXT_LIMITS = {
  stage: 50,
  riskType: 30,
  riskPoint: 200,
  measure: 300,
  method: 100,
} as const;

type TextField = keyof typeof RISK_ITEM_TEXT_LIMITS;
const TEXT_FIELDS = Object.keys(RISK_ITEM_TEXT_LIMITS) as TextField[];
const CONTENT_FIELDS: readonly (TextField | 'frequency' | 'owner')[] = [...TEXT_FIELDS, 'frequency', 'owner'];

const FIELD_LABELS: Record<TextField | 'frequency' | 'owner', string> = {
  stage: '环节',
  riskType: '风险类型',
  riskPoint: '风险点',
  measure: '管控措施',
  method: '检查方法',
  frequency: '管控频次',
  owner: '负责人',
};

/** Thrown by an edit given an invalid change; the problems are those the validate* function returns. */
export class RiskListEditError extends Error {
  constructor(readonly problems: ChecklistProblem[]) {
    super(problems.map((p) => p.message).join('；'));
    this.name = 'RiskListEditError';
    // Keeps instanceof working where the miniapp's build transpiles classes to ES5.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** A new enterprise list: every template item, applicable. */
export function listFromTemplate(template: RiskListTemplate): EnterpriseRiskItem[] {
  return template.items.map((item) => ({ ...item, applicable: true, custom: false }));
}

/** The applicable items of one frequency: what the daily form (or the weekly report) asks. */
export function itemsDue(list: readonly EnterpriseRiskItem[], frequency: ControlFrequency): EnterpriseRiskItem[] {
  return list.filter((item) => item.applicable && item.frequency === frequency);
}

/**
 * The code the next custom item gets. One past the highest ever used rather than the first gap, so
 * a code that appeared in an earlier list version never comes back meaning something else.
 */
export function nextCustomCode(list: readonly RiskControlItem[]): string {
  let highest = 0;
  for (const item of list) {
    const match = CUSTOM_CODE.exec(item.code);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `${CUSTOM_CODE_PREFIX}${String(highest + 1).padStart(3, '0')}`;
}

/** Problems with a custom item the director wants to add; empty when it may be added. */
export function validateCustomItem(list: readonly EnterpriseRiskItem[], item: Omit<RiskControlItem, 'code'>): ChecklistProblem[] {
  const code = nextCustomCode(list);
  const problems = itemFieldProblems(item, `自定义项「${code}」`, '');
  const measure = typeof item.measure === 'string' ? normalizeMeasure(item.measure) : '';
  const same = measure ? list.find((existing) => normalizeMeasure(existing.measure) === measure) : undefined;
  if (same) {
    const hint = same.applicable ? '' : '（该项已标记为不适用，可将其重新设为适用）';
    problems.push({ field: 'measure', message: `自定义项「${code}」的管控措施与检查项「${same.code}」相同${hint}` });
  }
  return problems;
}

/** Adds a director's own item, applicable, with the next free 'ZD-' code. Throws RiskListEditError if invalid. */
export function addCustomItem(list: readonly EnterpriseRiskItem[], item: Omit<RiskControlItem, 'code'>): EnterpriseRiskItem[] {
  const problems = validateCustomItem(list, item);
  if (problems.length) throw new RiskListEditError(problems);
  const added: EnterpriseRiskItem = {
    code: nextCustomCode(list),
    stage: item.stage.trim(),
    riskType: item.riskType.trim(),
    riskPoint: item.riskPoint.trim(),
    measure: item.measure.trim(),
    method: item.method.trim(),
    frequency: item.frequency,
    owner: item.owner,
    applicable: true,
    custom: true,
  };
  return [...list.map((existing) => ({ ...existing })), added];
}

/** Problems with marking an item 适用/不适用; empty when the change may be made. */
export function validateApplicability(list: readonly EnterpriseRiskItem[], code: string, applicable: boolean): ChecklistProblem[] {
  const item = list.find((existing) => existing.code === code);
  if (!item) return [{ field: 'code', message: `检查项「${code}」不在风险管控清单中` }];
  if (typeof applicable !== 'boolean') return [{ field: 'applicable', message: `检查项「${code}」必须说明是否适用` }];
  // A list with nothing left to ask would let every day pass as 零风险 without a single check.
  if (!applicable && item.applicable && itemsDue(list, item.frequency).length === 1) {
    return [{ field: 'applicable', message: `检查项「${code}」是最后一项适用的${CONTROL_CHECK_LABELS[item.frequency]}项，不能标记为不适用` }];
  }
  return [];
}

/** Marks an item 适用 or 不适用 (kept in the list for the record, not asked). Throws RiskListEditError if invalid. */
export function setApplicable(list: readonly EnterpriseRiskItem[], code: string, applicable: boolean): EnterpriseRiskItem[] {
  const problems = validateApplicability(list, code, applicable);
  if (problems.length) throw new RiskListEditError(problems);
  return list.map((item) => (item.code === code ? { ...item, applicable } : { ...item }));
}

/**
 * Checks a whole list, as the server receives or loads one: unique well-formed codes, every column
 * filled, valid frequency and owner, no measure twice, and something left to ask every day.
 */
export function validateEnterpriseList(list: readonly EnterpriseRiskItem[]): ChecklistProblem[] {
  const problems: ChecklistProblem[] = [];
  const codes = new Set<string>();
  const measures = new Map<string, string>();
  list.forEach((item, i) => {
    const at = `items[${i}].`;
    if (typeof item.code !== 'string' || !item.code.trim()) {
      problems.push({ field: `${at}code`, message: `第${i + 1}项缺少编号` });
      return;
    }
    if (codes.has(item.code)) problems.push({ field: `${at}code`, message: `检查项编号「${item.code}」重复` });
    codes.add(item.code);
    if (item.custom && !CUSTOM_CODE.test(item.code)) {
      problems.push({ field: `${at}code`, message: `自定义项「${item.code}」的编号应为“${CUSTOM_CODE_PREFIX}”加三位数字` });
    }
    problems.push(...itemFieldProblems(item, `检查项「${item.code}」`, at));
    if (typeof item.applicable !== 'boolean') problems.push({ field: `${at}applicable`, message: `检查项「${item.code}」必须说明是否适用` });
    const measure = typeof item.measure === 'string' ? normalizeMeasure(item.measure) : '';
    if (measure) {
      const first = measures.get(measure);
      if (first) problems.push({ field: `${at}measure`, message: `检查项「${item.code}」的管控措施与检查项「${first}」相同` });
      else measures.set(measure, item.code);
    }
  });
  for (const frequency of CONTROL_FREQUENCIES) {
    if (itemsDue(list, frequency).length === 0) {
      problems.push({ field: 'items', message: `风险管控清单中至少应有一项适用的${CONTROL_CHECK_LABELS[frequency]}项` });
    }
  }
  return problems;
}

/**
 * Checks a new list version against the one it replaces: the new list must be valid on its own,
 * and the edit must be one a director may make — template items only switch 适用/不适用, nothing
 * is deleted (old records still name those codes), and an added item is custom with a code above
 * every custom code used before.
 */
export function validateListEdit(before: readonly EnterpriseRiskItem[], after: readonly EnterpriseRiskItem[]): ChecklistProblem[] {
  const problems = validateEnterpriseList(after);
  const previous = new Map(before.map((item) => [item.code, item]));
  const kept = new Set(after.map((item) => item.code));
  const firstNew = nextCustomCode(before);
  after.forEach((item, i) => {
    const old = previous.get(item.code);
    if (!old) {
      if (!item.custom) problems.push({ field: `items[${i}].code`, message: `检查项「${item.code}」不是本企业新增的自定义项，不能加入清单` });
      else if (CUSTOM_CODE.test(item.code) && customNumber(item.code) < customNumber(firstNew)) {
        problems.push({ field: `items[${i}].code`, message: `自定义项「${item.code}」的编号应为「${firstNew}」或之后的编号` });
      }
      return;
    }
    if (item.custom !== old.custom) problems.push({ field: `items[${i}].custom`, message: `检查项「${item.code}」的来源（模板项或自定义项）不能更改` });
    if (!old.custom) {
      const changed = CONTENT_FIELDS.find((field) => item[field] !== old[field]);
      if (changed) problems.push({ field: `items[${i}].${changed}`, message: `检查项「${item.code}」是模板项，只能标记是否适用，不能修改内容` });
    }
  });
  for (const old of before) {
    if (!kept.has(old.code)) problems.push({ field: 'items', message: `检查项「${old.code}」不能删除，可标记为不适用` });
  }
  return problems;
}

/**
 * Checks one check's answers against the list, for either frequency:
 * every due item answered exactly once; codes not in the list, of the other frequency or marked
 * 不适用 refused; each 不符合 carries a problem, a measure and whether it was fixed (Order 60: take
 * measures at once).
 */
export function validateAnswers(
  list: readonly EnterpriseRiskItem[],
  frequency: ControlFrequency,
  answers: readonly DailyCheckItemAnswer[],
): ChecklistProblem[] {
  const problems: ChecklistProblem[] = [];
  const byCode = new Map(list.map((item) => [item.code, item]));
  const results = Object.values(CheckResult) as string[];
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    const at = `items[${i}].`;
    const item = byCode.get(a.code);
    if (!item) {
      problems.push({ field: `${at}code`, message: `检查项「${a.code}」不在风险管控清单中` });
      return;
    }
    if (item.frequency !== frequency) {
      problems.push({ field: `${at}code`, message: `检查项「${a.code}」是${CONTROL_CHECK_LABELS[item.frequency]}项，不在本次${CONTROL_CHECK_LABELS[frequency]}中` });
      return;
    }
    if (!item.applicable) {
      problems.push({ field: `${at}code`, message: `检查项「${a.code}」已标记为不适用，无需填写` });
      return;
    }
    if (seen.has(a.code)) problems.push({ field: `${at}code`, message: `检查项「${a.code}」重复填写` });
    seen.add(a.code);
    if (!results.includes(a.result)) {
      problems.push({ field: `${at}result`, message: `检查项「${a.code}」的结果必须为符合、不符合或不适用` });
    }
    if (a.result === CheckResult.Fail) {
      if (!a.problem?.trim()) problems.push({ field: `${at}problem`, message: `检查项「${a.code}」不符合时必须填写问题描述` });
      if (!a.measure?.trim()) problems.push({ field: `${at}measure`, message: `检查项「${a.code}」不符合时必须填写采取的措施` });
      if (typeof a.fixedOnSpot !== 'boolean') problems.push({ field: `${at}fixedOnSpot`, message: `检查项「${a.code}」不符合时必须说明是否当场整改` });
    }
    if (a.photoIds !== undefined) {
      const valid = Array.isArray(a.photoIds) && a.photoIds.every((id) => typeof id === 'string' && id.trim() !== '');
      if (!valid) problems.push({ field: `${at}photoIds`, message: `检查项「${a.code}」的照片编号无效` });
      else if (new Set(a.photoIds).size !== a.photoIds.length) problems.push({ field: `${at}photoIds`, message: `检查项「${a.code}」的照片重复` });
    }
  });
  for (const item of itemsDue(list, frequency)) {
    if (!seen.has(item.code)) problems.push({ field: 'items', message: `检查项「${item.code} ${item.measure}」未填写` });
  }
  return problems;
}

function itemFieldProblems(item: Omit<RiskControlItem, 'code'>, name: string, at: string): ChecklistProblem[] {
  const problems: ChecklistProblem[] = [];
  for (const field of TEXT_FIELDS) {
    const value: unknown = item[field];
    if (typeof value !== 'string' || !value.trim()) {
      problems.push({ field: `${at}${field}`, message: `${name}的${FIELD_LABELS[field]}不能为空` });
    } else if (value.trim().length > RISK_ITEM_TEXT_LIMITS[field]) {
      problems.push({ field: `${at}${field}`, message: `${name}的${FIELD_LABELS[field]}不能超过${RISK_ITEM_TEXT_LIMITS[field]}个字` });
    }
  }
  if (!CONTROL_FREQUENCIES.includes(item.frequency)) {
    problems.push({ field: `${at}frequency`, message: `${name}的${FIELD_LABELS.frequency}必须为每日或每周` });
  }
  if (!CONTROL_OWNERS.includes(item.owner)) {
    problems.push({ field: `${at}owner`, message: `${name}的${FIELD_LABELS.owner}必须为食品安全员、食品安全总监或主要负责人` });
  }
  return problems;
}

function customNumber(code: string): number {
  return Number(CUSTOM_CODE.exec(code)?.[1] ?? 0);
}

/** Same measure despite spacing or a trailing full stop. */
function normalizeMeasure(measure: string): string {
  return measure.replace(/\s+/g, '').replace(/[。．.；;，,！!]+$/, '');
}
