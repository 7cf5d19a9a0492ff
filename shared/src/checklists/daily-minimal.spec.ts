import { CheckResult } from '../enums';
import { countProblems, DailyCheckItemAnswer, MINIMAL_DAILY_CHECKLIST, validateDailyAnswers } from './daily-minimal';

const allPass = (): DailyCheckItemAnswer[] => MINIMAL_DAILY_CHECKLIST.map((i) => ({ code: i.code, result: CheckResult.Pass }));

describe('validateDailyAnswers', () => {
  it('has D01..D08 with unique codes', () => {
    expect(MINIMAL_DAILY_CHECKLIST.map((i) => i.code)).toEqual(['D01', 'D02', 'D03', 'D04', 'D05', 'D06', 'D07', 'D08']);
  });

  it('accepts all items answered once', () => {
    expect(validateDailyAnswers(MINIMAL_DAILY_CHECKLIST, allPass())).toEqual([]);
  });

  it('accepts 不适用 and a complete 不符合', () => {
    const a = allPass();
    a[2] = { code: 'D03', result: CheckResult.NotApplicable };
    a[4] = { code: 'D05', result: CheckResult.Fail, problem: '冷藏柜温度 12℃', measure: '转移至备用冰柜并报修', fixedOnSpot: false };
    expect(validateDailyAnswers(MINIMAL_DAILY_CHECKLIST, a)).toEqual([]);
    expect(countProblems(a)).toBe(1);
  });

  it('names a missing item with its text', () => {
    const a = allPass().filter((x) => x.code !== 'D04');
    const problems = validateDailyAnswers(MINIMAL_DAILY_CHECKLIST, a);
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe('items');
    expect(problems[0].message).toContain('D04');
    expect(problems[0].message).toContain('进货查验');
    expect(problems[0].message).toContain('未填写');
  });

  it('reports every missing item for an empty answer list', () => {
    expect(validateDailyAnswers(MINIMAL_DAILY_CHECKLIST, [])).toHaveLength(8);
  });

  it('rejects a duplicate answer at its index', () => {
    const a = [...allPass(), { code: 'D02', result: CheckResult.Pass }];
    const problems = validateDailyAnswers(MINIMAL_DAILY_CHECKLIST, a);
    expect(problems).toEqual([{ field: 'items[8].code', message: expect.stringContaining('重复') }]);
    expect(problems[0].message).toContain('D02');
  });

  it('rejects an unknown code and does not count it as answering anything', () => {
    const a = allPass();
    a[7] = { code: 'X99', result: CheckResult.Pass };
    const problems = validateDailyAnswers(MINIMAL_DAILY_CHECKLIST, a);
    expect(problems.map((p) => p.field).sort()).toEqual(['items', 'items[7].code']);
    expect(problems.find((p) => p.field === 'items[7].code')!.message).toContain('X99');
    expect(problems.find((p) => p.field === 'items')!.message).toContain('D08');
  });

  it('requires problem, measure and fixedOnSpot for 不符合', () => {
    const a = allPass();
    a[5] = { code: 'D06', result: CheckResult.Fail };
    const problems = validateDailyAnswers(MINIMAL_DAILY_CHECKLIST, a);
    expect(problems.map((p) => p.field)).toEqual(['items[5].problem', 'items[5].measure', 'items[5].fixedOnSpot']);
    for (const p of problems) expect(p.message).toContain('D06');
  });

  it('treats whitespace-only problem and measure as missing', () => {
    const a = allPass();
    a[0] = { code: 'D01', result: CheckResult.Fail, problem: '   ', measure: '\n', fixedOnSpot: true };
    expect(validateDailyAnswers(MINIMAL_DAILY_CHECKLIST, a).map((p) => p.field)).toEqual(['items[0].problem', 'items[0].measure']);
  });

  it('accepts fixedOnSpot false (a boolean), not only true', () => {
    const a = allPass();
    a[0] = { code: 'D01', result: CheckResult.Fail, problem: '一人发热', measure: '停止上岗', fixedOnSpot: false };
    expect(validateDailyAnswers(MINIMAL_DAILY_CHECKLIST, a)).toEqual([]);
  });

  it('does not require problem details when the result is 符合 or 不适用', () => {
    expect(countProblems(allPass())).toBe(0);
  });
});
