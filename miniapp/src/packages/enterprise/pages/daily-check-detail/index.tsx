import { Role } from '@shian/shared';
import { DailyCheckDetailPage } from '../../../../components/DailyCheckDetailPage';
import { useSession } from '../../../../hooks/useSession';
import { navigateTo } from '../../../../platform/nav';
import { ReturnedRecordBanner } from '../../components/ReturnedRecordBanner';

export default function EnterpriseDailyCheckDetailPage() {
  const { session } = useSession();
  const officer = session?.user.role === Role.Officer;
  return (
    <DailyCheckDetailPage
      route="enterprise.dailyCheckDetail"
      renderTop={(c) => (
        <ReturnedRecordBanner
          recordType="daily_check"
          record={c}
          correct={officer ? { onCorrect: () => navigateTo('enterprise.dailyCheckCorrection', { id: c.id }) } : { who: '食品安全员' }}
        />
      )}
    />
  );
}
