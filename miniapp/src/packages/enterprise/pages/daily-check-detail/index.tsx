import { DailyCheckDetailPage } from '../../../../components/DailyCheckDetailPage';

export default function EnterpriseDailyCheckDetailPage() {
  return <DailyCheckDetailPage route="enterprise.dailyCheckDetail" />;
}
