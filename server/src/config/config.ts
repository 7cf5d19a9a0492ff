// One env schema, validated once at start-up into one typed object. Nobody else reads process.env.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { isAbsolute, join, resolve } from 'node:path';

export type DbKind = 'sqlite' | 'mysql';
export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface AppConfig {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  dataDir: string;
  db: { kind: 'sqlite'; file: string } | { kind: 'mysql'; url: string };
  jwt: { secret: string; accessTtlSeconds: number; refreshTtlDays: number };
  wechat: { appId: string; secret: string } | null;
  logLevel: LogLevel;
  /** Run pending migrations at start-up. */
  migrateOnStart: boolean;
  /** Seed the demo county on first start (never in production). */
  seedDemo: boolean;
  /** Province codes imported into the regions table on first start. */
  bootstrapRegions: string[];
  /** Where the H5 build is served from; null when it is not built. */
  h5Dir: string;
  login: { maxFailures: number; lockMinutes: number };
  /** Where uploaded evidence files are kept; see files/storage/. */
  storage: StorageConfig;
  /** Largest accepted upload, bytes. */
  uploadMaxBytes: number;
  /** AES-256 key for personal data at rest (ID numbers); see common/field-crypto.ts. */
  dataEncryption: DataEncryptionConfig;
  /** Origin the 公示牌's QR code points at (no trailing slash); null → the request's own origin. */
  publicBaseUrl: string | null;
  /** Faces the 公示牌 PDF is set in; checked when the poster service starts (503 if unusable). */
  posterFonts: PosterFonts;
  /**
   * Which peers' X-Forwarded-For / -Proto / -Host are believed (Fastify's trustProxy): the client
   * address the public rate limits count by. Trusting everyone would let a client name its own address.
   */
  trustProxy: boolean | number | string;
}

/** A font file and, for a collection (.ttc), the face's PostScript name. */
export interface FontFace {
  path: string;
  face: string | null;
}

export interface PosterFonts {
  regular: FontFace;
  bold: FontFace;
  /** True when POSTER_FONT is unset and the Debian fonts-noto-cjk paths are assumed. */
  fromDefault: boolean;
}

export interface DataEncryptionConfig {
  /** 32 bytes. */
  key: Buffer;
  /** True when derived from DATA_DIR because DATA_ENCRYPTION_KEY is unset (development and tests only). */
  development: boolean;
}

export type StorageConfig =
  | { kind: 'local' }
  | { kind: 's3'; endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string; forcePathStyle: boolean };

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`配置错误：环境变量 ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function intVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `应为整数，实际为 "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `应在 ${min}–${max} 之间，实际为 ${n}`);
  return n;
}

