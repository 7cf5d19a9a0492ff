import type { ReviewedRecordType } from '@shian/shared';
import type { RecordPageSlots } from '../../../components/RecordDetailPage';
import type { RouteName } from '../../../routes';
import { PrintLink } from './PrintLink';
import { RecordReviewPanel, type ReviewedRecord } from './RecordReviewPanel';

/** The official's page of each kind of record (a business page's rows, an order's source open them). */
export const OFFICIAL_RECORD_ROUTES: Record<ReviewedRecordType, RouteName> = {
  daily_check: 'official.dailyCheckDetail',
  weekly_investigation: 'official.weeklyInvestigationDetail',
  monthly_review: 'official.monthlyReviewDetail',
};

/** What an official's record page adds to the record: 打印 above it, 审阅 and 下发整改 below. */
export function officialRecordSlots<T extends Omit<ReviewedRecord, 'periodText'>>(recordType: ReviewedRecordType, period: (record: T) => string): RecordPageSlots<T> {
  return {
    route: OFFICIAL_RECORD_ROUTES[recordType],
    renderTop: (r) => <PrintLink type={recordType} id={r.id} />,
    renderBottom: (r) => <RecordReviewPanel recordType={recordType} record={{ ...r, periodText: period(r) }} />,
  };
}
