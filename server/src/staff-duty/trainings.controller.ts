import { Body, Controller, Get, Headers, Inject, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Page, Role, TrainingDto, TrainingHoursResponse } from '@shian/shared';
import { CurrentCaller, Roles } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { CreateTrainingDto, ListTrainingsQuery, TrainingHoursQuery } from './dto/training.dto';
import { TrainingsService } from './trainings.service';

@ApiTags('trainings 培训考核')
@ApiBearerAuth()
@Controller('trainings')
export class TrainingsController {
  constructor(@Inject(TrainingsService) private readonly trainings: TrainingsService) {}

  @Post()
  @Roles(Role.Principal, Role.Director)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '每份提交一个唯一值；重试时使用同一个值，服务器返回原结果' })
  @ApiOperation({ summary: '登记本企业对食品安全总监、食品安全员的内部培训考核（主要负责人、总监）' })
  async record(
    @CurrentCaller() caller: Caller,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: CreateTrainingDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TrainingDto> {
    const result = await this.trainings.record(caller, key, dto);
    void reply.status(result.status).header('idempotent-replayed', String(result.replayed));
    return result.body;
  }

  @Get()
  @ApiOperation({ summary: '内部培训考核记录（企业用户限本企业；监管人员限本辖区）' })
  list(@CurrentCaller() caller: Caller, @Query() q: ListTrainingsQuery): Promise<Page<TrainingDto>> {
    return this.trainings.list(caller, q);
  }

  @Get('hours')
  @ApiOperation({
    summary: '年度培训学时：每位在岗总监、安全员的学时与每年 40 学时要求的差额',
    description: '计入：本企业内部培训记录，和已核验的培训记录类资质证明；待审核的另列。监管人员须指定本辖区内的企业。',
  })
  hours(@CurrentCaller() caller: Caller, @Query() q: TrainingHoursQuery): Promise<TrainingHoursResponse> {
    return this.trainings.hours(caller, q);
  }
}
