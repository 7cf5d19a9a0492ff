import { CheckResult } from '../enums';
import type { DailyCheckItemAnswer } from '../checklists/answers';
import {
  addCustomItem,
  itemsDue,
  listFromTemplate,
  nextCustomCode,
  RiskListEditError,
  setApplicable,
  validateAnswers,
  validateApplicability,
  validateCustomItem,
  validateEnterpriseList,
  validateListEdit,
} from './enterprise-list';
import { CATERING_TEMPLATE } from './templates';
import type { EnterpriseRiskItem, RiskControlItem } from './types';

const catering = () => listFromTemplate(CATERING_TEMPLATE);

const custom = (overrides: Partial<Omit<RiskControlItem, 'code'>> = {}): Omit<RiskControlItem, 'code'> => ({
  stage: '加工制作过程',
  riskType: '生物性污染',
  riskPoint: '自制凉菜隔夜存放',
  measure: '自制凉菜当餐制作当餐售完，不隔夜',
  method: '现场查看',
  frequency: 'daily',
  owner: 'officer',
  ...overrides,
});

const frozen = <T>(value: T): T => {
  const copy = structuredClone(value);
  return Object.freeze(Array.isArray(copy) ? copy.map((x) => Object.freeze(x)) : copy) as T;
};

const allPass = (list: readonly EnterpriseRiskItem[], frequency: 'daily' | 'weekly' = 'daily'): DailyCheckItemAnswer[] =>
  itemsDue(list, frequency).map((i) => ({ code: i.code, result: CheckResult.Pass }));

describe('listFromTemplate', () => {
  it('takes every template item, applicable and not custom', () => {
    const list = catering();
    expect(list).toHaveLength(CATERING_TEMPLATE.items.length);
    expect(list.every((i) => i.applicable && !i.custom)).toBe(true);
    expect(list[0]).toMatchObject(CATERING_TEMPLATE.items[0]);
  });

  it('copies, so editing the list leaves the template alone', () => {
    const list = catering();
    list[0].measure = '改过';
    expect(CATERING_TEMPLATE.items[0].measure).not.toBe('改过');
  });
});

describe('addCustomItem', () => {
  it('appends an applicable custom item with code ZD-001, then ZD-002', () => {
    const one = addCustomItem(catering(), custom());
    expect(one.at(-1)).toEqual({ ...custom(), code: 'ZD-001', applicable: true, custom: true });
    const two = addCustomItem(one, custom({ measure: '外购卤味查验供货者许可证', frequency: 'weekly', owner: 'director' }));
    expect(two.at(-1)!.code).toBe('ZD-002');
    expect(two).toHaveLength(CATERING_TEMPLATE.items.length + 2);
  });

  it('never reuses a code: the next one follows the highest', () => {
    let list = addCustomItem(catering(), custom());
    list = addCustomItem(list, custom({ measure: '第二项' }));
    const withoutFirst = list.filter((i) => i.code !== 'ZD-001');
    expect(nextCustomCode(withoutFirst)).toBe('ZD-003');
  });

  it('returns a new array and leaves the input untouched', () => {
    const input = frozen(catering());
    const before = structuredClone(input);
    const output = addCustomItem(input, custom());
    expect(output).not.toBe(input);
    expect(input).toEqual(before);
    expect(output[0]).not.toBe(input[0]);
  });

  it('trims the text it stores', () => {
    const list = addCustomItem(catering(), custom({ measure: '  凉菜专间每日紫外线消毒30分钟 ' }));
    expect(list.at(-1)!.measure).toBe('凉菜专间每日紫外线消毒30分钟');
  });

  it('is asked on the form of its frequency', () => {
    const list = addCustomItem(catering(), custom());
    expect(itemsDue(list, 'daily').map((i) => i.code)).toContain('ZD-001');
    expect(itemsDue(list, 'weekly').map((i) => i.code)).not.toContain('ZD-001');
  });

  it('throws the validation problems for a bad item', () => {
    const attempt = () => addCustomItem(catering(), custom({ measure: ' ' }));
    expect(attempt).toThrow(RiskListEditError);
    expect(attempt).toThrow(expect.objectContaining({ problems: [{ field: 'measure', message: '自定义项「ZD-001」的管控措施不能为空' }] }));
  });
});

