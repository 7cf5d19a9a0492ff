// Validators the period records (周排查, 月调度) share; each carries its Chinese message.
import { registerDecorator, ValidationOptions } from 'class-validator';
import { isIsoWeekKey, isMonthKey } from '@shian/shared';
import { labelForPath } from '../../common/field-labels';

function rule(name: string, test: (v: unknown) => boolean, problem: string) {
  return (options?: ValidationOptions) =>
    (object: object, propertyName: string) =>
      registerDecorator({
        name,
        target: object.constructor,
        propertyName,
        options,
        validator: { validate: (value: unknown) => test(value), defaultMessage: (args) => `${labelForPath(args?.property ?? propertyName)}${problem}` },
      });
}

export const IsIsoWeek = rule('isIsoWeek', isIsoWeekKey, '必须是有效的 ISO 周次（如 2026-W48）');
export const IsMonthKey = rule('isMonthKey', isMonthKey, '必须是有效月份（YYYY-MM）');
/** The signer's confirmation: must be exactly true. */
export const IsConfirmed = rule('isConfirmed', (v) => v === true, '必须勾选（值为 true）');
