import { Module } from '@nestjs/common';
import { DailyChecksController } from './daily-checks.controller';
import { DailyChecksService } from './daily-checks.service';

@Module({ controllers: [DailyChecksController], providers: [DailyChecksService], exports: [DailyChecksService] })
export class DailyChecksModule {}
