import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CredentialDto, ENTERPRISE_ROLES, Page, Role } from '@shian/shared';
import { CurrentCaller, Roles } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { uuidParam } from '../common/params';
import { CredentialsService } from './credentials.service';
import { CreateCredentialDto, ExpiringCredentialsQuery, ListCredentialsQuery, RejectCredentialDto } from './dto/credential.dto';

@ApiTags('credentials 资质证明')
@ApiBearerAuth()
@Controller('credentials')
export class CredentialsController {
  constructor(@Inject(CredentialsService) private readonly credentials: CredentialsService) {}

  @Post()
  @Roles(...ENTERPRISE_ROLES)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '每份提交一个唯一值；重试时使用同一个值，服务器返回原结果' })
  @ApiOperation({
    summary: '上传食品安全总监、食品安全员的资质证明（任命书、培训记录、考核结果），待监管人员审核',
    description: '附件先以 POST /api/files（kind=credential，JPEG/PNG/WebP/PDF）上传。主要负责人、总监可为本企业任一总监或安全员上传；安全员只能上传本人的（否则 403）。驳回后重传或到期换证填 supersedesId，原记录保留。',
  })
  async upload(
    @CurrentCaller() caller: Caller,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: CreateCredentialDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CredentialDto> {
    const result = await this.credentials.upload(caller, key, dto);
    void reply.status(result.status).header('idempotent-replayed', String(result.replayed));
    return result.body;
  }

  @Get()
  @ApiOperation({ summary: '资质证明列表（企业用户限本企业；监管人员限本辖区）；status=pending 为待审核队列，最早的在前' })
  list(@CurrentCaller() caller: Caller, @Query() q: ListCredentialsQuery): Promise<Page<CredentialDto>> {
    return this.credentials.list(caller, q);
  }

  // Before ':id', which would take 'expiring' for an id.
  @Get('expiring')
  @ApiOperation({ summary: '即将到期（30 天内，含当天）或已过期的资质证明：各人各类最新的一份，限在岗人员；监管人员限本辖区' })
  expiring(@CurrentCaller() caller: Caller, @Query() q: ExpiringCredentialsQuery): Promise<Page<CredentialDto>> {
    return this.credentials.expiring(caller, q);
  }

  @Get(':id')
  @ApiOperation({ summary: '资质证明详情（含按北京时间计算的到期状态）' })
  findOne(@CurrentCaller() caller: Caller, @Param('id', uuidParam('资质证明ID')) id: string): Promise<CredentialDto> {
    return this.credentials.findOne(caller, id);
  }

  @Get(':id/history')
  @ApiOperation({ summary: '资质证明的历次上传（从最早一份到最新一份）' })
  history(@CurrentCaller() caller: Caller, @Param('id', uuidParam('资质证明ID')) id: string): Promise<CredentialDto[]> {
    return this.credentials.history(caller, id);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @Roles(Role.Regulator)
  @ApiOperation({ summary: '核验通过（本辖区监管人员；仅待审核的、未被替换的可审核）' })
  verify(@CurrentCaller() caller: Caller, @Param('id', uuidParam('资质证明ID')) id: string): Promise<CredentialDto> {
    return this.credentials.verify(caller, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles(Role.Regulator)
  @ApiOperation({ summary: '驳回并注明原因（本辖区监管人员）；企业重新上传时以 supersedesId 指向被驳回的一份' })
  reject(@CurrentCaller() caller: Caller, @Param('id', uuidParam('资质证明ID')) id: string, @Body() dto: RejectCredentialDto): Promise<CredentialDto> {
    return this.credentials.reject(caller, id, dto);
  }
}
