import { BadRequestException, ForbiddenException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { AppError, CommonErrors, notFound } from './app-error';
import { sendError, toAppError } from './error-filter';
import { JsonLogger } from './logger';

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

describe('sendError logging', () => {
  it('logs an unexpected error without the ID number it may carry, and answers 500 without details', () => {
    const lines: string[] = [];
    const logger = new JsonLogger('debug', (l) => lines.push(l));
    const sent: { status?: number; body?: unknown } = {};
    const reply = {
      status(code: number) {
        sent.status = code;
        return this;
      },
      send(body: unknown) {
        sent.body = body;
        return this;
      },
      headers() {
        return this;
      },
    };
    // 150102 + 1990-03-07 + 001 + its check character.
    const id = '150102199003070015';
    sendError(reply as never, { id: 'req-1', method: 'POST', url: '/api/enterprises/register?x=1' } as never, new Error(`Duplicate entry '${id}' for key 'x'`), logger);
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.body)).not.toContain(id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(id);
    expect(JSON.parse(lines[0])).toEqual(expect.objectContaining({ level: 'error', requestId: 'req-1', url: '/api/enterprises/register', error: expect.stringContaining('1501**********0015') }));
  });
});
