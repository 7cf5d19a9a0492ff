import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsString, ValidateNested } from 'class-validator';
import type { EnterpriseRegistrationRequest } from '@shian/shared';
import { IsStrictLicenceNo } from '../../common/decorators';
import { PersonDto } from '../../staff/dto/staff.dto';
import { EnterpriseBaseDto } from './enterprise-fields.dto';

/** POST /api/enterprises/register: a business signs itself up with its principal, and waits for its regulator. */
export class RegisterEnterpriseDto extends EnterpriseBaseDto implements EnterpriseRegistrationRequest {
  @ApiProperty({ example: 'JY21501020000013', description: '许可证编号：JY（食品经营：1 销售 / 2 餐饮 / 3 单位食堂 + 6 位区划 + 7 位）或 SC（食品生产）加 14 位数字' })
  @IsString()
  @IsStrictLicenceNo()
  licenceNo!: string;

  @ApiProperty({ type: PersonDto, description: '主要负责人：登记后可用此手机号和密码登录，查看审核进度' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PersonDto)
  principal!: PersonDto;
}
