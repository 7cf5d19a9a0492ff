import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ENTERPRISE_ROLES, Page, RectificationOrderDetailDto, RectificationOrderDto, Role, todayInShanghai } from '@shian/shared';
import { CurrentCaller, Roles } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { uuidParam } from '../common/params';
import { XLSX_CONTENT_TYPE, xlsxExport } from '../common/xlsx-export';
import { AcceptRectificationDto, CreateRectificationDto, ListRectificationsQuery, RejectRectificationDto, RespondRectificationDto } from './dto/rectification.dto';
import { RECTIFICATION_COLUMNS } from './rectification-export';
import { RectificationsService } from './rectifications.service';

@ApiTags('rectifications 整改通知')
@ApiBearerAuth()
@Controller('rectifications')
export class RectificationsController {
  constructor(@Inject(RectificationsService) private readonly rectifications: RectificationsService) {}

  @Post()
  @Roles(Role.Regulator)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '每份整改通知一个唯一值；重试时使用同一个值，服务器返回原结果' })
  @ApiOperation({
    summary: '向本辖区企业下发整改通知（整改事项、整改期限），可从企业提交的某条记录下发',
    description: '整改期限为北京时间营业日期，不能早于今天。从记录下发时 sourceType 为记录类型、sourceId 为该企业记录的版本ID。辖区外的企业返回 404。',
  })
  async create(
    @CurrentCaller() caller: Caller,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: CreateRectificationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RectificationOrderDetailDto> {
    const result = await this.rectifications.create(caller, key, dto);
    void reply.status(result.status).header('idempotent-replayed', String(result.replayed));
    return result.body;
  }

  @Get()
  @ApiProduces('application/json', XLSX_CONTENT_TYPE)
  @ApiOperation({
    summary: '整改通知列表（监管人员限本辖区；包保干部限本人下发的和所包保企业的；企业用户限本企业），最新下发的在前；format=xlsx 导出全部符合条件的',
    description: '每条带 overdue：未验收且已过整改期限（北京时间）。overdue=true 只看已逾期的；from/to 按下发日期筛选。',
  })
  list(@CurrentCaller() caller: Caller, @Query() q: ListRectificationsQuery): Promise<Page<RectificationOrderDto> | StreamableFile> {
    if (q.format === 'xlsx') return xlsxExport({ fileName: `整改通知-${todayInShanghai()}`, columns: RECTIFICATION_COLUMNS, rows: this.rectifications.rows(caller, q) });
    return this.rectifications.list(caller, q);
  }

  @Get(':id')
  @ApiOperation({ summary: '整改通知详情：整改事项、状态和全部往来记录（企业回复的措施与照片、监管人员的验收或退回意见）' })
  findOne(@CurrentCaller() caller: Caller, @Param('id', uuidParam('整改通知ID')) id: string): Promise<RectificationOrderDetailDto> {
    return this.rectifications.findOne(caller, id);
  }

  @Post(':id/respond')
  @Roles(...ENTERPRISE_ROLES)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '每次回复一个唯一值；重试时使用同一个值，服务器返回原结果' })
  @ApiOperation({
    summary: '企业回复整改情况：整改措施和至少 1 张整改后的照片（先以 POST /api/files 上传，kind=photo）',
    description: '待整改或退回整改的通知才能回复；已回复待验收、已验收的返回 409。',
  })
  async respond(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidParam('整改通知ID')) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: RespondRectificationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RectificationOrderDetailDto> {
    const result = await this.rectifications.respond(caller, id, key, dto);
    void reply.status(result.status).header('idempotent-replayed', String(result.replayed));
    return result.body;
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles(Role.Regulator, Role.Cadre)
  @ApiOperation({ summary: '验收通过，整改通知关闭（本辖区监管人员，或从督导检查下发该通知的包保干部；企业已回复的才能验收，否则 409）' })
  accept(@CurrentCaller() caller: Caller, @Param('id', uuidParam('整改通知ID')) id: string, @Body() dto: AcceptRectificationDto): Promise<RectificationOrderDetailDto> {
    return this.rectifications.accept(caller, id, dto);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles(Role.Regulator, Role.Cadre)
  @ApiOperation({ summary: '退回整改并注明意见（本辖区监管人员，或从督导检查下发该通知的包保干部）：企业须再次回复' })
  reject(@CurrentCaller() caller: Caller, @Param('id', uuidParam('整改通知ID')) id: string, @Body() dto: RejectRectificationDto): Promise<RectificationOrderDetailDto> {
    return this.rectifications.reject(caller, id, dto);
  }
}
