import { MonthlyReviewDetailPage } from '../../../../components/PeriodRecordViews';
import { ReturnedRecordBanner } from '../../components/ReturnedRecordBanner';

/** One submitted 月调度 minutes (?id=): an official's return above it. */
export default function EnterpriseMonthlyReviewDetailPage() {
  return <MonthlyReviewDetailPage route="enterprise.monthlyReviewDetail" renderTop={(m) => <ReturnedRecordBanner recordType="monthly_review" record={m} />} />;
}
