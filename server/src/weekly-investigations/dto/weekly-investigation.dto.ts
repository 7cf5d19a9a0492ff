import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import {
  PeriodRecordListQuery,
  ProblemResolutionRequest,
  WeeklyHazard,
  WeeklyInvestigationAmendRequest,
  WeeklyInvestigationCreateRequest,
  WeeklyMeasure,
} from '@shian/shared';
import { IsBusinessDate, IsConfirmed, IsIsoWeek, Trim } from '../../common/decorators';
import { CheckItemAnswerDto } from '../../common/check-item-answer.dto';
import { RecordListQuery } from '../../common/pagination';
import { ExportFormat, ExportFormatField } from '../../common/xlsx-export';

export class WeeklyHazardDto implements WeeklyHazard {
  @ApiProperty({ example: '冷藏柜温度计损坏', description: '本次排查发现的隐患' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description!: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsUUID('all', { each: true })
  photoIds?: string[];
}

export class WeeklyMeasureDto implements WeeklyMeasure {
  @ApiProperty({ example: '更换冷藏柜温度计并每日记录温度' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description!: string;

  @ApiProperty({ example: '张三', description: '责任人' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  owner!: string;

  @ApiProperty({ example: '2026-12-01', description: '整改期限' })
  @IsString()
  @IsBusinessDate()
  deadline!: string;
}

export class ProblemResolutionDto implements ProblemResolutionRequest {
  @ApiProperty({ description: '待整改问题的ID（GET /api/problems?status=open）' })
  @IsUUID()
  problemId!: string;

  @ApiProperty({ example: '已更换垃圾桶盖，复查合格' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  resolution!: string;
}

class WeeklyInvestigationBody {
  @ApiProperty({ type: [CheckItemAnswerDto], description: '风险管控清单中每周排查项的结果' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CheckItemAnswerDto)
  items!: CheckItemAnswerDto[];

  @ApiProperty({ type: [WeeklyHazardDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => WeeklyHazardDto)
  hazards!: WeeklyHazardDto[];

  @ApiProperty({ type: [WeeklyMeasureDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => WeeklyMeasureDto)
  measures!: WeeklyMeasureDto[];

  @ApiProperty({ type: [ProblemResolutionDto], description: '本次排查处理完毕的问题' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ProblemResolutionDto)
  resolutions!: ProblemResolutionDto[];

  @ApiProperty({ example: '加强冷链温度记录' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  nextWeekRequirements!: string;

  @ApiProperty({ example: true, description: '签字确认（以当前账号和服务器时间签署）' })
  @IsConfirmed()
  confirm!: true;
}

export class CreateWeeklyInvestigationDto extends WeeklyInvestigationBody implements WeeklyInvestigationCreateRequest {
  @ApiProperty({ example: '2026-W48', description: 'ISO 周次（北京时间）' })
  @IsString()
  @IsIsoWeek()
  week!: string;
}

export class AmendWeeklyInvestigationDto extends WeeklyInvestigationBody implements WeeklyInvestigationAmendRequest {
  @ApiProperty({ example: '漏记一项隐患' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class WeekQuery {
  @ApiProperty({ example: '2026-W48' })
  @IsString()
  @IsIsoWeek()
  week!: string;
}

export class ListWeeklyInvestigationsQuery extends RecordListQuery implements PeriodRecordListQuery {
  @ApiPropertyOptional({ example: '2026-W40', description: '起始周次' })
  @IsOptional()
  @IsIsoWeek()
  from?: string;

  @ApiPropertyOptional({ example: '2026-W48', description: '截止周次' })
  @IsOptional()
  @IsIsoWeek()
  to?: string;

  @ExportFormatField()
  format?: ExportFormat;
}
