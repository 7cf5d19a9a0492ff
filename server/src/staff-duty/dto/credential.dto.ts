import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsIn, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { CredentialCreateRequest, CredentialKind, CredentialListQuery, CredentialRejectRequest, CredentialReview, CredentialStatus } from '@shian/shared';
import { IsBusinessDate, Trim } from '../../common/decorators';
import { ScopedListQuery } from '../../common/pagination';

const REVIEWS: readonly CredentialReview[] = [CredentialStatus.Pending, CredentialStatus.Verified, CredentialStatus.Rejected];

export class CreateCredentialDto implements CredentialCreateRequest {
  @ApiProperty({ description: '持证人（本企业的食品安全总监或食品安全员；食品安全员只能是本人）' })
  @IsUUID()
  userId!: string;

  @ApiProperty({ enum: CredentialKind, description: 'appointment_letter 任命书 / training_record 培训记录 / assessment 考核结果' })
  @IsEnum(CredentialKind)
  kind!: CredentialKind;

  @ApiProperty({ type: [String], description: '附件：先以 POST /api/files（kind=credential）上传的图片或 PDF 的ID，1–10 个' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsUUID(undefined, { each: true })
  fileIds!: string[];

  @ApiProperty({ example: '2026-03-01', description: '任命日期 / 培训日期 / 考核日期（YYYY-MM-DD，不能晚于今天）' })
  @IsString()
  @IsBusinessDate()
  issuedOn!: string;

  @ApiPropertyOptional({ example: '2027-02-28', nullable: true, description: '有效期至（含当天）；长期有效则不填' })
  @IsOptional()
  @IsString()
  @IsBusinessDate()
  validUntil?: string | null;

  @ApiPropertyOptional({ example: 16, description: '培训学时（仅培训记录，必填）' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0.5)
  @Max(1000)
  trainingHours?: number | null;

  @ApiPropertyOptional({ example: 92, description: '考核成绩（仅考核结果，可不填）' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  assessmentScore?: number | null;

  @ApiPropertyOptional({ description: '被替换的资质记录ID：驳回后重新上传或到期换证时填写，原记录保留' })
  @IsOptional()
  @IsUUID()
  supersedesId?: string | null;
}

export class RejectCredentialDto implements CredentialRejectRequest {
  @ApiProperty({ example: '任命书未加盖公章', description: '驳回原因' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class ListCredentialsQuery extends ScopedListQuery implements CredentialListQuery {
  @ApiPropertyOptional({ description: '持证人ID' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ enum: REVIEWS, description: 'pending 待审核（待审队列：不含已被替换的，最早的在前）/ verified 已核验 / rejected 已驳回' })
  @IsOptional()
  @IsIn(REVIEWS)
  status?: CredentialReview;

  @ApiPropertyOptional({ enum: CredentialKind })
  @IsOptional()
  @IsEnum(CredentialKind)
  kind?: CredentialKind;
}

export const EXPIRY_STATES = ['expiring', 'expired'] as const;
export type ExpiryState = (typeof EXPIRY_STATES)[number];

export class ExpiringCredentialsQuery extends ScopedListQuery {
  @ApiPropertyOptional({ enum: EXPIRY_STATES, default: 'expiring', description: 'expiring 30 天内到期（含到期当天）/ expired 已过期；均为各人各类最新的一份' })
  @IsOptional()
  @IsIn(EXPIRY_STATES)
  state?: ExpiryState;
}
