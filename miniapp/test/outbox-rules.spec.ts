// The submission queue's rules: which answers end an entry, when the timer tries again, what the
// queue page keeps and shows. Pure functions (no Taro), so they run here under jest.
import {
  dueEntries,
  finishAttempt,
  isOutboxEntry,
  nextWakeUp,
  outboxCounts,
  outcomeOf,
  pruneSent,
  recoverInterrupted,
  retryDelayMs,
  startAttempt,
  displayOrder,
  KEEP_SENT_MAX,
  type OutboxEntry,
} from '../src/api/outbox-rules';

const T0 = Date.parse('2026-11-25T02:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

function entry(over: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    id: over.id ?? 'e1',
    kind: 'daily',
    period: '2026-11-25',
    label: '2026-11-25 每日检查',
    method: 'POST',
    path: '/api/daily-checks',
    body: { businessDate: '2026-11-25' },
    idempotencyKey: 'key-12345678',
    draftKey: 'shian.draft.daily.u.2026-11-25',
    createdAt: iso(T0),
    attempts: 0,
    lastAttemptAt: null,
    lastError: null,
    state: 'pending',
    resultId: null,
    sentAt: null,
    ...over,
  };
}

describe('outcomeOf: what an answer means for a queued submission', () => {
  it.each([
    [201, 'sent'],
    [200, 'sent'],
    [0, 'pending'],
    [401, 'pending'],
    [408, 'pending'],
    [429, 'pending'],
    [500, 'pending'],
    [503, 'pending'],
    [400, 'failed'],
    [403, 'failed'],
    [409, 'failed'],
    [422, 'failed'],
  ])('%i → %s', (status, outcome) => {
    expect(outcomeOf(status)).toBe(outcome);
  });
});

describe('retries', () => {
  it('waits 5 s, 15 s, 60 s after the first three failures, then every 2 minutes', () => {
    expect([1, 2, 3, 4, 9].map(retryDelayMs)).toEqual([5_000, 15_000, 60_000, 120_000, 120_000]);
  });

  it('a new entry is due at once; a failed attempt makes it due after the wait, not before', () => {
    const fresh = entry();
    expect(dueEntries([fresh], T0)).toEqual([fresh]);
    const tried = finishAttempt(startAttempt(fresh, T0), { status: 0, message: '网络不可用' }, T0 + 100);
    expect(tried).toMatchObject({ state: 'pending', attempts: 1, lastError: '网络不可用' });
    expect(dueEntries([tried], T0 + 4_999)).toEqual([]);
    expect(dueEntries([tried], T0 + 5_000)).toEqual([tried]);
    expect(nextWakeUp([tried])).toBe(T0 + 5_000);
  });

  it('keeps the same Idempotency-Key and body on every attempt', () => {
    let e = entry();
    for (let i = 0; i < 5; i++) e = finishAttempt(startAttempt(e, T0 + i), { status: 503 }, T0 + i);
    expect(e).toMatchObject({ idempotencyKey: 'key-12345678', body: { businessDate: '2026-11-25' }, attempts: 5, state: 'pending' });
  });

  it('an acknowledged entry is sent, keeps the record id and drops the body; a refused one is failed and never due', () => {
    const sent = finishAttempt(startAttempt(entry(), T0), { status: 201, resultId: 'rec-1' }, T0 + 10);
    expect(sent).toMatchObject({ state: 'sent', resultId: 'rec-1', lastError: null, sentAt: iso(T0 + 10), body: undefined });
    const failed = finishAttempt(startAttempt(entry(), T0), { status: 409, message: '已提交' }, T0 + 10);
    expect(failed).toMatchObject({ state: 'failed', lastError: '已提交' });
    expect(dueEntries([sent, failed], T0 + 86_400_000)).toEqual([]);
    expect(nextWakeUp([sent, failed])).toBeNull();
  });

  it('an entry left "sending" when the app closed goes back to pending, unless it is still in flight', () => {
    const a = entry({ id: 'a', state: 'sending' });
    const b = entry({ id: 'b', state: 'sending' });
    expect(recoverInterrupted([a, b], new Set(['b'])).map((e) => e.state)).toEqual(['pending', 'sending']);
  });
});

describe('what the queue keeps and shows', () => {
  it('keeps sent entries 7 days and at most 20; never drops pending or failed ones', () => {
    const old = entry({ id: 'old', state: 'sent', sentAt: iso(T0 - 8 * 86_400_000) });
    const recent = Array.from({ length: KEEP_SENT_MAX + 3 }, (_, i) => entry({ id: `s${i}`, state: 'sent', sentAt: iso(T0 - i * 1000) }));
    const waiting = entry({ id: 'p', state: 'pending', createdAt: iso(T0 - 30 * 86_400_000) });
    const refused = entry({ id: 'f', state: 'failed', createdAt: iso(T0 - 30 * 86_400_000) });
    const kept = pruneSent([old, ...recent, waiting, refused], T0);
    expect(kept.filter((e) => e.state === 'sent').map((e) => e.id)).toEqual(recent.slice(0, KEEP_SENT_MAX).map((e) => e.id));
    expect(kept.map((e) => e.id)).toEqual(expect.arrayContaining(['p', 'f']));
  });

  it('counts a send in progress as pending, and shows failed first, then waiting oldest first, then sent newest first', () => {
    const list = [
      entry({ id: 'sent-old', state: 'sent', sentAt: iso(T0 + 1) }),
      entry({ id: 'wait-new', state: 'pending', createdAt: iso(T0 + 5) }),
      entry({ id: 'sending', state: 'sending', createdAt: iso(T0 + 2) }),
      entry({ id: 'sent-new', state: 'sent', sentAt: iso(T0 + 9) }),
      entry({ id: 'failed', state: 'failed' }),
    ];
    expect(outboxCounts(list)).toEqual({ pending: 2, failed: 1, sent: 2 });
    expect(displayOrder(list).map((e) => e.id)).toEqual(['failed', 'sending', 'wait-new', 'sent-new', 'sent-old']);
  });

  it('ignores whatever else storage may hold', () => {
    expect(isOutboxEntry(entry())).toBe(true);
    expect(isOutboxEntry(null)).toBe(false);
    expect(isOutboxEntry({ ...entry(), kind: 'other' })).toBe(false);
    expect(isOutboxEntry({ ...entry(), idempotencyKey: undefined })).toBe(false);
  });
});
