import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AssignmentCreatedDto, AssignmentDto, AssignmentImportReport, CoverageGapPage, Page, Role } from '@shian/shared';
import { CurrentCaller, Roles } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { uuidParam } from '../common/params';
import { IMPORT_MAX_BYTES, importTemplate, XLSX_MIME } from '../enterprises/enterprise-workbook';
import { readUpload } from '../files/multipart';
import { ASSIGNMENT_IMPORT_TEMPLATE, AssignmentsService } from './assignments.service';
import { CoverageGapQueryDto, CreateAssignmentDto, EndAssignmentDto, ListAssignmentsQuery } from './dto/supervision.dto';

@ApiTags('assignments 包保分配')
@ApiBearerAuth()
@Controller('assignments')
export class AssignmentsController {
  constructor(@Inject(AssignmentsService) private readonly assignments: AssignmentsService) {}

  @Post()
  @Roles(Role.Regulator, Role.Admin)
  @ApiOperation({
    summary: '把本辖区一家或多家企业分配给一名包保干部（已有包保干部的改由该干部包保）',
    description: '要么全部分配，要么都不分配：任何一家不符合（企业未确认、未评定风险等级、不在本辖区或不在干部区域内、风险等级与干部层级不对应、干部已停用）都返回 400，details 逐家列出原因。',
  })
  assign(@CurrentCaller() caller: Caller, @Body() dto: CreateAssignmentDto): Promise<AssignmentCreatedDto> {
    return this.assignments.assign(caller, dto);
  }

  @Get()
  @Roles(Role.Regulator, Role.Admin, Role.Cadre)
  @ApiOperation({ summary: '包保分配列表（监管人员限本辖区；包保干部只看本人的），mismatch 标出与当前规则不符的分配' })
  list(@CurrentCaller() caller: Caller, @Query() q: ListAssignmentsQuery): Promise<Page<AssignmentDto>> {
    return this.assignments.list(caller, q);
  }

  @Get('gaps')
  @Roles(Role.Regulator, Role.Admin)
  @ApiOperation({ summary: '未包保企业（本辖区已确认并评定风险等级、尚无包保干部的企业）和主体包保覆盖率' })
  gaps(@CurrentCaller() caller: Caller, @Query() q: CoverageGapQueryDto): Promise<CoverageGapPage> {
    return this.assignments.gaps(caller, q);
  }

  @Get('import/template')
  @Roles(Role.Regulator, Role.Admin)
  @ApiProduces(XLSX_MIME)
  @ApiOperation({ summary: '包保分配导入模板（.xlsx：统一社会信用代码、包保干部手机号）' })
  async template(): Promise<StreamableFile> {
    const name = encodeURIComponent('包保分配导入模板.xlsx');
    return new StreamableFile(await importTemplate(ASSIGNMENT_IMPORT_TEMPLATE), { type: XLSX_MIME, disposition: `attachment; filename="assignment-import-template.xlsx"; filename*=UTF-8''${name}` });
  }

  @Post('import')
  @HttpCode(200)
  @Roles(Role.Regulator, Role.Admin)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: '按模板填写的 .xlsx（不超过 5 MB、5000 行）' } } } })
  @ApiOperation({ summary: '从 .xlsx 批量分配包保干部', description: '逐行处理：有问题的行不分配，结果列出行号、列名和原因；其余行照常分配。' })
  async import(@CurrentCaller() caller: Caller, @Req() req: FastifyRequest): Promise<AssignmentImportReport> {
    return this.assignments.import(caller, (await readUpload(req, IMPORT_MAX_BYTES)).content);
  }

  @Delete(':enterpriseId')
  @HttpCode(204)
  @Roles(Role.Regulator, Role.Admin)
  @ApiOperation({ summary: '解除企业的包保分配（须填写原因）；企业成为未包保企业' })
  async end(@CurrentCaller() caller: Caller, @Param('enterpriseId', uuidParam('企业ID')) enterpriseId: string, @Body() dto: EndAssignmentDto): Promise<void> {
    await this.assignments.end(caller, enterpriseId, dto);
  }
}
