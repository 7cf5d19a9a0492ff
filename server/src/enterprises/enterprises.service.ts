import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EnterpriseDto, ErrorCodes, PublicEnterpriseDto, RegionLevel, todayInShanghai, TodayDutyResponse } from '@shian/shared';
import { AppError, notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { applyScope, canSee } from '../common/region-scope';
import { isUniqueViolation } from '../common/sql';
import { DailyChecksService } from '../daily-checks/daily-checks.service';
import { Region } from '../regions/region.entity';
import { CreateEnterpriseDto } from './dto/create-enterprise.dto';
import { Enterprise } from './enterprise.entity';
import { EnterpriseErrors } from './enterprises.errors';

@Injectable()
export class EnterprisesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(DailyChecksService) private readonly dailyChecks: DailyChecksService,
  ) {}

  async findOne(caller: Caller, id: string): Promise<EnterpriseDto> {
    const qb = this.ds.getRepository(Enterprise).createQueryBuilder('e').where('e.id = :id', { id });
    const row = await applyScope(qb, caller, { region: 'e.regionCode', enterprise: 'e.id' }).getOne();
    if (!row) throw notFound('企业');
    return this.toDto(row);
  }

  /** A regulator (or admin) registers a business in a village of their region. */
  async create(caller: Caller, dto: CreateEnterpriseDto): Promise<EnterpriseDto> {
    const region = await this.ds.getRepository(Region).findOne({ where: { code: dto.regionCode } });
    if (!region || region.level !== RegionLevel.Village) {
      throw AppError.of(EnterpriseErrors, 'ENTERPRISE_REGION_NOT_VILLAGE', [{ field: 'regionCode', message: EnterpriseErrors.ENTERPRISE_REGION_NOT_VILLAGE.message }]);
    }
    if (!canSee(caller, { regionCode: region.code, enterpriseId: '' })) {
      throw AppError.of(EnterpriseErrors, 'ENTERPRISE_REGION_OUT_OF_SCOPE', [{ field: 'regionCode', message: EnterpriseErrors.ENTERPRISE_REGION_OUT_OF_SCOPE.message }]);
    }
    const row = Object.assign(new Enterprise(), { id: randomUUID(), ...dto, createdAt: new Date() });
    try {
      await this.ds.getRepository(Enterprise).insert(row);
    } catch (e) {
      if (isUniqueViolation(e)) throw AppError.of(EnterpriseErrors, 'ENTERPRISE_DUPLICATE');
      throw e;
    }
    return this.toDto(row);
  }

  async mineToday(caller: Caller, now = new Date()): Promise<TodayDutyResponse> {
    if (!caller.enterpriseId) throw new AppError(ErrorCodes.NoEnterprise, 403, '当前账号未绑定企业');
    const enterprise = await this.findOne(caller, caller.enterpriseId);
    const businessDate = todayInShanghai(now);
    const dailyCheck = await this.dailyChecks.findForDate(caller, caller.enterpriseId, businessDate);
    return { businessDate, enterprise, dailyCheck };
  }

  async publicInfo(id: string): Promise<PublicEnterpriseDto> {
    const row = await this.ds.getRepository(Enterprise).findOne({ where: { id } });
    if (!row) throw notFound('企业');
    const dto = await this.toDto(row);
    return { id: dto.id, name: dto.name, licenceNo: dto.licenceNo, grade: dto.grade, businessType: dto.businessType, regionName: dto.regionName, address: dto.address };
  }

  private async toDto(e: Enterprise): Promise<EnterpriseDto> {
    const region = await this.ds.getRepository(Region).findOne({ where: { code: e.regionCode } });
    return {
      id: e.id,
      name: e.name,
      uscc: e.uscc,
      licenceNo: e.licenceNo,
      businessType: e.businessType,
      grade: e.grade,
      regionCode: e.regionCode,
      regionName: region?.name ?? null,
      address: e.address,
    };
  }
}
