import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import {
  COMPLAINT_ACTIONS,
  COMPLAINT_KINDS,
  COMPLAINT_LIMITS,
  COMPLAINT_STATUSES,
  ComplaintAction,
  ComplaintActionRequest,
  ComplaintAssignRequest,
  ComplaintKind,
  ComplaintListQuery,
  ComplaintRevealRequest,
  ComplaintStatus,
  PublicComplaintCreateRequest,
  WORKING_CALENDAR_DAY_KINDS,
  WorkingCalendarDay,
  WorkingCalendarDayKind,
} from '@shian/shared';
import { IsBusinessDate, IsMobilePhone, IsRegionCode, QueryBoolean, Trim } from '../../common/decorators';
import { ScopedListQuery } from '../../common/pagination';
import { ExportFormat, ExportFormatField } from '../../common/xlsx-export';

const L = COMPLAINT_LIMITS;
/** '' and '   ' from a form are "not given". */
const BlankToNull = (): PropertyDecorator => Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value));

export class PublicComplaintDto implements PublicComplaintCreateRequest {
  @ApiProperty({ enum: COMPLAINT_KINDS, description: 'complaint 投诉（本人的消费纠纷） / report 举报（违法行为线索）' })
  @IsIn(COMPLAINT_KINDS)
  kind!: ComplaintKind;

  @ApiPropertyOptional({ nullable: true, description: '被投诉举报的企业（扫公示牌二维码或搜索得到）；未登记的经营者不填，改填 businessName、businessAddress、regionCode' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '夜市无名烧烤摊', description: `未登记经营者的名称（不超过 ${L.businessNameMaxLength} 字）` })
  @IsOptional()
  @BlankToNull()
  @IsString()
  @MaxLength(L.businessNameMaxLength)
  businessName?: string | null;

  @ApiPropertyOptional({ nullable: true, description: `未登记经营者的地址（不超过 ${L.businessAddressMaxLength} 字）` })
  @IsOptional()
  @BlankToNull()
  @IsString()
  @MaxLength(L.businessAddressMaxLength)
  businessAddress?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '150102', description: '未登记经营者所在区划（至少到县级，6位及以上）：由该辖区监管人员受理' })
  @IsOptional()
  @BlankToNull()
  @IsRegionCode()
  regionCode?: string | null;

  @ApiProperty({ example: '在该店就餐后腹泻，菜品有异味', description: `发生了什么（${L.descriptionMinLength}–${L.descriptionMaxLength} 字）` })
  @Trim()
  @IsString()
  @MinLength(L.descriptionMinLength)
  @MaxLength(L.descriptionMaxLength)
  description!: string;

  @ApiProperty({ example: '2026-11-24', description: '发生日期（北京时间，不能晚于今天）' })
  @IsString()
  @IsBusinessDate()
  happenedOn!: string;

  @ApiPropertyOptional({ nullable: true, example: '大厅 3 号桌', description: `发生地点（不超过 ${L.placeMaxLength} 字）` })
  @IsOptional()
  @BlankToNull()
  @IsString()
  @MaxLength(L.placeMaxLength)
  incidentPlace?: string | null;

  @ApiPropertyOptional({ type: [String], description: `照片：先以 POST /api/public/complaint-photos 上传（同一设备），至多 ${L.maxPhotos} 张` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.maxPhotos)
  @IsUUID(undefined, { each: true })
  photoIds?: string[];

  @ApiProperty({ description: '匿名提交：不保存任何身份信息（此时不得填写姓名和电话）' })
  @IsBoolean()
  anonymous!: boolean;

  @ApiPropertyOptional({ nullable: true, description: `姓名（选填，加密保存，仅承办人经登记后可查看；不超过 ${L.nameMaxLength} 字）` })
  @IsOptional()
  @BlankToNull()
  @IsString()
  @MaxLength(L.nameMaxLength)
  contactName?: string | null;

  @ApiPropertyOptional({ nullable: true, description: '手机号（选填，加密保存，仅承办人经登记后可查看）' })
  @IsOptional()
  @BlankToNull()
  @IsMobilePhone()
  contactPhone?: string | null;

  @ApiProperty({ description: 'GET /api/public/challenge 返回的 token（10 分钟内有效，只能用一次）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  challengeToken!: string;

  @ApiProperty({ example: '19', description: '验证题的答案' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10)
  challengeAnswer!: string;
}

export class PublicEnterpriseSearchQuery {
  @ApiProperty({ example: '青城味道', description: '企业名称中的文字（2–50 字）' })
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(50)
  q!: string;

  @ApiPropertyOptional({ example: '150102', description: '只在该区划内查找' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;
}

export class PublicComplaintQuery {
  @ApiProperty({ description: '提交时显示的 8 位查询码' })
  @IsString()
  @MaxLength(20)
  code!: string;
}

export class ListComplaintsQuery extends ScopedListQuery implements ComplaintListQuery {
  @ApiPropertyOptional({ enum: COMPLAINT_STATUSES })
  @IsOptional()
  @IsIn(COMPLAINT_STATUSES)
  status?: ComplaintStatus;

  @ApiPropertyOptional({ enum: COMPLAINT_KINDS })
  @IsOptional()
  @IsIn(COMPLAINT_KINDS)
  kind?: ComplaintKind;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true：只看当前法定期限已过仍未办理的；false：只看未逾期的' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true：只看未办结的（不含已办结、已处理）；false：只看已办结的' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true：只看由我承办的' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  mine?: boolean;

  @ExportFormatField()
  format?: ExportFormat;
}

export class AssignComplaintDto implements ComplaintAssignRequest {
  @ApiProperty({ description: '承办人：辖区覆盖该件的监管人员' })
  @IsUUID()
  handlerId!: string;
}

export class ComplaintActionDto implements ComplaintActionRequest {
  @ApiProperty({ enum: COMPLAINT_ACTIONS, description: '办理操作，见 GET /api/complaints/:id 的 actions（当前状态允许的操作）' })
  @IsIn(COMPLAINT_ACTIONS)
  action!: ComplaintAction;

  @ApiPropertyOptional({ nullable: true, description: `理由、答复或告知内容（不超过 ${L.textMaxLength} 字）；不予受理、终止调解、不予立案、告知、答复、延期时必填` })
  @IsOptional()
  @BlankToNull()
  @IsString()
  @MaxLength(L.textMaxLength)
  text?: string | null;
}

export class RevealComplainantDto implements ComplaintRevealRequest {
  @ApiProperty({ example: '电话联系投诉人核实就餐时间', description: `查看身份的事由（记入审计日志；不超过 ${L.revealReasonMaxLength} 字）` })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.revealReasonMaxLength)
  reason!: string;
}

export class WorkingCalendarDayDto implements WorkingCalendarDay {
  @ApiProperty({ example: '2026-10-01' })
  @IsString()
  @IsBusinessDate()
  date!: string;

  @ApiProperty({ enum: WORKING_CALENDAR_DAY_KINDS, description: 'holiday 放假 / workday 调休上班（须为周六或周日）' })
  @IsIn(WORKING_CALENDAR_DAY_KINDS)
  kind!: WorkingCalendarDayKind;

  @ApiProperty({ example: '国庆节' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;
}

export class PutWorkingCalendarDto {
  @ApiProperty({ type: [WorkingCalendarDayDto], description: '该年全部放假日和调休上班日（整体替换）' })
  @IsArray()
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => WorkingCalendarDayDto)
  days!: WorkingCalendarDayDto[];
}
