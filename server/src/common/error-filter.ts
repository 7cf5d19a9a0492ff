// One error shape for every response: { code, message, details, requestId }. Unknown errors
// become 500 「服务器内部错误」 with the request id logged — never a stack or SQL to the client.
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, LoggerService } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorBody, ErrorCodes } from '@shian/shared';
import { AppError } from './app-error';

const STATUS_CODES: Record<number, { code: string; message: string }> = {
  400: { code: ErrorCodes.ValidationFailed, message: '请求参数有误' },
  401: { code: ErrorCodes.Unauthenticated, message: '请先登录' },
  403: { code: ErrorCodes.Forbidden, message: '无权执行此操作' },
  404: { code: ErrorCodes.NotFound, message: '请求的资源不存在' },
  405: { code: 'METHOD_NOT_ALLOWED', message: '不支持该请求方法' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型，请使用 application/json' },
  429: { code: ErrorCodes.TooManyRequests, message: '请求过于频繁，请稍后再试' },
};

/** Errors raised by Fastify itself before a handler runs (body parsing, content type). */
function fromFastifyError(err: { code?: string; statusCode?: number }): AppError | null {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError(ErrorCodes.MalformedJson, 400, err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? '请求体为空，需要 JSON 数据' : '请求体不是合法的 JSON');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 415, STATUS_CODES[415].message);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', 413, STATUS_CODES[413].message);
  }
  if (err instanceof SyntaxError && err.statusCode === 400) {
    return new AppError(ErrorCodes.MalformedJson, 400, '请求体不是合法的 JSON');
  }
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    const known = STATUS_CODES[err.statusCode] ?? { code: 'BAD_REQUEST', message: '请求有误' };
    return new AppError(known.code, err.statusCode, known.message);
  }
  return null;
}

export function toAppError(exception: unknown): AppError | null {
  if (exception instanceof AppError) return exception;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const known = STATUS_CODES[status] ?? { code: `HTTP_${status}`, message: '请求有误' };
    return new AppError(known.code, status, known.message);
  }
  if (exception && typeof exception === 'object') return fromFastifyError(exception as { code?: string; statusCode?: number });
  return null;
}

export function sendError(reply: FastifyReply, request: FastifyRequest, exception: unknown, logger: LoggerService): void {
  const appError = toAppError(exception);
  const requestId = String(request.id);
  if (!appError) {
    logger.error({ msg: 'unhandled error', requestId, method: request.method, url: request.url.split('?')[0], error: (exception as Error)?.message, stack: (exception as Error)?.stack }, 'ErrorFilter');
    const body: ErrorBody = { code: ErrorCodes.Internal, message: '服务器内部错误', requestId };
    void reply.status(500).send(body);
    return;
  }
  const body: ErrorBody = { code: appError.code, message: appError.message, requestId };
  if (appError.details !== undefined) body.details = appError.details as ErrorBody['details'];
  if (appError.headers) void reply.headers(appError.headers);
  void reply.status(appError.status).send(body);
}

@Catch()
export class GlobalErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: LoggerService) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    sendError(ctx.getResponse<FastifyReply>(), ctx.getRequest<FastifyRequest>(), exception, this.logger);
  }
}
