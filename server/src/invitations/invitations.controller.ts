import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { InvitationAcceptResponse, InvitationCreatedDto, InvitationDto, InvitationPreviewDto, Role } from '@shian/shared';
import { CurrentCaller, Public, Roles } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { uuidParam } from '../common/params';
import { AcceptInvitationDto, CreateInvitationDto, InvitationPreviewQuery } from './dto/invitation.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations 人员邀请')
@Controller('invitations')
export class InvitationsController {
  constructor(@Inject(InvitationsService) private readonly invitations: InvitationsService) {}

  @Post()
  @ApiBearerAuth()
  @Roles(Role.Principal)
  @ApiOperation({
    summary: '主要负责人邀请食品安全总监或食品安全员：返回一次性邀请码（8 位）和二维码内容，72 小时内有效',
    description: '已配备总监时再邀请总监即为更换：受邀人加入时原总监离任（任职历史保留）。replacesUserId 可指定被接替人员。邀请码只在此次响应中出现。',
  })
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateInvitationDto): Promise<InvitationCreatedDto> {
    return this.invitations.create(caller, dto);
  }

  @Get()
  @ApiBearerAuth()
  @Roles(Role.Principal)
  @ApiOperation({ summary: '本企业的邀请记录（不含邀请码）' })
  list(@CurrentCaller() caller: Caller): Promise<InvitationDto[]> {
    return this.invitations.list(caller);
  }

  @Public()
  @Get('preview')
  @ApiOperation({ summary: '受邀人查看邀请码对应的企业和角色（无需登录）' })
  preview(@Query() q: InvitationPreviewQuery): Promise<InvitationPreviewDto> {
    return this.invitations.preview(q.code);
  }

  @Public()
  @Post('accept')
  @ApiOperation({
    summary: '受邀人用邀请码加入企业（无需登录）：登记姓名、手机号、密码、身份证号',
    description: '邀请码只能使用一次：再次使用返回 410（同一人重试返回原结果），过期 410，无效 404。',
  })
  async accept(@Body() dto: AcceptInvitationDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<InvitationAcceptResponse> {
    const r = await this.invitations.accept(dto);
    void reply.status(r.status).header('idempotent-replayed', String(r.replayed));
    return r.body;
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles(Role.Principal)
  @ApiOperation({ summary: '撤销尚未使用的邀请' })
  revoke(@CurrentCaller() caller: Caller, @Param('id', uuidParam('邀请ID')) id: string): Promise<InvitationDto> {
    return this.invitations.revoke(caller, id);
  }
}
