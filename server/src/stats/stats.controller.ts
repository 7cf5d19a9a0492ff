import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppointmentStatsDto, Role } from '@shian/shared';
import { CurrentCaller, Roles } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { AppointmentStatsService } from './appointment-stats.service';
import { AppointmentStatsQuery } from './stats.dto';

@ApiTags('stats 统计')
@ApiBearerAuth()
@Controller('stats')
export class StatsController {
  constructor(@Inject(AppointmentStatsService) private readonly appointmentStats: AppointmentStatsService) {}

  @Get('appointments')
  @Roles(Role.Regulator, Role.Cadre, Role.Admin)
  @ApiOperation({
    summary: '食品安全总监配备率、食品安全员配备率（本辖区及各下级区划）',
    description: '总监配备率 = 须配备总监且已配齐的企业 ÷ 须配备总监的企业；安全员配备率 = 已配备安全员的企业 ÷ 全部企业。仅计已确认企业；无可计算对象时为 null。',
  })
  appointments(@CurrentCaller() caller: Caller, @Query() q: AppointmentStatsQuery): Promise<AppointmentStatsDto> {
    return this.appointmentStats.appointments(caller, q);
  }
}
