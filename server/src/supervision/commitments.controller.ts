import { Body, Controller, Get, Headers, Inject, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CadreDto, CommitmentDto, Page, Role } from '@shian/shared';
import { CurrentCaller, Roles } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { CommitmentsService } from './commitments.service';
import { CreateCommitmentDto, ListCommitmentsQuery } from './dto/supervision.dto';

@ApiTags('commitments 承诺书')
@ApiBearerAuth()
@Controller('commitments')
export class CommitmentsController {
  constructor(@Inject(CommitmentsService) private readonly commitments: CommitmentsService) {}

  @Post()
  @Roles(Role.Cadre)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '每次提交一个唯一值；重试时使用同一个值，服务器返回原结果' })
  @ApiOperation({
    summary: '包保干部签署或上传本年度（或上一年度）的食品安全责任与任务承诺书',
    description: 'signed：在线签署，须 confirmed=true，记录账号和服务器时间；uploaded：上传签字扫描件（本人上传的文件）。每次提交为新版本，不覆盖旧版本。',
  })
  async create(
    @CurrentCaller() caller: Caller,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: CreateCommitmentDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommitmentDto> {
    const result = await this.commitments.create(caller, key, dto);
    void reply.status(result.status).header('idempotent-replayed', String(result.replayed));
    return result.body;
  }

  @Get()
  @Roles(Role.Regulator, Role.Admin)
  @ApiOperation({ summary: '本辖区包保干部的承诺书（每人该年度最新版本）；missing=true 列出该年度尚未提交的包保干部' })
  list(@CurrentCaller() caller: Caller, @Query() q: ListCommitmentsQuery): Promise<Page<CommitmentDto> | Page<CadreDto>> {
    return this.commitments.list(caller, q);
  }

  @Get('mine')
  @Roles(Role.Cadre)
  @ApiOperation({ summary: '我的承诺书（全部版本，最新在前）' })
  mine(@CurrentCaller() caller: Caller): Promise<CommitmentDto[]> {
    return this.commitments.mine(caller);
  }
}
