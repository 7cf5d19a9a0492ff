// The submission queue's rules (待发送队列), free of Taro and storage so they can be unit-tested:
// what an answer means for an entry, when to try again, which sent entries to keep.

export type OutboxKind = 'daily' | 'weekly' | 'monthly';
export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed';

/** One record submission on its way to the server, kept on the device until it is acknowledged. */
export interface OutboxEntry {
  id: string;
  kind: OutboxKind;
  /** The record's business date, ISO week or month: reopens its form. */
  period: string;
  /** 「2026-11-25 每日检查」 */
  label: string;
  method: 'POST';
  path: string;
  /** What is sent, the same on every attempt; dropped once sent. */
  body?: unknown;
  /** The same on every attempt: the server answers a replay with the original result. */
  idempotencyKey: string;
  /** The form's draft, removed once the record is acknowledged (kept while it may still be needed). */
  draftKey: string;
  createdAt: string;
  attempts: number;
  lastAttemptAt: string | null;
  /** The last attempt's message (Chinese), for the user. */
  lastError: string | null;
  state: OutboxState;
  /** The record's id once acknowledged. */
  resultId: string | null;
  sentAt: string | null;
}

export type Outcome = 'sent' | 'pending' | 'failed';

/**
 * What an HTTP status (0: no answer) means for the entry. No answer, 408, 429 and 5xx may succeed
 * later; 401 is what is left when the session could not be refreshed, so the entry waits for the
 * user to log in again. Any other 4xx is the server's verdict on the content: retrying cannot help.
 */
export function outcomeOf(status: number): Outcome {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 0 || status === 401 || status === 408 || status === 429 || status >= 500) return 'pending';
  return 'failed';
}

/** What the form says when its submission could not be sent now and waits in the queue. */
export function queuedMessage(status: number): string {
  if (status === 0) return '网络不可用，已加入待发送队列，联网后自动提交';
  if (status === 401) return '登录已过期，已加入待发送队列，重新登录后自动提交';
  return '服务暂时不可用，已加入待发送队列，稍后自动提交';
}

/** Waits after the 1st, 2nd and 3rd failed attempt; then every RETRY_EVERY_MS. */
export const RETRY_DELAYS_MS: readonly number[] = [5_000, 15_000, 60_000];
export const RETRY_EVERY_MS = 120_000;

/** How long to wait after `attempts` attempts before the timer tries again. */
export function retryDelayMs(attempts: number): number {
  if (attempts <= 0) return 0;
  return RETRY_DELAYS_MS[attempts - 1] ?? RETRY_EVERY_MS;
}

function time(iso: string | null): number {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? 0 : t;
}

/** When the timer should next send a pending entry (epoch ms); null for any other state. */
export function nextAttemptAt(entry: OutboxEntry): number | null {
  if (entry.state !== 'pending') return null;
  if (entry.attempts === 0 || !entry.lastAttemptAt) return time(entry.createdAt);
  return time(entry.lastAttemptAt) + retryDelayMs(entry.attempts);
}

/** Pending entries whose wait is over at `now`. */
export function dueEntries(entries: readonly OutboxEntry[], now: number): OutboxEntry[] {
  return entries.filter((e) => {
    const at = nextAttemptAt(e);
    return at !== null && at <= now;
  });
}

/** The earliest moment the timer has something to send; null when nothing is pending. */
export function nextWakeUp(entries: readonly OutboxEntry[]): number | null {
  let min: number | null = null;
  for (const e of entries) {
    const at = nextAttemptAt(e);
    if (at !== null && (min === null || at < min)) min = at;
  }
  return min;
}

/** Sent entries stay this long, and at most this many, so the user sees them go out. */
export const KEEP_SENT_MS = 7 * 24 * 3600_000;
export const KEEP_SENT_MAX = 20;

/** Drops sent entries older than KEEP_SENT_MS or beyond the newest KEEP_SENT_MAX; others always stay. */
export function pruneSent(entries: readonly OutboxEntry[], now: number): OutboxEntry[] {
  const keep = new Set(
    entries
      .filter((e) => e.state === 'sent' && now - time(e.sentAt) <= KEEP_SENT_MS)
      .sort((a, b) => time(b.sentAt) - time(a.sentAt))
      .slice(0, KEEP_SENT_MAX)
      .map((e) => e.id),
  );
  return entries.filter((e) => e.state !== 'sent' || keep.has(e.id));
}

/**
 * An entry stored as 'sending' that nothing is sending (the app was closed mid-request): the
 * request may or may not have arrived, so it goes back to 'pending' and is sent again, safely.
 */
export function recoverInterrupted(entries: readonly OutboxEntry[], inFlight: ReadonlySet<string>): OutboxEntry[] {
  return entries.map((e) => (e.state === 'sending' && !inFlight.has(e.id) ? { ...e, state: 'pending' } : e));
}

/** The entry as an attempt starts. */
export function startAttempt(entry: OutboxEntry, now: number): OutboxEntry {
  return { ...entry, state: 'sending', attempts: entry.attempts + 1, lastAttemptAt: new Date(now).toISOString() };
}

/** The entry after an attempt's answer: `status` 0 for no answer; `message` the error shown. */
export function finishAttempt(entry: OutboxEntry, answer: { status: number; message?: string; resultId?: string | null }, now: number): OutboxEntry {
  const state = outcomeOf(answer.status);
  if (state === 'sent') {
    return { ...entry, state, body: undefined, lastError: null, resultId: answer.resultId ?? null, sentAt: new Date(now).toISOString() };
  }
  return { ...entry, state, lastError: answer.message ?? null };
}

/** 「N 份记录待发送」 counts: pending includes one being sent. */
export function outboxCounts(entries: readonly OutboxEntry[]): { pending: number; failed: number; sent: number } {
  let pending = 0;
  let failed = 0;
  let sent = 0;
  for (const e of entries) {
    if (e.state === 'failed') failed += 1;
    else if (e.state === 'sent') sent += 1;
    else pending += 1;
  }
  return { pending, failed, sent };
}

/** The queue page's order: failed, then waiting (oldest first), then sent (newest first). */
export function displayOrder(entries: readonly OutboxEntry[]): OutboxEntry[] {
  const rank = (e: OutboxEntry) => (e.state === 'failed' ? 0 : e.state === 'sent' ? 2 : 1);
  return [...entries].sort((a, b) => {
    const r = rank(a) - rank(b);
    if (r !== 0) return r;
    return a.state === 'sent' ? time(b.sentAt) - time(a.sentAt) : time(a.createdAt) - time(b.createdAt);
  });
}

/** A stored value that looks like an entry (storage may hold anything). */
export function isOutboxEntry(v: unknown): v is OutboxEntry {
  const e = v as Partial<OutboxEntry> | null;
  return (
    !!e &&
    typeof e === 'object' &&
    typeof e.id === 'string' &&
    typeof e.path === 'string' &&
    typeof e.idempotencyKey === 'string' &&
    (e.kind === 'daily' || e.kind === 'weekly' || e.kind === 'monthly') &&
    (e.state === 'pending' || e.state === 'sending' || e.state === 'sent' || e.state === 'failed')
  );
}
