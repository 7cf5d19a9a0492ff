import { BadRequestException, ForbiddenException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { AppError, CommonErrors, notFound } from './app-error';
import { toAppError } from './error-filter';

describe('toAppError', () => {
  it('passes AppErrors through', () => {
    const e = new AppError('X', 418, '测试');
    expect(toAppError(e)).toBe(e);
  });

  it('gives Nest HTTP exceptions a stable code and a Chinese message, not the English one', () => {
    expect(toAppError(new NotFoundException('Cannot GET /api/x'))).toEqual(expect.objectContaining({ code: 'NOT_FOUND', status: 404, message: '请求的资源不存在' }));
    expect(toAppError(new ForbiddenException('Forbidden resource'))).toEqual(expect.objectContaining({ code: 'FORBIDDEN', status: 403 }));
    expect(toAppError(new BadRequestException('Validation failed (uuid is expected)'))!.message).toBe('请求参数有误');
    expect(toAppError(new PayloadTooLargeException())!.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('maps Fastify body-parsing errors', () => {
    expect(toAppError({ code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 })).toEqual(expect.objectContaining({ code: 'MALFORMED_JSON', status: 400 }));
    expect(toAppError({ code: 'FST_ERR_CTP_EMPTY_JSON_BODY', statusCode: 400 })!.message).toContain('请求体为空');
    expect(toAppError({ code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 })!.status).toBe(415);
    expect(toAppError({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 })!.status).toBe(413);
    const syntax = Object.assign(new SyntaxError('Unexpected token } in JSON'), { statusCode: 400 });
    expect(toAppError(syntax)!.code).toBe('MALFORMED_JSON');
  });

  it('leaves unknown errors (database, programming) to become a 500', () => {
    expect(toAppError(new Error('SQLITE_ERROR: no such table'))).toBeNull();
    expect(toAppError(new TypeError('x is undefined'))).toBeNull();
    expect(toAppError({ statusCode: 503 })).toBeNull();
    expect(toAppError('string thrown')).toBeNull();
    expect(toAppError(undefined)).toBeNull();
  });

  it('every common error message is Chinese', () => {
    for (const spec of Object.values(CommonErrors)) expect(spec.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(notFound('企业').message).toBe('企业不存在或无权查看');
  });
});
