import { Global, Module } from '@nestjs/common';
import { ChainService } from './chain.service';
import { IntegrityController } from './integrity.controller';

@Global()
@Module({ controllers: [IntegrityController], providers: [ChainService], exports: [ChainService] })
export class IntegrityModule {}
