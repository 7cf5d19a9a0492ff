import { api } from '../../../api';
import { useAsync } from '../../../hooks/useAsync';
import { navigateTo } from '../../../platform/nav';
import { HomeEntry, LateFigure } from './HomeEntry';

/** The official home's way to 投诉举报: how many are still being handled (not 办结 / 处理完毕) and how many are past a statutory deadline. */
export function ComplaintsEntry() {
  const counts = useAsync(
    async () => {
      const [pending, overdue] = await Promise.all([api.complaints.list({ open: true, pageSize: 1 }), api.complaints.list({ overdue: true, pageSize: 1 })]);
      return { pending: pending.total, overdue: overdue.total };
    },
    [],
    { reloadOnShow: true },
  );
  const late = counts.data?.overdue ?? 0;
  return (
    <HomeEntry hook="off-cpl-entry" tint="red" label="投诉举报" onClick={() => navigateTo('official.complaints')}>
      {`待处理 ${counts.data?.pending ?? '…'}`}
      <LateFigure late={late} text={` · 逾期 ${counts.data ? late : '…'}`} />
    </HomeEntry>
  );
}
