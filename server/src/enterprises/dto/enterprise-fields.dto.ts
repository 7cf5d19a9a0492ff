import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { BusinessType, CanteenKind, EnterpriseProfileFields, EnterpriseScale } from '@shian/shared';
import { IsRegionCode, IsUscc, Trim } from '../../common/decorators';

/** Mobile numbers, or a landline written as area code and number without hyphens (04716661234). */
export const CONTACT_PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{9,10})$/;
export const CONTACT_PHONE_PROBLEM = '联系电话应为11位手机号，或区号加号码的固定电话（不含横线）';

/** The staffing facts (StaffingProfile) that decide whether a director is required; all optional. */
export class EnterpriseProfileDto implements EnterpriseProfileFields {
  @ApiPropertyOptional({ enum: EnterpriseScale, nullable: true, description: '企业规模（大中型须配备食品安全总监）' })
  @IsOptional()
  @IsEnum(EnterpriseScale)
  scale?: EnterpriseScale | null;

  @ApiPropertyOptional({ nullable: true, description: '连锁餐饮/销售企业总部' })
  @IsOptional()
  @IsBoolean()
  chainHeadquarters?: boolean | null;

  @ApiPropertyOptional({ nullable: true, description: '中央厨房（餐饮）' })
  @IsOptional()
  @IsBoolean()
  centralKitchen?: boolean | null;

  @ApiPropertyOptional({ nullable: true, description: '特殊食品生产企业（保健食品、特医食品、婴幼儿配方食品）' })
  @IsOptional()
  @IsBoolean()
  specialFood?: boolean | null;

  @ApiPropertyOptional({ enum: CanteenKind, nullable: true, description: '食堂类别（单位/学校食堂）' })
  @IsOptional()
  @IsEnum(CanteenKind)
  canteenKind?: CanteenKind | null;

  @ApiPropertyOptional({ nullable: true, description: '食堂承包经营' })
  @IsOptional()
  @IsBoolean()
  contractorOperated?: boolean | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0, description: '平均每餐用餐人数（食堂）/ 供餐人数（中央厨房、集体用餐配送）' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  dinersPerMeal?: number | null;
}

/** What every way of adding a business asks, less the licence number (whose strictness differs). */
export class EnterpriseBaseDto extends EnterpriseProfileDto {
  @ApiProperty({ example: '新城区青城味道餐馆', description: '企业名称' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '91150102MA0000001X', description: '统一社会信用代码（18 位，含校验位）' })
  @IsString()
  @IsUscc()
  uscc!: string;

  @ApiProperty({ enum: BusinessType, description: '业态' })
  @IsEnum(BusinessType)
  businessType!: BusinessType;

  @ApiProperty({ example: '150102001001', description: '所在村（社区）12 位区划代码' })
  @IsString()
  @IsRegionCode()
  regionCode!: string;

  @ApiProperty({ example: '内蒙古自治区呼和浩特市新城区海拉尔东路 18 号', description: '地址' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  address!: string;

  @ApiPropertyOptional({ example: '张负责', description: '联系人' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  contactName?: string | null;

  @ApiPropertyOptional({ example: '13900000003', description: '联系电话（手机号或不含横线的固定电话）' })
  @IsOptional()
  @IsString()
  @Matches(CONTACT_PHONE_PATTERN, { message: CONTACT_PHONE_PROBLEM })
  contactPhone?: string | null;
}
