// PUT /api/supervision/settings/frequencies (admin): the visit schedule per grade. Changing it
// moves every business's visits to the cycles of the new schedule, so the 'V' sums are recomputed
// in the same transaction.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Grade, SUPERVISION_FREQUENCIES, SupervisionFrequency, SupervisionSettingsDto } from '@shian/shared';
import type { Caller } from '../../common/caller';
import { FieldProblem, validationFailed } from '../../common/validation';
import { rebuildVisitSums } from '../../stats/rollup-rebuild';
import { loadFrequencies } from '../settings';
import { CadreLevelOverride, SupervisionFrequencyRow } from '../supervision.entities';
import type { FrequenciesDto } from './visit.dto';

const GRADES = Object.values(Grade) as string[];

@Injectable()
export class FrequenciesService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async update(caller: Caller, dto: FrequenciesDto, now = new Date()): Promise<SupervisionSettingsDto> {
    const entries = Object.entries(dto.frequencies ?? {});
    const problems: FieldProblem[] = [];
    if (!entries.length) problems.push({ field: 'frequencies', message: '督导频次不能为空' });
    for (const [grade, f] of entries) {
      if (!GRADES.includes(grade)) problems.push({ field: `frequencies.${grade}`, message: `督导频次的风险等级「${grade}」不存在（应为 A、B、C、D）` });
      else if (!SUPERVISION_FREQUENCIES.includes(f as SupervisionFrequency)) problems.push({ field: `frequencies.${grade}`, message: `${grade}级企业的督导频次须为 quarter（每季度）、half_year（每半年）、year（每年）之一` });
    }
    if (problems.length) throw validationFailed(problems);
    return this.ds.transaction(async (em) => {
      for (const [grade, frequency] of entries) {
        await em.save(SupervisionFrequencyRow, Object.assign(new SupervisionFrequencyRow(), { grade, frequency, updatedBy: caller.id, updatedAt: now }));
      }
      await rebuildVisitSums(em);
      const overrides = await em.find(CadreLevelOverride, { order: { regionCode: 'ASC', grade: 'ASC' } });
      return { frequencies: await loadFrequencies(em), levelOverrides: overrides.map((o) => ({ regionCode: o.regionCode, grade: o.grade, level: o.level })) };
    });
  }
}
