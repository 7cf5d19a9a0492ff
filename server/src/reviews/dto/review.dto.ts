import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { REVIEW_ACTIONS, REVIEW_COMMENT_MAX, REVIEWED_RECORD_TYPES, ReviewAction, ReviewCreateRequest, ReviewedRecordType, ReviewListQuery } from '@shian/shared';
import { Trim } from '../../common/decorators';
import { PageQuery } from '../../common/pagination';

export class CreateReviewDto implements ReviewCreateRequest {
  @ApiProperty({ enum: REVIEWED_RECORD_TYPES, description: 'daily_check 每日检查 / weekly_investigation 每周排查 / monthly_review 月调度' })
  @IsIn(REVIEWED_RECORD_TYPES)
  recordType!: ReviewedRecordType;

  @ApiProperty({ description: '被审阅的记录版本ID（须为该记录的最新版本）' })
  @IsUUID()
  recordId!: string;

  @ApiProperty({ enum: REVIEW_ACTIONS, description: 'reviewed 已审阅 / returned 退回（须填写意见，企业以新版本更正）' })
  @IsIn(REVIEW_ACTIONS)
  action!: ReviewAction;

  @ApiPropertyOptional({ example: '第3项冷藏温度未记录实测值，请补充', description: '意见：退回或标记有问题时必填' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(REVIEW_COMMENT_MAX)
  comment?: string | null;

  @ApiPropertyOptional({ default: false, description: '标记该记录存在问题' })
  @IsOptional()
  @IsBoolean()
  flagged?: boolean;
}

export class ListReviewsQuery extends PageQuery implements ReviewListQuery {
  @ApiPropertyOptional({ enum: REVIEWED_RECORD_TYPES, description: '与 recordId 一起：该记录（含其各版本）的审阅历史' })
  @IsOptional()
  @IsIn(REVIEWED_RECORD_TYPES)
  recordType?: ReviewedRecordType;

  @ApiPropertyOptional({ description: '记录的任一版本ID' })
  @IsOptional()
  @IsUUID()
  recordId?: string;

  @ApiPropertyOptional({ description: '企业ID：该企业的审阅记录' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;
}
