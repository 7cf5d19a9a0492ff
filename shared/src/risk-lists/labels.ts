import type { ControlFrequency, ControlOwner } from './types';

export const CONTROL_FREQUENCIES: readonly ControlFrequency[] = ['daily', 'weekly'];
export const CONTROL_OWNERS: readonly ControlOwner[] = ['officer', 'director', 'principal'];

export const CONTROL_FREQUENCY_LABELS: Record<ControlFrequency, string> = {
  daily: '每日',
  weekly: '每周',
};

/** The check an item's answers belong to, as named on the forms (日管控 / 周排查). */
export const CONTROL_CHECK_LABELS: Record<ControlFrequency, string> = {
  daily: '每日管控',
  weekly: '每周排查',
};

export const CONTROL_OWNER_LABELS: Record<ControlOwner, string> = {
  officer: '食品安全员',
  director: '食品安全总监',
  principal: '主要负责人',
};

/**
 * Who answers an item by default. Order 60: the officer does the daily check, the director
 * organises the weekly investigation (where there is no director the officer stands in — decided
 * where accounts are, not here).
 */
export const DEFAULT_OWNER: Record<ControlFrequency, ControlOwner> = {
  daily: 'officer',
  weekly: 'director',
};

/** 风险类型 used by the templates; an enterprise's own items may name others. */
export const RISK_TYPES = ['资质风险', '管理风险', '生物性污染', '化学性污染', '物理性污染', '过程控制风险'] as const;
export type RiskType = (typeof RISK_TYPES)[number];

/** Every template opens with this stage, as SAMR's catering template does. */
export const QUALIFICATION_STAGE = '经营主体资质条件（信息公示）';