describe('validateCustomItem', () => {
  it('accepts a complete item', () => {
    expect(validateCustomItem(catering(), custom())).toEqual([]);
  });

  it('names the code the item would get in every message', () => {
    const list = addCustomItem(catering(), custom());
    const problems = validateCustomItem(list, custom({ stage: '', riskPoint: '  ', method: '', measure: '凉菜间每餐前紫外线消毒' }));
    expect(problems.map((p) => p.field)).toEqual(['stage', 'riskPoint', 'method']);
    for (const p of problems) expect(p.message).toContain('ZD-002');
    expect(problems[0].message).toBe('自定义项「ZD-002」的环节不能为空');
  });

  it('refuses a bad frequency and a bad owner', () => {
    const problems = validateCustomItem(catering(), custom({ frequency: 'monthly' as never, owner: 'cadre' as never }));
    expect(problems).toEqual([
      { field: 'frequency', message: '自定义项「ZD-001」的管控频次必须为每日或每周' },
      { field: 'owner', message: '自定义项「ZD-001」的负责人必须为食品安全员、食品安全总监或主要负责人' },
    ]);
  });

  it('refuses text over the limit', () => {
    const problems = validateCustomItem(catering(), custom({ measure: '检'.repeat(301) }));
    expect(problems).toEqual([{ field: 'measure', message: '自定义项「ZD-001」的管控措施不能超过300个字' }]);
  });

  it('refuses a measure already in the list, despite spacing and a full stop', () => {
    const existing = CATERING_TEMPLATE.items.find((i) => i.code === 'CY-D23')!.measure;
    const problems = validateCustomItem(catering(), custom({ measure: ` ${existing}。` }));
    expect(problems).toEqual([{ field: 'measure', message: '自定义项「ZD-001」的管控措施与检查项「CY-D23」相同' }]);
  });

  it('points to a matching item marked 不适用 instead of duplicating it', () => {
    const list = setApplicable(catering(), 'CY-D22', false);
    const problems = validateCustomItem(list, custom({ measure: list.find((i) => i.code === 'CY-D22')!.measure }));
    expect(problems[0].message).toContain('CY-D22');
    expect(problems[0].message).toContain('重新设为适用');
  });
});

describe('setApplicable', () => {
  it('marks an item 不适用: kept in the list, no longer due', () => {
    const list = setApplicable(catering(), 'CY-D22', false);
    expect(list).toHaveLength(CATERING_TEMPLATE.items.length);
    expect(list.find((i) => i.code === 'CY-D22')!.applicable).toBe(false);
    expect(itemsDue(list, 'daily').map((i) => i.code)).not.toContain('CY-D22');
  });

  it('can mark it 适用 again', () => {
    const list = setApplicable(setApplicable(catering(), 'CY-D22', false), 'CY-D22', true);
    expect(itemsDue(list, 'daily').map((i) => i.code)).toContain('CY-D22');
  });

  it('returns a new array and leaves the input untouched', () => {
    const input = frozen(catering());
    const output = setApplicable(input, 'CY-W02', false);
    expect(output).not.toBe(input);
    expect(input.find((i) => i.code === 'CY-W02')!.applicable).toBe(true);
  });

  it('refuses an unknown code, naming it', () => {
    expect(validateApplicability(catering(), 'CY-D99', false)).toEqual([{ field: 'code', message: '检查项「CY-D99」不在风险管控清单中' }]);
    expect(() => setApplicable(catering(), 'CY-D99', false)).toThrow('CY-D99');
  });

  it('refuses to leave no applicable item of a frequency', () => {
    let list = catering();
    const weekly = itemsDue(list, 'weekly');
    for (const item of weekly.slice(1)) list = setApplicable(list, item.code, false);
    const last = weekly[0].code;
    expect(validateApplicability(list, last, false)).toEqual([
      { field: 'applicable', message: `检查项「${last}」是最后一项适用的每周排查项，不能标记为不适用` },
    ]);
  });
});

describe('itemsDue', () => {
  it('splits the list by frequency', () => {
    const list = catering();
    const daily = itemsDue(list, 'daily');
    const weekly = itemsDue(list, 'weekly');
    expect(daily.length + weekly.length).toBe(list.length);
    expect(daily.every((i) => i.code.startsWith('CY-D'))).toBe(true);
    expect(weekly.every((i) => i.code.startsWith('CY-W'))).toBe(true);
  });
});

