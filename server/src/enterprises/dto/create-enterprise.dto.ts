import { ApiProperty } from '@nestjs/swagger';
import { IsEnum, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../common/decorators';
import { BusinessType, Grade } from '@shian/shared';
import { IsLicenceNo, IsRegionCode, IsUscc } from '../../common/decorators';

export class CreateEnterpriseDto {
  @ApiProperty({ example: '新城区青城味道餐馆', description: '企业名称' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '91150102MA00000017', description: '统一社会信用代码（18 位，含校验位）' })
  @IsString()
  @IsUscc()
  uscc!: string;

  @ApiProperty({ example: 'JY11501020000001', description: '许可证编号：JY 或 SC 加 14 位数字' })
  @IsString()
  @IsLicenceNo()
  licenceNo!: string;

  @ApiProperty({ enum: BusinessType, description: '业态' })
  @IsEnum(BusinessType)
  businessType!: BusinessType;

  @ApiProperty({ enum: Grade, description: '风险等级 A–D' })
  @IsEnum(Grade)
  grade!: Grade;

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
}
