import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { isMonthKey, monthKey, Role, todayInShanghai, type DailyCalendarDay } from '@shian/shared';
import { api } from '../../../../api';
import { DailyCalendar } from '../../../../components/DailyCalendar';
import { PageContainer } from '../../../../components/PageContainer';
import { useAsync } from '../../../../hooks/useAsync';
import { useSession } from '../../../../hooks/useSession';
import { formatBusinessDate, formatMonth } from '../../../../platform/format';
import { navigateTo } from '../../../../platform/nav';
import './index.css';

/** 检查日历: each day of a month of the business's 日管控, opening the day's record (or today's form). */
export default function DailyCalendarPage() {
  const { session } = useSession();
  const param = useRouter().params.month;
  const [month, setMonth] = useState(() => (param && isMonthKey(param) ? param : monthKey(todayInShanghai())));
  const cal = useAsync(() => api.dailyChecks.calendar({ month }), [month], { reloadOnShow: true, enabled: !!session });
  const data = cal.data;
  const isOfficer = session?.user.role === Role.Officer;

  function open(day: DailyCalendarDay) {
    if (day.recordId) navigateTo('enterprise.dailyCheckDetail', { id: day.recordId });
    else if (day.status === 'pending' && isOfficer) navigateTo('enterprise.dailyCheck', { date: day.date });
  }

  const shown = data && data.month === month ? data : null;
  const notDue = shown ? shown.days.some((d) => d.status === 'not_due') : false;

  return (
    <PageContainer loading={cal.loading && !data} error={data ? null : cal.error} onRetry={() => void cal.reload()}>
      {data ? (
        <View>
          <DailyCalendar month={month} data={data ?? null} error={cal.error} onMonth={setMonth} onOpen={open} />

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
