// The submission queue (待发送队列): a record submission is stored on the device first and sent
// from there; whatever cannot be sent now is retried with the same body and Idempotency-Key until
// the server acknowledges it (a replay gets the original record, never a second one). Entries are
// kept per user; only the logged-in user's are sent. The rules live in outbox-rules.ts.
import Taro from '@tarojs/taro';
import {
  IDEMPOTENCY_HEADER,
  type DailyCheckCreateRequest,
  type DailyCheckDto,
  type MonthlyReviewCreateRequest,
  type MonthlyReviewDto,
  type WeeklyInvestigationCreateRequest,
  type WeeklyInvestigationDto,
} from '@shian/shared';
import { readJson, removeKey, writeJson } from '../platform/storage';
import { uuidV4 } from '../platform/uuid';
import { request } from './client';
import { ApiError, errorMessage } from './errors';
import {
  dueEntries,
  finishAttempt,
  isOutboxEntry,
  nextWakeUp,
  outcomeOf,
  pruneSent,
  queuedMessage,
  recoverInterrupted,
  startAttempt,
  type OutboxEntry,
  type OutboxKind,
} from './outbox-rules';
import { getSession } from './session';

export type { OutboxEntry, OutboxKind, OutboxState } from './outbox-rules';

/** A record submission: where it goes and what it says; T is the record the server answers with. */
export interface OutboxSubmission<T> {
  kind: OutboxKind;
  period: string;
  label: string;
  path: string;
  body: unknown;
  /** Type only: the response. */
  readonly response?: T;
}

/** The record submissions that go through the queue (the endpoint table has the rest). */
export const submissions = {
  dailyCheck: (body: DailyCheckCreateRequest): OutboxSubmission<DailyCheckDto> => ({
    kind: 'daily',
    period: body.businessDate,
    label: `${body.businessDate} 每日检查`,
    path: '/api/daily-checks',
    body,
  }),
  weeklyInvestigation: (body: WeeklyInvestigationCreateRequest): OutboxSubmission<WeeklyInvestigationDto> => ({
    kind: 'weekly',
    period: body.week,
    label: `${body.week} 每周排查`,
    path: '/api/weekly-investigations',
    body,
  }),
  monthlyReview: (body: MonthlyReviewCreateRequest): OutboxSubmission<MonthlyReviewDto> => ({
    kind: 'monthly',
    period: body.month,
    label: `${body.month} 月调度纪要`,
    path: '/api/monthly-reviews',
    body,
  }),
};

/** The submission could not be sent now and waits in the queue (the message says so). */
export class QueuedError extends Error {
  readonly entryId: string;

  constructor(entryId: string, message: string) {
    super(message);
    this.name = 'QueuedError';
    this.entryId = entryId;
  }
}

type Attempt =
  | { state: 'sent'; data: unknown }
  | { state: 'pending' | 'failed'; error: ApiError }
  /** Not sent: not pending, gone, or not the logged-in user's. */
  | { state: 'skipped' };

function storageKey(userId: string): string {
  return `shian.outbox.${userId}`;
}

/** One send per entry at a time: a second caller (timer, button, form) shares the first's. */
const inFlight = new Map<string, Promise<Attempt>>();
/** Records acknowledged in this session, by entry id: a form still open shows its result. */
const results = new Map<string, unknown>();
const listeners = new Set<(userId: string) => void>();

function load(userId: string): OutboxEntry[] {
  const raw = readJson<unknown[]>(storageKey(userId));
  const entries = Array.isArray(raw) ? raw.filter(isOutboxEntry) : [];
  return recoverInterrupted(entries, new Set(inFlight.keys()));
}

function save(userId: string, entries: OutboxEntry[]): void {
  writeJson(storageKey(userId), pruneSent(entries, Date.now()));
  for (const l of Array.from(listeners)) l(userId);
  scheduleNext();
}

function update(userId: string, id: string, change: (e: OutboxEntry) => OutboxEntry): void {
  const entries = load(userId);
  if (!entries.some((e) => e.id === id)) return;
  save(userId, entries.map((e) => (e.id === id ? change(e) : e)));
}

/** The user's queue as stored. */
export function outboxEntries(userId: string): OutboxEntry[] {
  return load(userId);
}

