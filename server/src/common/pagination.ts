import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsRegionCode, QueryBoolean } from './decorators';
import { MAX_PAGE_SIZE } from '@shian/shared';

/** Query strings are text: only plain digits become numbers; '1e20', '0x10' or '' stay invalid. */
export const DigitsToNumber = (): PropertyDecorator =>
  Transform(({ value }) => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value));

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @DigitsToNumber()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @DigitsToNumber()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}

export function pageOf(q: PageQuery): { page: number; pageSize: number; skip: number } {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  return { page, pageSize, skip: (page - 1) * pageSize };
}

/** A paged list that officials narrow to a part of their region or to one business. */
export class ScopedListQuery extends PageQuery {
  @ApiPropertyOptional({ example: '150102', description: '区划代码（限本辖区内）' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @ApiPropertyOptional({ description: '企业ID' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;
}

/** The lists of submitted records (daily, weekly, monthly): scoped, and filtered by review. */
export class RecordListQuery extends ScopedListQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'false：只看尚未审阅的记录（审阅队列）；true：只看已审阅或已退回的' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  reviewed?: boolean;
}
