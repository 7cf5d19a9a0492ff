// 居民身份证号 (公民身份号码) — GB 11643-1999: 6-digit address code (GB/T 2260), 8-digit birth date
// YYYYMMDD, 3-digit sequence (odd for men, even for women), 1 check character, ISO 7064 MOD 11-2.
// Personal data (domain.md §4): encrypted at rest, masked in the UI with maskIdNumber.
import { BusinessDate, isBusinessDate, todayInShanghai } from '../dates';
import { isProvinceCode } from '../regions';
import type { IdentifierCheck } from './check';

/** Weights 2^(17−i) mod 11 of ISO 7064 MOD 11-2 for positions 1…17. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Check character by (weighted sum mod 11): the value c with (sum + c) ≡ 1 (mod 11); 10 is written X. */
const ID_CHECK_CHARS = '10X98765432';

const ID_SHAPE = /^\d{17}[\dX]$/;

/**
 * 港澳台居民居住证 numbers have the same structure with address codes 810000 / 820000 / 830000
 * (《港澳台居民居住证申领发放办法》, 2018); 83 is not a GB/T 2260 province, so it is allowed here only.
 */
const RESIDENCE_PERMIT_PREFIXES = ['83'];

/** Births before this year are refused: nobody appointed today was born earlier. */
export const ID_NUMBER_MIN_BIRTH_YEAR = 1900;

export interface IdNumberParts {
  /** Upper-case, 18 characters. */
  idNumber: string;
  /** The 6-digit address code (where the number was first issued, not where the person lives). */
  regionCode: string;
  birthDate: BusinessDate;
}

/** The check character for the first 17 digits, or null if they are not 17 digits. */
export function idNumberCheckChar(first17: string): string | null {
  if (typeof first17 !== 'string' || !/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11];
}

/**
 * Validates an 18-character resident ID number; a lower-case x check character is accepted and
 * returned upper-case. `today` (Asia/Shanghai) bounds the birth date. No trimming: the form does that.
 */
export function checkIdNumber(id: string, today: BusinessDate = todayInShanghai()): IdentifierCheck<IdNumberParts> {
  if (typeof id !== 'string' || id.length !== 18) return { ok: false, reason: '身份证号应为18位' };
  const idNumber = id.toUpperCase();
  if (!ID_SHAPE.test(idNumber)) return { ok: false, reason: '身份证号前17位应为数字，末位为数字或X' };
  const province = idNumber.slice(0, 2);
  if (!isProvinceCode(province) && !RESIDENCE_PERMIT_PREFIXES.includes(province)) {
    return { ok: false, reason: '地址码无效（前两位不是省级行政区划代码）' };
  }
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (!isBusinessDate(birthDate) || Number(idNumber.slice(6, 10)) < ID_NUMBER_MIN_BIRTH_YEAR || birthDate > today) {
    return { ok: false, reason: '出生日期无效' };
  }
  if (idNumberCheckChar(idNumber.slice(0, 17)) !== idNumber[17]) return { ok: false, reason: '校验位不正确' };
  return { ok: true, value: { idNumber, regionCode: idNumber.slice(0, 6), birthDate } };
}

export function isValidIdNumber(id: string, today?: BusinessDate): boolean {
  return checkIdNumber(id, today).ok;
}

/**
 * 1501**********1234 — the first 4 and last 4 characters, as domain.md §4 shows. The province and
 * city stay visible for a regulator checking the right person; birth date and sequence do not.
 * Anything that is not 18 characters masks entirely, as maskPhone does.
 */
export function maskIdNumber(id: string): string {
  if (typeof id !== 'string' || id.length !== 18) return '****';
  return `${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(14).toUpperCase()}`;
}
