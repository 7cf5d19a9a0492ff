// The .xlsx columns of GET /api/monthly-reviews?format=xlsx: one row per 月调度会议纪要.
import type { MonthlyReviewDto } from '@shian/shared';
import type { XlsxColumn } from '../common/xlsx-export';
import { reviewColumn } from '../reviews/review-column';

export const MONTHLY_REVIEW_COLUMNS: readonly XlsxColumn<MonthlyReviewDto>[] = [
  { header: '月份', width: 10, value: (r) => r.month },
  { header: '企业名称', width: 32, value: (r) => r.enterpriseName },
  { header: '区划代码', width: 15, value: (r) => r.regionCode },
  { header: '主持人', width: 12, value: (r) => r.chairName },
  { header: '会议日期', width: 12, kind: 'date', value: (r) => r.meetingDate },
  { header: '会议地点', width: 20, value: (r) => r.place },
  { header: '参会人数', width: 10, kind: 'integer', value: (r) => r.attendees.length },
  { header: '当月日查天数', width: 13, kind: 'integer', value: (r) => r.report.days.checked },
  { header: '当月漏查天数', width: 13, kind: 'integer', value: (r) => r.report.days.missed },
  { header: '周排查次数', width: 11, kind: 'integer', value: (r) => r.report.weeklyDone },
  { header: '发现问题', width: 10, kind: 'integer', value: (r) => r.report.problems.found },
  { header: '已整改', width: 10, kind: 'integer', value: (r) => r.report.problems.fixed },
  { header: '迟交', width: 8, kind: 'boolean', value: (r) => r.late },
  { header: '版本', width: 8, kind: 'integer', value: (r) => r.version },
  { header: '提交时间', width: 18, kind: 'datetime', value: (r) => r.submittedAt },
  reviewColumn(),
];
