import { Body, Controller, Get, Headers, Inject, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { MonthlyReport, MonthlyReviewDto, Page, Role, todayInShanghai } from '@shian/shared';
import { CurrentCaller, Roles } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { uuidParam } from '../common/params';
import { XLSX_CONTENT_TYPE, xlsxExport } from '../common/xlsx-export';
import { AmendMonthlyReviewDto, CreateMonthlyReviewDto, ListMonthlyReviewsQuery, MonthQuery } from './dto/monthly-review.dto';
import { MONTHLY_REVIEW_COLUMNS } from './monthly-review-export';
import { MonthlyReviewsService } from './monthly-reviews.service';

@ApiTags('monthly-reviews 月调度')
@ApiBearerAuth()
@Controller('monthly-reviews')
export class MonthlyReviewsController {
  constructor(@Inject(MonthlyReviewsService) private readonly monthly: MonthlyReviewsService) {}

  @Post()
  @Roles(Role.Principal)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '每份提交一个唯一值；重试时使用同一个值' })
  @ApiOperation({ summary: '提交《每月食品安全调度会议纪要》（主要负责人）' })
  async submit(
    @CurrentCaller() caller: Caller,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: CreateMonthlyReviewDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MonthlyReviewDto> {
    const result = await this.monthly.submit(caller, key, dto);
    void reply.status(result.status).header('idempotent-replayed', String(result.replayed));
    return result.body;
  }

  @Get()
  @ApiProduces('application/json', XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '月调度纪要列表（监管人员限本辖区；企业用户限本企业；format=xlsx 导出全部符合条件的纪要）' })
  list(@CurrentCaller() caller: Caller, @Query() q: ListMonthlyReviewsQuery): Promise<Page<MonthlyReviewDto> | StreamableFile> {
    if (q.format === 'xlsx') return xlsxExport({ fileName: `月调度纪要-${todayInShanghai()}`, columns: MONTHLY_REVIEW_COLUMNS, rows: this.monthly.read.rows(caller, q) });
    return this.monthly.read.list(caller, q);
  }

  @Get('preview')
  @Roles(Role.Principal, Role.Director, Role.Officer)
  @ApiOperation({ summary: '本企业某月的总监汇报内容（提交时将按此冻结）' })
  preview(@CurrentCaller() caller: Caller, @Query() q: MonthQuery): Promise<MonthlyReport> {
    return this.monthly.preview(caller, q.month);
  }

  @Post(':id/versions')
  @Roles(Role.Principal)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: '更正月调度纪要：生成新版本并注明原因' })
  async amend(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidParam('纪要ID')) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: AmendMonthlyReviewDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MonthlyReviewDto> {
    const result = await this.monthly.amend(caller, id, key, dto);
    void reply.status(result.status).header('idempotent-replayed', String(result.replayed));
    return result.body;
  }

  @Get(':id/versions')
  @ApiOperation({ summary: '月调度纪要的全部版本' })
  versions(@CurrentCaller() caller: Caller, @Param('id', uuidParam('纪要ID')) id: string): Promise<MonthlyReviewDto[]> {
    return this.monthly.read.versions(caller, id);
  }

  @Get(':id')
  @ApiOperation({ summary: '月调度纪要详情' })
  findOne(@CurrentCaller() caller: Caller, @Param('id', uuidParam('纪要ID')) id: string): Promise<MonthlyReviewDto> {
    return this.monthly.read.findOne(caller, id);
  }
}
