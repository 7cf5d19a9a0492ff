// The .xlsx columns of GET /api/complaints?format=xlsx: the list as shown, never the complainant's identity.
import type { ComplaintDto } from '@shian/shared';
import type { XlsxColumn } from '../common/xlsx-export';

export const COMPLAINT_COLUMNS: readonly XlsxColumn<ComplaintDto>[] = [
  { header: '受理编号', width: 18, value: (c) => c.trackingNo },
  { header: '类型', width: 6, value: (c) => c.kindLabel },
  { header: '收到日期', width: 12, kind: 'date', value: (c) => c.receivedDate },
  { header: '企业/经营者', width: 32, value: (c) => c.businessName },
  { header: '区划代码', width: 15, value: (c) => c.regionCode },
  { header: '发生日期', width: 12, kind: 'date', value: (c) => c.happenedOn },
  { header: '状态', width: 12, value: (c) => c.statusLabel },
  { header: '当前期限', width: 18, value: (c) => c.dueLabel },
  { header: '期限截止', width: 12, kind: 'date', value: (c) => c.dueDate },
  { header: '已逾期', width: 8, kind: 'boolean', value: (c) => c.overdue },
  { header: '承办人', width: 10, value: (c) => c.handlerName },
  { header: '匿名', width: 6, kind: 'boolean', value: (c) => c.anonymous },
];
