import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { BusinessType, COMPLIANCE_STATES, ComplianceState, EnterpriseConfirmRequest, EnterpriseDirectoryQuery, EnterpriseRejectRequest, EnterpriseStatus, Grade } from '@shian/shared';
import { IsRegionCode, Trim } from '../../common/decorators';
import { PageQuery } from '../../common/pagination';
import { ExportFormat, ExportFormatField } from '../../common/xlsx-export';

export class ConfirmEnterpriseDto implements EnterpriseConfirmRequest {
  @ApiProperty({ enum: Grade, description: '核定的风险等级 A–D' })
  @IsEnum(Grade)
  grade!: Grade;
}

export class RejectEnterpriseDto implements EnterpriseRejectRequest {
  @ApiProperty({ example: '许可证编号与营业执照不一致，请核对后重新登记', description: '驳回原因（企业可见）' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reason!: string;
}

export class ListEnterprisesQuery extends PageQuery implements EnterpriseDirectoryQuery {
  @ApiPropertyOptional({ description: '企业名称（包含）或统一社会信用代码（开头）' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: COMPLIANCE_STATES, description: '近7日日管控：ok 正常（无漏查）/ gaps 有漏查 / silent 未检查（应查而一天未查）；仅已确认企业' })
  @IsOptional()
  @IsIn(COMPLIANCE_STATES)
  compliance?: ComplianceState;

  @ExportFormatField()
  format?: ExportFormat;

  @ApiPropertyOptional({ enum: EnterpriseStatus, description: '状态；pending 为待审核队列（先到先审）' })
  @IsOptional()
  @IsEnum(EnterpriseStatus)
  status?: EnterpriseStatus;

  @ApiPropertyOptional({ description: '企业名称（包含）' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ description: '统一社会信用代码' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(18)
  uscc?: string;

  @ApiPropertyOptional({ enum: Grade })
  @IsOptional()
  @IsEnum(Grade)
  grade?: Grade;

  @ApiPropertyOptional({ enum: BusinessType })
  @IsOptional()
  @IsEnum(BusinessType)
  businessType?: BusinessType;

  @ApiPropertyOptional({ example: '150102', description: '区划代码（限本辖区内）' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;
}
