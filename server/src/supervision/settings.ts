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

/**
 * Every grade → level override: a small table (the regions that set one × 4 grades), read whole once
 * per request; requiredCadreLevel picks the nearest one for each business.
 */
export async function loadLevelOverrides(em: EntityManager): Promise<GradeLevelOverride[]> {
  return (await em.find(CadreLevelOverride)).map((o) => ({ regionCode: o.regionCode, grade: o.grade, level: o.level }));
}
