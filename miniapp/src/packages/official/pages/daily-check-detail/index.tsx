import type { DailyCheckDto } from '@shian/shared';
import { DailyCheckDetailPage } from '../../../../components/DailyCheckDetailPage';
import { officialRecordSlots } from '../../components/OfficialRecordPage';

const slots = officialRecordSlots<DailyCheckDto>('daily_check', (c) => c.businessDate);

/** A business's daily check for an official (?id=): 打印, the check, then 审阅 and 下发整改. */
export default function OfficialDailyCheckDetailPage() {
  return <DailyCheckDetailPage {...slots} />;
}
