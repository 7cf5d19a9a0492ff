// 监督抽查考核 — regulators' spot exams of directors and officers, under SAMR's
// 《企业食品安全管理人员监督抽查考核指南》 (2024-03-01). A failed exam obliges the business to act.
import { SPOT_EXAM_RESULT_LABELS, SpotExamResult } from '../enums';
import { SPOT_EXAM_PASS_PERCENT } from './thresholds';

export interface SpotExamOptions {
  /** Full marks of the paper; 100 unless the paper says otherwise. */
  fullMark?: number;
  /** Pass mark as a percentage of full marks; domain.md §1's 90 % unless configured. */
  passPercent?: number;
}

export interface SpotExamOutcome {
  result: SpotExamResult;
  passed: boolean;
  /** 合格 / 不合格 */
  label: string;
  /** What the business must do after a failure (domain.md §1: retrain or replace); null on a pass. */
  action: string | null;
}

/** 合格 when `score` reaches the pass mark: 90 of 100, or 27 of a 30-question paper scored one point each. */
export function spotExamOutcome(score: number, options: SpotExamOptions = {}): SpotExamOutcome {
  const fullMark = options.fullMark ?? 100;
  const passPercent = options.passPercent ?? SPOT_EXAM_PASS_PERCENT;
  if (!Number.isFinite(fullMark) || fullMark <= 0) throw new RangeError(`fullMark must be positive: ${fullMark}`);
  if (!Number.isFinite(score) || score < 0 || score > fullMark) throw new RangeError(`score must be between 0 and ${fullMark}: ${score}`);
  // Compared as score/fullMark ≥ passPercent/100 without dividing, so 27/30 meets 90 % exactly.
  const passed = score * 100 >= passPercent * fullMark;
  const result = passed ? SpotExamResult.Pass : SpotExamResult.Fail;
  return {
    result,
    passed,
    label: SPOT_EXAM_RESULT_LABELS[result],
    action: passed ? null : '抽查考核不合格：企业应当组织其重新培训考核，或另行任命合格人员',
  };
}
