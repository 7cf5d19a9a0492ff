// Start-up work on the database: migrations, the bootstrap regions, demo data on first run.
import { LoggerService } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { importRegions } from '../regions/region-import';
import { createDataSource } from './data-source';
import { seedDemo } from './seed-demo';
import { FieldCrypto } from '../common/field-crypto';

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
  } finally {
    await ds.destroy();
  }
}
