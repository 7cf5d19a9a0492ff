// Figures of the 三人三责 rules (domain.md §1), kept as data so a confirmed or locally different
// figure changes here only. Those domain.md calls configurable are defaults the functions accept
// overrides for.
import { CanteenKind } from '../enums';
import { RISK_THRESHOLDS } from '../risk-lists/thresholds';

/** "every business appoints at least one" 食品安全员 (Order 60; domain.md §1). */
export const MIN_OFFICERS = 1;

/**
 * 集中用餐单位 rule (2025): a canteen — or its contractor — appoints a director from this average
 * number of diners per meal: 300 kindergartens and elderly-care canteens, 500 schools, 1,000 others.
 */
export const CANTEEN_DIRECTOR_MIN_DINERS: Readonly<Record<CanteenKind, number>> = {
  [CanteenKind.Kindergarten]: 300,
  [CanteenKind.ElderlyCare]: 300,
  [CanteenKind.School]: 500,
  [CanteenKind.Other]: 1000,
};

/**
 * Amended Order 60 (2025): central kitchens and collective-meal distributors serving 1,000+ count
 * as large/medium catering; the canteen rule sets the same 1,000 for meal suppliers. "Serving" is
 * read as diners per meal, like the canteens' figure.
 */
export const MEAL_SUPPLIER_DIRECTOR_MIN_DINERS = 1000;

/** Someone at a business whose licence was revoked for a food-safety violation may not be director or officer for 5 years. */
export const APPOINTMENT_BAN_YEARS = 5;

/** "at least 40 hours a year for director and officers" — one source only (domain.md §1): configurable. */
export const TRAINING_MIN_HOURS_PER_YEAR = 40;

/** Spot exams: "an older rule used ≥ 30 questions and a 90 % pass mark" (domain.md §1): configurable. */
export const SPOT_EXAM_MIN_QUESTIONS = 30;
export const SPOT_EXAM_PASS_PERCENT = 90;

/** Credentials about to lapse are flagged this many days ahead — the house rule licences and health certificates use. */
export const EXPIRY_WARNING_DAYS: number = RISK_THRESHOLDS.expiryWarningDays;
