import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { REVIEW_ACTION_LABELS, type DailyCheckDto, type RecordReviewMark } from '@shian/shared';

/**
 * 零风险 / N 项问题, 逾期 when submitted after the business day, 已更正 for a corrected version, and
 * the latest official review (已审阅 / 已退回) when the list gives one — 未审阅 too where an official
 * works through the queue (`unreviewed`).
 */
export function CheckStatusTags({
  check,
  unreviewed = false,
}: {
  check: Pick<DailyCheckDto, 'zeroRisk' | 'problemCount' | 'late'> & Partial<Pick<DailyCheckDto, 'version' | 'review'>>;
  unreviewed?: boolean;
}) {
  return (
    <RecordStateTags late={check.late} version={check.version ?? 1} review={check.review} unreviewed={unreviewed}>
      {check.zeroRisk ? <Tag type="success">零风险</Tag> : <Tag type="warning">{`${check.problemCount} 项问题`}</Tag>}
    </RecordStateTags>
  );
}

/** Any record's state: (its own tags first,) 逾期 when late, 已更正 for a later version, and its latest review. */
export function RecordStateTags({
  late,
  version,
  review,
  unreviewed = false,
  children,
}: {
  late: boolean;
  version: number;
  review?: RecordReviewMark | null;
  unreviewed?: boolean;
  children?: ReactNode;
}) {
  return (
    <View className="row gap">
      {children}
      {late ? <Tag type="danger">逾期</Tag> : null}
      {version > 1 ? <Tag type="primary">已更正</Tag> : null}
      <ReviewTag review={review} unreviewed={unreviewed} />
    </View>
  );
}

/** A record's latest official review as a tag: 已审阅 / 已退回, and 未审阅 (`unreviewed`) when the list says there is none. */
export function ReviewTag({ review, unreviewed = false }: { review: RecordReviewMark | null | undefined; unreviewed?: boolean }) {
  if (review) {
    return (
      <Tag type={review.action === 'returned' ? 'danger' : 'success'} plain>
        {REVIEW_ACTION_LABELS[review.action]}
      </Tag>
    );
  }
  return unreviewed && review === null ? (
    <Tag type="default" plain>
      未审阅
    </Tag>
  ) : null;
}
