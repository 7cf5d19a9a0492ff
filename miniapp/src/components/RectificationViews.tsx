// 整改通知 and record reviews as both the business and the officials read them: the status tags
// (「已逾期」 in red), a list row, the order with its history and photos, a record's review history.
import { Picker, Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { addDays, RECTIFICATION_LIMITS, type BusinessDate, type RectificationOrderDetailDto, type RectificationOrderDto, type RectificationOrderStatus, type ReviewDto } from '@shian/shared';
import { formatBusinessDate, formatShanghaiDateTime } from '../platform/format';
import { RecordPhotos } from './RecordPhotos';
import './RectificationViews.css';

const STATUS_TAG: Record<RectificationOrderStatus, 'warning' | 'primary' | 'success' | 'danger'> = {
  open: 'warning',
  answered: 'primary',
  closed: 'success',
  returned: 'danger',
};

/** The order's status, and 「已逾期」 in red when it is past its deadline and not closed. */
export function RectificationTags({ order }: { order: Pick<RectificationOrderDto, 'status' | 'statusLabel' | 'overdue'> }) {
  return (
    <View className="row gap rect__tags">
      <Tag type={STATUS_TAG[order.status] ?? 'default'}>{order.statusLabel}</Tag>
      {order.overdue ? (
        <Tag type="danger" className="rect__overdue">
          已逾期
        </Tag>
      ) : null}
    </View>
  );
}

/** One order in a list: business (for officials), the first item, deadline and tags. */
export function RectificationOrderRow({ order, showEnterprise, onClick }: { order: RectificationOrderDto; showEnterprise: boolean; onClick: () => void }) {
  return (
    <View className={`card rect__row${order.overdue ? ' rect__row--overdue' : ''}`} onClick={onClick}>
      <View className="rect__row-head">
        <Text className="rect__row-title">{showEnterprise ? order.enterpriseName : `整改通知 · ${formatBusinessDate(order.issuedDate)}`}</Text>
        <RectificationTags order={order} />
      </View>
      <View className="rect__row-item">{order.items.length > 1 ? `${order.items[0]} 等 ${order.items.length} 项` : order.items[0]}</View>
      <View className={`muted${order.overdue ? ' rect__deadline--overdue' : ''}`}>{`整改期限：${formatBusinessDate(order.deadline)}`}</View>
      <View className="muted">{`${order.issuerName} 于 ${formatBusinessDate(order.issuedDate)} 下发${order.sourcePeriod ? ` · 来自 ${order.sourcePeriod} ${order.sourceLabel}` : ''}`}</View>
    </View>
  );
}

/** The order: who issued it and why, the items, the deadline, then its history with the business's photos. */
export function RectificationOrderView({ order, onOpenSource }: { order: RectificationOrderDetailDto; onOpenSource?: () => void }) {
  return (
    <View>
      <View className="card">
        <View className="rect__row-head">
          <View className="card__title rect__title">{order.enterpriseName}</View>
          <RectificationTags order={order} />
        </View>
        <View className="muted">{`${order.issuerName} 于 ${formatShanghaiDateTime(order.issuedAt)} 下发`}</View>
        <View className={`rect__deadline${order.overdue ? ' rect__deadline--overdue' : ''}`}>{`整改期限：${formatBusinessDate(order.deadline)}${order.overdue ? '（已逾期）' : ''}`}</View>
        {order.sourcePeriod || onOpenSource ? (
          <View className={onOpenSource ? 'link rect__source' : 'muted rect__source'} onClick={onOpenSource}>
            {`来源：${order.sourcePeriod ? `${order.sourcePeriod} ` : ''}${order.sourceLabel}${onOpenSource ? ' ›' : ''}`}
          </View>
        ) : (
          <View className="muted rect__source">{`来源：${order.sourceLabel}`}</View>
        )}
        {order.round > 1 ? <View className="muted">{`第 ${order.round} 轮整改`}</View> : null}
        {order.closedDate ? <View className="rect__closed">{`已于 ${formatBusinessDate(order.closedDate)} 验收通过`}</View> : null}
      </View>

      <View className="section-title">{`整改事项（${order.items.length}）`}</View>
      <View className="card">
        {order.items.map((item, i) => (
          <View key={i} className="rect__item">{`${i + 1}. ${item}`}</View>
        ))}
      </View>

      <View className="section-title">整改记录</View>
      <View className="card rect__history">
        {order.events.map((e) => (
          <View key={e.seq} className={`rect__event rect__event--${e.kind}`}>
            <View className="rect__event-head">
              <Text className="rect__event-kind">{e.kindLabel}</Text>
              <Text className="muted">{`${e.actorName} · ${formatShanghaiDateTime(e.at)}`}</Text>
            </View>
            {e.text ? <View className="rect__event-text">{e.kind === 'answered' ? `整改措施：${e.text}` : `意见：${e.text}`}</View> : null}
            {e.photos.length ? <RecordPhotos ids={e.photos.map((p) => p.id)} /> : null}
          </View>
        ))}
      </View>
    </View>
  );
}

/** A record's reviews over its versions, oldest first. */
export function ReviewHistory({ reviews }: { reviews: readonly ReviewDto[] }) {
  if (reviews.length === 0) return <View className="muted">尚未审阅</View>;
  return (
    <View>
      {reviews.map((r) => (
        <View key={r.id} className={`rect__review rect__review--${r.action}`}>
          <View className="rect__event-head">
            <View className="row gap">
              <Tag type={r.action === 'returned' ? 'danger' : 'success'}>{r.actionLabel}</Tag>
              {r.flagged ? <Tag type="warning">有问题</Tag> : null}
              <Text className="muted">{`第 ${r.recordVersion} 版`}</Text>
            </View>
            <Text className="muted">{`${r.reviewerName} · ${formatShanghaiDateTime(r.createdAt)}`}</Text>
          </View>
          {r.comment ? <View className="rect__event-text">{`意见：${r.comment}`}</View> : null}
        </View>
      ))}
    </View>
  );
}

/** 整改期限 of a new order: a date from today to RECTIFICATION_LIMITS.maxDeadlineDays ahead (Asia/Shanghai). */
export function RectificationDeadlinePicker({ value, today, onChange }: { value: BusinessDate; today: BusinessDate; onChange: (date: BusinessDate) => void }) {
  return (
    <>
      <View className="section-title">整改期限</View>
      <Picker mode="date" value={value} start={today} end={addDays(today, RECTIFICATION_LIMITS.maxDeadlineDays)} onChange={(e) => onChange(String(e.detail.value))}>
        <View className="card rect__deadline">
          <View>{formatBusinessDate(value)}</View>
          <View className="link">修改 ›</View>
        </View>
      </Picker>
    </>
  );
}
