import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ReviewedRecordType } from '@shian/shared';
import { api } from '../../../api';
import { useAsync } from '../../../hooks/useAsync';
import { formatShanghaiDateTime } from '../../../platform/format';
import '../../../components/RectificationViews.css';

export interface ReturnedRecordBannerProps {
  recordType: ReviewedRecordType;
  record: { id: string; isCurrent: boolean };
  /** 「提交更正」 for whoever submits this kind of record; others are told who does. */
  correct?: { onCorrect: () => void } | { who: string };
}

/**
 * On a record the business opens: the official's latest review of this version — 「记录被退回：…」
 * with the way to correct it while it is the current version, or 已审阅.
 */
export function ReturnedRecordBanner({ recordType, record, correct }: ReturnedRecordBannerProps) {
  const reviews = useAsync(() => api.reviews.list({ recordType, recordId: record.id, pageSize: 100 }), [recordType, record.id], { reloadOnShow: true });
  const own = (reviews.data?.items ?? []).filter((r) => r.recordId === record.id);
  const latest = own[own.length - 1];
  if (!latest) return null;
  if (latest.action === 'reviewed') return <View className="card muted">{`监管人员已审阅（${latest.reviewerName} · ${formatShanghaiDateTime(latest.createdAt)}）${latest.flagged && latest.comment ? `：${latest.comment}` : ''}`}</View>;
  if (!record.isCurrent) return <View className="card muted">{`此版本曾被退回：${latest.comment ?? ''}（已更正）`}</View>;
  return (
    <View className="card rect__returned">
      <View className="rect__returned-title">{`记录被退回：${latest.comment ?? ''}`}</View>
      <View className="muted">{`${latest.reviewerName} 于 ${formatShanghaiDateTime(latest.createdAt)} 退回，请按意见更正后重新提交`}</View>
      {correct && 'onCorrect' in correct ? (
        <View className="actions">
          <Button block type="primary" onClick={correct.onCorrect}>
            提交更正
          </Button>
        </View>
      ) : correct ? (
        <View className="muted">{`更正由${correct.who}提交`}</View>
      ) : null}
    </View>
  );
}
