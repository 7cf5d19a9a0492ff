// Flood protection of the public endpoints (no login): sliding-window rate limits per client IP
// and per device (header X-Device-Id), and a signed arithmetic challenge a submission must answer.
// Both are kept in this process's memory: right for the one-process deployment (`npm start`);
// several processes behind a balancer would each count on their own (multiply the limits), and a
// restart forgets the counts. The IP is Fastify's request.ip: the X-Forwarded-For of a proxy that
// TRUST_PROXY trusts (default loopback), else the peer's own address.
import { createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DEVICE_ID_HEADER, DEVICE_ID_PATTERN, type PublicChallengeDto } from '@shian/shared';
import { AppError } from '../common/app-error';
import { APP_CONFIG, AppConfig } from '../config/config';
import { ComplaintErrorCode, ComplaintErrors } from './complaints.errors';

const MINUTE = 60_000;

export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** The public limits (documented in the OpenAPI descriptions). */
export const PUBLIC_LIMITS = {
  submitPerIp: { limit: 5, windowMs: 10 * MINUTE },
  submitPerDevice: { limit: 3, windowMs: 10 * MINUTE },
  photoPerIp: { limit: 30, windowMs: 10 * MINUTE },
  photoPerDevice: { limit: 18, windowMs: 10 * MINUTE },
  queryPerIp: { limit: 30, windowMs: 10 * MINUTE },
  challengePerIp: { limit: 30, windowMs: 10 * MINUTE },
  searchPerIp: { limit: 60, windowMs: MINUTE },
} satisfies Record<string, RateLimit>;

/** How long a challenge may be answered. */
export const CHALLENGE_TTL_MS = 10 * MINUTE;
/** Keys remembered at most per limiter: a flood from many addresses cannot grow memory without bound. */
const MAX_KEYS = 50_000;

/** Timestamps of recent hits per key; a hit over the limit is refused and not counted. */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly rule: RateLimit) {}

  /** Counts a hit; returns the seconds to wait when over the limit, else 0. */
  hit(key: string, now = Date.now()): number {
    const since = now - this.rule.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= this.rule.limit) {
      this.hits.set(key, recent);
      return Math.max(1, Math.ceil((recent[0] + this.rule.windowMs - now) / 1000));
    }
    recent.push(now);
    this.hits.delete(key); // re-inserted last: the Map's order is least recently used first
    this.hits.set(key, recent);
    if (this.hits.size > MAX_KEYS) this.hits.delete(this.hits.keys().next().value as string);
    return 0;
  }
}

@Injectable()
export class PublicGuard {
  private readonly limiters = new Map<keyof typeof PUBLIC_LIMITS, SlidingWindowLimiter>();
  private readonly challengeKey: Buffer;
  /** Challenge nonces already answered, until they expire: a token is good for one submission. */
  private readonly usedNonces = new Map<string, number>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.challengeKey = Buffer.from(hkdfSync('sha256', Buffer.from(config.jwt.secret), Buffer.alloc(0), 'shian complaint challenge v1', 32));
    for (const name of Object.keys(PUBLIC_LIMITS) as Array<keyof typeof PUBLIC_LIMITS>) this.limiters.set(name, new SlidingWindowLimiter(PUBLIC_LIMITS[name]));
  }

  /** Counts the request against each named limit; the first one exceeded answers 429 with Retry-After. */
  limit(checks: Array<[keyof typeof PUBLIC_LIMITS, string]>, code: ComplaintErrorCode = 'PUBLIC_RATE_LIMITED', now = Date.now()): void {
    for (const [name, key] of checks) {
      const wait = this.limiters.get(name)!.hit(key, now);
      if (wait) {
        const spec = ComplaintErrors[code];
        throw new AppError(code, spec.status, spec.message, undefined, { 'retry-after': String(wait) });
      }
    }
  }

  deviceId(raw: string | undefined): string {
    if (!raw || !DEVICE_ID_PATTERN.test(raw)) throw AppError.of(ComplaintErrors, 'DEVICE_ID_REQUIRED', [{ field: DEVICE_ID_HEADER, message: ComplaintErrors.DEVICE_ID_REQUIRED.message }]);
    return raw;
  }

  /** A sum of two numbers under 20; the answer travels only inside the token's signature. */
  challenge(now = Date.now()): PublicChallengeDto {
    const a = randomInt(1, 20);
    const b = randomInt(1, 20);
    const exp = now + CHALLENGE_TTL_MS;
    const nonce = randomBytes(12).toString('base64url');
    return { question: `${a} 加 ${b} 等于几？`, token: `${exp}.${nonce}.${this.sign(exp, nonce, String(a + b))}`, expiresAt: new Date(exp).toISOString() };
  }

  /** Checks the answer (constant time); returns the nonce to `consume` once the submission is stored. */
  verify(token: string, answer: string, now = Date.now()): string {
    const [expText, nonce, sig, extra] = String(token).split('.');
    const exp = Number(expText);
    if (extra !== undefined || !nonce || !sig || !Number.isSafeInteger(exp)) throw this.challengeError('CHALLENGE_FAILED');
    if (exp < now || this.usedNonces.has(nonce)) throw this.challengeError('CHALLENGE_EXPIRED');
    const expected = Buffer.from(this.sign(exp, nonce, String(answer).trim()));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw this.challengeError('CHALLENGE_FAILED');
    return nonce;
  }

  consume(nonce: string, now = Date.now()): void {
    for (const [n, exp] of this.usedNonces) if (exp < now) this.usedNonces.delete(n);
    this.usedNonces.set(nonce, now + CHALLENGE_TTL_MS);
  }

  private sign(exp: number, nonce: string, answer: string): string {
    return createHmac('sha256', this.challengeKey).update(`${exp}.${nonce}.${answer}`).digest('base64url');
  }

  private challengeError(code: 'CHALLENGE_FAILED' | 'CHALLENGE_EXPIRED'): AppError {
    return AppError.of(ComplaintErrors, code, [{ field: 'challengeAnswer', message: ComplaintErrors[code].message }]);
  }
}
