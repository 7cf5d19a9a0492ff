// What the cadre's pages say about a cycle and a business, in one place (pure: no Taro).
import { formatRate, type CadreBusinessState, type Fraction } from '@shian/shared';

/** 本季度 / 本半年 / 本年度 from a cycle key ('2026-Q4', '2026-H2', '2026'). */
export function cycleLabel(cycleKey: string): string {
  if (cycleKey.includes('Q')) return '本季度';
  if (cycleKey.includes('H')) return '本半年';
  return '本年度';
}

/** 'MM月DD日' of a 'YYYY-MM-DD' business date. */
export function monthDay(date: string): string {
  return `${date.slice(5, 7)}月${date.slice(8, 10)}日`;
}

/** The end-of-cycle reminder: 「本季度还有N家未督导，截止MM月DD日」. */
export function reminderText(r: { cycleKey: string; cycleEnd: string; remaining: number }): string {
  return `${cycleLabel(r.cycleKey)}还有${r.remaining}家未督导，截止${monthDay(r.cycleEnd)}`;
}

/** 'x/y（rate）'. */
export function fractionText(f: Fraction): string {
  return `${f.numerator}/${f.denominator}（${formatRate(f.rate)}）`;
}

export interface StateTag {
  text: string;
  type: 'danger' | 'warning' | 'primary' | 'success';
}

/** A business's state as tags: what is wrong first, then whether this cycle's visit is done. */
export function businessTags(b: CadreBusinessState): StateTag[] {
  const tags: StateTag[] = [];
  if (b.missedDays > 0) tags.push({ text: `漏查${b.missedDays}天`, type: 'danger' });
  if (b.openProblems > 0) tags.push({ text: `问题${b.openProblems}条`, type: 'warning' });
  if (b.openRectifications > 0) tags.push({ text: `整改中${b.openRectifications}`, type: 'warning' });
  for (const m of b.missing) tags.push({ text: m, type: 'warning' });
  tags.push(b.visitedThisCycle ? { text: `${cycleLabel(b.cycleKey)}已督导 ✓`, type: 'success' } : { text: `${cycleLabel(b.cycleKey)}未督导`, type: 'primary' });
  return tags;
}
