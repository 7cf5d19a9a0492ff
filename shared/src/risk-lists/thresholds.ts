// Figures quoted in the risk-control lists' measures. domain.md §1 marks the storage temperatures
// "to confirm": they live here once so that a confirmed figure rewrites every template's wording.
export const RISK_THRESHOLDS = {
  /** 冷藏 0–8 ℃ — 《餐饮服务食品安全操作规范》 (2018) 术语; GB 31654-2021. */
  chilledMinC: 0,
  chilledMaxC: 8,
  /** 冷冻 ≤ −12 ℃ — domain.md §1, to confirm against the local rule before relying on it. */
  frozenMaxC: -12,
  /** 烹饪中心温度 ≥ 70 ℃ — 《餐饮服务食品安全操作规范》 烹饪区操作要求. */
  cookCoreMinC: 70,
  /** 热藏 > 60 ℃; cooked food held longer than 2 h must stay above 60 ℃ or below 8 ℃ (same source). */
  hotHoldMinC: 60,
  ambientHoldMaxHours: 2,
  /** 专间室温 ≤ 25 ℃ (same source, 专间操作要求). */
  specialRoomMaxC: 25,
  /** 留样: each dish ≥ 125 g, refrigerated ≥ 48 h (same source; domain.md §1). */
  sampleMinGrams: 125,
  sampleMinHours: 48,
  /** 集体用餐配送 食用时限 from cooking: hot-held ≥ 60 ℃ → 4 h; chilled ≤ 8 ℃ → 24 h, reheated before serving. */
  hotHeldMealMaxHours: 4,
  chilledMealMaxHours: 24,
  /** Licences and health certificates about to lapse are flagged this many days ahead (house rule, configurable). */
  expiryWarningDays: 30,
} as const;

export type RiskThresholds = typeof RISK_THRESHOLDS;
