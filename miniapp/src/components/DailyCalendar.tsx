import { Text, View } from '@tarojs/components';
import { addDays, monthKey, type DailyCalendarDay, type DailyCalendarDto } from '@shian/shared';
import { formatMonth } from '../platform/format';
import './DailyCalendar.css';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

type Look = 'done' | 'late' | 'missed' | 'problem' | 'pending' | 'none';

/** What a cell shows: a problem outranks lateness (a late day with a problem keeps a late dot). */
function lookOf(day: DailyCalendarDay): { look: Look; label: string } {
  if (day.problem) return { look: 'problem', label: '有问题' };
  switch (day.status) {
    case 'done':
      return { look: 'done', label: '已查' };
    case 'late':
      return { look: 'late', label: '迟交' };
    case 'missed':
      return { look: 'missed', label: '漏查' };
    case 'pending':
      return { look: 'pending', label: '待查' };
    default:
      return { look: 'none', label: '' };
  }
}

const LEGEND: Array<{ look: Look; label: string }> = [
  { look: 'done', label: '已查' },
  { look: 'late', label: '迟交' },
  { look: 'missed', label: '漏查' },
  { look: 'problem', label: '有问题' },
  { look: 'pending', label: '待查' },
];

export const shiftMonth = (month: string, by: -1 | 1): string => monthKey(by < 0 ? addDays(`${month}-01`, -1) : addDays(`${month}-28`, 7));

export interface DailyCalendarProps {
  month: string;
  /** The month's calendar once loaded (another month's is ignored while the new one loads). */
  data: DailyCalendarDto | null;
  /** Shown in the grid's place while there is no data for `month`. */
  error?: string | null;
  onMonth: (month: string) => void;
  onOpen: (day: DailyCalendarDay) => void;
  hint?: string;
}

/**
 * 检查日历 month card: ‹ month ›, Monday-first grid of the days' 日管控 statuses, legend. The
 * server's today and the business's start bound the months offered.
 */
export function DailyCalendar({ month, data, error, onMonth, onOpen, hint = '蓝框为今天，橙点为迟交且有问题；点日期查看当天记录' }: DailyCalendarProps) {
  const canNext = !!data && month < monthKey(data.today);
  const canPrev = !!data && month > monthKey(data.since);
  const shown = data && data.month === month ? data : null;
  const blanks = shown ? shown.days[0].weekday - 1 : 0;
  return (
    <View className="card cal">
      <View className="cal__head">
        <View className={`cal__nav${canPrev ? '' : ' cal__nav--off'}`} onClick={() => canPrev && onMonth(shiftMonth(month, -1))}>
          ‹
        </View>
        <View className="cal__title">{formatMonth(month)}</View>
        <View className={`cal__nav${canNext ? '' : ' cal__nav--off'}`} onClick={() => canNext && onMonth(shiftMonth(month, 1))}>
          ›
        </View>
      </View>
      <View className="cal__week">
        {WEEKDAYS.map((w) => (
          <View key={w} className="cal__weekday">
            {w}
          </View>
        ))}
      </View>
      {shown ? (
        <View className="cal__grid">
          {Array.from({ length: blanks }, (_, i) => (
            <View key={`blank-${i}`} className="cal__cell" />
          ))}
          {shown.days.map((day) => {
            const { look, label } = lookOf(day);
            const today = day.date === shown.today;
            return (
              <View key={day.date} className="cal__cell" data-date={day.date} onClick={() => onOpen(day)}>
                <View className={`cal__day cal__day--${look}${today ? ' cal__day--today' : ''}`}>
                  <Text className="cal__num">{Number(day.date.slice(8))}</Text>
                  {/* An empty label keeps every number on the same line. */}
                  <Text className="cal__label">{label || '\u00a0'}</Text>
                  {day.problem && day.late ? <View className="cal__late-dot" /> : null}
                </View>
              </View>
            );
          })}
        </View>
      ) : (
        <View className="cal__loading muted">{error ? `加载失败：${error}` : '加载中…'}</View>
      )}
      <View className="cal__legend">
        {LEGEND.map((l) => (
          <View key={l.look} className={`cal__chip cal__day--${l.look}`}>
            {l.label}
          </View>
        ))}
      </View>
      <View className="cal__hint muted">{hint}</View>
    </View>
  );
}
