// 食品安全风险管控清单 — the risk-control list. Columns follow SAMR's catering template
// (序号 / 环节 / 风险类型 / 风险点 / 管控措施 / 管控频次 / 负责人); the template is a reference and
// each business adapts its own list (Order 60; domain.md §1).
import type { BusinessType } from '../enums';

/** 管控频次: daily items are answered in the 日管控 check, weekly ones in the 周排查. */
export type ControlFrequency = 'daily' | 'weekly';

/** 负责人 — who answers the item. */
export type ControlOwner = 'officer' | 'director' | 'principal';

export interface RiskControlItem {
  /** Stable within a template: 'CY-D01' (catering, daily, 1). Custom items: 'ZD-001'. */
  code: string;
  /** 环节, e.g. 经营主体资质条件（信息公示）, 从业人员管理, 原料控制 … */
  stage: string;
  /** 风险类型, e.g. 资质风险, 生物性污染, 化学性污染, 物理性污染, 过程控制风险 */
  riskType: string;
  /** 风险点: what can go wrong. */
  riskPoint: string;
  /** 管控措施: what to check / what must be true. Shown as the question on the form. */
  measure: string;
  /** How the officer checks it (查看, 询问, 测温 …). */
  method: string;
  frequency: ControlFrequency;
  owner: ControlOwner;
}

export interface RiskListTemplate {
  businessType: BusinessType;
  /** e.g. '餐饮服务食品安全风险管控清单（参考模板）' */
  title: string;
  /** Template revision; bump when items change so enterprise lists can say which they started from. */
  revision: string;
  /** The regulatory source it follows. */
  source: string;
  items: readonly RiskControlItem[];
}

/** An item in one enterprise's list: the template item, or one its director added. */
export interface EnterpriseRiskItem extends RiskControlItem {
  /** 不适用: marked by the director; not asked on the form, kept for the record. */
  applicable: boolean;
  /** Added by the enterprise rather than taken from the template. */
  custom: boolean;
}
