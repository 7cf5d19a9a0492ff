import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EnterpriseTodoDto, Page, Role, SpotExamDto } from '@shian/shared';
import { CurrentCaller, Roles } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { uuidParam } from '../common/params';
import { CloseTodoDto, CreateSpotExamDto, ListSpotExamsQuery } from './dto/spot-exam.dto';
import { EnterpriseTodosService } from './enterprise-todos.service';
import { SpotExamsService } from './spot-exams.service';

@ApiTags('spot-exams 监督抽查考核')
@ApiBearerAuth()
@Controller('spot-exams')
export class SpotExamsController {
  constructor(@Inject(SpotExamsService) private readonly exams: SpotExamsService) {}

  @Post()
  @Roles(Role.Regulator)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '每份提交一个唯一值；重试时使用同一个值，服务器返回原结果' })
  @ApiOperation({
    summary: '登记对本辖区企业食品安全总监、食品安全员的监督抽查考核结果',
    description: '按满分的 90% 判定合格。不合格时为企业生成待办「抽查考核不合格：须重新培训或更换人员」；同一人员此后考核合格即关闭。',
  })
  async record(
    @CurrentCaller() caller: Caller,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: CreateSpotExamDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SpotExamDto> {
    const result = await this.exams.record(caller, key, dto);
    void reply.status(result.status).header('idempotent-replayed', String(result.replayed));
    return result.body;
  }

  @Get()
  @ApiOperation({ summary: '抽查考核记录（企业用户限本企业；监管人员限本辖区）；followUp=open 为不合格且整改待办未关闭的' })
  list(@CurrentCaller() caller: Caller, @Query() q: ListSpotExamsQuery): Promise<Page<SpotExamDto>> {
    return this.exams.list(caller, q);
  }

  @Get(':id')
  @ApiOperation({ summary: '抽查考核记录详情' })
  findOne(@CurrentCaller() caller: Caller, @Param('id', uuidParam('抽查考核记录ID')) id: string): Promise<SpotExamDto> {
    return this.exams.findOne(caller, id);
  }
}

@ApiTags('problems 问题整改')
@ApiBearerAuth()
@Controller('todos')
export class EnterpriseTodosController {
  constructor(@Inject(EnterpriseTodosService) private readonly todos: EnterpriseTodosService) {}

  @Post(':id/close')
  @HttpCode(200)
  @Roles(Role.Principal, Role.Director)
  @ApiOperation({
    summary: '关闭抽查考核不合格的待办：该人员已更换（不再担任本企业总监或安全员）',
    description: '人员仍在岗时返回 409：须经抽查复考合格（自动关闭）或先更换人员。',
  })
  close(@CurrentCaller() caller: Caller, @Param('id', uuidParam('待办ID')) id: string, @Body() dto: CloseTodoDto): Promise<EnterpriseTodoDto> {
    return this.todos.close(caller, id, dto);
  }
}
