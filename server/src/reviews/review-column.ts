// The 审阅 column of the record exports (daily, weekly, monthly): the version's latest review.
import { REVIEW_ACTION_LABELS, type RecordReviewMark } from '@shian/shared';
import type { XlsxColumn } from '../common/xlsx-export';

export function reviewColumn<T extends { review?: RecordReviewMark | null }>(): XlsxColumn<T> {
  return { header: '审阅', width: 8, value: (r) => (r.review ? REVIEW_ACTION_LABELS[r.review.action] : '未审阅') };
}
