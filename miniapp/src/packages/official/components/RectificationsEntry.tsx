import { api } from '../../../api';
import { useAsync } from '../../../hooks/useAsync';
import { navigateTo } from '../../../platform/nav';
import { HomeEntry, LateFigure } from './HomeEntry';

/** The official home's way to 整改通知: how many answers wait for acceptance and how many orders are overdue. */
export function RectificationsEntry() {
  const answered = useAsync(() => api.rectifications.list({ status: 'answered', pageSize: 1 }), [], { reloadOnShow: true });
  const overdue = useAsync(() => api.rectifications.list({ overdue: true, pageSize: 1 }), [], { reloadOnShow: true });
  const late = overdue.data?.total ?? 0;
  return (
    <HomeEntry hook="off-rect-entry" tint="orange" label="整改通知" onClick={() => navigateTo('official.rectifications')}>
      {`待验收 ${answered.data?.total ?? '…'}`}
      <LateFigure late={late} text={` · 已逾期 ${overdue.data ? late : '…'}`} />
    </HomeEntry>
  );
}
