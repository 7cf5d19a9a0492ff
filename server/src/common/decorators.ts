// Custom class-validator decorators backed by the rules in @shian/shared; each carries its
// Chinese message so the pipe can show it as is.
import { Transform } from 'class-transformer';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { checkIdNumber, isBusinessDate, isIsoWeekKey, isMonthKey, isValidLicenceNo, isValidMobilePhone, isValidUscc, newPasswordProblem, parseLicenceNo, REGION_CODE_PATTERN } from '@shian/shared';
import { labelForPath } from './field-labels';

/** A rule whose message may depend on what is wrong: `problem` returns it (Chinese, never echoing the value), or null when valid. */
function explainedRule(name: string, problem: (v: unknown) => string | null) {
  return (options?: ValidationOptions) =>
    (object: object, propertyName: string) =>
      registerDecorator({
        name,
        target: object.constructor,
        propertyName,
        options,
        validator: {
          validate: (value: unknown) => problem(value) === null,
          defaultMessage: (args) => `${labelForPath(args?.property ?? propertyName)}${problem(args?.value) ?? '无效'}`,
        },
      });
}

/** A rule with one message. */
function rule(name: string, test: (v: unknown) => boolean, problem: string) {
  return explainedRule(name, (v) => (test(v) ? null : problem));
}

export const IsBusinessDate = rule('isBusinessDate', isBusinessDate, '必须是有效日期（YYYY-MM-DD）');
export const IsMobilePhone = rule('isMobilePhone', (v) => typeof v === 'string' && isValidMobilePhone(v), '必须是11位手机号');
export const IsUscc = rule('isUscc', (v) => typeof v === 'string' && isValidUscc(v), '无效：须为18位且校验位正确（GB 32100）');
export const IsLicenceNo = rule('isLicenceNo', (v) => typeof v === 'string' && isValidLicenceNo(v), '无效：须为 JY 或 SC 加14位数字');
export const IsIsoWeek = rule('isIsoWeek', isIsoWeekKey, '必须是有效的 ISO 周次（如 2026-W48）');
export const IsMonthKey = rule('isMonthKey', isMonthKey, '必须是有效月份（YYYY-MM）');
/** The signer's confirmation: must be exactly true. */
export const IsConfirmed = rule('isConfirmed', (v) => v === true, '必须勾选（值为 true）');
export const IsRegionCode = rule('isRegionCode', (v) => typeof v === 'string' && REGION_CODE_PATTERN.test(v), '必须是2/4/6/9/12位行政区划代码');

/** 居民身份证号 (GB 11643): the reason from checkIdNumber, e.g. 「身份证号无效：校验位不正确」. */
export const IsIdNumber = explainedRule('isIdNumber', (v) => {
  if (typeof v !== 'string') return '必须是字符串';
  const res = checkIdNumber(v);
  return res.ok ? null : `无效：${res.reason.replace(/^身份证号/, '')}`;
});

/** Licence numbers of new registrations, read strictly (parseLicenceNo): 「许可证编号无效：主体业态代码…」. */
export const IsStrictLicenceNo = explainedRule('isStrictLicenceNo', (v) => {
  if (typeof v !== 'string') return '必须是字符串';
  const res = parseLicenceNo(v);
  return res.ok ? null : `无效：${res.reason.replace(/^许可证编号/, '')}`;
});

/** A password being set: 8–64 characters with a letter and a digit (newPasswordProblem). */
export const IsNewPassword = explainedRule('isNewPassword', (v) => {
  const problem = newPasswordProblem(v as string);
  return problem ? `不符合要求：${problem.replace(/^密码/, '')}` : null;
});

/** Trims a string before validation, so '   ' is empty rather than a blank name. */
export const Trim = (): PropertyDecorator => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
/** Query strings 'true' / 'false' as booleans; anything else stays and fails IsBoolean. */
export const QueryBoolean = (): PropertyDecorator => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));
