// Request shapes of /api/supervision-visits and the supervision settings and statistics (shared
// supervision/api.ts), checked by class-validator with Chinese messages naming the field. The
// checklist rules (every item answered once, a note with 不符合, problems → deadline and photos) are
// checked by the service, which names each offending item.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNumber, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  Grade,
  SUPERVISION_ANSWERS,
  SUPERVISION_CHECKLIST,
  SUPERVISION_LIMITS,
  SupervisionAnswer,
  SupervisionAnswerDto as SupervisionAnswerShape,
  SupervisionFrequenciesRequest,
  SupervisionFrequency,
  SupervisionStatsQuery as SupervisionStatsQueryShape,
  SupervisionVisitCreateRequest,
  SupervisionVisitListQuery,
  VisitLocation,
} from '@shian/shared';
import { IsBusinessDate, IsRegionCode } from '../../common/decorators';
import { PageQuery } from '../../common/pagination';

const L = SUPERVISION_LIMITS;

export class SupervisionAnswerBody implements SupervisionAnswerShape {
  @ApiProperty({ enum: SUPERVISION_CHECKLIST.map((i) => i.key), description: '督导检查项' })
  @IsString({ message: '督导检查项必须是字符串' })
  key!: string;

  @ApiProperty({ enum: SUPERVISION_ANSWERS, description: 'yes 符合 / no 不符合 / na 不适用' })
  @IsIn(SUPERVISION_ANSWERS, { message: '检查结论须为 yes（符合）、no（不符合）、na（不适用）之一' })
  answer!: SupervisionAnswer;

  @ApiPropertyOptional({ nullable: true, description: `不符合时必填的说明，不超过 ${L.noteMaxLength} 字` })
  @IsOptional()
  @IsString({ message: '说明必须是字符串' })
  note?: string | null;
}

export class VisitLocationBody implements VisitLocation {
  @ApiProperty({ example: 40.8175, description: '纬度（-90 至 90）' })
  @IsNumber({}, { message: '纬度必须是数字' })
  @Min(-90, { message: '纬度不能小于 -90' })
  @Max(90, { message: '纬度不能大于 90' })
  latitude!: number;

  @ApiProperty({ example: 111.7656, description: '经度（-180 至 180）' })
  @IsNumber({}, { message: '经度必须是数字' })
  @Min(-180, { message: '经度不能小于 -180' })
  @Max(180, { message: '经度不能大于 180' })
  longitude!: number;

  @ApiPropertyOptional({ nullable: true, description: '定位精度（米）' })
  @IsOptional()
  @IsNumber({}, { message: '定位精度必须是数字' })
  @Min(0, { message: '定位精度不能小于 0' })
  @Max(100000, { message: '定位精度不能大于 100000 米' })
  accuracy?: number | null;
}

export class CreateVisitDto implements SupervisionVisitCreateRequest {
  @ApiProperty({ description: '督导的企业（须为本人当前包保的企业）' })
  @IsUUID('all', { message: '企业ID格式无效' })
  enterpriseId!: string;

  @ApiProperty({ type: [SupervisionAnswerBody], description: '督导清单每一项的检查结论，每项一次' })
  @IsArray({ message: '检查结论必须是数组' })
  @ArrayMaxSize(50, { message: '检查结论条目过多' })
  @ValidateNested({ each: true })
  @Type(() => SupervisionAnswerBody)
  answers!: SupervisionAnswerBody[];

  @ApiPropertyOptional({ nullable: true, description: `现场情况，不超过 ${L.observationsMaxLength} 字` })
  @IsOptional()
  @IsString({ message: '现场情况必须是字符串' })
  @MaxLength(L.observationsMaxLength, { message: `现场情况不能超过 ${L.observationsMaxLength} 字` })
  observations?: string | null;

  @ApiPropertyOptional({ type: [String], description: `发现的问题，最多 ${L.maxProblems} 条，每条不超过 ${L.problemMaxLength} 字；有问题时下发整改通知` })
  @IsOptional()
  @IsArray({ message: '发现的问题必须是数组' })
  @IsString({ each: true, message: '发现的问题每条必须是字符串' })
  problems?: string[];

  @ApiPropertyOptional({ nullable: true, example: '2026-12-10', description: '整改期限（有问题时必填；北京时间营业日期，不早于今天）' })
  @IsOptional()
  @IsBusinessDate({ message: '整改期限必须是有效日期（YYYY-MM-DD）' })
  rectificationDeadline?: string | null;

  @ApiPropertyOptional({ type: [String], description: `本人上传的照片（POST /api/files，kind=photo，enterpriseId 为督导的企业），最多 ${L.maxPhotos} 张；有问题时至少 1 张` })
  @IsOptional()
  @IsArray({ message: '照片必须是数组' })
  @ArrayMaxSize(L.maxPhotos, { message: `照片最多 ${L.maxPhotos} 张` })
  @IsUUID('all', { each: true, message: '照片ID格式无效' })
  photoIds?: string[];

  @ApiPropertyOptional({ type: VisitLocationBody, nullable: true, description: '设备定位；不允许定位时为 null' })
  @IsOptional()
  @IsObject({ message: '位置必须是对象' })
  @ValidateNested()
  @Type(() => VisitLocationBody)
  location?: VisitLocationBody | null;
}

export class ListVisitsQuery extends PageQuery implements SupervisionVisitListQuery {
  @ApiPropertyOptional({ description: '企业ID' })
  @IsOptional()
  @IsUUID('all', { message: '企业ID格式无效' })
  enterpriseId?: string;

  @ApiPropertyOptional({ description: '包保干部ID' })
  @IsOptional()
  @IsUUID('all', { message: '包保干部ID格式无效' })
  cadreId?: string;

  @ApiPropertyOptional({ example: '150102', description: '区划代码（限本辖区内）' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @ApiPropertyOptional({ example: '2026-10-01', description: '督导日期起（含）' })
  @IsOptional()
  @IsBusinessDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: '督导日期止（含）' })
  @IsOptional()
  @IsBusinessDate()
  to?: string;
}

export class FrequenciesDto implements SupervisionFrequenciesRequest {
  @ApiProperty({ example: { A: 'quarter', D: 'half_year' }, description: '各风险等级的督导频次：quarter 每季度 / half_year 每半年 / year 每年；未列出的等级不变' })
  @IsObject({ message: '督导频次必须是对象' })
  frequencies!: Partial<Record<Grade, SupervisionFrequency>>;
}


export class SupervisionStatsQuery implements SupervisionStatsQueryShape {
  @ApiPropertyOptional({ example: '150102', description: '区划代码（默认本人辖区；须在本辖区内）' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @ApiPropertyOptional({ example: '2026-11-25', description: '统计所在日期（默认今天，北京时间）：取该日所在的督导周期' })
  @IsOptional()
  @IsBusinessDate()
  date?: string;
}

export class SupervisionRemindersQuery extends SupervisionStatsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100, description: '最多返回条数（未督导数多的在前）' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({}, { message: '条数必须是数字' })
  @Min(1, { message: '条数不能小于 1' })
  @Max(500, { message: '条数不能大于 500' })
  limit?: number;
}
