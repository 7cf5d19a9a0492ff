import { WeeklyInvestigationDetailPage } from '../../../../components/PeriodRecordViews';
import { ReturnedRecordBanner } from '../../components/ReturnedRecordBanner';

/** One submitted 周排查 report (?id=): an official's return above it. */
export default function EnterpriseWeeklyInvestigationDetailPage() {
  return <WeeklyInvestigationDetailPage route="enterprise.weeklyInvestigationDetail" renderTop={(w) => <ReturnedRecordBanner recordType="weekly_investigation" record={w} />} />;
}
