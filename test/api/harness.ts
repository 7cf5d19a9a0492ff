// Boots the real application (Fastify, migrations, regions, demo seed) on a fresh database and
// drives it with app.inject(): no port, no mocks.
import { resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import type { LoginResponse } from '@shian/shared';
import { createApp } from '../../server/src/app.factory';
import { AppConfig, loadConfig } from '../../server/src/config/config';
import { JsonLogger } from '../../server/src/common/logger';
import { prepareDatabase } from '../../server/src/database/prepare';
import { DEMO_PASSWORD } from '../../server/src/database/seed-demo';
import { freshDatabase, FreshDatabase } from '../support/db';

export const REPO_ROOT = resolve(__dirname, '../..');

export interface InjectOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  token?: string;
  body?: unknown;
  /** Raw payload, sent as is (for malformed JSON tests). */
  payload?: string;
  headers?: Record<string, string>;
}

export interface InjectResult<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
}

export interface TestApp {
  app: NestFastifyApplication;
  ds: DataSource;
  config: AppConfig;
  db: FreshDatabase;
  /** Captured log lines (JSON objects) written by the app. */
  logs: string[];
  request<T = any>(opts: InjectOptions): Promise<InjectResult<T>>;
  /** Logs in a user (demo password by default) and returns the login response. */
  login(phone: string, password?: string): Promise<LoginResponse>;
  close(): Promise<void>;
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await freshDatabase('api');
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      DATA_DIR: db.dataDir,
      ...(db.dbUrl ? { DB_URL: db.dbUrl } : {}),
      JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-0123456789',
      LOG_LEVEL: 'error',
      H5_DIR: resolve(db.dataDir, 'no-h5'),
      ...env,
    },
    REPO_ROOT,
  );
  const logs: string[] = [];
  // Every line the app logs, at every level, is kept for assertions instead of printed.
  const logger = new JsonLogger('debug', (line) => logs.push(line));
  await prepareDatabase(config, logger);
  const app = await createApp(config, logger);
  await app.getHttpAdapter().getInstance().ready();
  const ds = app.get(DataSource);

  const request = async <T>(opts: InjectOptions): Promise<InjectResult<T>> => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let payload: string | undefined = opts.payload;
    if (opts.body !== undefined) {
      payload = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await app.inject({ method: opts.method ?? 'GET', url: opts.url, headers, payload });
    let body: unknown = res.body;
    try {
      body = JSON.parse(res.body);
    } catch {
      /* not JSON */
    }
    return { status: res.statusCode, body: body as T, headers: res.headers as InjectResult['headers'] };
  };

  return {
    app,
    ds,
    config,
    db,
    logs,
    request,
    async login(phone, password = DEMO_PASSWORD) {
      const res = await request<LoginResponse>({ method: 'POST', url: '/api/auth/login', body: { phone, password } });
      if (res.status !== 200) throw new Error(`login ${phone} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
