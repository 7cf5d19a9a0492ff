// The onboarding migration on a database that already has businesses and people: they become
// active, everyone on a roster gets an appointment from the day their account was made, and the
// migration reverts cleanly — but refuses to while a registration is pending.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../server/src/config/config';
import { JsonLogger } from '../../server/src/common/logger';
import { buildDataSourceOptions } from '../../server/src/database/data-source';
import { MIGRATIONS } from '../../server/src/database/migrations';
import { Onboarding1764400000000 } from '../../server/src/database/migrations/1764400000000-onboarding';
import { freshDatabase, FreshDatabase } from '../support/db';
import { REPO_ROOT } from './harness';

describe('Onboarding1764400000000 on existing data', () => {
  let db: FreshDatabase;
  const upTo = MIGRATIONS.indexOf(Onboarding1764400000000);

  async function dataSource(migrations: typeof MIGRATIONS): Promise<DataSource> {
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: db.dataDir, ...(db.dbUrl ? { DB_URL: db.dbUrl } : {}), JWT_SECRET: 'x'.repeat(40), H5_DIR: resolve(db.dataDir, 'none') }, REPO_ROOT);
    const ds = new DataSource({ ...(await buildDataSourceOptions(config, new JsonLogger('error', () => undefined))), migrations });
    return ds.initialize();
  }

  beforeAll(async () => {
    db = await freshDatabase('migration');
  });
  afterAll(() => db?.drop());

  it('backfills appointments, keeps businesses active, and reverts', async () => {
    expect(upTo).toBeGreaterThan(0);
    const before = await dataSource(MIGRATIONS.slice(0, upTo));
    await before.runMigrations({ transaction: 'each' });
    const enterpriseId = randomUUID();
    const active = randomUUID();
    const left = randomUUID();
    await before.query("INSERT INTO regions (code, name, level, parent_code) VALUES ('150102001001', '测试村', 'village', NULL)");
    await before.query(
      "INSERT INTO enterprises (id, name, uscc, licence_no, business_type, grade, region_code, address, created_at) VALUES (?, '老企业', '91150102MA0000001X', 'JY21501020000001', 'catering', 'C', '150102001001', '地址', ?)",
      [enterpriseId, before.options.type === 'better-sqlite3' ? '2025-03-01 17:30:00.000' : new Date('2025-03-01T17:30:00Z')],
    );
    for (const [id, phone, isActive] of [[active, '13900009991', 1], [left, '13900009992', 0]] as const) {
      await before.query(
        "INSERT INTO users (id, name, phone, password_hash, role, enterprise_id, failed_login_count, active, created_at) VALUES (?, ?, ?, 'x', 'officer', ?, 0, ?, ?)",
        [id, `员工${phone.slice(-1)}`, phone, enterpriseId, isActive, before.options.type === 'better-sqlite3' ? '2025-03-01 17:30:00.000' : new Date('2025-03-01T17:30:00Z')],
      );
    }
    await before.destroy();

    const after = await dataSource(MIGRATIONS.slice(0, upTo + 1));
    try {
      expect((await after.runMigrations({ transaction: 'each' })).map((m) => m.name)).toEqual(['Onboarding1764400000000']);
      const [e] = await after.query('SELECT status, grade FROM enterprises WHERE id = ?', [enterpriseId]);
      expect(e).toEqual({ status: 'active', grade: 'C' });
      const appointments = await after.query('SELECT user_id, role, name, appointed_on, ended_on FROM appointments');
      // 17:30 UTC is the next morning in Shanghai.
      expect(appointments).toEqual([{ user_id: active, role: 'officer', name: '员工1', appointed_on: '2025-03-02', ended_on: null }]);

      await after.undoLastMigration({ transaction: 'each' });
      // Nothing lost on the way down: the business and both people are there, the new tables gone.
      expect(await after.query("SELECT COUNT(*) AS n FROM enterprises WHERE grade = 'C'")).toEqual([{ n: after.options.type === 'better-sqlite3' ? 1 : '1' }]);
      expect((await after.query('SELECT id FROM users ORDER BY phone')).map((u: { id: string }) => u.id)).toEqual([active, left]);
      expect(await after.createQueryRunner().hasTable('appointments')).toBe(false);
      if (after.options.type === 'better-sqlite3') expect(await after.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
      await after.runMigrations({ transaction: 'each' });
      await after.query("UPDATE enterprises SET status = 'pending', grade = NULL WHERE id = ?", [enterpriseId]);
      await expect(after.undoLastMigration({ transaction: 'each' })).rejects.toThrow(/pending or rejected/);
    } finally {
      await after.destroy();
    }
  });
});
