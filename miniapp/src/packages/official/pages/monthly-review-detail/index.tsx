import type { MonthlyReviewDto } from '@shian/shared';
import { MonthlyReviewDetailPage } from '../../../../components/PeriodRecordViews';
import { officialRecordSlots } from '../../components/OfficialRecordPage';

const slots = officialRecordSlots<MonthlyReviewDto>('monthly_review', (m) => m.month);

/** A business's 月调度 minutes for an official (?id=): 打印, the minutes, then 审阅 and 下发整改. */
export default function OfficialMonthlyReviewDetailPage() {
  return <MonthlyReviewDetailPage {...slots} />;
}
