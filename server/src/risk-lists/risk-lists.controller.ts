import { Body, Controller, Get, Headers, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ENTERPRISE_ROLES, Role, RiskListDto } from '@shian/shared';
import { CurrentCaller, Roles } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { uuidParam } from '../common/params';
import { AddRiskItemDto, SetApplicabilityDto } from './dto/risk-list.dto';
import { RiskListsService } from './risk-lists.service';

@ApiTags('risk-lists 风险管控清单')
@ApiBearerAuth()
@Controller('risk-lists')
export class RiskListsController {
  constructor(@Inject(RiskListsService) private readonly lists: RiskListsService) {}

  @Get('mine')
  @Roles(...ENTERPRISE_ROLES)
  @ApiOperation({ summary: '本企业当前的风险管控清单（首次读取时按业态模板生成第 1 版）' })
  mine(@CurrentCaller() caller: Caller): Promise<RiskListDto> {
    return this.lists.mine(caller);
  }

  @Get('mine/versions')
  @Roles(...ENTERPRISE_ROLES)
  @ApiOperation({ summary: '本企业清单的全部版本（新到旧）' })
  history(@CurrentCaller() caller: Caller): Promise<RiskListDto[]> {
    return this.lists.history(caller);
  }

  @Post('mine/items')
  @Roles(Role.Director, Role.Principal)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: '新增本企业自己的风险管控项（生成清单新版本）' })
  async addItem(
    @CurrentCaller() caller: Caller,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: AddRiskItemDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RiskListDto> {
    const r = await this.lists.addItem(caller, key, dto);
    void reply.status(r.status);
    return r.body;
  }

  @Post('mine/items/:code/applicability')
  @Roles(Role.Director, Role.Principal)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: '将某项标记为不适用或恢复适用（生成清单新版本）' })
  async setApplicability(
    @CurrentCaller() caller: Caller,
    @Headers('idempotency-key') key: string | undefined,
    @Param('code') code: string,
    @Body() dto: SetApplicabilityDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RiskListDto> {
    const r = await this.lists.setApplicability(caller, key, code, dto);
    void reply.status(r.status);
    return r.body;
  }

  @Get('enterprise/:enterpriseId')
  @ApiOperation({ summary: '某企业当前的风险管控清单（监管人员限本辖区）' })
  forEnterprise(@CurrentCaller() caller: Caller, @Param('enterpriseId', uuidParam('企业ID')) enterpriseId: string): Promise<RiskListDto> {
    return this.lists.forEnterprise(caller, enterpriseId);
  }
}
