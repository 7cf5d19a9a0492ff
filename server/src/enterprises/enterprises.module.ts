import { Module } from '@nestjs/common';
import { DailyChecksModule } from '../daily-checks/daily-checks.module';
import { EnterprisesController, PublicEnterprisesController } from './enterprises.controller';
import { EnterprisesService } from './enterprises.service';

@Module({
  imports: [DailyChecksModule],
  controllers: [EnterprisesController, PublicEnterprisesController],
  providers: [EnterprisesService],
  exports: [EnterprisesService],
})
export class EnterprisesModule {}
