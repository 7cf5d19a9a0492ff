// Problems found and closed — the closed loop (闭环) both duties ask for (domain.md §1: problems found
// in daily control are dealt with and resolved in the weekly investigation; §2: supervision problems
// go to rectification with follow-up, 督导整改率 = problems closed / found).
import type { ProblemStats } from '../api';
import type { BusinessDate } from '../dates';
import { fraction, Fraction } from './fraction';

/**
 * 自查问题整改率 = the businesses' own problems resolved ÷ found, counted by problemStats (a
 * superseded problem belongs to no current record). Which problems are in a period — found on a day
 * in it — is the caller's filter; their status is as it stands today.
 */
export function problemClosure(stats: ProblemStats): Fraction {
  if (stats.fixed + stats.open !== stats.found) throw new RangeError(`inconsistent problem counts: ${JSON.stringify(stats)}`);
  return fraction(stats.fixed, stats.found);
}

/**
 * A rectification order (整改通知) a cadre or regulator issues: open until the business answers; the
 * official then closes it or returns it for more work.
 */
export type RectificationOrderStatus = 'open' | 'answered' | 'closed' | 'returned';
export const RECTIFICATION_ORDER_STATUSES: readonly RectificationOrderStatus[] = ['open', 'answered', 'closed', 'returned'];

export interface RectificationOrderBrief {
  status: RectificationOrderStatus;
  /** The last business date to rectify by. */
  deadline: BusinessDate;
}

export interface RectificationCounts {
  issued: number;
  closed: number;
  /** Not closed: open, answered (awaiting the official) or returned. */
  unclosed: number;
  /** Not closed and the deadline day has ended — an answer still waiting to be checked included: the loop is not closed. */
  overdue: number;
}

/** Overdue: not closed and its deadline day has ended by `today` — an answer still waiting to be checked included. */
export function isRectificationOverdue(order: RectificationOrderBrief, today: BusinessDate): boolean {
  return order.status !== 'closed' && order.deadline < today;
}

/** Counts the orders given (those issued in the period — the caller's filter) as they stand on `today`. */
export function rectificationCounts(orders: readonly RectificationOrderBrief[], today: BusinessDate): RectificationCounts {
  const counts: RectificationCounts = { issued: 0, closed: 0, unclosed: 0, overdue: 0 };
  for (const o of orders) {
    if (!RECTIFICATION_ORDER_STATUSES.includes(o.status)) throw new RangeError(`not an order status: ${o.status}`);
    counts.issued++;
    if (o.status === 'closed') counts.closed++;
    else {
      counts.unclosed++;
      if (isRectificationOverdue(o, today)) counts.overdue++;
    }
  }
  return counts;
}

/** 督导整改率 = orders closed ÷ issued (domain.md §2, Lhasa's "five 100%"). */
export function rectificationClosure(counts: RectificationCounts): Fraction {
  if (counts.closed + counts.unclosed !== counts.issued || counts.overdue > counts.unclosed) {
    throw new RangeError(`inconsistent order counts: ${JSON.stringify(counts)}`);
  }
  return fraction(counts.closed, counts.issued);
}
