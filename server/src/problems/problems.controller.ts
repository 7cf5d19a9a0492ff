import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MyTodosResponse, Page, ProblemDto, Role } from '@shian/shared';
import { CurrentCaller, Roles } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { ListProblemsQuery } from './dto/problem.dto';
import { ProblemsService } from './problems.service';

@ApiTags('problems 问题整改')
@ApiBearerAuth()
@Controller()
export class ProblemsController {
  constructor(@Inject(ProblemsService) private readonly problems: ProblemsService) {}

  @Get('problems')
  @ApiOperation({ summary: '检查发现的问题（企业用户限本企业；监管人员限本辖区）' })
  list(@CurrentCaller() caller: Caller, @Query() q: ListProblemsQuery): Promise<Page<ProblemDto>> {
    return this.problems.list(caller, q);
  }

  @Get('todos/mine')
  @Roles(Role.Principal, Role.Director, Role.Officer)
  @ApiOperation({ summary: '我的待办：未整改的问题，本周排查、本月调度是否待完成' })
  mine(@CurrentCaller() caller: Caller): Promise<MyTodosResponse> {
    return this.problems.mine(caller);
  }
}
