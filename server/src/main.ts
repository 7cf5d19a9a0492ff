import 'reflect-metadata';
import { PUBLIC_COMPLAINT_PAGE } from '@shian/shared';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/config';
import { prepareDatabase } from './database/prepare';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './database/seed-demo';
import { DEMO_CADRES } from './database/seed-demo-supervision';
import { JsonLogger } from './common/logger';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const logger = new JsonLogger(config.logLevel);
  if (config.migrateOnStart) await prepareDatabase(config, logger);
  const app = await createApp(config, logger);
  app.enableShutdownHooks();
  await app.listen({ port: config.port, host: config.host });
  const address = app.getHttpAdapter().getInstance().server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  logger.log({ msg: 'listening', url, db: config.db.kind }, 'Bootstrap');
  if (config.nodeEnv !== 'test') {
    const lines = [
      '',
      `  食安两责 Shian 已启动：${url}`,
      `  H5 应用:  ${url}/`,
      `  API 文档: ${url}/api/docs`,
      `  投诉举报: ${url}/#/${PUBLIC_COMPLAINT_PAGE}（公众，无需登录）`,
      `  数据库:   ${config.db.kind === 'sqlite' ? `SQLite ${config.db.file}` : 'MySQL'}`,
    ];
    if (config.seedDemo) {
      lines.push(`  演示账号（密码 ${DEMO_PASSWORD}）:`);
      for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.phone}  ${a.label}`);
      for (const a of DEMO_CADRES) lines.push(`    ${a.phone}  ${a.label}`);
    }
    process.stdout.write(`${lines.join('\n')}\n\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`启动失败：${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