describe('validateEnterpriseList', () => {
  it('accepts a template list with edits', () => {
    const list = setApplicable(addCustomItem(catering(), custom()), 'CY-D22', false);
    expect(validateEnterpriseList(list)).toEqual([]);
  });

  it('reports duplicate codes and measures, empty columns and malformed custom codes by item', () => {
    const list = catering();
    list[1] = { ...list[1], code: list[0].code };
    list[2] = { ...list[2], measure: list[3].measure };
    list[4] = { ...list[4], riskPoint: '' };
    list.push({ ...list[5], code: 'ZD-1', measure: '新措施', custom: true });
    const problems = validateEnterpriseList(list);
    expect(problems).toEqual([
      { field: 'items[1].code', message: '检查项编号「CY-D01」重复' },
      { field: 'items[3].measure', message: `检查项「${list[3].code}」的管控措施与检查项「${list[2].code}」相同` },
      { field: 'items[4].riskPoint', message: `检查项「${list[4].code}」的风险点不能为空` },
      { field: `items[${list.length - 1}].code`, message: '自定义项「ZD-1」的编号应为“ZD-”加三位数字' },
    ]);
  });

  it('requires something to ask every day and every week', () => {
    const noDaily = catering().map((i) => ({ ...i, applicable: i.frequency !== 'daily' }));
    expect(validateEnterpriseList(noDaily)).toEqual([{ field: 'items', message: '风险管控清单中至少应有一项适用的每日管控项' }]);
    const noWeekly = catering().map((i) => ({ ...i, applicable: i.frequency !== 'weekly' }));
    expect(validateEnterpriseList(noWeekly)).toEqual([{ field: 'items', message: '风险管控清单中至少应有一项适用的每周排查项' }]);
  });
});

describe('validateListEdit', () => {
  it('accepts the edits the edit functions make', () => {
    const before = catering();
    const added = addCustomItem(before, custom());
    expect(validateListEdit(before, added)).toEqual([]);
    expect(validateListEdit(added, setApplicable(added, 'CY-D22', false))).toEqual([]);
    expect(validateListEdit(added, setApplicable(added, 'ZD-001', false))).toEqual([]);
  });

  it('refuses deleting an item, naming it', () => {
    const before = catering();
    const after = before.filter((i) => i.code !== 'CY-D05');
    expect(validateListEdit(before, after)).toEqual([{ field: 'items', message: '检查项「CY-D05」不能删除，可标记为不适用' }]);
  });

  it('refuses rewording a template item', () => {
    const before = catering();
    const after = before.map((i) => (i.code === 'CY-D12' ? { ...i, measure: '冰箱能用就行' } : { ...i }));
    const at = after.findIndex((i) => i.code === 'CY-D12');
    expect(validateListEdit(before, after)).toEqual([
      { field: `items[${at}].measure`, message: '检查项「CY-D12」是模板项，只能标记是否适用，不能修改内容' },
    ]);
  });

  it('refuses a new item that is not custom', () => {
    const before = catering();
    const after = [...before, { ...before[0], code: 'CY-D90', measure: '假模板项' }];
    expect(validateListEdit(before, after)).toEqual([
      { field: `items[${before.length}].code`, message: '检查项「CY-D90」不是本企业新增的自定义项，不能加入清单' },
    ]);
  });

  it('refuses a custom code below the next one, so a code never comes back', () => {
    const before = addCustomItem(catering(), custom());
    before[before.length - 1] = { ...before[before.length - 1], code: 'ZD-005' };
    const after = [...before, { ...before[before.length - 1], code: 'ZD-002', measure: '另一项' }];
    expect(validateListEdit(before, after)).toEqual([
      { field: `items[${before.length}].code`, message: '自定义项「ZD-002」的编号应为「ZD-006」或之后的编号' },
    ]);
  });

  it('refuses switching an item between template and custom', () => {
    const before = catering();
    const after = before.map((i, n) => (n === 0 ? { ...i, custom: true } : { ...i }));
    expect(validateListEdit(before, after).map((p) => p.field)).toContain('items[0].custom');
  });
});

