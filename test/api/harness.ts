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
import { randomUUID } from 'node:crypto';
import { BusinessType, CadreLevel, CheckResult, DailyCheckItemAnswer, Grade, itemsDue, listFromTemplate, Role, templateFor, usccCheckChar } from '@shian/shared';
import { hashPassword } from '../../server/src/auth/password';
import { User } from '../../server/src/auth/user.entity';
import { Enterprise } from '../../server/src/enterprises/enterprise.entity';
import { Region } from '../../server/src/regions/region.entity';
import { refreshEnterpriseRollup } from '../../server/src/stats/rollup-rebuild';

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

// ---------------------------------------------------------------------------------------------
// Helpers for tests that need more than the demo data. They write straight to the database.


export { DEMO_PASSWORD };

/** Demo accounts (see server/src/database/seed-demo.ts). */
export const DEMO = {
  officer: '13900000001',
  director: '13900000002',
  principal: '13900000003',
  cadre: '13900000004',
  regulator: '13900000005',
  admin: '13900000006',
} as const;

let phoneCounter = 0;
/** A mobile number no demo account uses, unique within this process. */
export function freshPhone(): string {
  phoneCounter += 1;
  return `137${String(process.pid % 10000).padStart(4, '0')}${String(phoneCounter).padStart(4, '0')}`;
}

let demoHash: Promise<string> | null = null;

export interface NewUser {
  id: string;
  phone: string;
  password: string;
  name: string;
}

/** Inserts a user (demo password unless given) and returns its id and phone. */
export async function insertUser(
  t: TestApp,
  opts: { role: Role; regionCode?: string | null; enterpriseId?: string | null; cadreLevel?: CadreLevel | null; name?: string; phone?: string; password?: string; active?: boolean },
): Promise<NewUser> {
  const password = opts.password ?? DEMO_PASSWORD;
  const passwordHash = opts.password ? await hashPassword(password) : await (demoHash ??= hashPassword(DEMO_PASSWORD));
  const user = Object.assign(new User(), {
    id: randomUUID(),
    name: opts.name ?? `测试${opts.role}`,
    phone: opts.phone ?? freshPhone(),
    passwordHash,
    role: opts.role,
    enterpriseId: opts.enterpriseId ?? null,
    regionCode: opts.regionCode ?? null,
    cadreLevel: opts.cadreLevel ?? null,
    wechatOpenId: null,
    failedLoginCount: 0,
    lockedUntil: null,
    active: opts.active ?? true,
    createdAt: new Date(),
  });
  await t.ds.getRepository(User).insert(user);
  // Written straight to the table, so the dashboard's sums learn of it here (the services do it themselves).
  if (user.enterpriseId) await refreshEnterpriseRollup(t.ds.manager, user.enterpriseId);
  return { id: user.id, phone: user.phone, password, name: user.name };
}

let enterpriseCounter = 0;

/**
 * A valid USCC that no demo enterprise uses: 'MT' where the demo seeds write 'MA' (with 'MA', a
 * process id ending in 00 made the 77th one equal to the demo's pending business, 92…MA0000077).
 */
export function freshUscc(regionCode = '150102'): string {
  enterpriseCounter += 1;
  const first17 = `92${regionCode.slice(0, 6)}MT${String(process.pid % 100).padStart(2, '0')}${String(enterpriseCounter).padStart(5, '0')}`;
  return first17 + usccCheckChar(first17);
}

/** A valid licence number that no demo enterprise uses. */
export function freshLicenceNo(kind: 'JY' | 'SC' = 'JY'): string {
  enterpriseCounter += 1;
  return `${kind}9${String(process.pid % 1000000).padStart(6, '0')}${String(enterpriseCounter).padStart(7, '0')}`;
}

/** Inserts an enterprise in the given village (the first village of `countyCode` by default). */
export async function insertEnterprise(
  t: TestApp,
  opts: { regionCode?: string; countyCode?: string; name?: string; grade?: Grade; businessType?: BusinessType; createdAt?: Date } = {},
): Promise<Enterprise> {
  const regionCode = opts.regionCode ?? (await firstVillage(t, opts.countyCode ?? '150102'));
  const e = Object.assign(new Enterprise(), {
    id: randomUUID(),
    name: opts.name ?? `测试企业${enterpriseCounter + 1}`,
    uscc: freshUscc(regionCode),
    licenceNo: freshLicenceNo(),
    businessType: opts.businessType ?? BusinessType.Catering,
    grade: opts.grade ?? Grade.C,
    regionCode,
    address: '测试地址 1 号',
    createdAt: opts.createdAt ?? new Date(),
  });
  await t.ds.getRepository(Enterprise).insert(e);
  await refreshEnterpriseRollup(t.ds.manager, e.id);
  return e;
}

