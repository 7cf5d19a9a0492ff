import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { EnterpriseTodoStatus, SpotExamCreateRequest, SpotExamListQuery, TodoCloseRequest } from '@shian/shared';
import { IsBusinessDate, Trim } from '../../common/decorators';
import { ScopedListQuery } from '../../common/pagination';

export class CreateSpotExamDto implements SpotExamCreateRequest {
  @ApiProperty({ description: '被抽查考核的食品安全总监或食品安全员（须属本辖区企业）' })
  @IsUUID()
  userId!: string;

  @ApiProperty({ example: '2026-11-20', description: '抽查考核日期（不能晚于今天）' })
  @IsString()
  @IsBusinessDate()
  examinedOn!: string;

  @ApiProperty({ example: 85, description: '成绩（0 至满分）' })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  score!: number;

  @ApiPropertyOptional({ example: 100, default: 100, description: '满分' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(1000)
  fullMark?: number;

  @ApiPropertyOptional({ example: 30, description: '题目数量' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  questionCount?: number | null;

  @ApiPropertyOptional({ description: '备注' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  notes?: string | null;
}

const FOLLOW_UPS: readonly EnterpriseTodoStatus[] = ['open', 'closed'];

export class ListSpotExamsQuery extends ScopedListQuery implements SpotExamListQuery {
  @ApiPropertyOptional({ description: '被考核人员ID' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: '是否合格' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  passed?: boolean;

  @ApiPropertyOptional({ enum: FOLLOW_UPS, description: '不合格后的整改待办：open 未关闭 / closed 已关闭' })
  @IsOptional()
  @IsIn(FOLLOW_UPS)
  followUp?: EnterpriseTodoStatus;
}

export class CloseTodoDto implements TodoCloseRequest {
  @ApiProperty({ enum: ['replaced'], description: 'replaced：该人员已不再担任本企业的食品安全总监或食品安全员（已更换）' })
  @IsIn(['replaced'])
  closure!: 'replaced';

  @ApiPropertyOptional({ example: '已另行任命李某为食品安全员', description: '说明' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}
