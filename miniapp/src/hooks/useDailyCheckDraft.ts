import { useCallback, useEffect, useRef, useState } from 'react';
import { CheckResult, itemsDue, type DailyCheckItemAnswer, type DailyCheckItemRecord, type RiskListDto } from '@shian/shared';
import { readJson, removeKey, writeJson } from '../platform/storage';
import { uuidV4 } from '../platform/uuid';

export interface AnswerDraft {
  result?: CheckResult;
  problem: string;
  measure: string;
  fixedOnSpot?: boolean;
  /** Uploaded photo ids (the files stay on the server; the draft keeps their ids). */
  photoIds?: string[];
}

export interface DailyCheckDraft {
  version: 1;
  businessDate: string;
  /** One key per draft: a retry after a network failure reuses it, so the server dedupes. */
  idempotencyKey: string;
  /** The 风险管控清单 version the answers were given against (absent in drafts saved before lists existed). */
  riskListVersion?: number;
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

/** What adopting a newer 风险管控清单 did to a draft, to tell the user. */
export interface DraftListChange {
  /** The version the draft was started against; null for a draft from before lists existed. */
  from: number | null;
  to: number;
  /** Answers kept: their items are still asked. */
  kept: number;
  /** Codes whose answers were removed: no longer asked (不适用, or not in the list). */
  dropped: string[];
}

function hasContent(d: DailyCheckDraft): boolean {
  return Object.keys(d.answers).length > 0 || d.remarks !== '';
}

/**
 * Moves a draft onto the list's version: answers to items still due stay, the rest go. When
 * answers go, the draft gets a new Idempotency-Key: what it will send is no longer what an earlier
 * attempt sent, and a stored earlier attempt then surfaces as 「已提交」 (409) rather than as a
 * reused key.
 */
export function reconcileDraft(draft: DailyCheckDraft, list: RiskListDto): { draft: DailyCheckDraft; change: DraftListChange | null } {
  if (draft.riskListVersion === list.version) return { draft, change: null };
  const due = new Set(itemsDue(list.items, 'daily').map((i) => i.code));
  const answers: Record<string, AnswerDraft> = {};
  const dropped: string[] = [];
  for (const [code, a] of Object.entries(draft.answers)) {
    if (due.has(code)) answers[code] = a;
    else if (a.result || a.problem.trim() || a.measure.trim()) dropped.push(code);
  }
  const next: DailyCheckDraft = {
    ...draft,
    riskListVersion: list.version,
    answers,
    ...(dropped.length ? { idempotencyKey: uuidV4(), updatedAt: new Date().toISOString() } : {}),
  };
  if (!hasContent(draft)) return { draft: next, change: null };
  const kept = Object.values(answers).filter((a) => !!a.result).length;
  return { draft: next, change: { from: draft.riskListVersion ?? null, to: list.version, kept, dropped } };
}

/** A submitted record's answers as the form holds them (a correction starts from them); draftToAnswers turns them back. */
export function answersOfRecord(items: readonly DailyCheckItemRecord[]): Record<string, AnswerDraft> {
  return Object.fromEntries(
    items.map((i) => [
      i.code,
      { result: i.result, problem: i.problem ?? '', measure: i.measure ?? '', ...(i.fixedOnSpot === undefined ? {} : { fixedOnSpot: i.fixedOnSpot }), ...(i.photoIds?.length ? { photoIds: i.photoIds } : {}) },
    ]),
  );
}

/** The answers of a draft in the order of the items asked, only answered items, ready for the API. */
export function draftToAnswers(items: readonly { code: string }[], draft: DailyCheckDraft): DailyCheckItemAnswer[] {
  const out: DailyCheckItemAnswer[] = [];
  for (const item of items) {
    const a = draft.answers[item.code];
    if (!a?.result) continue;
    if (a.result === CheckResult.Fail) {
      out.push({
        code: item.code,
        result: a.result,
        problem: a.problem.trim(),
        measure: a.measure.trim(),
        ...(typeof a.fixedOnSpot === 'boolean' ? { fixedOnSpot: a.fixedOnSpot } : {}),
        ...(a.photoIds?.length ? { photoIds: a.photoIds } : {}),
      });
    } else {
      out.push({ code: item.code, result: a.result });
    }
  }
  return out;
}

/**
 * The daily-check form state for one list version, saved to storage on every change (one key per
 * owner and business date) and restored when the page opens again. A draft started against an
 * older list version is moved onto `list` (see reconcileDraft) and `listChange` says what changed.
 */
export function useDailyCheckDraft(ownerId: string, businessDate: string, list: RiskListDto) {
  const key = draftKey(ownerId, businessDate);
  const [initial] = useState(() => {
    const stored = readDraft(ownerId, businessDate);
    return { restored: !!stored && hasContent(stored), ...reconcileDraft(stored ?? newDraft(businessDate), list) };
  });
  const [draft, setDraft] = useState<DailyCheckDraft>(initial.draft);
  const [listChange, setListChange] = useState<DraftListChange | null>(initial.change);
  const cleared = useRef(false);
  const latest = useRef(draft);
  latest.current = draft;

  // The list was reloaded (e.g. the server refused answers because the director changed it).
  useEffect(() => {
    const r = reconcileDraft(latest.current, list);
    if (r.draft === latest.current) return;
    setDraft(r.draft);
    if (r.change) setListChange(r.change);
  }, [list]);

  useEffect(() => {
    // Nothing typed yet: nothing to keep (the key is saved with the first answer).
    if (cleared.current || !hasContent(draft)) return;
    writeJson(key, draft);
  }, [key, draft]);

  /** Changes several answers at once (「全部符合」). */
  const setAnswers = useCallback((patches: Record<string, Partial<AnswerDraft>>) => {
    cleared.current = false;
    setDraft((d) => {
      const answers = { ...d.answers };
      for (const [code, patch] of Object.entries(patches)) answers[code] = { ...EMPTY_ANSWER, ...answers[code], ...patch };
      return { ...d, answers, updatedAt: new Date().toISOString() };
    });
  }, []);

  const setAnswer = useCallback((code: string, patch: Partial<AnswerDraft>) => setAnswers({ [code]: patch }), [setAnswers]);

  const setRemarks = useCallback((remarks: string) => {
    cleared.current = false;
    setDraft((d) => ({ ...d, remarks, updatedAt: new Date().toISOString() }));
  }, []);

  /** Forget the draft (after a successful submission, or when discarding it). */
  const clear = useCallback(() => {
    cleared.current = true;
    removeKey(key);
  }, [key]);

  return { draft, setAnswer, setAnswers, setRemarks, clear, restored: initial.restored, listChange };
}
