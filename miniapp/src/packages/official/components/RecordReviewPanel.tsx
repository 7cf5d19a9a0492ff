import { useRef, useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { RECORD_TYPE_LABELS, Role, type ReviewedRecordType } from '@shian/shared';
import { api } from '../../../api';
import { RectificationOrderRow, ReviewHistory } from '../../../components/RectificationViews';
import { useAsync } from '../../../hooks/useAsync';
import { useSession } from '../../../hooks/useSession';
import { useToast } from '../../../hooks/useToast';
import { navigateTo } from '../../../platform/nav';
import { uuidV4 } from '../../../platform/uuid';
import { ReasonDialog } from './ReasonDialog';
import { ReviewActions } from './ReviewActions';
import '../official.css';
import './RecordReviewPanel.css';

export interface ReviewedRecord {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  version: number;
  isCurrent: boolean;
  /** Business date, week or month, as the page shows it. */
  periodText: string;
}

/**
 * Below a record an official opens: its review history (every version), 审阅通过 / 退回 / 标记有问题
 * on the current version, and the rectification orders raised from it with 下发整改 (regulators).
 */
export function RecordReviewPanel({ recordType, record }: { recordType: ReviewedRecordType; record: ReviewedRecord }) {
  const { session } = useSession();
  const { showToast } = useToast();
  const role = session?.user.role;
  const canReview = role === Role.Regulator || role === Role.Cadre;
  const canIssue = role === Role.Regulator;
  const reviews = useAsync(() => api.reviews.list({ recordType, recordId: record.id, pageSize: 100 }), [recordType, record.id], { enabled: !!session });
  const orders = useAsync(() => api.rectifications.list({ sourceId: record.id, pageSize: 20 }), [record.id], { enabled: !!session, reloadOnShow: true });
  const [flagging, setFlagging] = useState(false);
  // One key per decision until it is stored: a retry after a lost answer is the same review.
  const key = useRef(uuidV4());
  const label = RECORD_TYPE_LABELS[recordType];
  const mine = (reviews.data?.items ?? []).filter((r) => r.recordId === record.id);
  const awaitingCorrection = record.isCurrent && mine[mine.length - 1]?.action === 'returned';
  const subject = `${record.enterpriseName} ${record.periodText} ${label}`;

  async function send(action: 'reviewed' | 'returned', comment?: string, flagged = false): Promise<void> {
    await api.reviews.create({ recordType, recordId: record.id, action, comment: comment ?? null, flagged }, key.current);
    key.current = uuidV4();
    showToast(action === 'returned' ? '已退回，企业将在待办中看到退回意见' : flagged ? '已标记有问题' : '已审阅', 'success');
    await reviews.reload();
  }

  return (
    <View>
      <View className="section-title">审阅</View>
      <View className="card off-rv">
        {reviews.error && !reviews.data ? (
          <View className="error-text" onClick={() => void reviews.reload()}>{`${reviews.error}（点击重试）`}</View>
        ) : (
          <ReviewHistory reviews={reviews.data?.items ?? []} />
        )}
        {awaitingCorrection ? <View className="off-rv__note off-rv__note--returned">已退回，等待企业提交更正</View> : null}
        {canReview && record.isCurrent ? (
          <>
            <ReviewActions
              approveLabel="审阅通过"
              approve={() => send('reviewed')}
              rejectLabel="退回"
              reject={{
                title: '退回记录',
                subject,
                placeholder: '请填写退回意见，企业将据此更正，如：第2项未写冷藏温度实测值',
                confirmText: '确认退回',
                emptyMessage: '请填写退回意见',
                send: (comment) => send('returned', comment),
              }}
            />
            <View className="link off-rv__flag" onClick={() => setFlagging(true)}>
              标记有问题 ›
            </View>
          </>
        ) : null}
        {canReview && !record.isCurrent ? <View className="muted off-rv__note">此版本已被更正，请审阅最新版本</View> : null}
      </View>
      {flagging ? (
        <ReasonDialog
          title="标记有问题"
          subject={subject}
          placeholder="请说明发现的问题"
          confirmText="确认标记"
          emptyMessage="请说明发现的问题"
          onClose={() => setFlagging(false)}
          onConfirm={async (comment) => {
            await send('reviewed', comment, true);
            setFlagging(false);
          }}
        />
      ) : null}

      <View className="section-title">{`整改通知（${orders.data?.total ?? 0}）`}</View>
      {(orders.data?.items ?? []).map((o) => (
        <RectificationOrderRow key={o.id} order={o} showEnterprise={false} onClick={() => navigateTo('official.rectificationDetail', { id: o.id })} />
      ))}
      {canIssue ? (
        <View className="actions">
          <Button
            block
            type="primary"
            fill="outline"
            onClick={() =>
              navigateTo('official.rectificationCreate', { enterpriseId: record.enterpriseId, enterpriseName: record.enterpriseName, sourceType: recordType, sourceId: record.id, sourcePeriod: record.periodText })
            }
          >
            下发整改
          </Button>
        </View>
      ) : null}
    </View>
  );
}
