import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { ProblemsModule } from '../problems/problems.module';
import { RiskListsModule } from '../risk-lists/risk-lists.module';
import { WeeklyInvestigationsController } from './weekly-investigations.controller';
import { WeeklyInvestigationsService } from './weekly-investigations.service';

@Module({ imports: [RiskListsModule, ProblemsModule, FilesModule], controllers: [WeeklyInvestigationsController], providers: [WeeklyInvestigationsService], exports: [WeeklyInvestigationsService] })
export class WeeklyInvestigationsModule {}
