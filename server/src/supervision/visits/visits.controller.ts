import { Body, Controller, Get, Headers, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Page, Role, SupervisionReminderDto, SupervisionSettingsDto, SupervisionStatsDto, SupervisionVisitDto } from '@shian/shared';
import { CurrentCaller, Roles } from '../../common/auth.decorators';
import type { Caller } from '../../common/caller';
import { uuidParam } from '../../common/params';
import { FrequenciesService } from './frequencies.service';
import { SupervisionStatsService } from './supervision-stats.service';
import { CreateVisitDto, FrequenciesDto, ListVisitsQuery, SupervisionRemindersQuery, SupervisionStatsQuery } from './visit.dto';
import { VisitsService } from './visits.service';

@ApiTags('supervision-visits 督导记录')
@ApiBearerAuth()
@Controller('supervision-visits')
export class VisitsController {
  constructor(@Inject(VisitsService) private readonly visits: VisitsService) {}

  @Post()
  @Roles(Role.Cadre)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '每次督导一个唯一值；重试时使用同一个值，服务器返回原结果' })
  @ApiOperation({
    summary: '包保干部提交对本人包保企业的督导记录（今天，北京时间）：督导清单逐项结论、现场情况、照片、定位；发现问题时同时下发整改通知',
    description:
      '清单每项回答一次（符合/不符合/不适用），不符合须写说明。发现问题时须填整改期限（今天起 366 天内）并至少上传 1 张照片（POST /api/files，kind=photo，enterpriseId 为该企业），整改通知由本人下发并验收。非本人当前包保的企业返回 403。',
  })
  async create(
    @CurrentCaller() caller: Caller,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: CreateVisitDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SupervisionVisitDto> {
    const result = await this.visits.create(caller, key, dto);
    void reply.status(result.status).header('idempotent-replayed', String(result.replayed));
    return result.body;
  }

  @Get()
  @ApiOperation({ summary: '督导记录列表（包保干部限本人的；监管人员限本辖区；企业用户限本企业），最新的在前', description: 'from/to 按督导日期筛选。' })
  list(@CurrentCaller() caller: Caller, @Query() q: ListVisitsQuery): Promise<Page<SupervisionVisitDto>> {
    return this.visits.list(caller, q);
  }

  @Get(':id')
  @ApiOperation({ summary: '督导记录详情：逐项结论、发现的问题、照片、定位、下发的整改通知' })
  findOne(@CurrentCaller() caller: Caller, @Param('id', uuidParam('督导记录ID')) id: string): Promise<SupervisionVisitDto> {
    return this.visits.findOne(caller, id);
  }
}

@ApiTags('stats 统计')
@ApiBearerAuth()
@Controller('stats/supervision')
export class SupervisionStatsController {
  constructor(@Inject(SupervisionStatsService) private readonly stats: SupervisionStatsService) {}

  @Get()
  @Roles(Role.Regulator, Role.Cadre, Role.Admin)
  @ApiOperation({
    summary: '包保督导统计（本辖区及各下级区划）：主体包保覆盖率、督导任务完成率、承诺书上传率、督导整改率',
    description:
      '督导周期按各风险等级的督导频次取 date（默认今天）所在周期。应督导 = 已确认且已评级、履责起始日不晚于本周期末的企业（有无包保干部都计）；已督导 = 本周期内已有督导记录的企业。承诺书按 date 所在年度；整改按本周期内从督导检查下发的整改通知，已验收为闭环。',
  })
  supervision(@CurrentCaller() caller: Caller, @Query() q: SupervisionStatsQuery): Promise<SupervisionStatsDto> {
    return this.stats.stats(caller, q);
  }

  @Get('reminders')
  @Roles(Role.Regulator, Role.Cadre, Role.Admin)
  @ApiOperation({
    summary: '督导提醒名单：本辖区包保企业本周期尚未全部督导的包保干部（包保干部只看本人）',
    description: '距周期结束 15 天内的标记为紧急（urgent），紧急的在前，其次按周期结束日、未督导数排序；limit 默认 100。',
  })
  reminders(@CurrentCaller() caller: Caller, @Query() q: SupervisionRemindersQuery): Promise<SupervisionReminderDto[]> {
    return this.stats.reminders(caller, q);
  }
}

@ApiTags('supervision 包保设置')
@ApiBearerAuth()
@Controller('supervision/settings')
export class FrequenciesController {
  constructor(@Inject(FrequenciesService) private readonly frequencies: FrequenciesService) {}

  @Put('frequencies')
  @Roles(Role.Admin)
  @ApiOperation({ summary: '设置各风险等级的督导频次（每季度/每半年/每年，全系统统一；管理员）', description: '保存后按新频次重算督导完成情况。' })
  update(@CurrentCaller() caller: Caller, @Body() dto: FrequenciesDto): Promise<SupervisionSettingsDto> {
    return this.frequencies.update(caller, dto);
  }
}
