import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, SupervisionSettingsDto } from '@shian/shared';
import { CurrentCaller, Roles } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { LevelOverrideDto } from './dto/supervision.dto';
import { SupervisionSettingsService } from './supervision-settings.service';

@ApiTags('supervision 包保督导')
@ApiBearerAuth()
@Controller('supervision/settings')
export class SupervisionSettingsController {
  constructor(@Inject(SupervisionSettingsService) private readonly settings: SupervisionSettingsService) {}

  @Get()
  @Roles(Role.Regulator, Role.Cadre, Role.Admin)
  @ApiOperation({ summary: '包保设置：各风险等级的督导频次，以及本辖区内各区域自定的「风险等级→包保层级」规则' })
  get(@CurrentCaller() caller: Caller): Promise<SupervisionSettingsDto> {
    return this.settings.get(caller);
  }

  @Put('level-overrides')
  @Roles(Role.Regulator, Role.Admin)
  @ApiOperation({
    summary: '设置本辖区（或下级区域）某风险等级企业由哪一级包保干部包保；level 为 null 取消该区域的设置',
    description: '默认 A 级市级、B 级县级、C 级乡镇级、D 级村级；下级区域的设置优先。辖区外的区域返回 404。已有的分配不变，与新规则不符的在分配列表中标出（mismatch）。',
  })
  setLevelOverride(@CurrentCaller() caller: Caller, @Body() dto: LevelOverrideDto): Promise<SupervisionSettingsDto> {
    return this.settings.setLevelOverride(caller, dto);
  }
}
