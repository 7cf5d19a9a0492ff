import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CheckResult, type ChecklistItem, type DailyCheckItemAnswer } from '@shian/shared';
import { readJson, removeKey, writeJson } from '../platform/storage';
import { uuidV4 } from '../platform/uuid';

export interface AnswerDraft {
  result?: CheckResult;
  problem: string;
  measure: string;
  fixedOnSpot?: boolean;
}

export interface DailyCheckDraft {
  version: 1;
  businessDate: string;
  /** One key per draft: a retry after a network failure reuses it, so the server dedupes. */
  idempotencyKey: string;
  answers: Record<string, AnswerDraft>;
  remarks: string;
  updatedAt: string;
}

const EMPTY_ANSWER: AnswerDraft = { problem: '', measure: '' };

export function draftKey(ownerId: string, businessDate: string): string {
  return `shian.draft.daily.${ownerId}.${businessDate}`;
}

export function readDraft(ownerId: string, businessDate: string): DailyCheckDraft | null {
  const d = readJson<DailyCheckDraft>(draftKey(ownerId, businessDate));
  return d && d.version === 1 && d.businessDate === businessDate && typeof d.idempotencyKey === 'string' ? d : null;
}

function newDraft(businessDate: string): DailyCheckDraft {
  return { version: 1, businessDate, idempotencyKey: uuidV4(), answers: {}, remarks: '', updatedAt: new Date().toISOString() };
}

/** The answers of a draft in checklist order, only answered items, ready for the API. */
export function draftToAnswers(checklist: readonly ChecklistItem[], draft: DailyCheckDraft): DailyCheckItemAnswer[] {
  const out: DailyCheckItemAnswer[] = [];
  for (const item of checklist) {
    const a = draft.answers[item.code];
    if (!a?.result) continue;
    if (a.result === CheckResult.Fail) {
      out.push({
        code: item.code,
        result: a.result,
        problem: a.problem.trim(),
        measure: a.measure.trim(),
        ...(typeof a.fixedOnSpot === 'boolean' ? { fixedOnSpot: a.fixedOnSpot } : {}),
      });
    } else {
      out.push({ code: item.code, result: a.result });
    }
  }
  return out;
}

/**
 * The daily-check form state, saved to storage on every change (one key per owner and business
 * date) and restored when the page opens again.
 */
export function useDailyCheckDraft(ownerId: string, businessDate: string) {
  const key = draftKey(ownerId, businessDate);
  const [draft, setDraft] = useState<DailyCheckDraft>(() => readDraft(ownerId, businessDate) ?? newDraft(businessDate));
  const restored = useRef(Object.keys(draft.answers).length > 0 || draft.remarks !== '');
  const cleared = useRef(false);

  useEffect(() => {
    // Nothing typed yet: nothing to keep (the key is saved with the first answer).
    if (cleared.current || (Object.keys(draft.answers).length === 0 && draft.remarks === '')) return;
    writeJson(key, draft);
  }, [key, draft]);

  const setAnswer = useCallback((code: string, patch: Partial<AnswerDraft>) => {
    cleared.current = false;
    setDraft((d) => ({
      ...d,
      answers: { ...d.answers, [code]: { ...EMPTY_ANSWER, ...d.answers[code], ...patch } },
      updatedAt: new Date().toISOString(),
    }));
  }, []);

  const setRemarks = useCallback((remarks: string) => {
    cleared.current = false;
    setDraft((d) => ({ ...d, remarks, updatedAt: new Date().toISOString() }));
  }, []);

  /** Forget the draft (after a successful submission, or when discarding it). */
  const clear = useCallback(() => {
    cleared.current = true;
    removeKey(key);
  }, [key]);

  const answeredCount = useMemo(() => Object.values(draft.answers).filter((a) => !!a.result).length, [draft.answers]);

  return { draft, setAnswer, setRemarks, clear, answeredCount, restored: restored.current };
}
