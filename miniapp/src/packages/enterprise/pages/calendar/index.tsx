import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { addDays, isMonthKey, monthKey, Role, todayInShanghai, type DailyCalendarDay } from '@shian/shared';
import { api } from '../../../../api';
import { PageContainer } from '../../../../components/PageContainer';
import { useAsync } from '../../../../hooks/useAsync';
import { useSession } from '../../../../hooks/useSession';
import { formatBusinessDate, formatMonth } from '../../../../platform/format';
import { navigateTo } from '../../../../platform/nav';
import './index.css';

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

const shiftMonth = (month: string, by: -1 | 1): string =>
  monthKey(by < 0 ? addDays(`${month}-01`, -1) : addDays(`${month}-28`, 7));

/** 检查日历: each day of a month of the business's 日管控, opening the day's record (or today's form). */
export default function DailyCalendarPage() {
  const { session } = useSession();
  const param = useRouter().params.month;
  const [month, setMonth] = useState(() => (param && isMonthKey(param) ? param : monthKey(todayInShanghai())));
  const cal = useAsync(() => api.dailyChecks.calendar({ month }), [month], { reloadOnShow: true, enabled: !!session });
  const data = cal.data;
  // The server's today bounds the months: none after this one, none before the business joined.
  const canNext = !!data && month < monthKey(data.today);
  const canPrev = !!data && month > monthKey(data.since);
  const isOfficer = session?.user.role === Role.Officer;

  function open(day: DailyCalendarDay) {
    if (day.recordId) navigateTo('enterprise.dailyCheckDetail', { id: day.recordId });
    else if (day.status === 'pending' && isOfficer) navigateTo('enterprise.dailyCheck', { date: day.date });
  }

  const shown = data && data.month === month ? data : null;
  const blanks = shown ? shown.days[0].weekday - 1 : 0;
  const notDue = shown ? shown.days.some((d) => d.status === 'not_due') : false;

  return (
    <PageContainer loading={cal.loading && !data} error={data ? null : cal.error} onRetry={() => void cal.reload()}>
      {data ? (
        <View>
          <View className="card cal">
            <View className="cal__head">
              <View className={`cal__nav${canPrev ? '' : ' cal__nav--off'}`} onClick={() => canPrev && setMonth(shiftMonth(month, -1))}>
                ‹
              </View>
              <View className="cal__title">{formatMonth(month)}</View>
              <View className={`cal__nav${canNext ? '' : ' cal__nav--off'}`} onClick={() => canNext && setMonth(shiftMonth(month, 1))}>
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
                    <View key={day.date} className="cal__cell" data-date={day.date} onClick={() => open(day)}>
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
              <View className="cal__loading muted">{cal.error ? `加载失败：${cal.error}` : '加载中…'}</View>
            )}
            <View className="cal__legend">
              {LEGEND.map((l) => (
                <View key={l.look} className={`cal__chip cal__day--${l.look}`}>
                  {l.label}
                </View>
              ))}
            </View>
            <View className="cal__hint muted">蓝框为今天，橙点为迟交且有问题；点日期查看当天记录</View>
          </View>

          {shown ? (
            <>
              <View className="section-title">{`${formatMonth(month)}统计`}</View>
              <View className="cal__stats">
                <Stat label="已检查" days={shown.stats.checked} />
                <Stat label="迟交" days={shown.stats.late} />
                <Stat label="漏查" days={shown.stats.missed} />
                <Stat label="发现问题" days={shown.problemDays} />
              </View>
              {shown.stats.pending > 0 ? (
                <View className="card muted">{isOfficer ? '今日尚未检查，点今天的日期填写' : '今日尚未检查（由食品安全员填写）'}</View>
              ) : null}
              {notDue ? <View className="muted cal__note">{`本企业于 ${formatBusinessDate(shown.since)} 开始使用，此前的日期无需检查`}</View> : null}
            </>
          ) : null}
        </View>
      ) : null}
    </PageContainer>
  );
}

function Stat({ label, days }: { label: string; days: number }) {
  return (
    <View className="cal__stat">
      <Text className="cal__stat-value">{`${days} 天`}</Text>
      <Text className="cal__stat-label">{label}</Text>
    </View>
  );
}
