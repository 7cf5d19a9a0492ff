// 统一社会信用代码 — GB 32100-2015: 18 characters; the 18th is a check character over the
// first 17, alphabet 0-9 A-H J-N P-R T U W-Y (no I, O, Z, S, V), weights 3^i mod 31.
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const USCC_WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

const USCC_SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/;

/** The check character for the first 17 characters, or null if they use a letter outside the alphabet. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** True when `code` is a well-formed USCC whose check character matches. Upper-case only. */
export function isValidUscc(code: string): boolean {
  if (typeof code !== 'string' || !USCC_SHAPE.test(code)) return false;
  return usccCheckChar(code.slice(0, 17)) === code[17];
}
