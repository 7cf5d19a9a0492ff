// The .xlsx columns of GET /api/daily-checks?format=xlsx: what the officials' list shows, one row per record.
import type { DailyCheckDto } from '@shian/shared';
import type { XlsxColumn } from '../common/xlsx-export';
import { reviewColumn } from '../reviews/review-column';

export const DAILY_CHECK_COLUMNS: readonly XlsxColumn<DailyCheckDto>[] = [
  { header: '营业日期', width: 12, kind: 'date', value: (r) => r.businessDate },
  { header: '企业名称', width: 32, value: (r) => r.enterpriseName },
  { header: '区划代码', width: 15, value: (r) => r.regionCode },
  { header: '检查人', width: 12, value: (r) => r.officerName },
  { header: '检查项数', width: 10, kind: 'integer', value: (r) => r.items.length },
  { header: '不符合项数', width: 11, kind: 'integer', value: (r) => r.problemCount },
  { header: '零风险报告', width: 11, kind: 'boolean', value: (r) => r.zeroRisk },
  { header: '迟交', width: 8, kind: 'boolean', value: (r) => r.late },
  { header: '版本', width: 8, kind: 'integer', value: (r) => r.version },
  { header: '提交时间', width: 18, kind: 'datetime', value: (r) => r.submittedAt },
  { header: '备注', width: 30, value: (r) => r.remarks },
  reviewColumn(),
];