describe('validateAnswers', () => {
  it('accepts every due item answered once', () => {
    const list = catering();
    expect(validateAnswers(list, 'daily', allPass(list))).toEqual([]);
    expect(validateAnswers(list, 'weekly', allPass(list, 'weekly'))).toEqual([]);
  });

  it('accepts 不适用, a complete 不符合 and photos', () => {
    const list = catering();
    const a = allPass(list);
    a[1] = { ...a[1], result: CheckResult.NotApplicable };
    a[11] = { code: a[11].code, result: CheckResult.Fail, problem: '冷藏柜温度12℃', measure: '转移至备用冰柜并报修', fixedOnSpot: false, photoIds: ['p1', 'p2'] };
    expect(validateAnswers(list, 'daily', a)).toEqual([]);
  });

  it('does not ask items marked 不适用, and refuses answers to them', () => {
    const list = setApplicable(catering(), 'CY-D22', false);
    expect(validateAnswers(list, 'daily', allPass(list))).toEqual([]);
    const a = [...allPass(list), { code: 'CY-D22', result: CheckResult.Pass }];
    expect(validateAnswers(list, 'daily', a)).toEqual([
      { field: `items[${a.length - 1}].code`, message: '检查项「CY-D22」已标记为不适用，无需填写' },
    ]);
  });

  it('asks custom items', () => {
    const list = addCustomItem(catering(), custom());
    const a = allPass(catering());
    const problems = validateAnswers(list, 'daily', a);
    expect(problems).toEqual([{ field: 'items', message: '检查项「ZD-001 自制凉菜当餐制作当餐售完，不隔夜」未填写' }]);
  });

  it('names each missing item with its measure', () => {
    const list = catering();
    const a = allPass(list).filter((x) => x.code !== 'CY-D08');
    const problems = validateAnswers(list, 'daily', a);
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe('items');
    expect(problems[0].message).toContain('CY-D08');
    expect(problems[0].message).toContain('索证索票');
    expect(problems[0].message).toContain('未填写');
    expect(validateAnswers(list, 'daily', [])).toHaveLength(itemsDue(list, 'daily').length);
  });

  it('refuses unknown codes and codes of the other frequency', () => {
    const list = catering();
    const a = [...allPass(list), { code: 'X99', result: CheckResult.Pass }, { code: 'CY-W01', result: CheckResult.Pass }];
    const n = a.length;
    expect(validateAnswers(list, 'daily', a)).toEqual([
      { field: `items[${n - 2}].code`, message: '检查项「X99」不在风险管控清单中' },
      { field: `items[${n - 1}].code`, message: '检查项「CY-W01」是每周排查项，不在本次每日管控中' },
    ]);
  });

  it('rejects a duplicate answer at its index', () => {
    const list = catering();
    const a = [...allPass(list), { code: 'CY-D02', result: CheckResult.Pass }];
    expect(validateAnswers(list, 'daily', a)).toEqual([{ field: `items[${a.length - 1}].code`, message: '检查项「CY-D02」重复填写' }]);
  });

  it('requires problem, measure and fixedOnSpot for 不符合, whitespace counting as missing', () => {
    const list = catering();
    const a = allPass(list);
    a[5] = { code: a[5].code, result: CheckResult.Fail, problem: '  ', measure: '\n' };
    const problems = validateAnswers(list, 'daily', a);
    expect(problems.map((p) => p.field)).toEqual(['items[5].problem', 'items[5].measure', 'items[5].fixedOnSpot']);
    for (const p of problems) expect(p.message).toContain(a[5].code);
  });

  it('refuses an unknown result and bad photo ids', () => {
    const list = catering();
    const a = allPass(list);
    a[0] = { code: a[0].code, result: 'ok' as CheckResult };
    a[1] = { ...a[1], photoIds: ['p1', ''] };
    a[2] = { ...a[2], photoIds: ['p1', 'p1'] };
    expect(validateAnswers(list, 'daily', a)).toEqual([
      { field: 'items[0].result', message: '检查项「CY-D01」的结果必须为符合、不符合或不适用' },
      { field: 'items[1].photoIds', message: '检查项「CY-D02」的照片编号无效' },
      { field: 'items[2].photoIds', message: '检查项「CY-D03」的照片重复' },
    ]);
  });
});
