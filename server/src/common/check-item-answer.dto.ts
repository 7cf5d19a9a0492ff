// One answered item of a risk-control list, as the daily check and the weekly investigation send it.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CheckResult, DailyCheckItemAnswer } from '@shian/shared';

export class CheckItemAnswerDto implements DailyCheckItemAnswer {
  @ApiProperty({ example: 'D01', description: '检查项编码（风险管控清单中的编码）' })
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
