import { BusinessType } from '../../enums';
import type { RiskListTemplate } from '../types';
import { CANTEEN_TEMPLATE } from './canteen';
import { CATERING_TEMPLATE } from './catering';
import { MEAL_DISTRIBUTION_TEMPLATE } from './meal-distribution';
import { PRODUCTION_TEMPLATE } from './production';
import { SELLING_TEMPLATE } from './selling';

export { CANTEEN_TEMPLATE, CATERING_TEMPLATE, MEAL_DISTRIBUTION_TEMPLATE, PRODUCTION_TEMPLATE, SELLING_TEMPLATE };

/** The SAMR-style reference list each business type starts from (Order 60: the business adapts it). */
export const RISK_LIST_TEMPLATES: Record<BusinessType, RiskListTemplate> = {
  [BusinessType.Catering]: CATERING_TEMPLATE,
  [BusinessType.Selling]: SELLING_TEMPLATE,
  [BusinessType.Production]: PRODUCTION_TEMPLATE,
  [BusinessType.Canteen]: CANTEEN_TEMPLATE,
  [BusinessType.MealDistribution]: MEAL_DISTRIBUTION_TEMPLATE,
};

export function templateFor(type: BusinessType): RiskListTemplate {
  return RISK_LIST_TEMPLATES[type];
}
