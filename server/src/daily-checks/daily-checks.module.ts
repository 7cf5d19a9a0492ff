import { Module } from '@nestjs/common';
import { ProblemsModule } from '../problems/problems.module';
import { FilesModule } from '../files/files.module';
import { RiskListsModule } from '../risk-lists/risk-lists.module';
import { DailyCalendarService } from './daily-calendar.service';
import { DailyChecksController } from './daily-checks.controller';
import { DailyChecksService } from './daily-checks.service';

@Module({ imports: [RiskListsModule, ProblemsModule, FilesModule], controllers: [DailyChecksController], providers: [DailyChecksService, DailyCalendarService], exports: [DailyChecksService] })
export class DailyChecksModule {}
