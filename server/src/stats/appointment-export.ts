// The .xlsx of GET /api/stats/appointments?format=xlsx: a row per child region, then the region's total.
import type { AppointmentStatsDto, AppointmentStatsRow } from '@shian/shared';
import type { XlsxColumn } from '../common/xlsx-export';

export const APPOINTMENT_COLUMNS: readonly XlsxColumn<AppointmentStatsRow>[] = [
  { header: '区划代码', width: 15, value: (r) => r.regionCode },
  { header: '区划名称', width: 20, value: (r) => r.regionName },
  { header: '企业数', width: 10, kind: 'integer', value: (r) => r.businesses },
  { header: '已配备安全员', width: 13, kind: 'integer', value: (r) => r.withOfficer },
  { header: '食品安全员配备率', width: 16, kind: 'rate', value: (r) => r.officerRate },
  { header: '须配备总监', width: 12, kind: 'integer', value: (r) => r.requiringDirector },
  { header: '已配备总监', width: 12, kind: 'integer', value: (r) => r.withDirector },
  { header: '食品安全总监配备率', width: 18, kind: 'rate', value: (r) => r.directorRate },
];

/** The children in the API's order, then the region itself as 合计. */
export function appointmentExportRows(d: AppointmentStatsDto): AppointmentStatsRow[] {
  return [...d.children, { ...d.region, regionName: `${d.region.regionName}（合计）` }];
}
