import { Body, Controller, Get, Header, HttpCode, Inject, Param, ParseIntPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ComplaintDetailDto, ComplaintDto, ComplaintRevealDto, ErrorCodes, Page, Role, todayInShanghai, WorkingCalendarYearDto } from '@shian/shared';
import { AppError } from '../common/app-error';
import { CurrentCaller, Roles } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { uuidParam } from '../common/params';
import { XLSX_CONTENT_TYPE, xlsxExport } from '../common/xlsx-export';
import { COMPLAINT_COLUMNS } from './complaint-export';
import { ComplaintsService } from './complaints.service';
import { AssignComplaintDto, ComplaintActionDto, ListComplaintsQuery, PutWorkingCalendarDto, RevealComplainantDto } from './dto/complaint.dto';
import { WorkingCalendarService } from './working-calendar.service';

@ApiTags('complaints 投诉举报办理')
@ApiBearerAuth()
@Roles(Role.Regulator, Role.Admin)
@Controller('complaints')
export class ComplaintsController {
  constructor(@Inject(ComplaintsService) private readonly complaints: ComplaintsService) {}

  @Get()
  @ApiProduces('application/json', XLSX_CONTENT_TYPE)
  @ApiOperation({
    summary: '投诉举报列表（监管人员限本辖区：企业所在区划，未登记经营者为投诉人所选区划），最新收到的在前；format=xlsx 导出（不含投诉举报人身份）',
    description: '每条带当前法定期限（dueDate，按工作日历计算）和 overdue；overdue=true 只看已逾期的，mine=true 只看由我承办的。投诉举报人姓名、电话一律脱敏。',
  })
  list(@CurrentCaller() caller: Caller, @Query() q: ListComplaintsQuery): Promise<Page<ComplaintDto> | StreamableFile> {
    if (q.format === 'xlsx') return xlsxExport({ fileName: `投诉举报-${todayInShanghai()}`, columns: COMPLAINT_COLUMNS, rows: this.complaints.rows(caller, q) });
    return this.complaints.list(caller, q);
  }

  @Get(':id')
  @ApiOperation({ summary: '投诉举报详情：内容、照片、全部办理记录、各项法定期限及是否逾期、当前可执行的操作（actions）；身份信息脱敏' })
  findOne(@CurrentCaller() caller: Caller, @Param('id', uuidParam('投诉举报ID')) id: string): Promise<ComplaintDetailDto> {
    return this.complaints.findOne(caller, id);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiOperation({ summary: '指定承办人（辖区覆盖该件的监管人员）；只有承办人可以办理和查看投诉举报人身份' })
  assign(@CurrentCaller() caller: Caller, @Param('id', uuidParam('投诉举报ID')) id: string, @Body() dto: AssignComplaintDto): Promise<ComplaintDetailDto> {
    return this.complaints.assign(caller, id, dto);
  }

  @Post(':id/actions')
  @HttpCode(200)
  @Roles(Role.Regulator)
  @ApiOperation({
    summary: '办理：受理 / 不予受理 / 开始调解 / 达成协议 / 终止调解 / 开始核查 / 延长核查期限 / 立案 / 不予立案 / 告知 / 办结 / 答复',
    description:
      '投诉：received → accept（受理）或 not_accept（不予受理，须写理由）；accepted → start_mediation → agree 或 end_mediation（须写理由）；→ notify（告知，须写内容）→ close（办结）。' +
      '举报：received → start_check → open_case（立案）或 not_open（不予立案，须写理由）→ notify → close（处理完毕）；核查期间可 extend_check 一次（经批准延长15个工作日，须写批准情况）。' +
      'reply（答复）不改变状态。理由、答复、告知内容投诉举报人在查询页可见。尚无承办人时，第一个办理的监管人员成为承办人；其他人员返回 403；状态不允许返回 409。',
  })
  act(@CurrentCaller() caller: Caller, @Param('id', uuidParam('投诉举报ID')) id: string, @Body() dto: ComplaintActionDto): Promise<ComplaintDetailDto> {
    return this.complaints.act(caller, id, dto);
  }

  @Post(':id/reveal')
  @HttpCode(200)
  @Roles(Role.Regulator)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: '承办人查看投诉举报人的姓名和手机号：须填写事由，每次查看记入审计日志（identity_reveals）；非承办人 403，匿名件 409' })
  reveal(@CurrentCaller() caller: Caller, @Param('id', uuidParam('投诉举报ID')) id: string, @Body() dto: RevealComplainantDto): Promise<ComplaintRevealDto> {
    return this.complaints.reveal(caller, id, dto);
  }

  @Get(':id/photos/:photoId')
  @Header('Cache-Control', 'private, max-age=31536000, immutable')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOperation({ summary: '投诉举报所附照片' })
  async photo(@CurrentCaller() caller: Caller, @Param('id', uuidParam('投诉举报ID')) id: string, @Param('photoId', uuidParam('照片ID')) photoId: string): Promise<StreamableFile> {
    const { photo, stream } = await this.complaints.photo(caller, id, photoId);
    return new StreamableFile(stream, { type: photo.mime, length: photo.sizeBytes, disposition: `inline; filename="${photo.id}.${photo.mime.split('/')[1].replace('jpeg', 'jpg')}"` });
  }
}

const yearParam = () =>
  new ParseIntPipe({ exceptionFactory: () => new AppError(ErrorCodes.ValidationFailed, 400, '年份格式无效', [{ field: 'year', message: '年份格式无效' }]) });

function checkYear(year: number): number {
  if (year < 2000 || year > 2100) throw new AppError(ErrorCodes.ValidationFailed, 400, '年份须在 2000–2100 之间', [{ field: 'year', message: '年份须在 2000–2100 之间' }]);
  return year;
}

@ApiTags('complaints 投诉举报办理')
@ApiBearerAuth()
@Controller('working-calendar')
export class WorkingCalendarController {
  constructor(@Inject(WorkingCalendarService) private readonly calendar: WorkingCalendarService) {}

  @Get(':year')
  @ApiOperation({ summary: '某年的工作日历：法定节假日（放假）和调休上班日；其余日期周一至周五为工作日', description: '投诉举报的法定期限按工作日计算（不含周末和放假日，含调休上班日）。' })
  year(@Param('year', yearParam()) year: number): Promise<WorkingCalendarYearDto> {
    return this.calendar.year(checkYear(year));
  }

  @Put(':year')
  @Roles(Role.Admin)
  @ApiOperation({
    summary: '系统管理员维护某年的工作日历（整体替换该年的放假日和调休上班日）',
    description: '每年国务院办公厅公布次年节假日安排后录入。调休上班日须为周六或周日。保存后，所有未办结投诉举报的当前期限按新日历重新计算。',
  })
  replace(@CurrentCaller() caller: Caller, @Param('year', yearParam()) year: number, @Body() dto: PutWorkingCalendarDto): Promise<WorkingCalendarYearDto> {
    return this.calendar.replaceYear(caller, checkYear(year), dto);
  }
}
