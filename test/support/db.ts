// A fresh, empty database for one test file or run: a temp SQLite file by default, or a new
// database on the MySQL/MariaDB server named by DB_URL. `drop()` removes it afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface FreshDatabase {
  /** DB_URL to hand to the server, or undefined for SQLite. */
  dbUrl: string | undefined;
  /** DATA_DIR for the server (SQLite file and uploads live here). */
  dataDir: string;
  kind: 'sqlite' | 'mysql';
  drop(): Promise<void>;
}

export async function freshDatabase(label = 'test'): Promise<FreshDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), `shian-${label}-`));
  const base = process.env.DB_URL;
  if (!base) {
    return { dbUrl: undefined, dataDir, kind: 'sqlite', drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const url = new URL(base);
  const baseName = url.pathname.replace(/^\//, '') || 'shian_test';
  const name = `${baseName}_${label.replace(/[^a-z0-9]/gi, '_')}_${randomBytes(4).toString('hex')}`.slice(0, 64);
  const admin = new URL(base);
  admin.pathname = '/';
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const mysql = require('mysql2/promise');
  const conn = await mysql.createConnection(admin.toString());
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  url.pathname = `/${name}`;
  return {
    dbUrl: url.toString(),
    dataDir,
    kind: 'mysql',
    drop: async () => {
      const c = await mysql.createConnection(admin.toString());
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
