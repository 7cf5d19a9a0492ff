import { Module } from '@nestjs/common';
import { RectificationsModule } from '../rectifications/rectifications.module';
import { StaffDutyModule } from '../staff-duty/staff-duty.module';
import { ProblemsController } from './problems.controller';
import { ProblemsService } from './problems.service';

// StaffDutyModule: the papers' warnings and spot-exam failures in GET /api/todos/mine; RectificationsModule: returned records and open orders there.
@Module({ imports: [StaffDutyModule, RectificationsModule], controllers: [ProblemsController], providers: [ProblemsService], exports: [ProblemsService] })
export class ProblemsModule {}
