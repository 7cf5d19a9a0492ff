// `npm run seed:province [-- options]` — see seed-province.ts.
//   --scale 0.01            a fraction of the businesses (quick look, tests)
//   --county [150102]       county mode: one county, 15,000 businesses × scale, into a SQLite file
//   --sqlite <file>         that file (default data/seed-county-<code>.sqlite)
//   --today YYYY-MM-DD      the day the data stands at the start of (default: today, Asia/Shanghai)
//   --workers 2             MariaDB writer threads
//   --seed 15  --force
// The province goes to PROVINCE_DB_URL (default mysql://root@127.0.0.1:3306/shian_province).
import 'reflect-metadata';
import { resolve } from 'node:path';
import { isBusinessDate } from '@shian/shared';
import { DEFAULT_COUNTY, SEED_DATA_ENCRYPTION_KEY, SEED_PASSWORD } from './plan';
import { SeedProvinceOptions, seedProvince, SeedTarget } from './seed-province';

export const DEFAULT_PROVINCE_DB_URL = 'mysql://root@127.0.0.1:3306/shian_province';

export function countyFile(code: string): string {
  return resolve(process.cwd(), 'data', `seed-county-${code}.sqlite`);
}

function parse(argv: string[]): SeedProvinceOptions {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 && argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[i + 1] : undefined;
  };
  const county = argv.includes('--county') ? (value('--county') ?? DEFAULT_COUNTY) : null;
  const target: SeedTarget = county ? { kind: 'sqlite', file: resolve(value('--sqlite') ?? countyFile(county)) } : { kind: 'mysql', url: process.env.PROVINCE_DB_URL || DEFAULT_PROVINCE_DB_URL };
  const today = value('--today');
  if (today !== undefined && !isBusinessDate(today)) throw new RangeError(`--today must be YYYY-MM-DD, got ${today}`);
  return {
    target,
    county,
    scale: value('--scale') ? Number(value('--scale')) : 1,
    seed: value('--seed') ? Number(value('--seed')) : undefined,
    workers: value('--workers') ? Number(value('--workers')) : undefined,
    today,
    force: argv.includes('--force'),
  };
}

async function main(): Promise<void> {
  const opts = parse(process.argv.slice(2));
  const where = opts.target.kind === 'mysql' ? opts.target.url.replace(/\/\/[^@]*@/, '//') : opts.target.file;
  console.log(`seed:province → ${where}${opts.county ? `（县级模式 ${opts.county}）` : ''}，规模 ${opts.scale}`);
  const { marker } = await seedProvince(opts);
  console.log(`截至 ${marker.asOf}（数据截止到该日零时），生成用时 ${marker.seconds} s`);
  console.log(`登录密码均为 ${SEED_PASSWORD}；启动服务时请设 DATA_ENCRYPTION_KEY=${SEED_DATA_ENCRYPTION_KEY}（演示密钥）`);
  for (const o of marker.officials.filter((x) => x.level !== 'city' && x.level !== 'county').concat(marker.officials.filter((x) => x.level === 'county').slice(0, 1))) {
    console.log(`  ${o.phone}  ${o.label}（${o.regionCode}）`);
  }
  for (const c of marker.cadres ?? []) console.log(`  ${c.phone}  ${c.label}（${c.regionCode}）`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    if (e instanceof Error && e.stack && process.env.LOG_LEVEL === 'debug') console.error(e.stack);
    process.exit(1);
  },
);
