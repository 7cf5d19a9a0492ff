import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { CheckResult, DailyCheckAmendRequest, DailyCheckCreateRequest, DailyCheckItemAnswer, DailyCheckListQuery } from '@shian/shared';
import { IsBusinessDate, IsRegionCode, Trim } from '../../common/decorators';
import { PageQuery } from '../../common/pagination';

export class DailyCheckItemDto implements DailyCheckItemAnswer {
  @ApiProperty({ example: 'D01', description: '检查项编码' })
  @IsString()
  @MaxLength(20)
  code!: string;

  @ApiProperty({ enum: CheckResult, description: 'pass 符合 / fail 不符合 / na 不适用' })
  @IsEnum(CheckResult)
  result!: CheckResult;

  @ApiPropertyOptional({ description: '问题描述（不符合时必填）' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  problem?: string;

  @ApiPropertyOptional({ description: '采取的措施（不符合时必填）' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  measure?: string;

  @ApiPropertyOptional({ description: '是否当场整改（不符合时必填）' })
  @IsOptional()
  @IsBoolean()
  fixedOnSpot?: boolean;

  @ApiPropertyOptional({ type: [String], description: '现场照片（先经 POST /api/files 上传）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsUUID('all', { each: true })
  photoIds?: string[];
}

export class CreateDailyCheckDto implements DailyCheckCreateRequest {
  @ApiProperty({ example: '2026-11-25', description: '营业日期（北京时间，YYYY-MM-DD）' })
  @IsString()
  @IsBusinessDate()
  businessDate!: string;

  @ApiProperty({ type: [DailyCheckItemDto], description: '检查清单每一项的结果' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => DailyCheckItemDto)
  items!: DailyCheckItemDto[];

  @ApiPropertyOptional({ description: '备注' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  remarks?: string;
}

export class AmendDailyCheckDto implements DailyCheckAmendRequest {
  @ApiProperty({ example: '漏填了冷藏温度的问题', description: '更正原因' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @ApiProperty({ type: [DailyCheckItemDto], description: '更正后的全部检查项' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => DailyCheckItemDto)
  items!: DailyCheckItemDto[];

  @ApiPropertyOptional({ description: '备注' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  remarks?: string;
}

export class ListDailyChecksQuery extends PageQuery implements DailyCheckListQuery {
  @ApiPropertyOptional({ example: '2026-11-01' })
  @IsOptional()
  @IsBusinessDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30' })
  @IsOptional()
  @IsBusinessDate()
  to?: string;

  @ApiPropertyOptional({ example: '150102', description: '区划代码（限本辖区内）' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;
}
