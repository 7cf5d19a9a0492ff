// Start-up work on the database: migrations, the bootstrap regions, demo data on first run.
import { LoggerService } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { importRegions } from '../regions/region-import';
import { createDataSource } from './data-source';
import { seedDemo } from './seed-demo';
import { FieldCrypto } from '../common/field-crypto';
import { rebuildRollups } from '../stats/rollup-rebuild';

export async function prepareDatabase(config: AppConfig, logger: LoggerService): Promise<void> {
  const ds = await createDataSource(config, logger);
  await ds.initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    if (ran.length) logger.log({ msg: 'migrations applied', migrations: ran.map((m) => m.name) }, 'Database');
    if (config.bootstrapRegions.length) {
      const started = Date.now();
      const res = await importRegions(ds, config.bootstrapRegions);
      if (res.inserted) logger.log({ msg: 'regions imported', provinces: res.provinces, rows: res.inserted, ms: Date.now() - started }, 'Database');
    }
    if (config.seedDemo) {
      const seeded = await seedDemo(ds, new FieldCrypto(config.dataEncryption.key));
      if (seeded) logger.log({ msg: 'demo data seeded', enterprises: seeded.enterprises, users: seeded.users }, 'Database');
    }
    // The dashboard's sums start from the records they sum: after the migration that adds them to a
    // database with records, and after seeding (which writes rows, not through the services).
    const [{ summed }] = (await ds.query('SELECT COUNT(*) AS summed FROM stat_enterprises')) as Array<{ summed: unknown }>;
    if (Number(summed) === 0) {
      const started = Date.now();
      await rebuildRollups(ds);
      logger.log({ msg: 'dashboard sums rebuilt from the records', ms: Date.now() - started }, 'Database');
    }
  } finally {
    await ds.destroy();
  }
}