export async function firstVillage(t: TestApp, prefix: string): Promise<string> {
  const row = await t.ds
    .getRepository(Region)
    .createQueryBuilder('r')
    .where('r.code LIKE :p', { p: `${prefix}%` })
    .andWhere('r.level = :l', { l: 'village' })
    .orderBy('r.code', 'ASC')
    .getOneOrFail();
  return row.code;
}

export function enterpriseByName(t: TestApp, name: string): Promise<Enterprise> {
  return t.ds.getRepository(Enterprise).findOneOrFail({ where: { name } });
}

/** The daily items a catering business's fresh list (version 1, from the template) asks. */
export function dailyCodes(type: BusinessType = BusinessType.Catering): string[] {
  return itemsDue(listFromTemplate(templateFor(type)), 'daily').map((i) => i.code);
}

/** Every daily item of a fresh list of that business type (catering by default) answered 符合. */
export function allPassItems(type: BusinessType = BusinessType.Catering): DailyCheckItemAnswer[] {
  return dailyCodes(type).map((code) => ({ code, result: CheckResult.Pass }));
}

let keyCounter = 0;
export function freshKey(label = 'k'): string {
  keyCounter += 1;
  return `${label}-${randomUUID()}-${keyCounter}`;
}

/** Submits a daily check as the given access token; a fresh Idempotency-Key unless one is given. */
export function submitDaily(t: TestApp, token: string, businessDate: string, opts: { key?: string; items?: DailyCheckItemAnswer[]; remarks?: string } = {}) {
  return t.request({
    method: 'POST',
    url: '/api/daily-checks',
    token,
    headers: { 'idempotency-key': opts.key ?? freshKey() },
    body: { businessDate, items: opts.items ?? allPassItems(), confirm: true, ...(opts.remarks !== undefined ? { remarks: opts.remarks } : {}) },
  });
}

/** Every error response: stable code, Chinese message, request id; never a stack trace or SQL. */
export function expectErrorBody(res: InjectResult, status: number, code?: string): void {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  const body = res.body as Record<string, unknown>;
  expect(typeof body).toBe('object');
  expect(typeof body.code).toBe('string');
  if (code) expect(body.code).toBe(code);
  expect(typeof body.message).toBe('string');
  expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(typeof body.requestId).toBe('string');
  expect(res.headers['x-request-id']).toBe(body.requestId);
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/\bat [\w.<>]+ \(|\.ts:\d+|node_modules|stack/i);
  expect(text).not.toMatch(/\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET|WHERE)\b|SQLITE_|ER_[A-Z_]+|QueryFailedError/);
}

/** The demo business's people and officials, plus a regulator and an officer of 回民区 (150103): who scope tests need. */
export interface Cast {
  tok: Record<'officer' | 'director' | 'principal' | 'regulator' | 'cadre' | 'farRegulator' | 'farOfficer', string>;
  id: Record<'officer' | 'director' | 'principal' | 'farOfficer', string>;
  /** 新城区青城味道餐馆 (the demo officer's business, 150102). */
  homeId: string;
  /** 回民区老街烧麦馆 (150103, outside the demo regulator's county). */
  farId: string;
}

export async function demoCast(t: TestApp): Promise<Cast> {
  const tok = {} as Cast['tok'];
  const id = {} as Cast['id'];
  for (const role of ['officer', 'director', 'principal'] as const) {
    const login = await t.login(DEMO[role]);
    tok[role] = login.accessToken;
    id[role] = login.user.id;
  }
  tok.regulator = (await t.login(DEMO.regulator)).accessToken;
  tok.cadre = (await t.login(DEMO.cadre)).accessToken;
  const homeId = (await enterpriseByName(t, '新城区青城味道餐馆')).id;
  const farId = (await enterpriseByName(t, '回民区老街烧麦馆')).id;
  const far = await insertUser(t, { role: Role.Regulator, regionCode: '150103', name: '回民区监管' });
  tok.farRegulator = (await t.login(far.phone)).accessToken;
  const farOfficer = await insertUser(t, { role: Role.Officer, enterpriseId: farId, name: '马安全' });
  tok.farOfficer = (await t.login(farOfficer.phone)).accessToken;
  id.farOfficer = farOfficer.id;
  return { tok, id, homeId, farId };
}
