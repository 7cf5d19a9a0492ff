import { ValidationError } from 'class-validator';
import { labelForPath } from './field-labels';
import { flattenValidationErrors, validationFailed } from './validation';

function err(property: string, constraints?: Record<string, string>, children: ValidationError[] = []): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children });
}

describe('labelForPath', () => {
  it('translates known fields', () => {
    expect(labelForPath('phone')).toBe('手机号');
    expect(labelForPath('uscc')).toBe('统一社会信用代码');
    expect(labelForPath('licenceNo')).toBe('许可证编号');
  });

  it('numbers array items from 1', () => {
    expect(labelForPath('items[2].problem')).toBe('检查项第3项的问题描述');
    expect(labelForPath('items[0]')).toBe('检查项第1项');
  });

  it('keeps unknown field names as they are', () => {
    expect(labelForPath('foo')).toBe('foo');
    expect(labelForPath('items[0].foo')).toBe('检查项第1项的foo');
  });
});

describe('flattenValidationErrors', () => {
  it('names an unknown field', () => {
    const out = flattenValidationErrors([err('foo', { whitelistValidation: 'property foo should not exist' })]);
    expect(out).toEqual([{ field: 'foo', message: '不允许的字段「foo」' }]);
  });

  it('reports only the type problem when the type is wrong', () => {
    const out = flattenValidationErrors([err('phone', { isMobilePhone: '手机号必须是11位手机号', isString: 'phone must be a string' })]);
    expect(out).toEqual([{ field: 'phone', message: '手机号必须是字符串' }]);
  });

  it('keeps custom Chinese messages and all non-type problems', () => {
    const out = flattenValidationErrors([err('password', { isNotEmpty: 'x', maxLength: 'y' })]);
    expect(out.map((o) => o.message)).toEqual(['密码不能为空', '密码过长']);
    const custom = flattenValidationErrors([err('uscc', { isUscc: '统一社会信用代码无效：须为18位且校验位正确（GB 32100）' })]);
    expect(custom[0].message).toContain('统一社会信用代码无效');
  });

  it('never passes an English library message through', () => {
    const out = flattenValidationErrors([err('remarks', { somethingNew: 'remarks must be shorter' })]);
    expect(out[0].message).toBe('备注无效');
  });

  it('takes numbers from min/max messages', () => {
    const out = flattenValidationErrors([err('pageSize', { max: 'pageSize must not be greater than 100' }), err('page', { min: 'page must not be less than 1' })]);
    expect(out.map((o) => o.message)).toEqual(['每页条数不能大于 100', '页码不能小于 1']);
  });

  it('builds nested paths with array indexes', () => {
    const out = flattenValidationErrors([
      err('items', undefined, [err('3', undefined, [err('result', { isEnum: 'result must be one of' })])]),
    ]);
    expect(out).toEqual([{ field: 'items[3].result', message: '检查项第4项的检查结果的取值无效' }]);
  });

  it('joins messages into one Chinese error with the details', () => {
    const e = validationFailed([
      { field: 'phone', message: '手机号必须是字符串' },
      { field: 'password', message: '密码不能为空' },
    ]);
    expect(e.status).toBe(400);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toBe('手机号必须是字符串；密码不能为空');
    expect(validationFailed([]).message).toBe('请求参数有误');
  });
});
