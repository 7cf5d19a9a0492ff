import { Module } from '@nestjs/common';
import { RiskListsController } from './risk-lists.controller';
import { RiskListsService } from './risk-lists.service';

@Module({ controllers: [RiskListsController], providers: [RiskListsService], exports: [RiskListsService] })
export class RiskListsModule {}
