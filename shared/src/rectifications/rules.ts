// What an order and an answer must hold — checked by the server's DTOs and services and by the
// miniapp's forms before sending. Messages are Chinese and name the field.
import { addDays, type BusinessDate } from '../dates';
import { RECTIFICATION_LIMITS as L } from './api';

/** What is wrong with an order's items (整改事项), or null. */
export function rectificationItemsProblem(value: unknown): string | null {
  if (value === undefined || value === null) return '整改事项不能为空：至少填写 1 项';
  if (!Array.isArray(value)) return '整改事项必须是文本数组';
  if (value.length < L.minItems) return '整改事项不能为空：至少填写 1 项';
  if (value.length > L.maxItems) return `整改事项最多 ${L.maxItems} 项`;
  for (let i = 0; i < value.length; i++) {
    const v: unknown = value[i];
    if (typeof v !== 'string') return `整改事项第${i + 1}项必须是文本`;
    if (!v.trim()) return `整改事项第${i + 1}项不能为空`;
    if (v.length > L.itemMaxLength) return `整改事项第${i + 1}项过长（最多 ${L.itemMaxLength} 字）`;
  }
  return null;
}

/** What is wrong with a deadline given on `today` (Asia/Shanghai business dates), or null: today up to a year ahead. */
export function rectificationDeadlineProblem(deadline: BusinessDate, today: BusinessDate): string | null {
  if (deadline < today) return `整改期限不能早于今天（${today}）`;
  const latest = addDays(today, L.maxDeadlineDays);
  if (deadline > latest) return `整改期限不能晚于 ${latest}（下发后 ${L.maxDeadlineDays} 天内）`;
  return null;
}
