import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { isBusinessDate, Role, todayInShanghai, weekdayOf, WORKING_CALENDAR_DAY_KINDS, type WorkingCalendarDay, type WorkingCalendarDayKind } from '@shian/shared';
import { ApiError, api, errorMessage } from '../../../../api';
import { PageContainer } from '../../../../components/PageContainer';
import { useAsync } from '../../../../hooks/useAsync';
import { useSession } from '../../../../hooks/useSession';
import { useToast } from '../../../../hooks/useToast';
import { formatBusinessDate } from '../../../../platform/format';
import { Chips } from '../../components/SupervisionParts';
import '../../official.css';
import './index.css';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const KIND_LABELS: Record<WorkingCalendarDayKind, string> = { holiday: '放假日', workday: '调休上班日' };
const NAME_MAX = 50;

/** The server's message for day i of what was sent (`days[i].date`), if any. */
function rowProblems(e: unknown): Record<number, string> {
  const out: Record<number, string> = {};
  if (!(e instanceof ApiError)) return out;
  for (const f of e.fieldErrors) {
    const m = /^days\[(\d+)\]/.exec(f.field);
    if (m) out[Number(m[1])] = f.message;
  }
  return out;
}

/** 工作日历 (?year=): the year's 放假日 and 调休上班日 that the statutory deadlines count with; admins add, remove and 保存, regulators read. */
export default function WorkingCalendarPage() {
  const { session } = useSession();
  const { showToast } = useToast();
  const param = Number(useRouter().params.year);
  const [year, setYear] = useState(Number.isInteger(param) && param >= 2000 && param <= 2100 ? param : Number(todayInShanghai().slice(0, 4)));
  const cal = useAsync(() => api.complaints.calendar(year), [year], { enabled: !!session });
  const admin = session?.user.role === Role.Admin;
  // The admin's edits of the shown year, saved together (PUT replaces the year).
  const [days, setDays] = useState<WorkingCalendarDay[]>([]);
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<WorkingCalendarDayKind>('holiday');
  const [name, setName] = useState('');
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (cal.data && cal.data.year === year) {
      setDays(cal.data.days);
      setDirty(false);
      setProblems({});
      setError(null);
    }
  }, [cal.data, year]);

  function add() {
    const day = date.trim();
    if (!isBusinessDate(day)) return setFormError('请按 年-月-日 填写日期，如 2026-10-01');
    if (!day.startsWith(`${year}-`)) return setFormError(`日期须在 ${year} 年内`);
    if (!name.trim()) return setFormError('请填写名称，如：国庆节');
    if (days.some((d) => d.date === day)) return setFormError(`${formatBusinessDate(day)}已在日历中，请先删除`);
    setDays([...days, { date: day, kind, name: name.trim() }].sort((a, b) => a.date.localeCompare(b.date)));
    setDirty(true);
    setFormError(null);
    setError(null);
    setDate('');
    setName('');
  }

  function remove(day: WorkingCalendarDay) {
    setDays(days.filter((d) => d.date !== day.date));
    setDirty(true);
    setProblems((p) => {
      const { [day.date]: _gone, ...rest } = p;
      return rest;
    });
  }

  async function save() {
    if (saving) return;
    setSaving(true);
    setError(null);
    setProblems({});
    try {
      const saved = await api.complaints.saveCalendar(year, { days });
      setDays(saved.days);
      setDirty(false);
      showToast('工作日历已保存，未办结投诉举报的期限已按新日历重新计算', 'success');
      await cal.reload();
    } catch (e) {
      const byIndex = rowProblems(e);
      const byDate: Record<string, string> = {};
      for (const [i, message] of Object.entries(byIndex)) if (days[Number(i)]) byDate[days[Number(i)].date] = message;
      setProblems(byDate);
      setError(Object.keys(byDate).length ? '有日期不符合要求，请查看标红的提示' : errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  const switchYear = (next: number) => {
    if (dirty) showToast('未保存的修改已放弃', 'warn');
    setYear(next);
  };

  if (!session) return <PageContainer loading />;
  const loaded = cal.data?.year === year;
  return (
    <PageContainer>
      <View className="card">
        <View className="wcal-head">
          <Button size="small" fill="outline" disabled={year <= 2000} onClick={() => switchYear(year - 1)}>
            上一年
          </Button>
          <Text className="wcal-head__year">{`${year}年`}</Text>
          <Button size="small" fill="outline" disabled={year >= 2100} onClick={() => switchYear(year + 1)}>
            下一年
          </Button>
        </View>
        <View className="wcal-rule">法定期限按工作日计算：周一至周五，不含放假日，含调休上班日。</View>
        <View className="muted wcal-note">{admin ? '每年国务院办公厅公布节假日安排后录入；保存后未办结投诉举报的期限按新日历重新计算。' : '由系统管理员维护。'}</View>
      </View>

      {loaded && cal.data && cal.data.days.length === 0 ? (
        <View className="card warn-text wcal-missing">{`${year}年的节假日安排尚未录入：跨入该年的法定期限暂只扣除周末。国务院办公厅公布后请${admin ? '在下方录入并保存' : '联系系统管理员录入'}。`}</View>
      ) : null}
      {cal.error && !loaded ? <View className="card error-text">{`加载失败：${cal.error}`}</View> : null}
      {!loaded && !cal.error ? <View className="card muted">加载中…</View> : null}
      {loaded
        ? WORKING_CALENDAR_DAY_KINDS.map((k) => {
            const rows = days.filter((d) => d.kind === k);
            return (
              <View key={k} className="wcal-section" data-kind={k}>
                <View className="section-title">{`${KIND_LABELS[k]}（${rows.length}）`}</View>
                <View className="card">
                  {rows.length === 0 ? <View className="muted">{`${year}年暂无${KIND_LABELS[k]}`}</View> : null}
                  {rows.map((d) => (
                    <View key={d.date} className={`wcal-day${problems[d.date] ? ' wcal-day--bad' : ''}`} data-date={d.date}>
                      <View className="wcal-day__line">
                        <Text className="wcal-day__date">{formatBusinessDate(d.date)}</Text>
                        <Text className="wcal-day__weekday">{WEEKDAYS[weekdayOf(d.date)]}</Text>
                        <Text className="wcal-day__name">{d.name}</Text>
                        {admin ? (
                          <Text className="link wcal-day__remove" onClick={() => remove(d)}>
                            删除
                          </Text>
                        ) : null}
                      </View>
                      {problems[d.date] ? <View className="error-text">{problems[d.date]}</View> : null}
                    </View>
                  ))}
                </View>
              </View>
            );
          })
        : null}

      {admin && loaded ? (
        <View className="card wcal-form">
          <View className="card__title">添加日期</View>
          {/* Typed, not a wheel: dates come off the State Council's notice, at a desk. */}
          <Input className="wcal-form__input" value={date} placeholder={`日期，如 ${year}-10-01`} maxLength={10} onChange={setDate} />
          {isBusinessDate(date.trim()) ? <View className="muted wcal-form__weekday">{`${formatBusinessDate(date.trim())} ${WEEKDAYS[weekdayOf(date.trim())]}`}</View> : null}
          <Chips label="类型" value={kind} options={WORKING_CALENDAR_DAY_KINDS} labels={KIND_LABELS} all={false} onChange={(k) => k && setKind(k)} />
          <Input className="wcal-form__input" value={name} placeholder="名称，如：国庆节" maxLength={NAME_MAX} onChange={setName} />
          {formError ? <View className="error-text">{formError}</View> : null}
          <View className="actions">
            <Button block fill="outline" type="primary" onClick={add}>
              添加
            </Button>
          </View>
          <View className="actions">
            <Button block type="primary" loading={saving} disabled={!dirty} onClick={() => void save()}>
              {`保存${year}年日历`}
            </Button>
          </View>
          {error ? <View className="error-text wcal-error">{error}</View> : null}
          {dirty && !error ? <View className="muted wcal-note">有未保存的修改</View> : null}
        </View>
      ) : null}
    </PageContainer>
  );
}
