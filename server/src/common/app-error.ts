// Feature errors carry a stable code, an HTTP status and a Chinese message; the global filter
// turns them into { code, message, details }.
import { ErrorCodes } from '@shian/shared';

export interface ErrorSpec {
  status: number;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** Builds an error from a feature's code → spec table. */
  static of<C extends string>(table: Record<C, ErrorSpec>, code: C, details?: unknown, message?: string): AppError {
    const spec = table[code];
    return new AppError(code, spec.status, message ?? spec.message, details);
  }
}

/** Errors common to every feature. */
export const CommonErrors = {
  [ErrorCodes.ValidationFailed]: { status: 400, message: '请求参数有误' },
  [ErrorCodes.MalformedJson]: { status: 400, message: '请求体不是合法的 JSON' },
  [ErrorCodes.Unauthenticated]: { status: 401, message: '请先登录' },
  [ErrorCodes.TokenExpired]: { status: 401, message: '登录已过期，请重新登录' },
  [ErrorCodes.Forbidden]: { status: 403, message: '无权执行此操作' },
  [ErrorCodes.NotFound]: { status: 404, message: '记录不存在或无权查看' },
  [ErrorCodes.Conflict]: { status: 409, message: '数据冲突' },
  [ErrorCodes.TooManyRequests]: { status: 429, message: '请求过于频繁，请稍后再试' },
  [ErrorCodes.Internal]: { status: 500, message: '服务器内部错误' },
} satisfies Record<string, ErrorSpec>;

export function notFound(what = '记录'): AppError {
  return new AppError(ErrorCodes.NotFound, 404, `${what}不存在或无权查看`);
}
