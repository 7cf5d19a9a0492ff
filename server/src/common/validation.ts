// The global validation pipe: whitelist, unknown fields rejected, no implicit type coercion of
// bodies, and Chinese messages that name the field.
import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorCodes } from '@shian/shared';
import { AppError } from './app-error';
import { labelForPath } from './field-labels';

export interface FieldProblem {
  field: string;
  message: string;
}

const lastNumber = (raw: string): string => /(-?\d+(?:\.\d+)?)\s*$/.exec(raw)?.[1] ?? '';

/** A wrong type makes the other rules on the field noise: report only the type. */
const TYPE_CONSTRAINTS = ['isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isEnum', 'nestedValidation', 'whitelistValidation'];

function describe(constraint: string, label: string, raw: string): string {
  switch (constraint) {
    case 'whitelistValidation':
      return `不允许的字段「${label}」`;
    case 'isNotEmpty':
    case 'isDefined':
      return `${label}不能为空`;
    case 'isString':
      return `${label}必须是字符串`;
    case 'isInt':
      return `${label}必须是整数`;
    case 'isNumber':
      return `${label}必须是数字`;
    case 'isBoolean':
      return `${label}必须是布尔值（true/false）`;
    case 'isArray':
      return `${label}必须是数组`;
    case 'isEnum':
    case 'isIn':
      return `${label}的取值无效`;
    case 'isUuid':
    case 'isUUID':
      return `${label}格式无效`;
    case 'min':
      return `${label}不能小于 ${lastNumber(raw)}`;
    case 'max':
      return `${label}不能大于 ${lastNumber(raw)}`;
    case 'maxLength':
      return `${label}过长`;
    case 'minLength':
      return `${label}过短`;
    case 'arrayMinSize':
      return `${label}不能为空`;
    case 'arrayMaxSize':
      return `${label}条目过多`;
    case 'nestedValidation':
    case 'isObject':
      return `${label}必须是对象`;
    default:
      // Custom validators carry their own Chinese message (see decorators.ts).
      return /[\u4e00-\u9fa5]/.test(raw) ? raw : `${label}无效`;
  }
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const isIndex = /^\d+$/.test(e.property);
    const path = parent ? (isIndex ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    if (e.constraints) {
      const label = labelForPath(path);
      const all = Object.entries(e.constraints);
      const typeOnly = all.filter(([name]) => TYPE_CONSTRAINTS.includes(name));
      for (const [name, raw] of typeOnly.length ? typeOnly.slice(0, 1) : all) {
        out.push({ field: path, message: describe(name, label, raw) });
      }
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, path));
  }
  return out;
}

export function validationFailed(details: FieldProblem[]): AppError {
  const message = details.length ? details.map((d) => d.message).join('；') : '请求参数有误';
  return new AppError(ErrorCodes.ValidationFailed, 400, message, details);
}

export function buildValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}
