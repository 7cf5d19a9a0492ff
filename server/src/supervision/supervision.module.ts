import { Module } from '@nestjs/common';
import { StaffDutyModule } from '../staff-duty/staff-duty.module';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsService } from './assignments.service';
import { CadresController } from './cadres.controller';
import { CadresService } from './cadres.service';
import { CommitmentsController } from './commitments.controller';
import { CommitmentsService } from './commitments.service';
import { SupervisionSettingsController } from './supervision-settings.controller';
import { SupervisionSettingsService } from './supervision-settings.service';

/** 包保 (issue #6): cadre accounts, assignments of businesses to cadres, commitment letters, level overrides, the cadre's home. */
@Module({
  imports: [StaffDutyModule],
  controllers: [CadresController, AssignmentsController, CommitmentsController, SupervisionSettingsController],
  providers: [CadresService, AssignmentsService, CommitmentsService, SupervisionSettingsService],
  exports: [AssignmentsService],
})
export class SupervisionModule {}
