import { Module } from '@nestjs/common';
import { AppointmentStatsService } from './appointment-stats.service';
import { DashboardService } from './dashboard.service';
import { StatsController } from './stats.controller';

@Module({
  controllers: [StatsController],
  providers: [AppointmentStatsService, DashboardService],
})
export class StatsModule {}
