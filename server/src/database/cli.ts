// Database CLI: `node server/dist/database/cli.js <command>`
//   migrate                 apply pending migrations
//   migrate:revert          revert the last migration
//   regions:import [--all | --province 15,11]
//   seed:demo               demo county and accounts (not in production)
//   schema:check            fail if the entities differ from the migrated schema (drift)
//   chain:verify [--enterprise <id>]  report each enterprise's first broken record-chain link
//   stats:rebuild           recompute the dashboard's sums from the records
import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/config';
import { importRegions } from '../regions/region-import';
import { createDataSource } from './data-source';
import { seedDemo } from './seed-demo';
import { FieldCrypto } from '../common/field-crypto';
import { pendingSchemaChanges } from './schema-check';
import { ChainService } from '../integrity/chain.service';
import { Enterprise } from '../enterprises/enterprise.entity';
import { rebuildRollups } from '../stats/rollup-rebuild';

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  const ds = await createDataSource(config);
  await ds.initialize();
  try {
    switch (command) {
      case 'migrate': {
        const ran = await ds.runMigrations({ transaction: 'each' });
        console.log(ran.length ? `已执行迁移：${ran.map((m) => m.name).join(', ')}` : '数据库已是最新，无需迁移');
        return 0;
      }
      case 'migrate:revert':
        await ds.undoLastMigration({ transaction: 'each' });
        console.log('已回滚最后一次迁移');
        return 0;
      case 'regions:import': {
        await ds.runMigrations({ transaction: 'each' });
        const i = rest.indexOf('--province');
        const which = rest.includes('--all') ? 'all' : i >= 0 && rest[i + 1] ? rest[i + 1].split(',') : config.bootstrapRegions;
        const started = Date.now();
        const res = await importRegions(ds, which);
        console.log(`已导入 ${res.inserted} 条行政区划（省份：${res.provinces.join(',') || '无新增'}），用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
        return 0;
      }
      case 'seed:demo': {
        if (!config.seedDemo) {
          console.error('SEED_DEMO 未开启（生产环境不允许演示数据）');
          return 1;
        }
        const res = await seedDemo(ds, new FieldCrypto(config.dataEncryption.key));
        console.log(res ? `已写入演示数据：${res.enterprises} 家企业，${res.users} 个账号` : '已有账号，跳过演示数据');
        return 0;
      }
      case 'schema:check': {
        const changes = await pendingSchemaChanges(ds);
        if (changes.length) {
          console.error(`实体与迁移后的数据库结构不一致（${changes.length} 条差异）：\n${changes.join('\n')}`);
          return 1;
        }
        console.log('No changes detected: entities match the migrated schema');
        return 0;
      }
      case 'chain:verify': {
        const i = rest.indexOf('--enterprise');
        const ids = i >= 0 && rest[i + 1] ? [rest[i + 1]] : (await ds.getRepository(Enterprise).find({ select: { id: true } })).map((e) => e.id);
        const chain = new ChainService(ds);
        let broken = 0;
        for (const id of ids) {
          const res = await chain.verify(id);
          if (!res.ok) {
            broken++;
            const b = res.brokenAt!;
            console.log(`企业 ${id}：第 ${b.seq} 环断裂（${b.recordType ?? '-'} ${b.recordId ?? '-'}）：${b.reason}`);
          }
        }
        console.log(broken ? `${broken} 家企业的记录链有断裂（共校验 ${ids.length} 家）` : `已校验 ${ids.length} 家企业，记录链完整`);
        return broken ? 1 : 0;
      }
      case 'stats:rebuild': {
        await rebuildRollups(ds, (line) => console.log(line));
        return 0;
      }
      default:
        console.error('用法：cli.js migrate | migrate:revert | regions:import [--all|--province 15] | seed:demo | schema:check | chain:verify [--enterprise id] | stats:rebuild');
        return 2;
    }
  } finally {
    await ds.destroy();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof ConfigError ? e.message : e);
    process.exit(1);
  },
);
