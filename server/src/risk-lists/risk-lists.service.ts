import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { addCustomItem, DEFAULT_OWNER, listFromTemplate, RiskListDto, RiskListEditError, setApplicable, templateFor, validateListEdit } from '@shian/shared';
import { AppError, notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { applyScope } from '../common/region-scope';
import { isUniqueViolation } from '../common/sql';
import { validationFailed } from '../common/validation';
import { Enterprise } from '../enterprises/enterprise.entity';
import { IdempotencyService, Replayable } from '../idempotency/idempotency.service';
import { AddRiskItemDto, SetApplicabilityDto } from './dto/risk-list.dto';
import { RiskList } from './risk-list.entity';
import { RiskListErrors } from './risk-lists.errors';

@Injectable()
export class RiskListsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
  ) {}

  /**
   * The enterprise's current list; version 1 is made from its business type's template the
   * first time anyone asks (a racing first read loses on the unique index and re-reads).
   */
  async current(em: EntityManager, enterpriseId: string): Promise<RiskList> {
    const latest = await em.getRepository(RiskList).findOne({ where: { enterpriseId }, order: { version: 'DESC' } });
    if (latest) return latest;
    const enterprise = await em.findOneOrFail(Enterprise, { where: { id: enterpriseId } });
    const template = templateFor(enterprise.businessType);
    const first = Object.assign(new RiskList(), {
      id: randomUUID(),
      enterpriseId,
      version: 1,
      templateRevision: `${template.businessType}@${template.revision}`,
      items: listFromTemplate(template),
      changeNote: `依据《${template.title}》生成`,
      createdBy: null,
      createdAt: new Date(),
    });
    try {
      await em.insert(RiskList, first);
      return first;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      return em.getRepository(RiskList).findOneOrFail({ where: { enterpriseId }, order: { version: 'DESC' } });
    }
  }

  async mine(caller: Caller): Promise<RiskListDto> {
    return this.toDto(await this.current(this.ds.manager, this.enterpriseOf(caller)));
  }

  /** Officials read a business's list within their region. */
  async forEnterprise(caller: Caller, enterpriseId: string): Promise<RiskListDto> {
    const qb = this.ds.getRepository(Enterprise).createQueryBuilder('e').select('e.id').where('e.id = :id', { id: enterpriseId });
    if (!(await applyScope(qb, caller, { region: 'e.regionCode', enterprise: 'e.id' }).getOne())) throw notFound('企业');
    return this.toDto(await this.current(this.ds.manager, enterpriseId));
  }

  /** Every version, newest first: the list's history. */
  async history(caller: Caller): Promise<RiskListDto[]> {
    const rows = await this.ds.getRepository(RiskList).find({ where: { enterpriseId: this.enterpriseOf(caller) }, order: { version: 'DESC' } });
    return rows.map((r) => this.toDto(r));
  }

  addItem(caller: Caller, key: string | undefined, dto: AddRiskItemDto): Promise<Replayable<RiskListDto>> {
    return this.edit(caller, key, 'POST /api/risk-lists/mine/items', dto, (items) => {
      const next = addCustomItem(items, { ...dto, owner: dto.owner ?? DEFAULT_OWNER[dto.frequency] });
      const added = next[next.length - 1];
      return { items: next, note: `新增 ${added.code}：${added.measure}` };
    });
  }

  setApplicability(caller: Caller, key: string | undefined, code: string, dto: SetApplicabilityDto): Promise<Replayable<RiskListDto>> {
    return this.edit(caller, key, `POST /api/risk-lists/mine/items/${code}/applicability`, dto, (items) => ({
      items: setApplicable(items, code, dto.applicable),
      note: `${code} ${dto.applicable ? '恢复适用' : '标记为不适用'}：${dto.reason}`,
    }));
  }

  /** Applies one edit to the current version and stores the result as the next version. */
  private async edit(
    caller: Caller,
    key: string | undefined,
    operation: string,
    request: object,
    change: (items: RiskList['items']) => { items: RiskList['items']; note: string },
  ): Promise<Replayable<RiskListDto>> {
    const idemKey = this.idempotency.checkKey(key);
    const enterpriseId = this.enterpriseOf(caller);
    try {
      return await this.idempotency.run(caller, idemKey, operation, request, 201, async (em) => {
        const cur = await this.current(em, enterpriseId);
        const { items, note } = change(cur.items);
        const problems = validateListEdit(cur.items, items);
        if (problems.length) throw validationFailed(problems);
        const next = Object.assign(new RiskList(), {
          id: randomUUID(),
          enterpriseId,
          version: cur.version + 1,
          templateRevision: cur.templateRevision,
          items,
          changeNote: note.slice(0, 500),
          createdBy: caller.id,
          createdAt: new Date(),
        });
        await em.insert(RiskList, next);
        return this.toDto(next);
      });
    } catch (e) {
      if (e instanceof RiskListEditError) throw validationFailed(e.problems);
      if (isUniqueViolation(e)) throw AppError.of(RiskListErrors, 'RISK_LIST_CHANGED');
      throw e;
    }
  }

  private enterpriseOf(caller: Caller): string {
    if (!caller.enterpriseId) throw AppError.of(RiskListErrors, 'NO_ENTERPRISE');
    return caller.enterpriseId;
  }

  private toDto(r: RiskList): RiskListDto {
    return {
      enterpriseId: r.enterpriseId,
      version: r.version,
      templateRevision: r.templateRevision,
      items: r.items,
      changeNote: r.changeNote,
      createdBy: r.createdBy,
      createdAt: r.createdAt.toISOString(),
    };
  }
}
