import { Module } from '@nestjs/common';
import { ProblemsModule } from '../problems/problems.module';
import { RiskListsModule } from '../risk-lists/risk-lists.module';
import { WeeklyInvestigationsController } from './weekly-investigations.controller';
import { WeeklyInvestigationsService } from './weekly-investigations.service';

@Module({ imports: [RiskListsModule, ProblemsModule], controllers: [WeeklyInvestigationsController], providers: [WeeklyInvestigationsService], exports: [WeeklyInvestigationsService] })
export class WeeklyInvestigationsModule {}
