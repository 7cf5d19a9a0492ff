// 日管控 compliance state of one business, as the officials' directory (企业名录) shows and filters
// it: its last 7 days of daily checks counted exactly as its 检查日历 counts them (dayStats: a day
// with a current check is done, an earlier day without one missed, today without one still
// pending, days before its duties started not due). Order 60 asks for the check every day.
import { addDays, type BusinessDate } from '../dates';
import type { EnterpriseDto } from '../api';
import type { EnterpriseListQuery } from '../onboarding/api';
import { dayStats, type CheckDay } from '../records/summaries';

/**
 * - ok: no day missed (including a business with nothing due yet)
 * - gaps: some days missed, some done
 * - silent: none done while at least one day was due
 */
export type ComplianceState = 'ok' | 'gaps' | 'silent';

export const COMPLIANCE_STATES: readonly ComplianceState[] = ['ok', 'gaps', 'silent'];

export const COMPLIANCE_STATE_LABELS: Record<ComplianceState, string> = {
  ok: '正常',
  gaps: '有漏查',
  silent: '未检查',
};

/** The window: today and the 6 days before it. */
export const COMPLIANCE_WINDOW_DAYS = 7;

/** The window's dates, oldest first, ending today. */
export function complianceWindow(today: BusinessDate): BusinessDate[] {
  return Array.from({ length: COMPLIANCE_WINDOW_DAYS }, (_, i) => addDays(today, i - (COMPLIANCE_WINDOW_DAYS - 1)));
}

export interface ComplianceCounts {
  /** Days of the window with a current daily check (late ones included, as the calendar shows them checked). */
  done: number;
  /** Days that fell due: done + missed (today counts only once done). */
  due: number;
}

/** The state from the counts: the one rule the directory's SQL filter mirrors. */
export function complianceStateOf(c: ComplianceCounts): ComplianceState {
  if (c.done > c.due || c.done < 0) throw new RangeError(`inconsistent counts: ${c.done}/${c.due}`);
  if (c.done === c.due) return 'ok';
  return c.done === 0 ? 'silent' : 'gaps';
}

/** A business's counts and state from its checks (any dates; those outside the window are ignored). */
export function complianceOf(checks: readonly CheckDay[], today: BusinessDate, since: BusinessDate): ComplianceCounts & { state: ComplianceState } {
  const s = dayStats(complianceWindow(today), checks, today, since);
  const counts = { done: s.checked, due: s.checked + s.missed };
  return { ...counts, state: complianceStateOf(counts) };
}

/** One business of the directory: its profile and, once confirmed, its 7-day state. */
export interface EnterpriseDirectoryItem extends EnterpriseDto {
  /** Null for a pending or rejected registration: it owes no records. */
  compliance: (ComplianceCounts & { state: ComplianceState; from: BusinessDate; to: BusinessDate }) | null;
}

/** GET /api/enterprises — the directory's filters (and the pending queue's). */
export interface EnterpriseDirectoryQuery extends EnterpriseListQuery {
  /** Part of the name, or the USCC (or its beginning). */
  q?: string;
  /** Confirmed businesses in this state over the last 7 days. */
  compliance?: ComplianceState;
  format?: 'xlsx';
}
