import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, registerDecorator } from 'class-validator';
import {
  RECTIFICATION_LIMITS,
  RECTIFICATION_ORDER_STATUSES,
  RECTIFICATION_SOURCE_TYPES,
  RectificationAcceptRequest,
  RectificationCreateRequest,
  RectificationListQuery,
  RectificationOrderStatus,
  RectificationRejectRequest,
  RectificationRespondRequest,
  RectificationSourceType,
  rectificationItemsProblem,
} from '@shian/shared';
import { IsBusinessDate, Trim } from '../../common/decorators';
import { ScopedListQuery } from '../../common/pagination';
import { ExportFormat, ExportFormatField } from '../../common/xlsx-export';

const L = RECTIFICATION_LIMITS;

/** The order's items (整改事项), with the shared rule's messages: the field name `items` alone would read 检查项. */
function AreRectificationItems(): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'areRectificationItems',
      target: object.constructor,
      propertyName: String(propertyName),
      validator: { validate: (v: unknown) => rectificationItemsProblem(v) === null, defaultMessage: (args) => rectificationItemsProblem(args?.value) ?? '整改事项无效' },
    });
}

const trimEach = (): PropertyDecorator => Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value));

export class CreateRectificationDto implements RectificationCreateRequest {
  @ApiProperty({ description: '被下发整改通知的企业（须属本辖区）' })
  @IsUUID()
  enterpriseId!: string;

  @ApiPropertyOptional({ enum: RECTIFICATION_SOURCE_TYPES, default: 'manual', description: '来源：daily_check / weekly_investigation / monthly_review（从记录下发，须填 sourceId）、complaint（从针对该企业的投诉举报下发，sourceId 为投诉举报ID）或 manual（直接下发）' })
  @IsOptional()
  @IsIn(RECTIFICATION_SOURCE_TYPES)
  sourceType?: RectificationSourceType;

  @ApiPropertyOptional({ nullable: true, description: '来源记录的版本ID（须为该企业的记录），或投诉举报ID' })
  @IsOptional()
  @IsUUID()
  sourceId?: string | null;

  @ApiProperty({ type: [String], example: ['冷藏柜温度计损坏，立即更换并每日记录温度', '补齐从业人员健康证'], description: `整改事项，${L.minItems}–${L.maxItems} 项，每项不超过 ${L.itemMaxLength} 字` })
  @trimEach()
  @AreRectificationItems()
  items!: string[];

  @ApiProperty({ example: '2026-12-10', description: '整改期限（北京时间营业日期，不能早于今天）' })
  @IsString()
  @IsBusinessDate()
  deadline!: string;
}

export class RespondRectificationDto implements RectificationRespondRequest {
  @ApiProperty({ example: '已更换冷藏柜温度计，安排专人每日两次记录温度', description: `整改措施（不超过 ${L.measuresMaxLength} 字）` })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.measuresMaxLength)
  measures!: string;

  @ApiProperty({ type: [String], description: `整改后的照片：先以 POST /api/files（kind=photo）上传，${L.minPhotos}–${L.maxPhotos} 张` })
  @IsArray()
  @ArrayMaxSize(L.maxPhotos)
  @IsUUID(undefined, { each: true })
  photoIds!: string[];
}

export class AcceptRectificationDto implements RectificationAcceptRequest {
  @ApiPropertyOptional({ example: '现场复查，整改到位', description: '验收意见（选填）' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(L.commentMaxLength)
  comment?: string | null;
}

export class RejectRectificationDto implements RectificationRejectRequest {
  @ApiProperty({ example: '照片未显示温度计读数，请补拍', description: '退回意见（必填）' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.commentMaxLength)
  comment!: string;
}

export class ListRectificationsQuery extends ScopedListQuery implements RectificationListQuery {
  @ApiPropertyOptional({ enum: RECTIFICATION_ORDER_STATUSES, description: 'open 待整改 / answered 待验收 / closed 已验收 / returned 退回整改' })
  @IsOptional()
  @IsIn(RECTIFICATION_ORDER_STATUSES)
  status?: RectificationOrderStatus;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true：只看已逾期（未验收且已过整改期限）；false：只看未逾期' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ example: '2026-11-01', description: '下发日期起（含）' })
  @IsOptional()
  @IsBusinessDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: '下发日期止（含）' })
  @IsOptional()
  @IsBusinessDate()
  to?: string;

  @ApiPropertyOptional({ description: '从该记录版本下发的整改通知' })
  @IsOptional()
  @IsUUID()
  sourceId?: string;

  @ExportFormatField()
  format?: ExportFormat;
}
