import type { WeeklyInvestigationDto } from '@shian/shared';
import { WeeklyInvestigationDetailPage } from '../../../../components/PeriodRecordViews';
import { officialRecordSlots } from '../../components/OfficialRecordPage';

const slots = officialRecordSlots<WeeklyInvestigationDto>('weekly_investigation', (w) => w.week);

/** A business's 周排查 report for an official (?id=): 打印, the report, then 审阅 and 下发整改. */
export default function OfficialWeeklyInvestigationDetailPage() {
  return <WeeklyInvestigationDetailPage {...slots} />;
}
