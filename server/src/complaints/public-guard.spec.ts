import { AppError } from '../common/app-error';
import type { AppConfig } from '../config/config';
import { PublicGuard, SlidingWindowLimiter } from './public-guard';

describe('SlidingWindowLimiter', () => {
  it('allows `limit` hits per window per key, then says how long to wait; refused hits do not count', () => {
    const l = new SlidingWindowLimiter({ limit: 2, windowMs: 10_000 });
    expect(l.hit('a', 0)).toBe(0);
    expect(l.hit('a', 1_000)).toBe(0);
    expect(l.hit('a', 2_000)).toBe(8);
    expect(l.hit('b', 2_000)).toBe(0);
    expect(l.hit('a', 9_999)).toBe(1);
    expect(l.hit('a', 10_001)).toBe(0);
  });
});

describe('PublicGuard challenge', () => {
  const guard = new PublicGuard({ jwt: { secret: 'test-secret-that-is-long-enough-for-hs256-0123456789' } } as AppConfig);
  const answerOf = (q: string) => String(q.match(/\d+/g)!.map(Number).reduce((a, b) => a + b, 0));

  it('accepts the right answer once, refuses a wrong, reused, expired or forged token', () => {
    const c = guard.challenge(0);
    expect(c.question).toMatch(/^\d+ 加 \d+ 等于几？$/);
    const code = (f: () => unknown) => {
      try {
        f();
        return null;
      } catch (e) {
        return (e as AppError).code;
      }
    };
    expect(code(() => guard.verify(c.token, String(Number(answerOf(c.question)) + 1), 1))).toBe('CHALLENGE_FAILED');
    expect(code(() => guard.verify(c.token.replace(/^\d+/, '999999999'), answerOf(c.question), 1))).toBe('CHALLENGE_FAILED');
    expect(code(() => guard.verify(c.token, answerOf(c.question), 10 * 60_000 + 1))).toBe('CHALLENGE_EXPIRED');
    const nonce = guard.verify(c.token, ` ${answerOf(c.question)} `, 1);
    guard.consume(nonce, 1);
    expect(code(() => guard.verify(c.token, answerOf(c.question), 2))).toBe('CHALLENGE_EXPIRED');
  });
});
