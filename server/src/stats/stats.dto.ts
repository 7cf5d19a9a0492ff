import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsRegionCode } from '../common/decorators';
import { ExportFormat, ExportFormatField } from '../common/xlsx-export';

export class AppointmentStatsQuery {
  @ApiPropertyOptional({ example: '150102', description: '区划代码（默认本人辖区；须在本辖区内）' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @ExportFormatField()
  format?: ExportFormat;
}
