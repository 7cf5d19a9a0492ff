import { CheckResult } from '../enums';

// A minimal 日管控 checklist for the foundation slice, drawn from the typical catering items of
// SAMR Order 60's daily check (domain.md §1). The full per-sector risk-control lists replace it.
export interface ChecklistItem {
  code: string;
  category: string;
  text: string;
}

export const MINIMAL_DAILY_CHECKLIST: readonly ChecklistItem[] = [
  { code: 'D01', category: '人员管理', text: '从业人员健康证明有效，晨检无发热、腹泻、皮肤伤口等' },
  { code: 'D02', category: '人员管理', text: '工作衣帽整洁，操作前洗手消毒' },
  { code: 'D03', category: '环境卫生', text: '场所清洁，防鼠防蝇防虫设施完好，垃圾桶加盖' },
  { code: 'D04', category: '原料管控', text: '进货查验、索证索票齐全，无过期变质原料' },
  { code: 'D05', category: '贮存管理', text: '离地离墙存放，生熟分开；冷藏0–8℃、冷冻≤−12℃' },
  { code: 'D06', category: '加工过程', text: '食品烧熟煮透，添加剂“五专”管理' },
  { code: 'D07', category: '餐用具', text: '餐用具清洗消毒并保洁存放' },
  { code: 'D08', category: '废弃物', text: '餐厨废弃物规范处置并有台账' },
];

export const MINIMAL_DAILY_CHECKLIST_VERSION = 'minimal-1';

export interface DailyCheckItemAnswer {
  code: string;
  result: CheckResult;
  /** Required when result is 不符合. */
  problem?: string;
  /** Measure taken; required when result is 不符合. */
  measure?: string;
  /** Fixed on the spot? Required when result is 不符合. */
  fixedOnSpot?: boolean;
  /** Uploaded photo ids (evidence of the problem or of the fix); optional on any result. */
  photoIds?: string[];
}

export interface ChecklistProblem {
  /** 'items[3].problem' — the field at fault. */
  field: string;
  message: string;
}

/**
 * Checks the answers against a checklist: every item answered exactly once, and each 不符合
 * carries a problem, a measure and whether it was fixed (Order 60: take measures at once).
 */
export function validateDailyAnswers(
  checklist: readonly ChecklistItem[],
  answers: readonly DailyCheckItemAnswer[],
): ChecklistProblem[] {
  const problems: ChecklistProblem[] = [];
  const known = new Map(checklist.map((item) => [item.code, item]));
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    if (!known.has(a.code)) {
      problems.push({ field: `items[${i}].code`, message: `检查项「${a.code}」不在检查清单中` });
      return;
    }
    if (seen.has(a.code)) problems.push({ field: `items[${i}].code`, message: `检查项「${a.code}」重复填写` });
    seen.add(a.code);
    if (a.result === CheckResult.Fail) {
      if (!a.problem?.trim()) problems.push({ field: `items[${i}].problem`, message: `检查项「${a.code}」不符合时必须填写问题描述` });
      if (!a.measure?.trim()) problems.push({ field: `items[${i}].measure`, message: `检查项「${a.code}」不符合时必须填写采取的措施` });
      if (typeof a.fixedOnSpot !== 'boolean') problems.push({ field: `items[${i}].fixedOnSpot`, message: `检查项「${a.code}」不符合时必须说明是否当场整改` });
    }
  });
  for (const item of checklist) {
    if (!seen.has(item.code)) problems.push({ field: 'items', message: `检查项「${item.code} ${item.text}」未填写` });
  }
  return problems;
}

/** A day with no 不符合 is an explicit 零风险 (zero-risk) report. */
export function countProblems(answers: readonly DailyCheckItemAnswer[]): number {
  return answers.filter((a) => a.result === CheckResult.Fail).length;
}
