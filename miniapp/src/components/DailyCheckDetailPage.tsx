import type { DailyCheckDto } from '@shian/shared';
import { api } from '../api';
import { DailyCheckDetailView } from './DailyCheckDetailView';
import { RecordDetailPage, type RecordPageSlots } from './RecordDetailPage';

/** One daily check (?id=) with its versions, for the business's and the officials' page. */
export function DailyCheckDetailPage(slots: RecordPageSlots<DailyCheckDto>) {
  return (
    <RecordDetailPage
      {...slots}
      get={api.dailyChecks.get}
      versions={api.dailyChecks.versions}
      missingId="缺少检查记录编号"
      render={(check, versions, open) => <DailyCheckDetailView check={check} versions={versions} onOpenVersion={open} />}
    />
  );
}
