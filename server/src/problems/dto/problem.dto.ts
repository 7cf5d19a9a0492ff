import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PROBLEM_STATUSES, ProblemListQuery, ProblemStatus } from '@shian/shared';
import { IsBusinessDate } from '../../common/decorators';
import { ScopedListQuery } from '../../common/pagination';
import { ExportFormat, ExportFormatField } from '../../common/xlsx-export';

export class ListProblemsQuery extends ScopedListQuery implements ProblemListQuery {
  @ApiPropertyOptional({ enum: PROBLEM_STATUSES, description: 'open 待整改 / resolved 已整改 / superseded 所在记录已更正' })
  @IsOptional()
  @IsIn(PROBLEM_STATUSES)
  status?: ProblemStatus;

  @ApiPropertyOptional({ example: '2026-11-01', description: '发现日期起' })
  @IsOptional()
  @IsBusinessDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: '发现日期止' })
  @IsOptional()
  @IsBusinessDate()
  to?: string;

  @ExportFormatField()
  format?: ExportFormat;
}
