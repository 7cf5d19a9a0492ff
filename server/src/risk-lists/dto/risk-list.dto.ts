import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { RISK_ITEM_TEXT_LIMITS as LIMIT } from '@shian/shared';
import type { ControlFrequency, ControlOwner, RiskItemAddRequest, RiskItemApplicabilityRequest } from '@shian/shared';
import { Trim } from '../../common/decorators';

export class AddRiskItemDto implements RiskItemAddRequest {
  @ApiProperty({ example: '从业人员管理', description: '环节' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMIT.stage)
  stage!: string;

  @ApiProperty({ example: '生物性污染', description: '风险类型' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMIT.riskType)
  riskType!: string;

  @ApiProperty({ example: '外卖打包间苍蝇', description: '风险点' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMIT.riskPoint)
  riskPoint!: string;

  @ApiProperty({ example: '外卖打包间灭蝇灯开启且完好', description: '管控措施（检查内容）' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMIT.measure)
  measure!: string;

  @ApiProperty({ example: '现场查看', description: '检查方法' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMIT.method)
  method!: string;

  @ApiProperty({ enum: ['daily', 'weekly'], description: '管控频次' })
  @IsIn(['daily', 'weekly'])
  frequency!: ControlFrequency;

  @ApiPropertyOptional({ enum: ['officer', 'director', 'principal'], description: '负责人（默认按频次）' })
  @IsOptional()
  @IsIn(['officer', 'director', 'principal'])
  owner?: ControlOwner;
}

export class SetApplicabilityDto implements RiskItemApplicabilityRequest {
  @ApiProperty({ description: '是否适用本企业' })
  @IsBoolean()
  applicable!: boolean;

  @ApiProperty({ example: '本店不经营冷荤类食品', description: '原因' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reason!: string;
}
