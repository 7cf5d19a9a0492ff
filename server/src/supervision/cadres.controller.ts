import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CadreCreatedDto, CadreDto, CadreHomeDto, Page, Role } from '@shian/shared';
import { CurrentCaller, Roles } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { uuidParam } from '../common/params';
import { CadresService } from './cadres.service';
import { CreateCadreDto, ListCadresQuery, UpdateCadreDto } from './dto/supervision.dto';

@ApiTags('cadres 包保干部')
@ApiBearerAuth()
@Controller('cadres')
export class CadresController {
  constructor(@Inject(CadresService) private readonly cadres: CadresService) {}

  @Post()
  @Roles(Role.Regulator, Role.Admin)
  @ApiOperation({
    summary: '在本辖区开通包保干部账号（初始密码只在本次返回）',
    description: '市级干部的区域为4位区划代码、县级6位、乡镇级9位、村级12位；区域须存在且在本辖区内（否则 404）。手机号已被使用返回 409。',
  })
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateCadreDto): Promise<CadreCreatedDto> {
    return this.cadres.create(caller, dto);
  }

  @Get()
  @Roles(Role.Regulator, Role.Admin)
  @ApiOperation({ summary: '本辖区包保干部列表（手机号脱敏），含包保企业数和今年承诺书是否已提交' })
  list(@CurrentCaller() caller: Caller, @Query() q: ListCadresQuery): Promise<Page<CadreDto>> {
    return this.cadres.list(caller, q);
  }

  @Get('me/home')
  @Roles(Role.Cadre)
  @ApiOperation({
    summary: '包保干部首页：我包保的企业及其状态（近7日漏查天数、未整改问题、未关闭整改通知、三人三责缺项）、本周期应督导和已督导、完成率和周期末提醒',
  })
  home(@CurrentCaller() caller: Caller): Promise<CadreHomeDto> {
    return this.cadres.home(caller);
  }

  @Get(':id')
  @Roles(Role.Regulator, Role.Admin, Role.Cadre)
  @ApiOperation({ summary: '包保干部详情（监管人员限本辖区；包保干部只能查看本人）' })
  findOne(@CurrentCaller() caller: Caller, @Param('id', uuidParam('包保干部ID')) id: string): Promise<CadreDto> {
    return this.cadres.findOne(caller, id);
  }

  @Patch(':id')
  @Roles(Role.Regulator, Role.Admin)
  @ApiOperation({ summary: '修改职务或启用/停用账号；停用后其包保的企业全部解除分配（原因「干部账号停用」）' })
  update(@CurrentCaller() caller: Caller, @Param('id', uuidParam('包保干部ID')) id: string, @Body() dto: UpdateCadreDto): Promise<CadreDto> {
    return this.cadres.update(caller, id, dto);
  }
}
