import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { MyTodosResponse, Page, ProblemDto, Role, todayInShanghai } from '@shian/shared';
import { CurrentCaller, Roles } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { XLSX_CONTENT_TYPE, xlsxExport } from '../common/xlsx-export';
import { ListProblemsQuery } from './dto/problem.dto';
import { PROBLEM_COLUMNS } from './problem-export';
import { ProblemsService } from './problems.service';

@ApiTags('problems 问题整改')
@ApiBearerAuth()
@Controller()
export class ProblemsController {
  constructor(@Inject(ProblemsService) private readonly problems: ProblemsService) {}

  @Get('problems')
  @ApiProduces('application/json', XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '检查发现的问题（企业用户限本企业；监管人员限本辖区；format=xlsx 导出全部符合条件的问题）' })
  list(@CurrentCaller() caller: Caller, @Query() q: ListProblemsQuery): Promise<Page<ProblemDto> | StreamableFile> {
    if (q.format === 'xlsx') return xlsxExport({ fileName: `检查发现的问题-${todayInShanghai()}`, columns: PROBLEM_COLUMNS, rows: this.problems.rows(caller, q) });
    return this.problems.list(caller, q);
  }

  @Get('todos/mine')
  @Roles(Role.Principal, Role.Director, Role.Officer)
  @ApiOperation({ summary: '我的待办：未整改的问题，本周排查、本月调度是否待完成，被退回待更正的记录和待回复的整改通知' })
  mine(@CurrentCaller() caller: Caller): Promise<MyTodosResponse> {
    return this.problems.mine(caller);
  }
}
