import { Body, Controller, Get, Headers, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { COMPLAINT_LIMITS, DEVICE_ID_HEADER, PublicChallengeDto, PublicComplaintPhotoDto, PublicComplaintReceipt, PublicComplaintStatusDto, PublicEnterpriseSearchItem } from '@shian/shared';
import { Public } from '../common/auth.decorators';
import { readUpload } from '../files/multipart';
import { PublicComplaintDto, PublicComplaintQuery, PublicEnterpriseSearchQuery } from './dto/complaint.dto';
import { PublicGuard, PUBLIC_LIMITS } from './public-guard';
import { PublicClient, PublicComplaintsService } from './public-complaints.service';

const DEVICE_HEADER = { name: DEVICE_ID_HEADER, required: true, description: '客户端首次启动时生成并保存的随机标识（8–100 位字母、数字或 _.:-）：用于按设备限流、认领本设备上传的照片和防重复提交' };
const per10 = (r: { limit: number }) => `${r.limit} 次/10分钟`;

/** The public's side of issue #7: no login, rate-limited per IP and per device (public-guard.ts). */
@ApiTags('public 公众（无需登录）')
@Public()
@Controller('public')
export class PublicComplaintsController {
  constructor(
    @Inject(PublicComplaintsService) private readonly complaints: PublicComplaintsService,
    @Inject(PublicGuard) private readonly guard: PublicGuard,
  ) {}

  @Get('enterprises')
  @ApiOperation({
    summary: '按名称查找企业（投诉举报表单选择被投诉企业用；仅已确认的在营企业，至多 20 条）',
    description: `每个 IP ${PUBLIC_LIMITS.searchPerIp.limit} 次/分钟。企业公示页见 GET /api/public/enterprises/{id}。`,
  })
  searchEnterprises(@Req() req: FastifyRequest, @Query() q: PublicEnterpriseSearchQuery): Promise<PublicEnterpriseSearchItem[]> {
    return this.complaints.searchEnterprises(req.ip, q);
  }

  @Get('challenge')
  @ApiOperation({
    summary: '获取提交投诉举报前的验证题（一道加法题）',
    description: `返回题目和 token；提交时把 token 和答案一起带上（challengeToken、challengeAnswer）。10 分钟内有效，只能用一次。每个 IP ${per10(PUBLIC_LIMITS.challengePerIp)}。`,
  })
  challenge(@Req() req: FastifyRequest): PublicChallengeDto {
    this.guard.limit([['challengePerIp', req.ip]]);
    return this.guard.challenge();
  }

  @Post('complaint-photos')
  @ApiConsumes('multipart/form-data')
  @ApiHeader(DEVICE_HEADER)
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: `JPEG / PNG / WebP 图片，不超过 ${COMPLAINT_LIMITS.photoMaxBytes / 1024 / 1024} MB` } } } })
  @ApiOperation({
    summary: '上传投诉举报的照片（每次一张），返回照片ID供提交时的 photoIds 使用',
    description: `只有同一设备（X-Device-Id）随后的提交可以使用。每个 IP ${per10(PUBLIC_LIMITS.photoPerIp)}，每台设备 ${per10(PUBLIC_LIMITS.photoPerDevice)}；超过答复 429。`,
  })
  async photo(@Req() req: FastifyRequest, @Headers('x-device-id') device: string | undefined): Promise<PublicComplaintPhotoDto> {
    const client = this.client(req, device);
    return this.complaints.uploadPhoto(client, await readUpload(req, COMPLAINT_LIMITS.photoMaxBytes));
  }

  @Post('complaints')
  @ApiHeader(DEVICE_HEADER)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '每次提交一个唯一值；网络重试时使用同一个值，服务器返回原受理编号和查询码' })
  @ApiOperation({
    summary: '提交投诉（本人的消费纠纷）或举报（违法行为线索），无需登录；成功后返回受理编号和查询码（查询码只显示这一次，请提示用户保存）',
    description:
      `先 GET /api/public/challenge 取验证题；照片先以 POST /api/public/complaint-photos 上传。企业可扫码带入（enterpriseId），未登记的经营者填写名称、地址和所在区县。` +
      `可匿名（anonymous=true，不保存任何身份信息）；留下的姓名、手机号加密保存，只有承办人登记事由后可查看。` +
      `限流：每个 IP ${per10(PUBLIC_LIMITS.submitPerIp)}，每台设备 ${per10(PUBLIC_LIMITS.submitPerDevice)}，超过答复 429（中文提示，带 Retry-After）。`,
  })
  async submit(
    @Req() req: FastifyRequest,
    @Headers('x-device-id') device: string | undefined,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: PublicComplaintDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublicComplaintReceipt> {
    const result = await this.complaints.submit(this.client(req, device), key, dto);
    void reply.status(result.status).header('idempotent-replayed', String(result.replayed)).header('cache-control', 'no-store');
    return result.body;
  }

  @Get('complaints/:trackingNo')
  @ApiOperation({
    summary: '凭受理编号和查询码查询办理进度和答复',
    description: `编号不存在与查询码错误答复相同的 404（「受理编号或查询码不正确」），不透露编号是否存在。每个 IP ${per10(PUBLIC_LIMITS.queryPerIp)}。`,
  })
  status(@Req() req: FastifyRequest, @Param('trackingNo') trackingNo: string, @Query() q: PublicComplaintQuery): Promise<PublicComplaintStatusDto> {
    return this.complaints.status(req.ip, trackingNo, q.code);
  }

  private client(req: FastifyRequest, device: string | undefined): PublicClient {
    return { ip: req.ip, deviceId: this.guard.deviceId(device) };
  }
}
