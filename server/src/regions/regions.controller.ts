import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsOptional } from 'class-validator';
import { DataSource, IsNull } from 'typeorm';
import type { RegionDto } from '@shian/shared';
import { Public } from '../common/auth.decorators';
import { IsRegionCode } from '../common/decorators';
import { Region } from './region.entity';

export class RegionChildrenQuery {
  @ApiPropertyOptional({ example: '1501', description: '上级区划代码；省级列表不传' })
  @IsOptional()
  @IsRegionCode()
  parentCode?: string;
}

@ApiTags('regions 行政区划')
@Controller('regions')
export class RegionsController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Public()
  @Get()
  @ApiOperation({ summary: '下级行政区划（GB/T 2260）' })
  async children(@Query() q: RegionChildrenQuery): Promise<RegionDto[]> {
    const rows = await this.ds.getRepository(Region).find({ where: { parentCode: q.parentCode ?? IsNull() }, order: { code: 'ASC' } });
    return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode }));
  }
}
