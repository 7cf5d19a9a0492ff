import { ApiProperty } from '@nestjs/swagger';
import { IsEnum, IsString } from 'class-validator';
import { Grade } from '@shian/shared';
import { IsLicenceNo } from '../../common/decorators';
import { EnterpriseBaseDto } from './enterprise-fields.dto';

/** A regulator (or admin) adds a business of their region: active at once, with its grade. */
export class CreateEnterpriseDto extends EnterpriseBaseDto {
  @ApiProperty({ example: 'JY11501020000001', description: '许可证编号：JY 或 SC 加 14 位数字' })
  @IsString()
  @IsLicenceNo()
  licenceNo!: string;

  @ApiProperty({ enum: Grade, description: '风险等级 A–D' })
  @IsEnum(Grade)
  grade!: Grade;
}
