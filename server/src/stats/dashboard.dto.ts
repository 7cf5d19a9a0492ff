import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsOptional } from 'class-validator';
import { BusinessType, DashboardQuery as DashboardQueryShape, Grade, INDICATOR_KEYS, IndicatorKey, TrendGranularity } from '@shian/shared';
import { IsBusinessDate, IsRegionCode } from '../common/decorators';
import { ExportFormat, ExportFormatField } from '../common/xlsx-export';

const GRANULARITIES: TrendGranularity[] = ['day', 'week', 'month'];

export class DashboardQuery implements DashboardQueryShape {
  @ApiPropertyOptional({ example: '150102', description: '区划代码（默认本人辖区；须在本辖区内）' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @ApiProperty({ example: '2026-10-27', description: '开始日期（营业日期，含）' })
  @IsBusinessDate()
  from!: string;

  @ApiProperty({ example: '2026-11-25', description: '结束日期（营业日期，含；不晚于今天）' })
  @IsBusinessDate()
  to!: string;

  @ApiPropertyOptional({ enum: Grade, description: '风险等级' })
  @IsOptional()
  @IsEnum(Grade, { message: '风险等级须为 A、B、C、D 之一' })
  grade?: Grade;

  @ApiPropertyOptional({ enum: BusinessType, description: '业态' })
  @IsOptional()
  @IsEnum(BusinessType, { message: `业态须为 ${Object.values(BusinessType).join('、')} 之一` })
  type?: BusinessType;

  @ApiPropertyOptional({ enum: GRANULARITIES, description: '趋势粒度：day / week / month（默认按期间长短）' })
  @IsOptional()
  @IsIn(GRANULARITIES, { message: '趋势粒度须为 day、week、month 之一' })
  granularity?: TrendGranularity;

  @ApiPropertyOptional({ enum: INDICATOR_KEYS, description: '下级排名所依据的指标（默认 dailyCheckCompletion）' })
  @IsOptional()
  @IsIn(INDICATOR_KEYS, { message: '排名指标不存在' })
  rankBy?: IndicatorKey;

  @ExportFormatField()
  format?: ExportFormat;
}

export class RankingQuery extends DashboardQuery {
  @ApiPropertyOptional({ enum: INDICATOR_KEYS, description: '排名指标（默认 dailyCheckCompletion）' })
  @IsOptional()
  @IsIn(INDICATOR_KEYS, { message: '排名指标不存在' })
  indicator?: IndicatorKey;
}
