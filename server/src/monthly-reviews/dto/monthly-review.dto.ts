import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { MonthlyReviewAmendRequest, MonthlyReviewCreateRequest, PeriodRecordListQuery } from '@shian/shared';
import { IsBusinessDate, Trim } from '../../common/decorators';
import { RecordListQuery } from '../../common/pagination';
import { ExportFormat, ExportFormatField } from '../../common/xlsx-export';
import { IsConfirmed, IsMonthKey } from '../../common/decorators';

/** A list of lines, each trimmed (so ['  '] is an empty line, refused) and at most `maxLength` long. */
const TextList = (opts: { min: number; maxItems: number; maxLength: number }): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value)),
    IsArray(),
    ArrayMinSize(opts.min),
    ArrayMaxSize(opts.maxItems),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(opts.maxLength, { each: true }),
  );

class MonthlyReviewBody {
  @ApiProperty({ example: '2026-11-28', description: '会议日期' })
  @IsString()
  @IsBusinessDate()
  meetingDate!: string;

  @ApiProperty({ example: '店内会议室' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  place!: string;

  @ApiProperty({ type: [String], example: ['王总（主要负责人）', '李总监'] })
  @TextList({ min: 1, maxItems: 50, maxLength: 50 })
  attendees!: string[];

  @ApiProperty({ example: '听取总监汇报本月日管控、周排查情况' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  discussion!: string;

  @ApiProperty({ type: [String] })
  @TextList({ min: 0, maxItems: 50, maxLength: 500 })
  decisions!: string[];

  @ApiProperty({ type: [String] })
  @TextList({ min: 0, maxItems: 50, maxLength: 500 })
  nextMonthWork!: string[];

  @ApiProperty({ example: true, description: '主要负责人签字确认（以当前账号和服务器时间签署）' })
  @IsConfirmed()
  confirm!: true;
}

export class CreateMonthlyReviewDto extends MonthlyReviewBody implements MonthlyReviewCreateRequest {
  @ApiProperty({ example: '2026-11' })
  @IsString()
  @IsMonthKey()
  month!: string;
}

export class AmendMonthlyReviewDto extends MonthlyReviewBody implements MonthlyReviewAmendRequest {
  @ApiProperty({ example: '补记参会人员' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class MonthQuery {
  @ApiProperty({ example: '2026-11' })
  @IsString()
  @IsMonthKey()
  month!: string;
}

export class ListMonthlyReviewsQuery extends RecordListQuery implements PeriodRecordListQuery {
  @ApiPropertyOptional({ example: '2026-01', description: '起始月份' })
  @IsOptional()
  @IsMonthKey()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12', description: '截止月份' })
  @IsOptional()
  @IsMonthKey()
  to?: string;

  @ExportFormatField()
  format?: ExportFormat;
}
