import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { DailyCheckAmendRequest, DailyCheckCreateRequest, DailyCheckListQuery } from '@shian/shared';
import { IsBusinessDate, IsConfirmed, Trim } from '../../common/decorators';
import { RecordListQuery } from '../../common/pagination';
import { ExportFormat, ExportFormatField } from '../../common/xlsx-export';
import { CheckItemAnswerDto } from '../../common/check-item-answer.dto';

export class CreateDailyCheckDto implements DailyCheckCreateRequest {
  @ApiProperty({ example: '2026-11-25', description: '营业日期（北京时间，YYYY-MM-DD）' })
  @IsString()
  @IsBusinessDate()
  businessDate!: string;

  @ApiProperty({ type: [CheckItemAnswerDto], description: '检查清单每一项的结果' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CheckItemAnswerDto)
  items!: CheckItemAnswerDto[];

  @ApiPropertyOptional({ description: '备注' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  remarks?: string;

  @ApiProperty({ example: true, description: '签字确认：本人确认以上检查属实（以当前账号和服务器时间签署）' })
  @IsConfirmed()
  confirm!: true;
}

export class AmendDailyCheckDto implements DailyCheckAmendRequest {
  @ApiProperty({ example: '漏填了冷藏温度的问题', description: '更正原因' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @ApiProperty({ type: [CheckItemAnswerDto], description: '更正后的全部检查项' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CheckItemAnswerDto)
  items!: CheckItemAnswerDto[];

  @ApiPropertyOptional({ description: '备注' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  remarks?: string;

  @ApiProperty({ example: true, description: '签字确认：本人确认以上检查属实（以当前账号和服务器时间签署）' })
  @IsConfirmed()
  confirm!: true;
}

export class ListDailyChecksQuery extends RecordListQuery implements DailyCheckListQuery {
  @ApiPropertyOptional({ example: '2026-11-01' })
  @IsOptional()
  @IsBusinessDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30' })
  @IsOptional()
  @IsBusinessDate()
  to?: string;

  @ExportFormatField()
  format?: ExportFormat;
}
