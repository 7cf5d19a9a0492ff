import { Body, Controller, Get, Headers, Inject, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DailyCalendarDto, DailyCheckDto, Page, Role, todayInShanghai } from '@shian/shared';
import { CurrentCaller, Roles } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { uuidParam } from '../common/params';
import { XLSX_CONTENT_TYPE, xlsxExport } from '../common/xlsx-export';
import { DAILY_CHECK_COLUMNS } from './daily-check-export';
import { DailyCalendarService } from './daily-calendar.service';
import { DailyChecksService } from './daily-checks.service';
import { DailyCalendarQueryDto } from './dto/daily-calendar.dto';
import { AmendDailyCheckDto, CreateDailyCheckDto, ListDailyChecksQuery } from './dto/daily-check.dto';

@ApiTags('daily-checks 日管控')
@ApiBearerAuth()
@Controller('daily-checks')
export class DailyChecksController {
  constructor(
    @Inject(DailyChecksService) private readonly dailyChecks: DailyChecksService,
    @Inject(DailyCalendarService) private readonly calendar: DailyCalendarService,
  ) {}

  @Post()
  @Roles(Role.Officer)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '每份提交一个唯一值；重试时使用同一个值，服务器返回原结果' })
  @ApiOperation({ summary: '提交本企业的每日食品安全检查记录（每营业日一份；重放返回原结果，不同提交返回 409）' })
  async submit(
    @CurrentCaller() caller: Caller,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: CreateDailyCheckDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DailyCheckDto> {
    const result = await this.dailyChecks.submit(caller, key, dto);
    void reply.status(result.status).header('idempotent-replayed', String(result.replayed));
    return result.body;
  }

  @Get()
  @ApiProduces('application/json', XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '每日检查记录列表（监管人员限本辖区；企业用户限本企业；format=xlsx 导出全部符合条件的记录）' })
  list(@CurrentCaller() caller: Caller, @Query() q: ListDailyChecksQuery): Promise<Page<DailyCheckDto> | StreamableFile> {
    if (q.format === 'xlsx') return xlsxExport({ fileName: `每日检查记录-${todayInShanghai()}`, columns: DAILY_CHECK_COLUMNS, rows: this.dailyChecks.read.rows(caller, q) });
    return this.dailyChecks.read.list(caller, q);
  }

  // Before ':id', which would take 'calendar' for an id.
  @Get('calendar')
  @ApiOperation({
    summary: '检查日历：某月每天的日管控状态（已查/迟交/漏查/有问题/待查）和当月统计',
    description: '企业用户查看本企业（enterpriseId 可省略）；监管人员和包保干部须指定本辖区内的企业，否则 404。月份不能晚于本月（400）。',
  })
  monthCalendar(@CurrentCaller() caller: Caller, @Query() q: DailyCalendarQueryDto): Promise<DailyCalendarDto> {
    return this.calendar.month(caller, q);
  }

  @Post(':id/versions')
  @Roles(Role.Officer)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: '更正已提交的记录：生成新版本并注明原因（原记录保持不变）' })
  async amend(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidParam('记录ID')) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: AmendDailyCheckDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DailyCheckDto> {
    const result = await this.dailyChecks.amend(caller, id, key, dto);
    void reply.status(result.status).header('idempotent-replayed', String(result.replayed));
    return result.body;
  }

  @Get(':id/versions')
  @ApiOperation({ summary: '记录的全部版本（从原始提交到最新更正）' })
  versions(@CurrentCaller() caller: Caller, @Param('id', uuidParam('记录ID')) id: string): Promise<DailyCheckDto[]> {
    return this.dailyChecks.read.versions(caller, id);
  }

  @Get(':id')
  @ApiOperation({ summary: '每日检查记录详情' })
  findOne(@CurrentCaller() caller: Caller, @Param('id', uuidParam('记录ID')) id: string): Promise<DailyCheckDto> {
    return this.dailyChecks.read.findOne(caller, id);
  }
}
