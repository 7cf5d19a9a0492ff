import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ENTERPRISE_ROLES, EnterpriseDto, PublicEnterpriseDto, Role, TodayDutyResponse } from '@shian/shared';
import { CreateEnterpriseDto } from './dto/create-enterprise.dto';
import { CurrentCaller, Public, Roles } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { uuidParam } from '../common/params';
import { EnterprisesService } from './enterprises.service';

@ApiTags('enterprises 企业')
@ApiBearerAuth()
@Controller('enterprises')
export class EnterprisesController {
  constructor(@Inject(EnterprisesService) private readonly enterprises: EnterprisesService) {}

  @Post()
  @Roles(Role.Regulator, Role.Admin)
  @ApiOperation({ summary: '登记企业（监管人员限本辖区的村级区划）' })
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateEnterpriseDto): Promise<EnterpriseDto> {
    return this.enterprises.create(caller, dto);
  }

  @Get('mine/today')
  @Roles(...ENTERPRISE_ROLES)
  @ApiOperation({ summary: '本企业今日职责（营业日期按北京时间）' })
  mineToday(@CurrentCaller() caller: Caller): Promise<TodayDutyResponse> {
    return this.enterprises.mineToday(caller);
  }

  @Get(':id')
  @ApiOperation({ summary: '企业详情（监管人员限本辖区，企业用户限本企业）' })
  findOne(@CurrentCaller() caller: Caller, @Param('id', uuidParam('企业ID')) id: string): Promise<EnterpriseDto> {
    return this.enterprises.findOne(caller, id);
  }
}

@ApiTags('public 公众')
@Controller('public/enterprises')
export class PublicEnterprisesController {
  constructor(@Inject(EnterprisesService) private readonly enterprises: EnterprisesService) {}

  @Public()
  @Get(':id')
  @ApiOperation({ summary: '企业公示信息（无需登录）' })
  findOne(@Param('id', uuidParam('企业ID')) id: string): Promise<PublicEnterpriseDto> {
    return this.enterprises.publicInfo(id);
  }
}

