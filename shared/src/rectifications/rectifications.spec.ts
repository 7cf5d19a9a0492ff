import { isRectificationOverdue, rectificationCounts } from '../indicators/problem-closure';
import { RECTIFICATION_SOURCE_LABELS, RECTIFICATION_SOURCE_TYPES, RECTIFICATION_STATUS_LABELS } from './api';
import { rectificationDeadlineProblem, rectificationItemsProblem } from './rules';

describe('isRectificationOverdue', () => {
  const today = '2026-11-25';

  it('is overdue from the day after the deadline, whatever the open status', () => {
    for (const status of ['open', 'answered', 'returned'] as const) {
      expect(isRectificationOverdue({ status, deadline: '2026-11-24' }, today)).toBe(true);
      // The deadline day itself is still in time (Asia/Shanghai business date).
      expect(isRectificationOverdue({ status, deadline: today }, today)).toBe(false);
      expect(isRectificationOverdue({ status, deadline: '2026-11-26' }, today)).toBe(false);
    }
  });

  it('a closed order is never overdue, however late it was closed', () => {
    expect(isRectificationOverdue({ status: 'closed', deadline: '2026-01-01' }, today)).toBe(false);
  });

  it('across a year end', () => {
    expect(isRectificationOverdue({ status: 'open', deadline: '2026-12-31' }, '2027-01-01')).toBe(true);
  });

  it('agrees with rectificationCounts', () => {
    const orders = [
      { status: 'open' as const, deadline: '2026-11-20' },
      { status: 'answered' as const, deadline: '2026-11-25' },
      { status: 'closed' as const, deadline: '2026-11-01' },
    ];
    expect(rectificationCounts(orders, today).overdue).toBe(orders.filter((o) => isRectificationOverdue(o, today)).length);
  });

  it('labels every status and source in Chinese', () => {
    for (const label of [...Object.values(RECTIFICATION_STATUS_LABELS), ...RECTIFICATION_SOURCE_TYPES.map((s) => RECTIFICATION_SOURCE_LABELS[s])]) {
      expect(label).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

describe('rectification order rules', () => {
  it('items: 1–20 non-blank texts of at most 200 characters', () => {
    expect(rectificationItemsProblem(['更换温度计'])).toBeNull();
    expect(rectificationItemsProblem([])).toBe('整改事项不能为空：至少填写 1 项');
    expect(rectificationItemsProblem(['ok', ' '])).toBe('整改事项第2项不能为空');
    expect(rectificationItemsProblem(Array(21).fill('x'))).toBe('整改事项最多 20 项');
    expect(rectificationItemsProblem(['x'.repeat(200)])).toBeNull();
    expect(rectificationItemsProblem(['x'.repeat(201)])).toBe('整改事项第1项过长（最多 200 字）');
    expect(rectificationItemsProblem('更换温度计')).toBe('整改事项必须是文本数组');
  });

  it('deadline: from today (Asia/Shanghai) to 366 days ahead', () => {
    expect(rectificationDeadlineProblem('2026-11-25', '2026-11-25')).toBeNull();
    expect(rectificationDeadlineProblem('2026-11-24', '2026-11-25')).toBe('整改期限不能早于今天（2026-11-25）');
    expect(rectificationDeadlineProblem('2027-11-26', '2026-11-25')).toBeNull();
    expect(rectificationDeadlineProblem('2027-11-27', '2026-11-25')).toBe('整改期限不能晚于 2027-11-26（下发后 366 天内）');
  });
});
