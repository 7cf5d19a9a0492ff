import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

const SECRET = 'x'.repeat(40);

function expectConfigError(env: Record<string, string>, variable: string, messagePart?: string): ConfigError {
  let caught: unknown;
  try {
    loadConfig({ JWT_SECRET: SECRET, ...env }, '/tmp');
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ConfigError);
  const err = caught as ConfigError;
  expect(err.variable).toBe(variable);
  expect(err.message).toContain(variable);
  expect(err.message).toContain('配置错误');
  if (messagePart) expect(err.message).toContain(messagePart);
  return err;
}

describe('loadConfig', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shian-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('has working defaults: SQLite under DATA_DIR, port 3000, Inner Mongolia regions', () => {
    const c = loadConfig({ JWT_SECRET: SECRET, DATA_DIR: dir }, '/');
    expect(c.port).toBe(3000);
    expect(c.db).toEqual({ kind: 'sqlite', file: join(dir, 'shian.sqlite') });
    expect(c.bootstrapRegions).toEqual(['15']);
    expect(c.nodeEnv).toBe('development');
    expect(c.seedDemo).toBe(true);
    expect(c.wechat).toBeNull();
    expect(c.login).toEqual({ maxFailures: 5, lockMinutes: 15 });
  });

  it.each(['abc', '3000x', '-1', '1.5', '65536', '99999'])('rejects PORT=%s naming PORT', (port) => {
    expectConfigError({ PORT: port, DATA_DIR: dir }, 'PORT');
  });

  it('accepts PORT=0 and 65535', () => {
    expect(loadConfig({ JWT_SECRET: SECRET, DATA_DIR: dir, PORT: '0' }).port).toBe(0);
    expect(loadConfig({ JWT_SECRET: SECRET, DATA_DIR: dir, PORT: '65535' }).port).toBe(65535);
  });

  it('rejects a DB_URL that is not a URL', () => {
    expectConfigError({ DB_URL: 'not a url', DATA_DIR: dir }, 'DB_URL', 'URL');
  });

  it('rejects an unsupported DB protocol', () => {
    expectConfigError({ DB_URL: 'postgres://u@h/db', DATA_DIR: dir }, 'DB_URL', 'postgres');
  });

  it('rejects a mysql URL without a database name', () => {
    expectConfigError({ DB_URL: 'mysql://root@127.0.0.1:3306/', DATA_DIR: dir }, 'DB_URL', '数据库名');
    expectConfigError({ DB_URL: 'mysql://root@127.0.0.1:3306', DATA_DIR: dir }, 'DB_URL', '数据库名');
  });

  it('accepts mysql:// and mariadb:// URLs as the MySQL family', () => {
    expect(loadConfig({ JWT_SECRET: SECRET, DATA_DIR: dir, DB_URL: 'mysql://u:p@db:3306/shian' }).db).toEqual({ kind: 'mysql', url: 'mysql://u:p@db:3306/shian' });
    const c = loadConfig({ JWT_SECRET: SECRET, DATA_DIR: dir, DB_URL: 'mariadb://u:p@db:3306/shian' });
    expect(c.db.kind).toBe('mysql');
    expect((c.db as { url: string }).url).toMatch(/^(mysql|mariadb):\/\/u:p@db:3306\/shian$/);
  });

  it('accepts an absolute SQLite path as sqlite:/// or file:///', () => {
    expect(loadConfig({ JWT_SECRET: SECRET, DATA_DIR: dir, DB_URL: 'sqlite:///var/lib/shian/db.sqlite' }).db).toEqual({ kind: 'sqlite', file: '/var/lib/shian/db.sqlite' });
    expect(loadConfig({ JWT_SECRET: SECRET, DATA_DIR: dir, DB_URL: 'file:///var/lib/shian/db.sqlite' }).db).toEqual({ kind: 'sqlite', file: '/var/lib/shian/db.sqlite' });
  });

  it('resolves a relative SQLite path against the working directory, like DATA_DIR', () => {
    // DATA_DIR=./data resolves against `cwd`; a relative DB file must too, not against / or process.cwd().
    expect(loadConfig({ JWT_SECRET: SECRET, DATA_DIR: dir, DB_URL: 'sqlite:./data/shian.sqlite' }, '/srv/shian').db).toEqual({ kind: 'sqlite', file: '/srv/shian/data/shian.sqlite' });
    expect(loadConfig({ JWT_SECRET: SECRET, DATA_DIR: dir, DB_URL: 'file:./data/shian.sqlite' }, '/srv/shian').db).toEqual({ kind: 'sqlite', file: '/srv/shian/data/shian.sqlite' });
  });

  it('refuses production without JWT_SECRET', () => {
    expectConfigError({ NODE_ENV: 'production', JWT_SECRET: '', DATA_DIR: dir, SEED_DEMO: 'false' }, 'JWT_SECRET', '生产环境');
  });

  it('refuses a short JWT_SECRET', () => {
    expectConfigError({ JWT_SECRET: 'short', DATA_DIR: dir }, 'JWT_SECRET', '32');
  });

  it('in development generates a JWT secret once and keeps it', () => {
    const a = loadConfig({ DATA_DIR: dir });
    const b = loadConfig({ DATA_DIR: dir });
    expect(a.jwt.secret.length).toBeGreaterThanOrEqual(32);
    expect(b.jwt.secret).toBe(a.jwt.secret);
    expect(readFileSync(join(dir, '.jwt-secret'), 'utf8').trim()).toBe(a.jwt.secret);
  });

  it('refuses SEED_DEMO in production and defaults it off there', () => {
    expectConfigError({ NODE_ENV: 'production', SEED_DEMO: 'true', DATA_DIR: dir }, 'SEED_DEMO');
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, DATA_DIR: dir, DATA_ENCRYPTION_KEY: 'k'.repeat(43) + '=' }).seedDemo).toBe(false);
  });

  describe('DATA_ENCRYPTION_KEY', () => {
    const hex = '0123456789abcdef'.repeat(4);
    const b64 = Buffer.from(hex, 'hex').toString('base64');

    it('takes 32 bytes as hex or base64', () => {
      const fromHex = loadConfig({ JWT_SECRET: SECRET, DATA_DIR: dir, DATA_ENCRYPTION_KEY: hex }).dataEncryption;
      expect(fromHex.development).toBe(false);
      expect(fromHex.key.toString('hex')).toBe(hex);
      expect(loadConfig({ JWT_SECRET: SECRET, DATA_DIR: dir, DATA_ENCRYPTION_KEY: b64 }).dataEncryption.key.toString('hex')).toBe(hex);
    });

    it('is required in production, naming the variable in Chinese and English', () => {
      const err = expectConfigError({ NODE_ENV: 'production', DATA_DIR: dir }, 'DATA_ENCRYPTION_KEY', '生产环境');
      expect(err.message).toContain('required in production');
    });

    it.each(['short', 'k'.repeat(40), '0123'.repeat(15), Buffer.alloc(16).toString('base64')])('refuses %s without echoing it', (bad) => {
      const err = expectConfigError({ DATA_DIR: dir, DATA_ENCRYPTION_KEY: bad }, 'DATA_ENCRYPTION_KEY', '32');
      expect(err.message).not.toContain(bad);
    });

    it('elsewhere derives a fixed key per DATA_DIR', () => {
      const a = loadConfig({ JWT_SECRET: SECRET, DATA_DIR: dir }).dataEncryption;
      expect(a.development).toBe(true);
      expect(a.key).toHaveLength(32);
      expect(loadConfig({ JWT_SECRET: SECRET, DATA_DIR: dir }).dataEncryption.key.equals(a.key)).toBe(true);
      expect(loadConfig({ JWT_SECRET: SECRET, DATA_DIR: join(dir, 'other') }).dataEncryption.key.equals(a.key)).toBe(false);
    });
  });

  it('rejects a non-boolean SEED_DEMO', () => {
    expectConfigError({ SEED_DEMO: 'maybe', DATA_DIR: dir }, 'SEED_DEMO');
  });

  it('requires WECHAT_APPID and WECHAT_SECRET together', () => {
    expectConfigError({ WECHAT_APPID: 'wx123', DATA_DIR: dir }, 'WECHAT_SECRET');
    expectConfigError({ WECHAT_SECRET: 's3cret', DATA_DIR: dir }, 'WECHAT_APPID');
    expect(loadConfig({ JWT_SECRET: SECRET, DATA_DIR: dir, WECHAT_APPID: 'wx123', WECHAT_SECRET: 's' }).wechat).toEqual({ appId: 'wx123', secret: 's' });
  });

  it('rejects an unknown NODE_ENV and LOG_LEVEL', () => {
    expectConfigError({ NODE_ENV: 'prod', DATA_DIR: dir }, 'NODE_ENV');
    expectConfigError({ LOG_LEVEL: 'verbose', DATA_DIR: dir }, 'LOG_LEVEL');
  });

  it('validates BOOTSTRAP_REGIONS as two-digit province codes', () => {
    expect(loadConfig({ JWT_SECRET: SECRET, DATA_DIR: dir, BOOTSTRAP_REGIONS: '15, 11' }).bootstrapRegions).toEqual(['15', '11']);
    expectConfigError({ BOOTSTRAP_REGIONS: '15,1501', DATA_DIR: dir }, 'BOOTSTRAP_REGIONS', '1501');
  });

  it('bounds the lockout settings', () => {
    expectConfigError({ LOGIN_MAX_FAILURES: '0', DATA_DIR: dir }, 'LOGIN_MAX_FAILURES');
    expectConfigError({ LOGIN_LOCK_MINUTES: '100000', DATA_DIR: dir }, 'LOGIN_LOCK_MINUTES');
  });
  it('takes PUBLIC_BASE_URL as an http(s) origin without a trailing slash; unset → null', () => {
    expect(loadConfig({ JWT_SECRET: SECRET, DATA_DIR: dir }).publicBaseUrl).toBeNull();
    expect(loadConfig({ JWT_SECRET: SECRET, DATA_DIR: dir, PUBLIC_BASE_URL: 'https://shian.example.cn' }).publicBaseUrl).toBe('https://shian.example.cn');
    expect(loadConfig({ JWT_SECRET: SECRET, DATA_DIR: dir, PUBLIC_BASE_URL: 'http://10.0.0.5:8080' }).publicBaseUrl).toBe('http://10.0.0.5:8080');
  });

  it.each(['shian.example.cn', 'https://shian.example.cn/', 'https://shian.example.cn/app', 'ftp://x.cn', 'https://u:p@x.cn', 'https://x.cn?a=1'])('rejects PUBLIC_BASE_URL=%s naming it', (url) => {
    expectConfigError({ PUBLIC_BASE_URL: url, DATA_DIR: dir }, 'PUBLIC_BASE_URL');
  });

  it('trusts X-Forwarded-For from a proxy on this machine by default; TRUST_PROXY takes addresses, ranges, names, hops or true/false', () => {
    const tp = (v?: string) => loadConfig({ JWT_SECRET: SECRET, DATA_DIR: dir, ...(v === undefined ? {} : { TRUST_PROXY: v }) }).trustProxy;
    expect(tp()).toBe('loopback');
    expect(tp('10.0.0.0/8, 192.168.1.7,loopback')).toBe('10.0.0.0/8,192.168.1.7,loopback');
    expect(tp('fd00::/8')).toBe('fd00::/8');
    expect(tp('2')).toBe(2);
    expect(tp('false')).toBe(false);
    expect(tp('true')).toBe(true);
  });

  it.each(['nginx', '10.0.0.0/33', '300.1.1.1', 'loopback/8', '11', '10.0.0.0/8/1'])('rejects TRUST_PROXY=%s naming it', (v) => {
    expectConfigError({ TRUST_PROXY: v, DATA_DIR: dir }, 'TRUST_PROXY');
  });

  it('reads POSTER_FONT as path or path#face (the one face sets the poster); unset → Debian Noto CJK regular and bold', () => {
    const d = loadConfig({ JWT_SECRET: SECRET, DATA_DIR: dir }).posterFonts;
    expect(d).toEqual({
      regular: { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
      bold: { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', face: 'NotoSansCJKsc-Bold' },
      fromDefault: true,
    });
    const ttc = loadConfig({ JWT_SECRET: SECRET, DATA_DIR: dir, POSTER_FONT: 'fonts/wqy.ttc#WenQuanYiZenHei' }, '/srv').posterFonts;
    expect(ttc).toEqual({ regular: { path: '/srv/fonts/wqy.ttc', face: 'WenQuanYiZenHei' }, bold: { path: '/srv/fonts/wqy.ttc', face: 'WenQuanYiZenHei' }, fromDefault: false });
    expect(loadConfig({ JWT_SECRET: SECRET, DATA_DIR: dir, POSTER_FONT: '/f/simhei.ttf' }).posterFonts.regular).toEqual({ path: '/f/simhei.ttf', face: null });
    expectConfigError({ POSTER_FONT: '#NotoSansCJKsc-Regular', DATA_DIR: dir }, 'POSTER_FONT', '路径');
    expectConfigError({ POSTER_FONT: '/f/x.ttc#', DATA_DIR: dir }, 'POSTER_FONT', 'PostScript');
  });
});
