// Custom class-validator decorators backed by the rules in @shian/shared; each carries its
// Chinese message so the pipe can show it as is.
import { Transform } from 'class-transformer';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { isBusinessDate, isIsoWeekKey, isMonthKey, isValidLicenceNo, isValidMobilePhone, isValidUscc, REGION_CODE_PATTERN } from '@shian/shared';
import { labelForPath } from './field-labels';

function rule(name: string, test: (v: unknown) => boolean, problem: string) {
  return (options?: ValidationOptions) =>
    (object: object, propertyName: string) =>
      registerDecorator({
        name,
        target: object.constructor,
        propertyName,
        options,
        validator: {
          validate: (value: unknown) => test(value),
          defaultMessage: (args) => `${labelForPath(args?.property ?? propertyName)}${problem}`,
        },
      });
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

/** Trims a string before validation, so '   ' is empty rather than a blank name. */
export const Trim = (): PropertyDecorator => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
