import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { HealthResponse } from '@shian/shared';
import { Public } from '../common/auth.decorators';
import { APP_CONFIG, AppConfig } from '../config/config';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: '健康检查：服务与数据库可用' })
  async health(): Promise<HealthResponse> {
    await this.ds.query('SELECT 1');
    return { status: 'ok', db: this.config.db.kind };
  }
}
