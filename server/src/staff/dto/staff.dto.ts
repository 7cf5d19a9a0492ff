import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { EndAppointmentRequest, PersonRequest } from '@shian/shared';
import { IsBusinessDate, IsIdNumber, IsMobilePhone, IsNewPassword, Trim } from '../../common/decorators';

/** A person joining a roster: the registering principal, or the one accepting an invitation. */
export class PersonDto implements PersonRequest {
  @ApiProperty({ example: '张负责', description: '姓名' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ example: '13900000011', description: '手机号（登录账号）' })
  @IsString()
  @IsMobilePhone()
  phone!: string;

  @ApiProperty({ example: 'Shian2026', description: '密码：8–64 位，须含字母和数字' })
  @IsString()
  @IsNewPassword()
  password!: string;

  @ApiProperty({ example: '150102199003070015', description: '居民身份证号（18 位，校验位正确）；加密保存，任何列表只显示脱敏号码' })
  @Trim()
  @IsString()
  @IsIdNumber()
  idNumber!: string;
}

export class EndAppointmentDto implements EndAppointmentRequest {
  @ApiProperty({ example: '本人辞职', description: '离任原因' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reason!: string;

  @ApiPropertyOptional({ example: '2026-01-15', description: '离任日期（默认今天，北京时间）' })
  @IsOptional()
  @IsBusinessDate()
  endedOn?: string;
}

export class SetIdNumberDto {
  @ApiProperty({ example: '150102199003070015', description: '居民身份证号' })
  @Trim()
  @IsString()
  @IsIdNumber()
  idNumber!: string;
}
