// The 包保 settings as the rules read them: the visit schedule per grade (system-wide rows over
// DEFAULT_SUPERVISION_FREQUENCY) and the grade → level overrides that apply to a business's region.
import { EntityManager } from 'typeorm';
import { DEFAULT_SUPERVISION_FREQUENCY, Grade, GradeLevelOverride, SupervisionFrequency } from '@shian/shared';
import { CadreLevelOverride, SupervisionFrequencyRow } from './supervision.entities';

/** Each grade's visit schedule now. */
export async function loadFrequencies(em: EntityManager): Promise<Record<Grade, SupervisionFrequency>> {
  const out = { ...DEFAULT_SUPERVISION_FREQUENCY };
  for (const row of await em.find(SupervisionFrequencyRow)) out[row.grade] = row.frequency;
  return out;
}

/** The overrides of the region `code` and of every region above it (requiredCadreLevel picks the nearest). */
export async function loadLevelOverridesFor(em: EntityManager, code: string): Promise<GradeLevelOverride[]> {
  const prefixes = [2, 4, 6, 9, 12].filter((n) => n <= code.length).map((n) => code.slice(0, n));
  if (!prefixes.length) return [];
  const rows = await em.createQueryBuilder(CadreLevelOverride, 'o').where('o.regionCode IN (:...prefixes)', { prefixes }).getMany();
  return rows.map((r) => ({ regionCode: r.regionCode, grade: r.grade, level: r.level }));
}
