import { DailyCheckDetailPage } from '../../../../components/DailyCheckDetailPage';
import { PrintLink } from '../../components/PrintLink';
import { RecordReviewPanel } from '../../components/RecordReviewPanel';

export default function OfficialDailyCheckDetailPage() {
  return (
    <DailyCheckDetailPage
      route="official.dailyCheckDetail"
      renderTop={(c) => <PrintLink type="daily_check" id={c.id} />}
      renderBottom={(c) => (
        <RecordReviewPanel
          recordType="daily_check"
          record={{ id: c.id, enterpriseId: c.enterpriseId, enterpriseName: c.enterpriseName, version: c.version, isCurrent: c.isCurrent, periodText: c.businessDate }}
        />
      )}
    />
  );
}
