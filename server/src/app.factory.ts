// Builds the Nest application on Fastify: API under /api, OpenAPI at /api/docs, the H5 build at /.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import fastifyStatic from '@fastify/static';
import { AppModule } from './app.module';
import { ErrorCodes } from '@shian/shared';
import { AppError } from './common/app-error';
import { GlobalErrorFilter } from './common/error-filter';
import { buildValidationPipe } from './common/validation';
import type { AppConfig } from './config/config';

export async function createApp(config: AppConfig, logger: LoggerService): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    logger: false,
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forConfig(config, logger), adapter, { logger, bufferLogs: false, bodyParser: false });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(buildValidationPipe());
  app.useGlobalFilters(new GlobalErrorFilter(logger));

  const fastify = app.getHttpAdapter().getInstance();
  // Fastify's JSON parser (with its prototype-poisoning guard), but a bad body becomes our
  // MALFORMED_JSON error, which Nest's exception layer hands to the global filter like any other.
  const defaultJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    defaultJson(req, body as string, (err: Error | null, parsed?: unknown) => {
      if (!err) return done(null, parsed);
      const empty = (err as { code?: string }).code === 'FST_ERR_CTP_EMPTY_JSON_BODY';
      done(new AppError(ErrorCodes.MalformedJson, 400, empty ? '请求体为空，需要 JSON 数据' : '请求体不是合法的 JSON'), undefined);
    });
  });
  fastify.addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', String(req.id));
  });
  fastify.addHook('onResponse', async (req, reply) => {
    logger.log({ msg: 'request', requestId: String(req.id), method: req.method, path: req.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'HTTP');
  });

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('食安两责 Shian API')
      .setDescription('企业主体责任（日管控、周排查、月调度）与属地管理责任（包保督导）。错误统一为 { code, message, details }。')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json', customSiteTitle: '食安两责 API 文档' });

  if (existsSync(config.h5Dir)) {
    await app.register(fastifyStatic as never, { root: config.h5Dir, prefix: '/', decorateReply: false, index: ['index.html'], wildcard: true });
  } else {
    logger.warn({ msg: 'H5 build not found; serving the API only', h5Dir: config.h5Dir }, 'Bootstrap');
  }
  await app.init();
  return app;
}
