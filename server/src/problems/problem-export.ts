// The .xlsx columns of GET /api/problems?format=xlsx: one row per problem found in a record.
import type { ProblemDto, ProblemSourceType, ProblemStatus } from '@shian/shared';
import type { XlsxColumn } from '../common/xlsx-export';

const SOURCE_LABELS: Record<ProblemSourceType, string> = { daily_check: '每日检查', weekly_investigation: '每周排查' };
const STATUS_LABELS: Record<ProblemStatus, string> = { open: '待整改', resolved: '已整改', superseded: '所在记录已更正' };

export const PROBLEM_COLUMNS: readonly XlsxColumn<ProblemDto>[] = [
  { header: '发现日期', width: 12, kind: 'date', value: (r) => r.businessDate },
  { header: '企业名称', width: 32, value: (r) => r.enterpriseName },
  { header: '区划代码', width: 15, value: (r) => r.regionCode },
  { header: '来源', width: 10, value: (r) => SOURCE_LABELS[r.sourceType] },
  { header: '检查项', width: 10, value: (r) => r.itemCode },
  { header: '问题描述', width: 36, value: (r) => r.description },
  { header: '采取的措施', width: 30, value: (r) => r.measureTaken },
  { header: '当场整改', width: 10, kind: 'boolean', value: (r) => r.fixedOnSpot },
  { header: '状态', width: 12, value: (r) => STATUS_LABELS[r.status] },
  { header: '整改说明', width: 30, value: (r) => r.resolution },
  { header: '整改时间', width: 18, kind: 'datetime', value: (r) => r.resolvedAt },
];
