import { Module } from '@nestjs/common';
import { AppointmentStatsService } from './appointment-stats.service';
import { StatsController } from './stats.controller';

@Module({
  controllers: [StatsController],
  providers: [AppointmentStatsService],
})
export class StatsModule {}
