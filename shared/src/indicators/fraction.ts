// Every indicator on the officials' dashboard is a count over a count: tables show both counts and
// the rate (12/15 (80.0%)), so a rate is never separated from what it was computed from. A rate is
// null when there is nothing to measure (no business in scope, nothing due), shown 「—」 — never
// 0 % or NaN, which would rank an empty region as the worst or the best.

export interface Fraction {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator in [0, 1]; null when the denominator is 0. */
  rate: number | null;
}

function assertCounts(numerator: number, denominator: number): void {
  for (const n of [numerator, denominator]) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`counts must be non-negative integers: ${numerator}/${denominator}`);
  }
  if (numerator > denominator) throw new RangeError(`numerator exceeds denominator: ${numerator}/${denominator}`);
}

/** The rate alone; RangeError for counts that cannot be (negative, fractional, part > whole). */
export function ratio(numerator: number, denominator: number): number | null {
  assertCounts(numerator, denominator);
  return denominator === 0 ? null : numerator / denominator;
}

export function fraction(numerator: number, denominator: number): Fraction {
  return { numerator, denominator, rate: ratio(numerator, denominator) };
}

/** floor(n / d) for non-negative integers, exact even where n / d rounds up to the next integer. */
function quotient(n: number, d: number): number {
  let q = Math.floor(n / d);
  if (q * d > n) q -= 1;
  else if ((q + 1) * d <= n) q += 1;
  return q;
}

/**
 * Compares two rates exactly, on the counts: 2/3 and 4/6 tie; 1,000,000/1,000,001 and 999,999/
 * 1,000,000 do not, however close in floating point. Euclid's continued-fraction steps keep every
 * number within the counts, so no product can overflow (business-days of a province over a year
 * reach 10^8; their cross-products would not be exact doubles) and no BigInt is needed (older
 * WeChat engines lack it). Positive when a's rate is higher; both denominators must be positive.
 */
export function compareFractions(a: Fraction, b: Fraction): number {
  assertCounts(a.numerator, a.denominator);
  assertCounts(b.numerator, b.denominator);
  if (a.denominator === 0 || b.denominator === 0) throw new RangeError('a rate over nothing cannot be compared');
  let [n1, d1, n2, d2] = [a.numerator, a.denominator, b.numerator, b.denominator];
  let sign = 1;
  for (;;) {
    const [q1, q2] = [quotient(n1, d1), quotient(n2, d2)];
    if (q1 !== q2) return q1 > q2 ? sign : -sign;
    const [r1, r2] = [n1 - q1 * d1, n2 - q2 * d2];
    if (r1 === 0 || r2 === 0) return r1 === r2 ? 0 : r1 === 0 ? -sign : sign;
    // r1/d1 against r2/d2 is d2/r2 against d1/r1.
    [n1, d1, n2, d2] = [d1, r1, d2, r2];
    sign = -sign;
  }
}

/**
 * '80.0%' with one decimal, rounded half up; '—' when there is nothing to measure. Only a rate of
 * exactly 1 shows 100.0 % and only 0 shows 0.0 %: 29,999 of 30,000 reads 99.9 %, not a 100 % target
 * met (Lhasa's "five 100%", domain.md §2), and 1 of 30,000 reads 0.1 %, not "nothing done".
 */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) throw new RangeError(`not a rate: ${rate}`);
  // toPrecision drops the binary noise of rate × 1000 (0.8055 × 1000 = 805.4999…) before rounding.
  let permille = Math.round(Number((rate * 1000).toPrecision(12)));
  if (rate < 1) permille = Math.min(permille, 999);
  if (rate > 0) permille = Math.max(permille, 1);
  return `${(permille / 10).toFixed(1)}%`;
}

/** '12/15 (80.0%)', or '—' when the denominator is 0. */
export function formatFraction(f: Fraction): string {
  return f.rate === null ? '—' : `${f.numerator}/${f.denominator} (${formatRate(f.rate)})`;
}
