// The 包保 settings officials read (the visit schedule per grade, the grade → level overrides of
// their region) and the overrides a regulator sets for their region or one below it.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SupervisionSettingsDto } from '@shian/shared';
import { notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { applyScope, canSee } from '../common/region-scope';
import { Region } from '../regions/region.entity';
import { LevelOverrideDto } from './dto/supervision.dto';
import { loadFrequencies } from './settings';
import { CadreLevelOverride } from './supervision.entities';

@Injectable()
export class SupervisionSettingsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async get(caller: Caller): Promise<SupervisionSettingsDto> {
    const qb = this.ds.getRepository(CadreLevelOverride).createQueryBuilder('o');
    applyScope(qb, caller, { region: 'o.regionCode', enterprise: 'o.regionCode' });
    const rows = await qb.orderBy('o.regionCode', 'ASC').addOrderBy('o.grade', 'ASC').getMany();
    return {
      frequencies: await loadFrequencies(this.ds.manager),
      levelOverrides: rows.map((o) => ({ regionCode: o.regionCode, grade: o.grade, level: o.level })),
    };
  }

  /** Sets (or with level null removes) a region's own level for a grade; the region must be the caller's or below it. */
  async setLevelOverride(caller: Caller, dto: LevelOverrideDto, now = new Date()): Promise<SupervisionSettingsDto> {
    const region = await this.ds.getRepository(Region).findOne({ where: { code: dto.regionCode }, select: { code: true } });
    if (!region || !canSee(caller, { regionCode: region.code, enterpriseId: '' })) throw notFound('区域');
    await this.ds.transaction(async (em) => {
      await em.delete(CadreLevelOverride, { regionCode: region.code, grade: dto.grade });
      if (dto.level) await em.insert(CadreLevelOverride, { regionCode: region.code, grade: dto.grade, level: dto.level, updatedBy: caller.id, updatedAt: now });
    });
    return this.get(caller);
  }
}
