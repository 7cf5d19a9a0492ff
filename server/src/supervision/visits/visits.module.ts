import { Module } from '@nestjs/common';
import { RectificationsModule } from '../../rectifications/rectifications.module';
import { FrequenciesService } from './frequencies.service';
import { SupervisionStatsService } from './supervision-stats.service';
import { FrequenciesController, SupervisionStatsController, VisitsController } from './visits.controller';
import { VisitsService } from './visits.service';

/** 包保 supervision visits, the visit schedule and the supervision statistics (issue #6). */
@Module({
  imports: [RectificationsModule],
  controllers: [VisitsController, SupervisionStatsController, FrequenciesController],
  providers: [VisitsService, SupervisionStatsService, FrequenciesService],
})
export class VisitsModule {}
