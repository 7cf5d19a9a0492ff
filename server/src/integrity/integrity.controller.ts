import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ChainVerification } from '@shian/shared';
import { notFound } from '../common/app-error';
import { CurrentCaller } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { uuidParam } from '../common/params';
import { applyScope } from '../common/region-scope';
import { Enterprise } from '../enterprises/enterprise.entity';
import { ChainService } from './chain.service';

@ApiTags('integrity 记录完整性')
@ApiBearerAuth()
@Controller('enterprises')
export class IntegrityController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(ChainService) private readonly chain: ChainService,
  ) {}

  @Get(':id/chain/verify')
  @ApiOperation({ summary: '校验企业记录哈希链，报告第一处断裂（记录被改动、缺失或链环被改）' })
  async verify(@CurrentCaller() caller: Caller, @Param('id', uuidParam('企业ID')) id: string): Promise<ChainVerification> {
    const qb = this.ds.getRepository(Enterprise).createQueryBuilder('e').select('e.id').where('e.id = :id', { id });
    if (!(await applyScope(qb, caller, { region: 'e.regionCode', enterprise: 'e.id' }).getOne())) throw notFound('企业');
    return this.chain.verify(id);
  }
}
