import { Module } from '@nestjs/common';
import { DailyChecksModule } from '../daily-checks/daily-checks.module';
import { InvitationsModule } from '../invitations/invitations.module';
import { StaffModule } from '../staff/staff.module';
import { StatsModule } from '../stats/stats.module';
import { EnterpriseDirectoryService } from './enterprise-directory.service';
import { EnterpriseImportService } from './enterprise-import.service';
import { EnterprisesController, PublicEnterprisesController } from './enterprises.controller';
import { EnterprisesService } from './enterprises.service';
import { PosterController } from './poster.controller';
import { PosterService } from './poster.service';

// Onboarding's modules come in with the enterprises they are about: the roster and ID numbers
// (staff), the principal's invitations, and the appointment rates (stats).
@Module({
  imports: [DailyChecksModule, StaffModule, InvitationsModule, StatsModule],
  controllers: [EnterprisesController, PublicEnterprisesController, PosterController],
  providers: [EnterprisesService, EnterpriseImportService, EnterpriseDirectoryService, PosterService],
  exports: [EnterprisesService],
})
export class EnterprisesModule {}