function boolVar(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `应为 true 或 false，实际为 "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!allowed.includes(raw as T)) throw new ConfigError(name, `应为 ${allowed.join(' / ')} 之一，实际为 "${raw}"`);
  return raw as T;
}

function parseDbUrl(raw: string | undefined, dataDir: string, cwd: string): AppConfig['db'] {
  if (raw === undefined || raw === '') return { kind: 'sqlite', file: join(dataDir, 'shian.sqlite') };
  // sqlite:./x.sqlite, sqlite:///abs/x.sqlite, file:x.sqlite — parsed by hand: URL() would make a relative path absolute.
  const sqlite = /^(?:sqlite|file):(?:\/\/)?(.+)$/.exec(raw);
  if (sqlite) {
    const p = decodeURIComponent(sqlite[1]);
    return { kind: 'sqlite', file: isAbsolute(p) ? p : resolve(cwd, p) };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DB_URL', `不是合法的 URL："${raw}"（示例：mysql://user:pass@127.0.0.1:3306/shian）`);
  }
  if (url.protocol === 'mysql:' || url.protocol === 'mariadb:') {
    if (!url.hostname) throw new ConfigError('DB_URL', '缺少数据库主机名');
    if (url.pathname.replace(/^\//, '') === '') throw new ConfigError('DB_URL', '缺少数据库名（示例：mysql://root@127.0.0.1:3306/shian）');
    return { kind: 'mysql', url: url.toString() };
  }
  throw new ConfigError('DB_URL', `协议 "${url.protocol}" 不受支持，请使用 mysql:// 或留空以使用 SQLite`);
}

/** In development the JWT secret may be left unset: one is generated once and kept under DATA_DIR. */
function jwtSecret(env: Env, nodeEnv: NodeEnv, dataDir: string): string {
  const raw = env.JWT_SECRET;
  if (raw) {
    if (raw.length < 32) throw new ConfigError('JWT_SECRET', '长度至少 32 个字符');
    return raw;
  }
  if (nodeEnv === 'production') throw new ConfigError('JWT_SECRET', '在生产环境必须设置（至少 32 个字符）');
  const file = join(dataDir, '.jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function requiredVar(env: Env, name: string, why: string): string {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') throw new ConfigError(name, `必须设置（${why}）`);
  return raw.trim();
}

/**
 * DATA_ENCRYPTION_KEY: 32 bytes as base64 (44 characters) or hex (64). Required in production;
 * elsewhere a fixed key is derived from DATA_DIR, so a development database stays readable across
 * restarts — and anyone who knows the path can derive it, hence never in production.
 */
function dataEncryption(env: Env, nodeEnv: NodeEnv, dataDir: string): DataEncryptionConfig {
  const raw = env.DATA_ENCRYPTION_KEY?.trim();
  if (!raw) {
    if (nodeEnv === 'production') {
      throw new ConfigError('DATA_ENCRYPTION_KEY', '在生产环境必须设置（32 字节密钥，base64 或 64 位十六进制；生成：openssl rand -base64 32）/ required in production: 32 bytes, base64 or hex');
    }
    return { key: createHash('sha256').update(`shian development data key\0${dataDir}`).digest(), development: true };
  }
  let key: Buffer | null = null;
  if (/^[0-9a-fA-F]{64}$/.test(raw)) key = Buffer.from(raw, 'hex');
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(raw)) key = Buffer.from(raw.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  // The message never echoes the value: it is a secret.
  if (!key || key.length !== 32) throw new ConfigError('DATA_ENCRYPTION_KEY', '应为 32 字节密钥：base64（44 个字符）或 64 位十六进制 / must be 32 bytes, base64 or hex');
  return { key, development: false };
}

function storageConfig(env: Env): StorageConfig {
  const kind = oneOf(env, 'STORAGE', ['local', 's3'] as const, 'local');
  if (kind === 'local') return { kind };
  const why = 'STORAGE=s3';
  const region = env.S3_REGION?.trim() || 'us-east-1';
  if (!/^[a-z0-9-]{2,32}$/.test(region)) throw new ConfigError('S3_REGION', `应为区域名（如 cn-north-1），实际为 "${region}"`);
  const bucket = requiredVar(env, 'S3_BUCKET', why);
  // DNS-compatible bucket names (3–63 characters): they go into the host name unless path-style.
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new ConfigError('S3_BUCKET', `不是合法的存储桶名称："${bucket}"`);
  const rawEndpoint = env.S3_ENDPOINT?.trim() || `https://s3.${region}.amazonaws.com`;
  let endpoint: URL;
  try {
    endpoint = new URL(rawEndpoint);
  } catch {
    throw new ConfigError('S3_ENDPOINT', `不是合法的 URL："${rawEndpoint}"（示例：https://oss-cn-beijing.aliyuncs.com）`);
  }
  // Credentials go in their own variables, and this message must not echo them.
  if (endpoint.username || endpoint.password) throw new ConfigError('S3_ENDPOINT', '不能包含用户名或密码，请使用 S3_ACCESS_KEY_ID 和 S3_SECRET_ACCESS_KEY');
  if (!['http:', 'https:'].includes(endpoint.protocol) || (endpoint.pathname !== '/' && endpoint.pathname !== '') || endpoint.search) {
    throw new ConfigError('S3_ENDPOINT', `应为 http(s)://主机[:端口]，不含路径和参数，实际为 "${rawEndpoint}"`);
  }
  return {
    kind,
    endpoint: endpoint.origin,
    bucket,
    region,
    accessKeyId: requiredVar(env, 'S3_ACCESS_KEY_ID', why),
    secretAccessKey: requiredVar(env, 'S3_SECRET_ACCESS_KEY', why),
    forcePathStyle: boolVar(env, 'S3_FORCE_PATH_STYLE', false),
  };
}

/** PUBLIC_BASE_URL: an absolute http(s) origin such as https://shian.example.cn, no path, no trailing slash. */
function publicBaseUrl(env: Env): string | null {
  const raw = env.PUBLIC_BASE_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('PUBLIC_BASE_URL', `不是合法的 URL："${raw}"（示例：https://shian.example.cn）`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.origin !== raw) {
    throw new ConfigError('PUBLIC_BASE_URL', `应为 http(s)://主机[:端口]，不含路径、参数和末尾的斜杠，实际为 "${raw}"`);
  }
  return url.origin;
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: `loopback` (default: a reverse proxy on the same machine), a comma-separated list of
 * addresses, CIDR ranges and the names loopback / linklocal / uniquelocal, a hop count, or
 * `true` / `false`.
 */
function trustProxy(env: Env): boolean | number | string {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw) return 'loopback';
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^\d+$/.test(raw)) return intVar(env, 'TRUST_PROXY', 1, 1, 10);
  const parts = raw.split(',').map((s) => s.trim());
  for (const part of parts) {
    const [addr, bits, extra] = part.split('/');
    const okAddr = PROXY_NAMES.includes(part) || isIP(addr) !== 0;
    const okBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(addr) === 6 ? 128 : 32));
    if (!okAddr || !okBits || extra !== undefined || (PROXY_NAMES.includes(part) && bits !== undefined)) {
      throw new ConfigError('TRUST_PROXY', `应为 loopback、地址或网段（如 10.0.0.0/8）的逗号列表、跳数或 true/false，实际含 "${part}"`);
    }
  }
  return parts.join(',');
}

