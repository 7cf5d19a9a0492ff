import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  EnterpriseDto,
  EnterpriseRegistrationResponse,
  EnterpriseStatus,
  ErrorCodes,
  Grade,
  licenceTypeProblem,
  PublicEnterpriseDto,
  RegionLevel,
  Role,
  todayInShanghai,
  TodayDutyResponse,
} from '@shian/shared';
import { AppError, notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { FieldCrypto } from '../common/field-crypto';
import { applyScope, canSee } from '../common/region-scope';
import { isUniqueViolation } from '../common/sql';
import { DailyChecksService } from '../daily-checks/daily-checks.service';
import { IdempotencyService, Replayable } from '../idempotency/idempotency.service';
import { Region } from '../regions/region.entity';
import { StaffService } from '../staff/staff.service';
import { CreateEnterpriseDto } from './dto/create-enterprise.dto';
import { EnterpriseBaseDto } from './dto/enterprise-fields.dto';
import { ConfirmEnterpriseDto, RejectEnterpriseDto } from './dto/enterprise-review.dto';
import { RegisterEnterpriseDto } from './dto/register-enterprise.dto';
import { Enterprise } from './enterprise.entity';
import { EnterpriseErrors } from './enterprises.errors';
import { publicPageFacts } from './public-page';
import { refreshEnterpriseRollup } from '../stats/rollup-rebuild';

export const REGISTER_ENTERPRISE = 'POST /api/enterprises/register';

/** A new enterprise row from the fields every way of adding one shares; unknown facts stored as null. */
export function buildEnterprise(fields: EnterpriseBaseDto & { licenceNo: string }, extra: Pick<Enterprise, 'status' | 'grade' | 'registeredBy' | 'confirmedBy' | 'confirmedAt' | 'createdAt'>): Enterprise {
  return Object.assign(new Enterprise(), {
    id: randomUUID(),
    name: fields.name,
    uscc: fields.uscc,
    licenceNo: fields.licenceNo,
    businessType: fields.businessType,
    regionCode: fields.regionCode,
    address: fields.address,
    rejectReason: null,
    contactName: fields.contactName ?? null,
    contactPhone: fields.contactPhone ?? null,
    scale: fields.scale ?? null,
    chainHeadquarters: fields.chainHeadquarters ?? null,
    centralKitchen: fields.centralKitchen ?? null,
    specialFood: fields.specialFood ?? null,
    canteenKind: fields.canteenKind ?? null,
    contractorOperated: fields.contractorOperated ?? null,
    dinersPerMeal: fields.dinersPerMeal ?? null,
    ...extra,
  });
}

export function enterpriseDto(e: Enterprise, regionName: string | null): EnterpriseDto {
  return {
    id: e.id,
    name: e.name,
    uscc: e.uscc,
    licenceNo: e.licenceNo,
    businessType: e.businessType,
    grade: e.grade,
    regionCode: e.regionCode,
    regionName,
    address: e.address,
    status: e.status,
    rejectReason: e.rejectReason,
    contactName: e.contactName,
    contactPhone: e.contactPhone,
    scale: e.scale,
    chainHeadquarters: e.chainHeadquarters,
    centralKitchen: e.centralKitchen,
    specialFood: e.specialFood,
    canteenKind: e.canteenKind,
    contractorOperated: e.contractorOperated,
    dinersPerMeal: e.dinersPerMeal,
    registeredAt: e.createdAt.toISOString(),
    confirmedAt: e.confirmedAt ? e.confirmedAt.toISOString() : null,
  };
}

@Injectable()
export class EnterprisesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(DailyChecksService) private readonly dailyChecks: DailyChecksService,
    @Inject(StaffService) private readonly staff: StaffService,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
    @Inject(FieldCrypto) private readonly crypto: FieldCrypto,
  ) {}

  async findOne(caller: Caller, id: string): Promise<EnterpriseDto> {
    return this.toDto(await this.scoped(caller, id));
  }

  /** A regulator (or admin) registers a business in a village of their region: active at once. */
  async create(caller: Caller, dto: CreateEnterpriseDto): Promise<EnterpriseDto> {
    const region = await this.village(dto.regionCode);
    if (!canSee(caller, { regionCode: region.code, enterpriseId: '' })) {
      throw AppError.of(EnterpriseErrors, 'ENTERPRISE_REGION_OUT_OF_SCOPE', [{ field: 'regionCode', message: EnterpriseErrors.ENTERPRISE_REGION_OUT_OF_SCOPE.message }]);
    }
    this.assertLicenceFits(dto);
    const now = new Date();
    const row = buildEnterprise(dto, { status: EnterpriseStatus.Active, grade: dto.grade, registeredBy: null, confirmedBy: caller.id, confirmedAt: now, createdAt: now });
    try {
      await this.ds.transaction(async (em) => {
        await em.insert(Enterprise, row);
        await refreshEnterpriseRollup(em, row.id);
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw AppError.of(EnterpriseErrors, 'ENTERPRISE_DUPLICATE');
      throw e;
    }
    return enterpriseDto(row, region.name);
  }

  /**
   * A business signs itself up (no login): the business, pending, and its principal, who can log
   * in at once to follow the review but submits no record until a regulator confirms it.
   *
   * Retries: with an Idempotency-Key the stored answer is replayed; the key's scope is the
   * principal's phone (there is no account yet), hashed. Without one, the unique USCC, licence
   * number and phone make a repeat a 409, never a second business.
   */
  async register(key: string | undefined, dto: RegisterEnterpriseDto, now = new Date()): Promise<Replayable<EnterpriseRegistrationResponse>> {
    const region = await this.village(dto.regionCode);
    this.assertLicenceFits(dto);
    const passwordHash = await this.staff.hashPassword(dto.principal.password);
    const work = async (em: EntityManager): Promise<EnterpriseRegistrationResponse> => {
      await this.assertNotRegistered(em, dto.uscc, dto.licenceNo);
      const row = buildEnterprise(
        { ...dto, contactName: dto.contactName ?? dto.principal.name, contactPhone: dto.contactPhone ?? dto.principal.phone },
        { status: EnterpriseStatus.Pending, grade: null, registeredBy: null, confirmedBy: null, confirmedAt: null, createdAt: now },
      );
      await em.insert(Enterprise, row);
      const { name, phone, idNumber } = dto.principal;
      const joined = await this.staff.join(em, row.id, Role.Principal, { name, phone, idNumber, passwordHash }, todayInShanghai(now), null);
      row.registeredBy = joined.user.id;
      await em.update(Enterprise, { id: row.id }, { registeredBy: row.registeredBy });
      const self: Caller = { id: joined.user.id, name, role: Role.Principal, enterpriseId: row.id, regionCode: null, cadreLevel: null };
      return { enterprise: enterpriseDto(row, region.name), principal: this.staff.member(self, joined.user, joined.appointment) };
    };
    try {
      if (!key) return { status: 201, body: await this.ds.transaction(work), replayed: false };
      const scope: Caller = { id: `reg:${createHash('sha256').update(dto.principal.phone).digest('hex').slice(0, 32)}`, name: '', role: Role.Principal, enterpriseId: null, regionCode: null, cadreLevel: null };
      // What identifies "the same request", without the password or the ID number in the clear.
      const fingerprint = { ...dto, principal: { ...dto.principal, password: this.crypto.blindIndex(dto.principal.password, 'idempotency.password'), idNumber: this.staff.idNumberHash(dto.principal.idNumber) } };
      return await this.idempotency.run(scope, this.idempotency.checkKey(key), REGISTER_ENTERPRISE, fingerprint, 201, work);
    } catch (e) {
      // Lost a race to another registration of the same business (the phone's race is StaffService's).
      if (isUniqueViolation(e)) throw AppError.of(EnterpriseErrors, 'ENTERPRISE_DUPLICATE');
      throw e;
    }
  }

  /** The regulator confirms a pending registration of their region and sets its grade: its duties start today. */
  async confirm(caller: Caller, id: string, dto: ConfirmEnterpriseDto, now = new Date()): Promise<EnterpriseDto> {
    return this.review(caller, id, { status: EnterpriseStatus.Active, grade: dto.grade, rejectReason: null, confirmedBy: caller.id, confirmedAt: now });
  }

  /** The regulator refuses a pending registration, saying why; the principal can still log in to read it. */
  async reject(caller: Caller, id: string, dto: RejectEnterpriseDto): Promise<EnterpriseDto> {
    return this.review(caller, id, { status: EnterpriseStatus.Rejected, rejectReason: dto.reason });
  }

  private async review(caller: Caller, id: string, change: Partial<Pick<Enterprise, 'status' | 'grade' | 'rejectReason' | 'confirmedBy' | 'confirmedAt'>>): Promise<EnterpriseDto> {
    const row = await this.scoped(caller, id);
    if (row.status !== EnterpriseStatus.Pending) throw AppError.of(EnterpriseErrors, 'ENTERPRISE_NOT_PENDING', undefined, `该企业${row.status === EnterpriseStatus.Active ? '已确认' : '已被驳回'}，不是待审核状态`);
    // Two reviewers at once: only the first decision lands.
    await this.ds.transaction(async (em) => {
      const res = await em.update(Enterprise, { id, status: EnterpriseStatus.Pending }, change);
      if (!res.affected) throw AppError.of(EnterpriseErrors, 'ENTERPRISE_NOT_PENDING');
      await refreshEnterpriseRollup(em, id);
    });
    return this.toDto(Object.assign(row, change));
  }

  async mineToday(caller: Caller, now = new Date()): Promise<TodayDutyResponse> {
    if (!caller.enterpriseId) throw new AppError(ErrorCodes.NoEnterprise, 403, '当前账号未绑定企业');
    const enterprise = await this.findOne(caller, caller.enterpriseId);
    const businessDate = todayInShanghai(now);
    const dailyCheck = await this.dailyChecks.findForDate(caller, caller.enterpriseId, businessDate);
    return { businessDate, enterprise, dailyCheck };
  }

  /** What anyone may see: confirmed businesses only (a pending or rejected registration is nobody's business yet). */
  async publicInfo(id: string): Promise<PublicEnterpriseDto> {
    const row = await this.ds.getRepository(Enterprise).findOne({ where: { id, status: EnterpriseStatus.Active } });
    if (!row) throw notFound('企业');
    const dto = await this.toDto(row);
    const facts = await publicPageFacts(this.ds.manager, row);
    return { id: dto.id, name: dto.name, licenceNo: dto.licenceNo, grade: dto.grade as Grade, businessType: dto.businessType, regionName: dto.regionName, address: dto.address, ...facts };
  }

  /** A village (12-digit code) that exists, or 400 naming 区划代码. */
  async village(regionCode: string): Promise<Region> {
    const region = await this.ds.getRepository(Region).findOne({ where: { code: regionCode } });
    if (!region || region.level !== RegionLevel.Village) {
      throw AppError.of(EnterpriseErrors, 'ENTERPRISE_REGION_NOT_VILLAGE', [{ field: 'regionCode', message: EnterpriseErrors.ENTERPRISE_REGION_NOT_VILLAGE.message }]);
    }
    return region;
  }

  private assertLicenceFits(dto: { businessType: CreateEnterpriseDto['businessType']; licenceNo: string }): void {
    const problem = licenceTypeProblem(dto.businessType, dto.licenceNo);
    if (problem) throw AppError.of(EnterpriseErrors, 'ENTERPRISE_LICENCE_KIND', [{ field: 'licenceNo', message: problem }], problem);
  }

  private async assertNotRegistered(em: EntityManager, uscc: string, licenceNo: string): Promise<void> {
    const taken = await em
      .getRepository(Enterprise)
      .createQueryBuilder('e')
      .select(['e.id', 'e.uscc', 'e.licenceNo'])
      .where('e.uscc = :uscc OR e.licenceNo = :licenceNo', { uscc, licenceNo })
      .getMany();
    if (!taken.length) return;
    const details = [
      ...(taken.some((e) => e.uscc === uscc) ? [{ field: 'uscc', message: '该统一社会信用代码已登记' }] : []),
      ...(taken.some((e) => e.licenceNo === licenceNo) ? [{ field: 'licenceNo', message: '该许可证编号已登记' }] : []),
    ];
    throw AppError.of(EnterpriseErrors, 'ENTERPRISE_DUPLICATE', details);
  }

  /** The enterprise within the caller's scope, or the same 404 as a missing one. */
  private async scoped(caller: Caller, id: string): Promise<Enterprise> {
    const qb = this.ds.getRepository(Enterprise).createQueryBuilder('e').where('e.id = :id', { id });
    const row = await applyScope(qb, caller, { region: 'e.regionCode', enterprise: 'e.id' }).getOne();
    if (!row) throw notFound('企业');
    return row;
  }

  private async toDto(e: Enterprise): Promise<EnterpriseDto> {
    const region = await this.ds.getRepository(Region).findOne({ where: { code: e.regionCode } });
    return enterpriseDto(e, region?.name ?? null);
  }
}
