// 投诉举报 as the officials read them: the kind, status and 逾期 tags, a list row (card on a phone,
// table row at a desk) and the running deadline's line. Shared by the list, the detail, the
// business's page and the home entry.
import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { FINAL_COMPLAINT_STATUSES, type ComplaintDto, type ComplaintStatus } from '@shian/shared';
import { formatBusinessDate } from '../../../platform/format';
import './ComplaintViews.css';

type TagType = 'default' | 'primary' | 'success' | 'warning' | 'danger';

const STATUS_TAG: Record<ComplaintStatus, TagType> = {
  received: 'warning',
  accepted: 'primary',
  mediating: 'primary',
  checking: 'primary',
  case_opened: 'primary',
  agreed: 'primary',
  not_accepted: 'default',
  mediation_ended: 'default',
  not_opened: 'default',
  notified: 'primary',
  closed: 'success',
  handled: 'success',
};

export const isFinalComplaint = (status: ComplaintStatus): boolean => FINAL_COMPLAINT_STATUSES.includes(status);

/** 投诉 / 举报 (unless a column says it), the status, and 「逾期」 in red when the running deadline is past. */
export function ComplaintTags({ c, kind = true }: { c: Pick<ComplaintDto, 'kind' | 'kindLabel' | 'status' | 'statusLabel' | 'overdue'>; kind?: boolean }) {
  return (
    <View className="row gap cpl-tags">
      {kind ? <Text className={`cpl-kind cpl-kind--${c.kind}`}>{c.kindLabel}</Text> : null}
      <Tag type={STATUS_TAG[c.status] ?? 'default'}>{c.statusLabel}</Tag>
      {c.overdue ? (
        <Tag type="danger" className="cpl-overdue">
          逾期
        </Tag>
      ) : null}
    </View>
  );
}

/** 「决定是否受理并告知：2026年12月4日前」, or nothing when no deadline runs. */
export function dueText(c: Pick<ComplaintDto, 'dueDate' | 'dueLabel'>): string | null {
  return c.dueDate && c.dueLabel ? `${c.dueLabel}：${formatBusinessDate(c.dueDate)}前` : null;
}

/** One complaint in a phone list: number, tags, business, received, deadline, handler. */
export function ComplaintCard({ c, onClick }: { c: ComplaintDto; onClick: () => void }) {
  const due = dueText(c);
  return (
    <View className={`card cpl-row${c.overdue ? ' cpl-row--overdue' : ''}`} data-tracking={c.trackingNo} onClick={onClick}>
      <View className="cpl-row__head">
        <Text className="cpl-row__no">{c.trackingNo}</Text>
        <ComplaintTags c={c} />
      </View>
      <View className="cpl-row__business">{c.businessName}</View>
      <View className="muted cpl-row__meta">{`收到 ${formatBusinessDate(c.receivedDate)} · 承办人 ${c.handlerName ?? '未指定'}`}</View>
      {due ? <View className={`cpl-row__due${c.overdue ? ' cpl-row__due--overdue' : ''}`}>{due}</View> : null}
    </View>
  );
}

/** The same complaints as one table at a desk. */
export function ComplaintTable({ items, onOpen }: { items: readonly ComplaintDto[]; onOpen: (c: ComplaintDto) => void }) {
  return (
    <View className="off-table__scroll">
      <View className="off-table">
        <View className="off-table__row off-table__row--head">
          {['受理编号', '类型', '状态', '被投诉举报对象', '收到日期', '当前期限', '承办人'].map((h) => (
            <View key={h} className="off-table__cell">
              {h}
            </View>
          ))}
        </View>
        {items.map((c) => (
          <View key={c.id} className="off-table__row cpl-row" data-tracking={c.trackingNo} onClick={() => onOpen(c)}>
            <View className="off-table__cell cpl-row__no">{c.trackingNo}</View>
            <View className="off-table__cell">{c.kindLabel}</View>
            <View className="off-table__cell">
              <ComplaintTags c={c} kind={false} />
            </View>
            <View className="off-table__cell off-table__cell--name">{c.businessName}</View>
            <View className="off-table__cell">{formatBusinessDate(c.receivedDate)}</View>
            <View className={`off-table__cell${c.overdue ? ' cpl-row__due--overdue' : ''}`}>{dueText(c) ?? '—'}</View>
            <View className="off-table__cell">{c.handlerName ?? '未指定'}</View>
          </View>
        ))}
      </View>
    </View>
  );
}