const NOTO_CJK_DIR = '/usr/share/fonts/opentype/noto';

/**
 * POSTER_FONT: `path` of a TTF/OTF with Chinese glyphs, or `path#PostScriptName` to pick a face of a
 * collection (.ttc); that one face sets the whole poster. Unset: Debian's fonts-noto-cjk, regular and bold.
 */
function posterFonts(env: Env, cwd: string): PosterFonts {
  const raw = env.POSTER_FONT?.trim();
  if (!raw) {
    return {
      regular: { path: join(NOTO_CJK_DIR, 'NotoSansCJK-Regular.ttc'), face: 'NotoSansCJKsc-Regular' },
      bold: { path: join(NOTO_CJK_DIR, 'NotoSansCJK-Bold.ttc'), face: 'NotoSansCJKsc-Bold' },
      fromDefault: true,
    };
  }
  const hash = raw.lastIndexOf('#');
  const path = (hash < 0 ? raw : raw.slice(0, hash)).trim();
  const face = hash < 0 ? null : raw.slice(hash + 1).trim();
  if (!path) throw new ConfigError('POSTER_FONT', `缺少字体文件路径，实际为 "${raw}"（示例：/usr/share/fonts/x.ttc#NotoSansCJKsc-Regular）`);
  if (face !== null && !/^[\x21-\x7e]{1,63}$/.test(face)) throw new ConfigError('POSTER_FONT', `# 之后应为字体的 PostScript 名称，实际为 "${face}"`);
  const one = { path: resolve(cwd, path), face };
  return { regular: one, bold: one, fromDefault: false };
}

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const dataDir = resolve(cwd, env.DATA_DIR || './data');
  const appId = env.WECHAT_APPID ?? '';
  const appSecret = env.WECHAT_SECRET ?? '';
  if (Boolean(appId) !== Boolean(appSecret)) {
    throw new ConfigError(appId ? 'WECHAT_SECRET' : 'WECHAT_APPID', '必须与另一个微信配置项同时设置');
  }
  const regionsRaw = env.BOOTSTRAP_REGIONS ?? '15';
  const bootstrapRegions = regionsRaw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const code of bootstrapRegions) {
    if (!/^\d{2}$/.test(code)) throw new ConfigError('BOOTSTRAP_REGIONS', `应为逗号分隔的两位省级代码，实际含 "${code}"`);
  }
  const seedDemo = boolVar(env, 'SEED_DEMO', nodeEnv !== 'production');
  if (seedDemo && nodeEnv === 'production') throw new ConfigError('SEED_DEMO', '在生产环境不能开启演示数据');
  return {
    nodeEnv,
    host: env.HOST || '0.0.0.0',
    port: intVar(env, 'PORT', 3000, 0, 65535),
    dataDir,
    db: parseDbUrl(env.DB_URL, dataDir, cwd),
    jwt: {
      secret: jwtSecret(env, nodeEnv, dataDir),
      accessTtlSeconds: intVar(env, 'JWT_ACCESS_TTL', 900, 60, 86_400),
      refreshTtlDays: intVar(env, 'JWT_REFRESH_TTL_DAYS', 30, 1, 365),
    },
    wechat: appId ? { appId, secret: appSecret } : null,
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    migrateOnStart: boolVar(env, 'MIGRATE_ON_START', true),
    seedDemo,
    bootstrapRegions,
    h5Dir: resolve(cwd, env.H5_DIR || join(__dirname, '../../../miniapp/dist/h5')),
    login: {
      maxFailures: intVar(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
      lockMinutes: intVar(env, 'LOGIN_LOCK_MINUTES', 15, 1, 1440),
    },
    storage: storageConfig(env),
    // Uploads are held in memory while their content is checked and hashed: hence the 50 MiB cap.
    uploadMaxBytes: intVar(env, 'UPLOAD_MAX_BYTES', 10 * 1024 * 1024, 1024, 50 * 1024 * 1024),
    dataEncryption: dataEncryption(env, nodeEnv, dataDir),
    publicBaseUrl: publicBaseUrl(env),
    posterFonts: posterFonts(env, cwd),
    trustProxy: trustProxy(env),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
