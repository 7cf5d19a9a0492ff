// The .xlsx columns of GET /api/weekly-investigations?format=xlsx: one row per 周排查报告.
import type { WeeklyInvestigationDto } from '@shian/shared';
import type { XlsxColumn } from '../common/xlsx-export';
import { reviewColumn } from '../reviews/review-column';

export const WEEKLY_INVESTIGATION_COLUMNS: readonly XlsxColumn<WeeklyInvestigationDto>[] = [
  { header: '周次', width: 11, value: (r) => r.week },
  { header: '开始日期', width: 12, kind: 'date', value: (r) => r.summary.from },
  { header: '结束日期', width: 12, kind: 'date', value: (r) => r.summary.to },
  { header: '企业名称', width: 32, value: (r) => r.enterpriseName },
  { header: '区划代码', width: 15, value: (r) => r.regionCode },
  { header: '排查人', width: 12, value: (r) => r.investigatorName },
  { header: '本周日查天数', width: 13, kind: 'integer', value: (r) => r.summary.days.checked },
  { header: '本周漏查天数', width: 13, kind: 'integer', value: (r) => r.summary.days.missed },
  { header: '发现隐患数', width: 11, kind: 'integer', value: (r) => r.hazards.length },
  { header: '整改措施数', width: 11, kind: 'integer', value: (r) => r.measures.length },
  { header: '迟交', width: 8, kind: 'boolean', value: (r) => r.late },
  { header: '版本', width: 8, kind: 'integer', value: (r) => r.version },
  { header: '提交时间', width: 18, kind: 'datetime', value: (r) => r.submittedAt },
  reviewColumn(),
];
