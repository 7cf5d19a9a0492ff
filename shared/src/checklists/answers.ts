import { CheckResult } from '../enums';

// One answered item of a risk-control list (日管控 or 周排查), as sent by the form; the rules that
// check answers against an enterprise's list are in risk-lists/enterprise-list.ts (validateAnswers).
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

/** A problem with a request field, in Chinese, naming the field. */
export interface ChecklistProblem {
  /** 'items[3].problem' — the field at fault. */
  field: string;
  message: string;
}

/** 不符合 answers; a day with none is an explicit 零风险 (zero-risk) report. */
export function countProblems(answers: readonly DailyCheckItemAnswer[]): number {
  return answers.filter((a) => a.result === CheckResult.Fail).length;
}
