// Regulators import a list of businesses from a workbook. Each row stands alone: a row with any
// problem is not imported at all, and the report names its row, column and what is wrong; the
// good rows are imported, active at once, as if the regulator had created each.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, In } from 'typeorm';
import { EnterpriseImportResult, EnterpriseStatus, ImportRejection, licenceTypeProblem, RegionLevel } from '@shian/shared';
import type { Caller } from '../common/caller';
import { canSee } from '../common/region-scope';
import { isUniqueViolation } from '../common/sql';
import { flattenValidationErrors } from '../common/validation';
import { Region } from '../regions/region.entity';
import { ImportRowDto } from './dto/import-row.dto';
import { Enterprise } from './enterprise.entity';
import { buildEnterprise } from './enterprises.service';
import { columnLetter, IMPORT_COLUMNS, ImportColumn, readImportWorkbook, WorkbookRow } from './enterprise-workbook';
import { refreshEnterpriseRollup, refreshEnterpriseRollups } from '../stats/rollup-rebuild';

const CHUNK = 200;
const column = (field: string): ImportColumn => IMPORT_COLUMNS.find((c) => c.field === field)!;

function chunks<T>(all: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < all.length; i += size) out.push(all.slice(i, i + size));
  return out;
}

interface Candidate {
  row: number;
  dto: ImportRowDto;
}

@Injectable()
export class EnterpriseImportService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async import(caller: Caller, content: Buffer, now = new Date()): Promise<EnterpriseImportResult> {
    const sheet = await readImportWorkbook(content);
    const rejected: ImportRejection[] = [];
    const reject = (row: number, col: ImportColumn | null, message: string) =>
      rejected.push({ row, field: col?.header ?? '行', column: col && sheet.columns.has(col) ? columnLetter(sheet.columns.get(col)! - 1) : null, message });

    // 1. Each row on its own: cells read, then the same rules as a registration.
    let candidates: Candidate[] = [];
    for (const r of sheet.rows) {
      const dto = await this.readRow(r, (col, message) => reject(r.row, col, message));
      if (dto) candidates.push({ row: r.row, dto });
    }

    // 2. The village exists and lies in the caller's region.
    const regions = new Map<string, Region>();
    for (const codes of chunks([...new Set(candidates.map((c) => c.dto.regionCode))])) {
      for (const region of await this.ds.getRepository(Region).find({ where: { code: In(codes) } })) regions.set(region.code, region);
    }
    candidates = candidates.filter(({ row, dto }) => {
      const region = regions.get(dto.regionCode);
      const problem =
        !region || region.level !== RegionLevel.Village
          ? '村/社区代码不存在或不是村（社区）级区划代码（12位）'
          : !canSee(caller, { regionCode: region.code, enterpriseId: '' })
            ? `该村（社区）不在本辖区内（${region.name}），不能导入`
            : null;
      if (problem) reject(row, column('regionCode'), problem);
      return problem === null;
    });

    // 3. Not twice in the file (the first occurrence stays), not already registered.
    const firstRow = { uscc: new Map<string, number>(), licenceNo: new Map<string, number>() };
    candidates = candidates.filter(({ row, dto }) => {
      let ok = true;
      for (const field of ['uscc', 'licenceNo'] as const) {
        const seen = firstRow[field].get(dto[field]);
        if (seen !== undefined) {
          reject(row, column(field), `${column(field).header}与第${seen}行重复`);
          ok = false;
        }
      }
      if (ok) {
        firstRow.uscc.set(dto.uscc, row);
        firstRow.licenceNo.set(dto.licenceNo, row);
      }
      return ok;
    });
    const taken = { uscc: new Set<string>(), licenceNo: new Set<string>() };
    for (const part of chunks(candidates)) {
      const rows = await this.ds
        .getRepository(Enterprise)
        .createQueryBuilder('e')
        .select(['e.id', 'e.uscc', 'e.licenceNo'])
        .where('e.uscc IN (:...usccs) OR e.licenceNo IN (:...licences)', { usccs: part.map((c) => c.dto.uscc), licences: part.map((c) => c.dto.licenceNo) })
        .getMany();
      for (const e of rows) {
        taken.uscc.add(e.uscc);
        taken.licenceNo.add(e.licenceNo);
      }
    }
    candidates = candidates.filter(({ row, dto }) => {
      const dup = (['uscc', 'licenceNo'] as const).filter((f) => taken[f].has(dto[f]));
      for (const f of dup) reject(row, column(f), `该${column(f).header}已登记`);
      return dup.length === 0;
    });

    // 4. The good rows, in batches; should a batch meet a business registered meanwhile, its rows go one by one.
    let imported = 0;
    const build = (dto: ImportRowDto) =>
      buildEnterprise(dto, { status: EnterpriseStatus.Active, grade: dto.grade, registeredBy: null, confirmedBy: caller.id, confirmedAt: now, createdAt: now });
    for (const part of chunks(candidates)) {
      try {
        await this.ds.transaction(async (em) => {
          const rows = part.map((c) => build(c.dto));
          await em.insert(Enterprise, rows);
          await refreshEnterpriseRollups(em, rows.map((r) => r.id));
        });
        imported += part.length;
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        for (const c of part) {
          try {
            await this.ds.transaction(async (em) => {
              const row = build(c.dto);
              await em.insert(Enterprise, row);
              await refreshEnterpriseRollup(em, row.id);
            });
            imported += 1;
          } catch (err) {
            if (!isUniqueViolation(err)) throw err;
            reject(c.row, null, '统一社会信用代码或许可证编号已登记');
          }
        }
      }
    }

    const order = (r: ImportRejection) => IMPORT_COLUMNS.findIndex((c) => c.header === r.field);
    rejected.sort((a, b) => a.row - b.row || order(a) - order(b));
    return { total: sheet.rows.length, imported, rejected };
  }

  /** One row's cells as a checked ImportRowDto, or null after reporting each problem (the first per column). */
  private async readRow(r: WorkbookRow, report: (col: ImportColumn, message: string) => void): Promise<ImportRowDto | null> {
    const problems = new Map<ImportColumn, string>();
    const plain: Record<string, unknown> = {};
    for (const col of IMPORT_COLUMNS) {
      const text = r.cells.get(col);
      if (text === null) {
        problems.set(col, `${col.header}是数字格式且位数过长，已丢失精度：请把该列设为文本格式后重新填写`);
      } else if (text === undefined || text === '') {
        if (col.required) problems.set(col, `${col.header}不能为空`);
      } else {
        const parsed = col.parse(text);
        if ('problem' in parsed) problems.set(col, parsed.problem);
        else plain[col.field] = parsed.value;
      }
    }
    const dto = plainToInstance(ImportRowDto, plain);
    const errors = flattenValidationErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } }));
    for (const e of errors) {
      const col = IMPORT_COLUMNS.find((c) => c.field === e.field.split(/[.[]/)[0]);
      if (col && !problems.has(col)) problems.set(col, e.message);
    }
    const licence = column('licenceNo');
    if (!problems.has(licence) && !problems.has(column('businessType'))) {
      const kind = licenceTypeProblem(dto.businessType, dto.licenceNo);
      if (kind) problems.set(licence, kind);
    }
    for (const col of IMPORT_COLUMNS) if (problems.has(col)) report(col, problems.get(col)!);
    return problems.size ? null : dto;
  }
}
