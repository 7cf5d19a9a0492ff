import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ENTERPRISE_ROLES, EnterpriseDirectoryItem, EnterpriseDto, EnterpriseImportResult, EnterpriseRegistrationResponse, Page, PublicEnterpriseDto, Role, TodayDutyResponse, todayInShanghai } from '@shian/shared';
import { CurrentCaller, Public, Roles } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { uuidParam } from '../common/params';
import { xlsxExport } from '../common/xlsx-export';
import { readUpload } from '../files/multipart';
import { CreateEnterpriseDto } from './dto/create-enterprise.dto';
import { ConfirmEnterpriseDto, ListEnterprisesQuery, RejectEnterpriseDto } from './dto/enterprise-review.dto';
import { RegisterEnterpriseDto } from './dto/register-enterprise.dto';
import { DIRECTORY_COLUMNS, EnterpriseDirectoryService } from './enterprise-directory.service';
import { EnterpriseImportService } from './enterprise-import.service';
import { IMPORT_MAX_BYTES, importTemplate, XLSX_MIME } from './enterprise-workbook';
import { EnterprisesService } from './enterprises.service';

@ApiTags('enterprises 企业')
@ApiBearerAuth()
@Controller('enterprises')
export class EnterprisesController {
  constructor(
    @Inject(EnterprisesService) private readonly enterprises: EnterprisesService,
    @Inject(EnterpriseImportService) private readonly importer: EnterpriseImportService,
    @Inject(EnterpriseDirectoryService) private readonly directory: EnterpriseDirectoryService,
  ) {}

  @Post()
  @Roles(Role.Regulator, Role.Admin)
  @ApiOperation({ summary: '登记企业（监管人员限本辖区的村级区划），立即生效' })
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateEnterpriseDto): Promise<EnterpriseDto> {
    return this.enterprises.create(caller, dto);
  }

  @Public()
  @Post('register')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '可选：重试时使用同一个值，返回原结果（按主要负责人手机号区分）' })
  @ApiOperation({
    summary: '企业自主注册（无需登录）：企业信息和主要负责人，待辖区监管人员审核',
    description: '主要负责人注册后即可登录查看审核状态；审核通过前不能提交任何记录（403「企业尚未通过审核」）。身份证号加密保存，响应只含脱敏号码。',
  })
  async register(
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: RegisterEnterpriseDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EnterpriseRegistrationResponse> {
    const r = await this.enterprises.register(key, dto);
    void reply.status(r.status).header('idempotent-replayed', String(r.replayed));
    return r.body;
  }

  @Get()
  @ApiProduces('application/json', XLSX_MIME)
  @ApiOperation({
    summary: '企业名录（监管人员、包保干部限本辖区；status=pending 为待审核队列，先到先审）',
    description: '每行附近7日日管控状态（已查/应查天数，按检查日历的规则计）；format=xlsx 导出全部符合条件的企业。',
  })
  list(@CurrentCaller() caller: Caller, @Query() q: ListEnterprisesQuery): Promise<Page<EnterpriseDirectoryItem> | StreamableFile> {
    if (q.format === 'xlsx') return xlsxExport({ fileName: `企业名录-${todayInShanghai()}`, columns: DIRECTORY_COLUMNS, rows: this.directory.rows(caller, q) });
    return this.directory.list(caller, q);
  }

  @Get('mine/today')
  @Roles(...ENTERPRISE_ROLES)
  @ApiOperation({ summary: '本企业今日职责（营业日期按北京时间）' })
  mineToday(@CurrentCaller() caller: Caller): Promise<TodayDutyResponse> {
    return this.enterprises.mineToday(caller);
  }

  @Get('import/template')
  @Roles(Role.Regulator, Role.Admin)
  @ApiProduces(XLSX_MIME)
  @ApiOperation({ summary: '企业批量导入模板（.xlsx，中文表头和填写说明）' })
  async template(): Promise<StreamableFile> {
    const name = encodeURIComponent('企业导入模板.xlsx');
    return new StreamableFile(await importTemplate(), { type: XLSX_MIME, disposition: `attachment; filename="enterprise-import-template.xlsx"; filename*=UTF-8''${name}` });
  }

  @Post('import')
  @HttpCode(200)
  @Roles(Role.Regulator, Role.Admin)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: '按模板填写的 .xlsx（不超过 5 MB、5000 行）' } } } })
  @ApiOperation({
    summary: '从 .xlsx 批量导入本辖区企业（立即生效）',
    description: '逐行校验：有任何问题的行整行不导入，结果列出每个问题的行号、列名和原因；其余行照常导入。',
  })
  async import(@CurrentCaller() caller: Caller, @Req() req: FastifyRequest): Promise<EnterpriseImportResult> {
    return this.importer.import(caller, (await readUpload(req, IMPORT_MAX_BYTES)).content);
  }

  @Get(':id')
  @ApiOperation({ summary: '企业详情（监管人员限本辖区，企业用户限本企业）' })
  findOne(@CurrentCaller() caller: Caller, @Param('id', uuidParam('企业ID')) id: string): Promise<EnterpriseDto> {
    return this.enterprises.findOne(caller, id);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Roles(Role.Regulator, Role.Admin)
  @ApiOperation({ summary: '审核通过企业注册并核定风险等级（限本辖区的待审核企业）' })
  confirm(@CurrentCaller() caller: Caller, @Param('id', uuidParam('企业ID')) id: string, @Body() dto: ConfirmEnterpriseDto): Promise<EnterpriseDto> {
    return this.enterprises.confirm(caller, id, dto);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles(Role.Regulator, Role.Admin)
  @ApiOperation({ summary: '驳回企业注册并说明原因（限本辖区的待审核企业）' })
  reject(@CurrentCaller() caller: Caller, @Param('id', uuidParam('企业ID')) id: string, @Body() dto: RejectEnterpriseDto): Promise<EnterpriseDto> {
    return this.enterprises.reject(caller, id, dto);
  }
}

@ApiTags('public 公众')
@Controller('public/enterprises')
export class PublicEnterprisesController {
  constructor(@Inject(EnterprisesService) private readonly enterprises: EnterprisesService) {}

  @Public()
  @Get(':id')
  @ApiOperation({ summary: '企业公示信息（无需登录；仅已确认的企业）' })
  findOne(@Param('id', uuidParam('企业ID')) id: string): Promise<PublicEnterpriseDto> {
    return this.enterprises.publicInfo(id);
  }
}
