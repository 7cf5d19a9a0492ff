import { Body, Controller, Get, Headers, Inject, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Page, Role, todayInShanghai, WeeklyInvestigationDto, WeeklySummary } from '@shian/shared';
import { CurrentCaller, Roles } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { uuidParam } from '../common/params';
import { XLSX_CONTENT_TYPE, xlsxExport } from '../common/xlsx-export';
import { WEEKLY_INVESTIGATION_COLUMNS } from './weekly-investigation-export';
import { AmendWeeklyInvestigationDto, CreateWeeklyInvestigationDto, ListWeeklyInvestigationsQuery, WeekQuery } from './dto/weekly-investigation.dto';
import { WeeklyInvestigationsService } from './weekly-investigations.service';

@ApiTags('weekly-investigations 周排查')
@ApiBearerAuth()
@Controller('weekly-investigations')
export class WeeklyInvestigationsController {
  constructor(@Inject(WeeklyInvestigationsService) private readonly weekly: WeeklyInvestigationsService) {}

  @Post()
  @Roles(Role.Director, Role.Officer)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '每份提交一个唯一值；重试时使用同一个值' })
  @ApiOperation({ summary: '提交《每周食品安全排查治理报告》（总监；无总监的企业由食品安全员）' })
  async submit(
    @CurrentCaller() caller: Caller,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: CreateWeeklyInvestigationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WeeklyInvestigationDto> {
    const result = await this.weekly.submit(caller, key, dto);
    void reply.status(result.status).header('idempotent-replayed', String(result.replayed));
    return result.body;
  }

  @Get()
  @ApiProduces('application/json', XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '周排查报告列表（监管人员限本辖区；企业用户限本企业；format=xlsx 导出全部符合条件的报告）' })
  list(@CurrentCaller() caller: Caller, @Query() q: ListWeeklyInvestigationsQuery): Promise<Page<WeeklyInvestigationDto> | StreamableFile> {
    if (q.format === 'xlsx') return xlsxExport({ fileName: `周排查报告-${todayInShanghai()}`, columns: WEEKLY_INVESTIGATION_COLUMNS, rows: this.weekly.read.rows(caller, q) });
    return this.weekly.read.list(caller, q);
  }

  @Get('preview')
  @Roles(Role.Principal, Role.Director, Role.Officer)
  @ApiOperation({ summary: '本企业某周日管控情况汇总（提交时将按此冻结）' })
  preview(@CurrentCaller() caller: Caller, @Query() q: WeekQuery): Promise<WeeklySummary> {
    return this.weekly.preview(caller, q.week);
  }

  @Post(':id/versions')
  @Roles(Role.Director, Role.Officer)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: '更正周排查报告：生成新版本并注明原因' })
  async amend(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidParam('报告ID')) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: AmendWeeklyInvestigationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WeeklyInvestigationDto> {
    const result = await this.weekly.amend(caller, id, key, dto);
    void reply.status(result.status).header('idempotent-replayed', String(result.replayed));
    return result.body;
  }

  @Get(':id/versions')
  @ApiOperation({ summary: '周排查报告的全部版本' })
  versions(@CurrentCaller() caller: Caller, @Param('id', uuidParam('报告ID')) id: string): Promise<WeeklyInvestigationDto[]> {
    return this.weekly.read.versions(caller, id);
  }

  @Get(':id')
  @ApiOperation({ summary: '周排查报告详情' })
  findOne(@CurrentCaller() caller: Caller, @Param('id', uuidParam('报告ID')) id: string): Promise<WeeklyInvestigationDto> {
    return this.weekly.read.findOne(caller, id);
  }
}