/** Called with the user id after every change of a queue; returns the unsubscribe. */
export function subscribeOutbox(listener: (userId: string) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The record the server answered with, when the entry was acknowledged in this session. */
export function sentResultOf(entryId: string): unknown {
  return results.get(entryId);
}

function resultIdOf(data: unknown): string | null {
  const id = data && typeof data === 'object' ? (data as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : null;
}

async function attempt(userId: string, id: string): Promise<Attempt> {
  // Another user's entries wait for them: the request would carry the wrong token.
  if (getSession()?.user.id !== userId) return { state: 'skipped' };
  const entry = load(userId).find((e) => e.id === id);
  if (!entry || entry.state !== 'pending') return { state: 'skipped' };
  update(userId, id, (e) => startAttempt(e, Date.now()));
  try {
    const data = await request<unknown>({
      method: entry.method,
      path: entry.path,
      body: entry.body,
      headers: { [IDEMPOTENCY_HEADER]: entry.idempotencyKey },
    });
    results.set(id, data);
    update(userId, id, (e) => finishAttempt(e, { status: 200, resultId: resultIdOf(data) }, Date.now()));
    removeKey(entry.draftKey);
    return { state: 'sent', data };
  } catch (e) {
    // Anything but an HTTP answer counts as no answer: the entry stays to be sent again.
    const error = e instanceof ApiError ? e : new ApiError(0, 'CLIENT_ERROR', errorMessage(e));
    update(userId, id, (x) => finishAttempt(x, { status: error.status, message: error.message }, Date.now()));
    return { state: outcomeOf(error.status) === 'failed' ? 'failed' : 'pending', error };
  }
}

/** Sends one pending entry now (「立即重试」); joins the send already under way, if any. */
export function sendOutboxEntry(userId: string, id: string): Promise<Attempt> {
  const running = inFlight.get(id);
  if (running) return running;
  const sending = (async () => {
    // Registered in inFlight (below) before the attempt marks the entry 'sending'.
    await Promise.resolve();
    try {
      return await attempt(userId, id);
    } finally {
      inFlight.delete(id);
      scheduleNext();
    }
  })();
  inFlight.set(id, sending);
  return sending;
}

/**
 * Sends the logged-in user's pending entries one after another: those whose backoff is over, or
 * all of them when something suggests the network is back (`force`: foreground, online again).
 */
export async function flushOutbox(opts: { force?: boolean } = {}): Promise<void> {
  const userId = getSession()?.user.id;
  if (!userId) return;
  // The timer follows the user now logged in (it may have changed since it was set).
  scheduleNext();
  const startedAt = Date.now();
  const entries = load(userId);
  const targets = opts.force ? entries.filter((e) => e.state === 'pending') : dueEntries(entries, startedAt);
  for (const target of targets) {
    // Skip what another trigger has tried meanwhile.
    const current = load(userId).find((e) => e.id === target.id);
    if (!current || current.state !== 'pending') continue;
    if (current.lastAttemptAt && Date.parse(current.lastAttemptAt) >= startedAt) continue;
    await sendOutboxEntry(userId, target.id);
  }
}

let started = false;
let timer: ReturnType<typeof setTimeout> | null = null;

/** One timer for the logged-in user's queue, set for the earliest entry whose backoff ends. */
function scheduleNext(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  const userId = getSession()?.user.id;
  if (!userId || !started) return;
  const at = nextWakeUp(load(userId));
  if (at === null) return;
  timer = setTimeout(() => {
    timer = null;
    void flushOutbox();
  }, Math.max(at - Date.now(), 500));
}

/** Starts the triggers once (app to the foreground, network back, the backoff timer) and sends what is due. */
export function startOutbox(): void {
  if (started) return;
  started = true;
  const flushAll = () => void flushOutbox({ force: true });
  Taro.onAppShow(flushAll);
  Taro.onNetworkStatusChange((res) => {
    if (res.isConnected) flushAll();
  });
  // Taro's H5 onNetworkStatusChange follows navigator.connection only, which may not report it.
  if (process.env.TARO_ENV === 'h5') window.addEventListener('online', flushAll);
  scheduleNext();
  void flushOutbox();
}

/** Removes an entry that is not being sent (a failed one the user gives up); its draft stays. */
export function removeOutboxEntry(userId: string, id: string): boolean {
  if (inFlight.has(id)) return false;
  save(userId, load(userId).filter((e) => e.id !== id));
  return true;
}

/**
 * A form's submission: stored in the queue, then sent at once. Resolves with the record on 2xx
 * (draft removed). Rejects with QueuedError when it could not be sent now (it stays queued and
 * is retried with the same key), or with the server's ApiError for any other answer, which the
 * form shows (the entry is removed: the form and its draft are where it gets fixed).
 * Submitting the same draft again (same key) sends its queued entry, with the form's latest body.
 */
export async function submitThroughOutbox<T>(
  userId: string,
  submission: OutboxSubmission<T>,
  keys: { idempotencyKey: string; draftKey: string },
): Promise<T> {
  startOutbox();
  const same = (e: OutboxEntry) => e.idempotencyKey === keys.idempotencyKey && e.path === submission.path;
  let existing = load(userId).find(same);
  if (existing && inFlight.has(existing.id)) {
    const running = await sendOutboxEntry(userId, existing.id);
    if (running.state === 'sent') return running.data as T;
    existing = load(userId).find(same);
  }
  if (existing?.state === 'sent' && results.has(existing.id)) return results.get(existing.id) as T;

  const entry: OutboxEntry = existing
    ? { ...existing, label: submission.label, body: submission.body, draftKey: keys.draftKey, state: 'pending', resultId: null, sentAt: null }
    : {
        id: uuidV4(),
        kind: submission.kind,
        period: submission.period,
        label: submission.label,
        method: 'POST',
        path: submission.path,
        body: submission.body,
        idempotencyKey: keys.idempotencyKey,
        draftKey: keys.draftKey,
        createdAt: new Date().toISOString(),
        attempts: 0,
        lastAttemptAt: null,
        lastError: null,
        state: 'pending',
        resultId: null,
        sentAt: null,
      };
  save(userId, [...load(userId).filter((e) => e.id !== entry.id), entry]);

  const result = await sendOutboxEntry(userId, entry.id);
  if (result.state === 'sent') return result.data as T;
  if (result.state === 'failed') {
    removeOutboxEntry(userId, entry.id);
    throw result.error;
  }
  throw new QueuedError(entry.id, queuedMessage(result.state === 'pending' ? result.error.status : 401));
}
