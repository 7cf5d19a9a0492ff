// The .xlsx columns of GET /api/rectifications?format=xlsx: one row per order, as the list shows it.
import type { RectificationOrderDto } from '@shian/shared';
import type { XlsxColumn } from '../common/xlsx-export';

export const RECTIFICATION_COLUMNS: readonly XlsxColumn<RectificationOrderDto>[] = [
  { header: '下发日期', width: 12, kind: 'date', value: (r) => r.issuedDate },
  { header: '企业名称', width: 32, value: (r) => r.enterpriseName },
  { header: '区划代码', width: 15, value: (r) => r.regionCode },
  { header: '来源', width: 18, value: (r) => r.sourceLabel },
  { header: '来源记录期间', width: 14, value: (r) => r.sourcePeriod },
  { header: '整改事项', width: 60, value: (r) => r.items.map((item, i) => `${i + 1}. ${item}`).join('\n') },
  { header: '整改期限', width: 12, kind: 'date', value: (r) => r.deadline },
  { header: '状态', width: 10, value: (r) => r.statusLabel },
  { header: '已逾期', width: 8, kind: 'boolean', value: (r) => r.overdue },
  { header: '轮次', width: 6, kind: 'integer', value: (r) => r.round },
  { header: '下发人', width: 10, value: (r) => r.issuerName },
  { header: '最近回复时间', width: 18, kind: 'datetime', value: (r) => r.answeredAt },
  { header: '验收日期', width: 12, kind: 'date', value: (r) => r.closedDate },
];
