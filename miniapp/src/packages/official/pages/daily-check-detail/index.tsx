import { DailyCheckDetailPage } from '../../../../components/DailyCheckDetailPage';

export default function OfficialDailyCheckDetailPage() {
  return <DailyCheckDetailPage route="official.dailyCheckDetail" />;
}
