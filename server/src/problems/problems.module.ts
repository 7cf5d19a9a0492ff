import { Module } from '@nestjs/common';
import { StaffDutyModule } from '../staff-duty/staff-duty.module';
import { ProblemsController } from './problems.controller';
import { ProblemsService } from './problems.service';

// StaffDutyModule: the papers' warnings and spot-exam failures in GET /api/todos/mine.
@Module({ imports: [StaffDutyModule], controllers: [ProblemsController], providers: [ProblemsService], exports: [ProblemsService] })
export class ProblemsModule {}
