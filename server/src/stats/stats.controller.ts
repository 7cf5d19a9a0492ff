import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppointmentStatsDto, DashboardDto, RankingDto, Role, todayInShanghai } from '@shian/shared';
import { CurrentCaller, Roles } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { xlsxExport } from '../common/xlsx-export';
import { APPOINTMENT_COLUMNS, appointmentExportRows } from './appointment-export';
import { AppointmentStatsService } from './appointment-stats.service';
import { DASHBOARD_COLUMNS, dashboardExportRows } from './dashboard-export';
import { DashboardQuery, RankingQuery } from './dashboard.dto';
import { DashboardService } from './dashboard.service';
import { AppointmentStatsQuery } from './stats.dto';

@ApiTags('stats 统计')
@ApiBearerAuth()
@Controller('stats')
export class StatsController {
  constructor(
    @Inject(AppointmentStatsService) private readonly appointmentStats: AppointmentStatsService,
    @Inject(DashboardService) private readonly dashboards: DashboardService,
  ) {}

  @Get('appointments')
  @Roles(Role.Regulator, Role.Cadre, Role.Admin)
  @ApiOperation({
    summary: '食品安全总监配备率、食品安全员配备率（本辖区及各下级区划）',
    description: '总监配备率 = 须配备总监且已配齐的企业 ÷ 须配备总监的企业；安全员配备率 = 已配备安全员的企业 ÷ 全部企业。仅计已确认企业；无可计算对象时为 null。format=xlsx 导出下级区划各行和合计行。',
  })
  async appointments(@CurrentCaller() caller: Caller, @Query() q: AppointmentStatsQuery): Promise<AppointmentStatsDto | StreamableFile> {
    const d = await this.appointmentStats.appointments(caller, q);
    if (q.format === 'xlsx') return xlsxExport({ fileName: `人员配备率-${d.region.regionName}-${todayInShanghai()}`, sheetName: '人员配备率', columns: APPOINTMENT_COLUMNS, rows: appointmentExportRows(d) });
    return d;
  }

  @Get('dashboard')
  @Roles(Role.Regulator, Role.Cadre, Role.Admin)
  @ApiOperation({
    summary: '数据看板：本辖区（或所选下级区划）一段时期的日管控、周排查、月调度完成率，问题整改，整改通知闭环，总监/安全员配备率；按下级区划（村级以下按企业）分列、排名，并给出趋势',
    description:
      '各指标的公式与依据见 shared/src/indicators（catalogue.ts）。迟交计入完成率，按时率另列；今天尚未提交的不计漏查。区划须在本人辖区内（辖区外按不存在处理，404）。format=xlsx 导出下级分列表（含合计行）。',
  })
  async dashboard(@CurrentCaller() caller: Caller, @Query() q: DashboardQuery): Promise<DashboardDto | StreamableFile> {
    const d = await this.dashboards.dashboard(caller, q);
    if (q.format === 'xlsx') return xlsxExport({ fileName: `数据看板-${d.region.name}-${d.from}至${d.to}`, sheetName: '数据看板', columns: DASHBOARD_COLUMNS, rows: dashboardExportRows(d) });
    return d;
  }

  @Get('ranking')
  @Roles(Role.Regulator, Role.Cadre, Role.Admin)
  @ApiOperation({ summary: '硬排名：下级区划（村级以下为企业）按所选指标排名，并列同名次，无可计算对象的排在最后', description: '参数同数据看板，indicator 为排名指标。' })
  ranking(@CurrentCaller() caller: Caller, @Query() q: RankingQuery): Promise<RankingDto> {
    return this.dashboards.ranking(caller, q);
  }
}
