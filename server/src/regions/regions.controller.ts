import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsOptional } from 'class-validator';
import { DataSource, In, IsNull } from 'typeorm';
import { parentRegionCode, REGION_CODE_PATTERN, type RegionDto } from '@shian/shared';
import { notFound } from '../common/app-error';
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

  @Public()
  @Get(':code/path')
  @ApiOperation({ summary: '区划及其全部上级，自省级而下（如企业所在村的完整地址路径）' })
  async path(@Param('code') code: string): Promise<RegionDto[]> {
    if (!REGION_CODE_PATTERN.test(code)) throw notFound('区划');
    const codes: string[] = [];
    for (let c: string | null = code; c; c = parentRegionCode(c)) codes.unshift(c);
    const rows = await this.ds.getRepository(Region).find({ where: { code: In(codes) }, order: { code: 'ASC' } });
    if (!rows.some((r) => r.code === code)) throw notFound('区划');
    return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode }));
  }
}
