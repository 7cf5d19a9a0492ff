import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID } from 'class-validator';
import { DailyCalendarQuery } from '@shian/shared';
import { IsMonthKey } from '../../common/decorators';

export class DailyCalendarQueryDto implements DailyCalendarQuery {
  @ApiProperty({ example: '2026-11', description: '月份（北京时间，YYYY-MM），不能晚于本月' })
  @IsString()
  @IsMonthKey()
  month!: string;

  @ApiPropertyOptional({ description: '企业ID：监管人员和包保干部必填（限本辖区）；企业用户可省略，只能查看本企业' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;
}
