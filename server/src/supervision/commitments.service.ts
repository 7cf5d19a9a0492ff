// 食品安全责任与任务承诺书 (domain.md §2): each cadre signs one per year in the app (an explicit
// confirmation, stamped with the account and the server's time) or uploads a signed scan. Every
// submission is a new version; nothing is overwritten; the latest of a year is the one that counts.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { CadreDto, COMMITMENT_TEXT, CommitmentDto, ErrorCodes, Page, todayInShanghai } from '@shian/shared';
import { User } from '../auth/user.entity';
import { AppError } from '../common/app-error';
import type { Caller } from '../common/caller';
import { pageOf } from '../common/pagination';
import { applyScope } from '../common/region-scope';
import { FieldProblem, validationFailed } from '../common/validation';
import { EvidenceFile } from '../files/evidence-file.entity';
import { IdempotencyService, Replayable } from '../idempotency/idempotency.service';
import { attachedFiles } from '../staff-duty/people';
import { cadreDtos, cadresInScope } from './cadre-views';
import { CreateCommitmentDto, ListCommitmentsQuery } from './dto/supervision.dto';
import { CadreCommitment } from './supervision.entities';
import { SupervisionErrors } from './supervision.errors';

export const CREATE_COMMITMENT = 'POST /api/commitments';

/** A scan of the signed letter: a document (PDF) or a photo. */
const SCAN_KINDS = ['document', 'photo'];

@Injectable()
export class CommitmentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
  ) {}

  async create(caller: Caller, key: string | undefined, dto: CreateCommitmentDto, now = new Date()): Promise<Replayable<CommitmentDto>> {
    const idemKey = this.idempotency.checkKey(key);
    const thisYear = Number(todayInShanghai(now).slice(0, 4));
    const problems: FieldProblem[] = [];
    if (dto.year !== thisYear && dto.year !== thisYear - 1) problems.push({ field: 'year', message: `年份只能是${thisYear}年或${thisYear - 1}年` });
    const fileIds = (dto.fileIds ?? []).map((id) => id.toLowerCase());
    if (dto.method === 'signed') {
      if (dto.confirmed !== true) problems.push({ field: 'confirmed', message: '在线签署须确认「本人已阅读并承诺履行」（confirmed 为 true）' });
      if (fileIds.length) problems.push({ field: 'fileIds', message: '在线签署不需要上传附件' });
    } else if (!fileIds.length) {
      problems.push({ field: 'fileIds', message: '上传承诺书须附至少 1 个扫描件' });
    } else if (new Set(fileIds).size !== fileIds.length) {
      problems.push({ field: 'fileIds', message: '附件重复' });
    }
    if (problems.length) throw validationFailed(problems);
    return this.idempotency.run(caller, idemKey, CREATE_COMMITMENT, dto, 201, async (em) => {
      const me = await em.findOne(User, { where: { id: caller.id } });
      if (!me?.regionCode) throw new AppError(ErrorCodes.Forbidden, 403, '当前账号未设置包保区域');
      if (fileIds.length) {
        const mine = await em.count(EvidenceFile, { where: { id: In(fileIds), uploadedBy: caller.id, kind: In(SCAN_KINDS) } });
        if (mine !== fileIds.length) throw AppError.of(SupervisionErrors, 'COMMITMENT_FILES', [{ field: 'fileIds', message: SupervisionErrors.COMMITMENT_FILES.message }]);
      }
      const last = await em.createQueryBuilder(CadreCommitment, 'c').select('MAX(c.version)', 'max').where('c.cadreId = :id AND c.year = :year', { id: caller.id, year: dto.year }).getRawOne<{ max: unknown }>();
      const row = Object.assign(new CadreCommitment(), {
        id: randomUUID(),
        cadreId: caller.id,
        regionCode: me.regionCode,
        year: dto.year,
        version: Number(last?.max ?? 0) + 1,
        method: dto.method,
        fileIds,
        text: COMMITMENT_TEXT,
        submittedAt: now,
      });
      // Two submissions at once: the unique (cadre, year, version) index lets one through; the other fails and may retry.
      await em.insert(CadreCommitment, row);
      return (await this.dtos(em, [row]))[0];
    });
  }

  /** The caller's own letters, newest first (every version). */
  async mine(caller: Caller): Promise<CommitmentDto[]> {
    const rows = await this.ds.getRepository(CadreCommitment).find({ where: { cadreId: caller.id }, order: { year: 'DESC', version: 'DESC' } });
    return this.dtos(this.ds.manager, rows);
  }

  /** Officials: the latest letter per cadre for the year; with missing=true the cadres without one. */
  async list(caller: Caller, q: ListCommitmentsQuery, now = new Date()): Promise<Page<CommitmentDto> | Page<CadreDto>> {
    const { page, pageSize, skip } = pageOf(q);
    const year = q.year ?? Number(todayInShanghai(now).slice(0, 4));
    if (q.missing) {
      const qb = cadresInScope(this.ds.manager, caller)
        .andWhere('u.active = :active', { active: true })
        .andWhere('NOT EXISTS (SELECT 1 FROM cadre_commitments cc WHERE cc.cadre_id = u.id AND cc.year = :year)', { year });
      if (q.regionCode) qb.andWhere('u.regionCode LIKE :region', { region: `${q.regionCode}%` });
      const total = await qb.getCount();
      const rows = await qb.orderBy('u.regionCode', 'ASC').addOrderBy('u.name', 'ASC').addOrderBy('u.id', 'ASC').offset(skip).limit(pageSize).getMany();
      return { items: await cadreDtos(this.ds.manager, rows, year), total, page, pageSize };
    }
    const qb = this.ds
      .getRepository(CadreCommitment)
      .createQueryBuilder('c')
      .where('c.year = :year', { year })
      .andWhere('NOT EXISTS (SELECT 1 FROM cadre_commitments n WHERE n.cadre_id = c.cadre_id AND n.year = c.year AND n.version > c.version)');
    applyScope(qb, caller, { region: 'c.regionCode', enterprise: 'c.cadreId' });
    if (q.regionCode) qb.andWhere('c.regionCode LIKE :region', { region: `${q.regionCode}%` });
    const total = await qb.getCount();
    const rows = await qb.orderBy('c.submittedAt', 'DESC').addOrderBy('c.id', 'ASC').offset(skip).limit(pageSize).getMany();
    return { items: await this.dtos(this.ds.manager, rows), total, page, pageSize };
  }

  private async dtos(em: EntityManager, rows: CadreCommitment[]): Promise<CommitmentDto[]> {
    if (!rows.length) return [];
    const files = await attachedFiles(em, rows.flatMap((r) => r.fileIds));
    const names = new Map((await em.getRepository(User).find({ where: { id: In([...new Set(rows.map((r) => r.cadreId))]) }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
    return rows.map((r) => ({
      id: r.id,
      cadreId: r.cadreId,
      cadreName: names.get(r.cadreId) ?? '',
      year: r.year,
      version: r.version,
      method: r.method,
      files: r.fileIds.flatMap((id) => files.get(id) ?? []),
      submittedAt: r.submittedAt.toISOString(),
      text: r.text,
    }));
  }
}

