// 食品经营许可证 "JY" + 14 digits; 食品生产许可证 "SC" + 14 digits (domain.md §4).
//
// What the digits mean, left to right:
// - JY (《食品经营许可和备案管理办法》): 1 主体业态代码, 2 省 + 2 市 + 2 县 region code (GB/T 2260),
//   6 顺序码, 1 校验码.
// - SC (《食品生产许可管理办法》): 3 食品类别编码 (first digit 1 = 食品, 2 = 食品添加剂; then the
//   2-digit category), 2 省 + 2 市 + 2 县 region code, 4 顺序码, 1 校验码.
// The check digit's algorithm is not published, so it cannot be verified here.
import { isProvinceCode } from '../regions';
import type { IdentifierCheck } from './check';

export const LICENCE_NO_PATTERN = /^(JY|SC)\d{14}$/;

/**
 * The shape only: JY or SC and 14 digits. The server's DTOs use this; numbers already on file
 * (and the test harness's generated ones) are not held to parseLicenceNo's stricter reading.
 */
export function isValidLicenceNo(no: string): boolean {
  return typeof no === 'string' && LICENCE_NO_PATTERN.test(no);
}

export type LicenceKind = 'operation' | 'production';

export const LICENCE_KIND_LABELS: Record<LicenceKind, string> = {
  operation: '食品经营许可证',
  production: '食品生产许可证',
};

export function licenceKind(no: string): LicenceKind | null {
  if (!isValidLicenceNo(no)) return null;
  return no.startsWith('JY') ? 'operation' : 'production';
}

/** 主体业态代码, the first digit after JY. */
export enum OperatorType {
  /** 1 食品销售经营者 */
  Selling = '1',
  /** 2 餐饮服务经营者 (central kitchens and collective-meal distributors included) */
  Catering = '2',
  /** 3 单位食堂 */
  Canteen = '3',
}

export const OPERATOR_TYPE_LABELS: Record<OperatorType, string> = {
  [OperatorType.Selling]: '食品销售经营者',
  [OperatorType.Catering]: '餐饮服务经营者',
  [OperatorType.Canteen]: '单位食堂',
};

/** The first digit of an SC number's 3-digit category code. */
export enum ProductionCategoryGroup {
  Food = '1',
  Additive = '2',
}

export const PRODUCTION_CATEGORY_GROUP_LABELS: Record<ProductionCategoryGroup, string> = {
  [ProductionCategoryGroup.Food]: '食品',
  [ProductionCategoryGroup.Additive]: '食品添加剂',
};

interface LicenceCommon {
  licenceNo: string;
  /** 6-digit GB/T 2260 county code of the issuing area. */
  regionCode: string;
  sequence: string;
  checkDigit: string;
}

export interface OperationLicence extends LicenceCommon {
  kind: 'operation';
  operatorType: OperatorType;
}

export interface ProductionLicence extends LicenceCommon {
  kind: 'production';
  categoryGroup: ProductionCategoryGroup;
  /** The 2-digit food or additive category number after the group digit. */
  category: string;
}

export type ParsedLicence = OperationLicence | ProductionLicence;

const OPERATOR_TYPES = Object.values(OperatorType) as string[];
const CATEGORY_GROUPS = Object.values(ProductionCategoryGroup) as string[];

/**
 * Reads a licence number into its parts, or says in Chinese what is wrong with it. Stricter than
 * isValidLicenceNo: the operator type or category group and the province must be real codes.
 */
export function parseLicenceNo(no: string): IdentifierCheck<ParsedLicence> {
  if (typeof no !== 'string' || !/^(JY|SC)/.test(no)) return { ok: false, reason: '许可证编号应以 JY（经营）或 SC（生产）开头' };
  if (!LICENCE_NO_PATTERN.test(no)) return { ok: false, reason: '许可证编号应为 JY 或 SC 加14位数字' };
  const digits = no.slice(2);
  if (no.startsWith('JY')) {
    if (!OPERATOR_TYPES.includes(digits[0])) return { ok: false, reason: '主体业态代码（JY后第1位）应为1、2或3' };
    const regionCode = digits.slice(1, 7);
    if (!isProvinceCode(regionCode.slice(0, 2))) return { ok: false, reason: '许可证编号中的行政区划代码无效' };
    return {
      ok: true,
      value: { kind: 'operation', licenceNo: no, operatorType: digits[0] as OperatorType, regionCode, sequence: digits.slice(7, 13), checkDigit: digits[13] },
    };
  }
  if (!CATEGORY_GROUPS.includes(digits[0])) return { ok: false, reason: '食品类别编码（SC后第1位）应为1（食品）或2（食品添加剂）' };
  if (digits.slice(1, 3) === '00') return { ok: false, reason: '食品类别编码无效' };
  const regionCode = digits.slice(3, 9);
  if (!isProvinceCode(regionCode.slice(0, 2))) return { ok: false, reason: '许可证编号中的行政区划代码无效' };
  return {
    ok: true,
    value: {
      kind: 'production',
      licenceNo: no,
      categoryGroup: digits[0] as ProductionCategoryGroup,
      category: digits.slice(1, 3),
      regionCode,
      sequence: digits.slice(9, 13),
      checkDigit: digits[13],
    },
  };
}
