import { View } from '@tarojs/components';
import { api } from '../../../api';
import { useAsync } from '../../../hooks/useAsync';
import { navigateTo } from '../../../platform/nav';
import './RectificationsEntry.css';

/** The official home's way to 整改通知: how many answers wait for acceptance and how many orders are overdue. */
export function RectificationsEntry() {
  const answered = useAsync(() => api.rectifications.list({ status: 'answered', pageSize: 1 }), [], { reloadOnShow: true });
  const overdue = useAsync(() => api.rectifications.list({ overdue: true, pageSize: 1 }), [], { reloadOnShow: true });
  const late = overdue.data?.total ?? 0;
  return (
    <View className="off-rect-entry" onClick={() => navigateTo('official.rectifications')}>
      <View className="off-rect-entry__label">整改通知 ›</View>
      <View className="off-rect-entry__figures">
        {`待验收 ${answered.data?.total ?? '…'}`}
        <View className={`off-rect-entry__late${late > 0 ? ' off-rect-entry__late--some' : ''}`}>{` · 已逾期 ${overdue.data ? late : '…'}`}</View>
      </View>
    </View>
  );
}
