// Runs the built server (server/dist/main.js) as a child process on a free port with a fresh
// database and the demo seed, for browser tests that need a real origin serving H5 + API.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { freshDatabase, type FreshDatabase } from './db';

/** The repository root: the nearest folder up from here with the workspaces' package.json (also when compiled elsewhere). */
function findRepoRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && existsSync(join(dir, 'server', 'package.json'))) return dir;
  }
  return resolve(from, '../..');
}

export const REPO_ROOT = findRepoRoot(__dirname);
const SERVER_MAIN = resolve(REPO_ROOT, 'server/dist/main.js');
/** The flags the server is deployed with (server/package.json "shian.nodeFlags"), as scripts/start.js uses them. */
const SERVER_NODE_FLAGS: string[] = (JSON.parse(readFileSync(resolve(REPO_ROOT, 'server/package.json'), 'utf8')) as { shian?: { nodeFlags?: string[] } }).shian?.nodeFlags ?? [];
const HEALTH_TIMEOUT_MS = 60_000;

export interface RunningServer {
  baseUrl: string;
  /** The server process, e.g. to read its memory. */
  pid: number;
  /** The database it runs on (DB_URL form; undefined for SQLite). */
  dbUrl: string | undefined;
  /** Its DATA_DIR (the SQLite file is shian.sqlite in it). */
  dataDir: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => (port ? ok(port) : fail(new Error('no free port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((ok) => {
    const timer = setTimeout(() => ok(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      ok(true);
    });
  });
}

export interface StartServerOptions {
  /** An existing database to serve (e.g. the seed:province one), kept when the server stops; a fresh one with the demo seed by default. */
  database?: Pick<FreshDatabase, 'dbUrl' | 'dataDir' | 'drop'>;
  /** More environment for the server (e.g. DATA_ENCRYPTION_KEY). */
  env?: Record<string, string>;
}

export async function startServer(opts: StartServerOptions = {}): Promise<RunningServer> {
  if (!existsSync(SERVER_MAIN)) {
    throw new Error(`${SERVER_MAIN} is missing: run \`npm run build:server\` first`);
  }
  const fresh = opts.database ?? (await freshDatabase('browser'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: fresh.dataDir,
    NODE_ENV: 'test',
    SEED_DEMO: opts.database ? 'false' : 'true',
    LOG_LEVEL: 'warn',
    ...opts.env,
  };
  if (fresh.dbUrl) env.DB_URL = fresh.dbUrl;
  else delete env.DB_URL;

  // SERVER_NODE_ARGS: extra node flags for the server only, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof' to profile a benchmark.
  const nodeArgs = [...SERVER_NODE_FLAGS, ...(process.env.SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean)];
  const child = spawn(process.execPath, [...nodeArgs, SERVER_MAIN], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr = (stderr + d).slice(-20_000);
  });
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    stdout = (stdout + d).slice(-20_000);
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 10_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    await fresh.drop();
  };

  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await fresh.drop().catch(() => undefined);
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before becoming healthy.\n--- stderr ---\n${stderr}\n--- stdout ---\n${stdout.slice(-4000)}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.status === 200) return { baseUrl, pid: child.pid!, dbUrl: fresh.dbUrl, dataDir: fresh.dataDir, stop };
      lastError = `GET /api/health → ${res.status}`;
    } catch (e) {
      lastError = e instanceof Error ? e.message : String(e);
    }
    await sleep(250);
  }
  await stop().catch(() => undefined);
  throw new Error(`server not healthy after ${HEALTH_TIMEOUT_MS / 1000}s (${lastError}).\n--- stderr ---\n${stderr}\n--- stdout ---\n${stdout.slice(-4000)}`);
}
