import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EnterpriseStaffDto, MyIdNumberDto, Role } from '@shian/shared';
import { CurrentCaller, Roles } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { uuidParam } from '../common/params';
import { EndAppointmentDto, SetIdNumberDto } from './dto/staff.dto';
import { StaffService } from './staff.service';

@ApiTags('staff 企业人员（三人三责）')
@ApiBearerAuth()
@Controller('enterprises/:id/staff')
export class StaffController {
  constructor(@Inject(StaffService) private readonly staff: StaffService) {}

  @Get()
  @ApiOperation({
    summary: '企业在任人员、任职历史，以及按规定须配备而尚缺的人员（本企业人员和辖区内监管人员可看）',
    description: '身份证号一律脱敏；手机号对本人、主要负责人和监管人员完整显示，对其他同事脱敏。',
  })
  list(@CurrentCaller() caller: Caller, @Param('id', uuidParam('企业ID')) id: string): Promise<EnterpriseStaffDto> {
    return this.staff.staff(caller, id);
  }

  @Post(':userId/end')
  @HttpCode(200)
  @Roles(Role.Principal)
  @ApiOperation({ summary: '主要负责人解除总监或安全员的任职（任职历史保留，账号停用，其签署的记录不变）' })
  end(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidParam('企业ID')) id: string,
    @Param('userId', uuidParam('人员ID')) userId: string,
    @Body() dto: EndAppointmentDto,
  ): Promise<EnterpriseStaffDto> {
    return this.staff.endByPrincipal(caller, id, userId, dto);
  }
}

@ApiTags('me 本人')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(@Inject(StaffService) private readonly staff: StaffService) {}

  @Get('id-number')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: '本人的完整身份证号（仅本人可见；其他任何接口只返回脱敏号码）' })
  idNumber(@CurrentCaller() caller: Caller): Promise<MyIdNumberDto> {
    return this.staff.myIdNumber(caller);
  }

  @Put('id-number')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: '登记或更正本人的身份证号（加密保存）' })
  setIdNumber(@CurrentCaller() caller: Caller, @Body() dto: SetIdNumberDto): Promise<MyIdNumberDto> {
    return this.staff.setMyIdNumber(caller, dto);
  }
}
