import { useMemo, useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import { Button, Checkbox, Input, Tag, TextArea } from '@nutui/nutui-react-taro';
import {
  MAX_PAGE_SIZE,
  ROLE_LABELS,
  Role,
  todayInShanghai,
  type StaffMemberDto,
  type TrainingCreateRequest,
  type TrainingDto,
  type TrainingHoursRow,
} from '@shian/shared';
import { ApiError, api, errorMessage } from '../../../../api';
import { EmptyState } from '../../../../components/EmptyState';
import { FormField, FormSummary } from '../../../../components/FormField';
import { PageContainer } from '../../../../components/PageContainer';
import { useAsync } from '../../../../hooks/useAsync';
import { useFieldErrors } from '../../../../hooks/useFieldErrors';
import { useSession } from '../../../../hooks/useSession';
import { useToast } from '../../../../hooks/useToast';
import { uuidV4 } from '../../../../platform/uuid';
import './index.css';

type Field = 'heldOn' | 'topic' | 'hours' | 'trainer' | 'attendeeIds';

interface Form {
  heldOn: string;
  topic: string;
  hours: string;
  trainer: string;
  attendeeIds: string[];
  assessment: string;
}

const DECIMAL = /^\d+(\.\d{1,2})?$/;

const emptyForm = (today: string): Form => ({ heldOn: today, topic: '', hours: '', trainer: '', attendeeIds: [], assessment: '' });

/** What is wrong with each field before anything is sent (the server checks the same). */
function problemsOf(f: Form, today: string): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  if (f.heldOn > today) out.heldOn = '培训日期不能晚于今天';
  if (!f.topic.trim()) out.topic = '请填写培训主题';
  const h = f.hours.trim();
  if (!h) out.hours = '请填写学时';
  else if (!DECIMAL.test(h) || Number(h) < 0.5 || Number(h) > 200) out.hours = '学时应为0.5–200的数字，最多两位小数';
  if (!f.trainer.trim()) out.trainer = '请填写授课人';
  if (f.attendeeIds.length === 0) out.attendeeIds = '请选择参训人员';
  return out;
}

/** One person's hours this year against the annual requirement. */
function HoursRow({ row }: { row: TrainingHoursRow }) {
  const share = Math.min(1, row.requiredHours > 0 ? row.verifiedHours / row.requiredHours : 1);
  return (
    <View className="tr__person">
      <View className="tr__row">
        <Text className="tr__name">{`${row.name} · ${ROLE_LABELS[row.role]}`}</Text>
        {row.met ? <Tag type="success">已达标</Tag> : <Tag type="warning">{`差 ${row.shortfall} 学时`}</Tag>}
      </View>
      <View className="tr__hours">{`已计 ${row.verifiedHours} / ${row.requiredHours} 学时（内部培训 ${row.internalHours}，培训证明 ${row.credentialHours}）`}</View>
      <View className="tr__bar">
        <View className={`tr__bar-fill${row.met ? ' tr__bar-fill--met' : ''}`} style={{ width: `${Math.round(share * 100)}%` }} />
      </View>
      {row.pendingHours > 0 ? <View className="muted">{`另有 ${row.pendingHours} 学时的培训证明待审核`}</View> : null}
    </View>
  );
}

function TrainingItem({ training }: { training: TrainingDto }) {
  return (
    <View className="tr__item">
      <View className="tr__row">
        <Text className="tr__topic">{training.topic}</Text>
        <Text className="tr__topic-hours">{`${training.hours} 学时`}</Text>
      </View>
      <View className="muted">{`${training.heldOn} · 授课人 ${training.trainer}`}</View>
      <View className="muted">{`参训：${training.attendees.map((a) => a.name).join('、')}`}</View>
      {training.assessment ? <View className="muted">{`考核：${training.assessment}`}</View> : null}
    </View>
  );
}

/** 登记内部培训 (principal, director): remounted with a fresh Idempotency-Key after each save. */
function TrainingForm({ members, membersError, onSaved }: { members: StaffMemberDto[]; membersError: string | null; onSaved: () => void }) {
  const { showToast } = useToast();
  const today = todayInShanghai();
  const [form, setForm] = useState<Form>(() => emptyForm(today));
  const [key] = useState(uuidV4);
  const [submitting, setSubmitting] = useState(false);
  const [summary, setSummary] = useState<string[]>([]);
  const problems = useMemo(() => problemsOf(form, today), [form, today]);
  const problemCount = Object.keys(problems).length;
  const errors = useFieldErrors<Field>(problems);

  function set<K extends keyof Form>(field: K, value: Form[K]) {
    setForm((f) => ({ ...f, [field]: value }));
    if (field !== 'assessment') errors.edited(field as Field);
  }

  function toggleAttendee(userId: string, on: boolean) {
    set('attendeeIds', on ? [...form.attendeeIds.filter((id) => id !== userId), userId] : form.attendeeIds.filter((id) => id !== userId));
  }

  async function submit() {
    if (submitting) return;
    errors.setSubmitted(true);
    setSummary([]);
    if (problemCount > 0) return;
    const body: TrainingCreateRequest = {
      heldOn: form.heldOn,
      topic: form.topic.trim(),
      hours: Number(form.hours),
      trainer: form.trainer.trim(),
      attendeeIds: form.attendeeIds,
      assessment: form.assessment.trim() || null,
    };
    setSubmitting(true);
    try {
      await api.trainings.create(body, key);
      showToast('培训记录已登记', 'success');
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length > 0) {
        errors.setServer(Object.fromEntries(e.fieldErrors.map((f) => [f.field, f.message])) as Partial<Record<Field, string>>);
        setSummary(e.fieldErrors.map((f) => f.message));
      } else {
        setSummary([errorMessage(e)]);
      }
      showToast(errorMessage(e), 'fail');
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <>
      <View className="section-title">登记内部培训</View>
      <View className="card tr__form">
        <FormField label="培训日期" required error={errors.errorOf('heldOn')}>
          <Picker mode="date" value={form.heldOn} end={today} disabled={submitting} onChange={(e) => set('heldOn', String(e.detail.value))}>
            <View className="form-field__select">
              <Text>{form.heldOn}</Text>
              <Text className="form-field__select-arrow">›</Text>
            </View>
          </Picker>
        </FormField>
        <FormField label="培训主题" required error={errors.errorOf('topic')}>
          <Input name="topic" value={form.topic} placeholder="如 《食品安全法》及餐饮服务操作规范" maxLength={200} disabled={submitting} onChange={(v) => set('topic', v)} onBlur={() => errors.touch('topic')} />
        </FormField>
        <FormField label="学时" required error={errors.errorOf('hours')}>
          <Input name="hours" type="digit" value={form.hours} placeholder="如 4" maxLength={6} disabled={submitting} onChange={(v) => set('hours', v)} onBlur={() => errors.touch('hours')} />
        </FormField>
        <FormField label="授课人" required error={errors.errorOf('trainer')}>
          <Input name="trainer" value={form.trainer} placeholder="授课人姓名" maxLength={100} disabled={submitting} onChange={(v) => set('trainer', v)} onBlur={() => errors.touch('trainer')} />
        </FormField>
        <FormField label="参训人员" required error={errors.errorOf('attendeeIds')}>
          <View className="tr__attendees">
            {members.map((m) => (
              <Checkbox key={m.userId} checked={form.attendeeIds.includes(m.userId)} disabled={submitting} onChange={(on) => toggleAttendee(m.userId, on)}>
                {`${m.name}（${ROLE_LABELS[m.role]}）`}
              </Checkbox>
            ))}
            {membersError ? <View className="error-text">{`人员加载失败：${membersError}`}</View> : null}
          </View>
        </FormField>
        <FormField label="考核情况" hint="如 闭卷考试，参训人员全部合格">
          <TextArea value={form.assessment} placeholder="选填" maxLength={1000} disabled={submitting} onChange={(v) => set('assessment', v)} />
        </FormField>
        <FormSummary unresolved={errors.submitted ? problemCount : 0} lines={summary} />
        <View className="actions">
          <Button block type="primary" loading={submitting} onClick={() => void submit()}>
            登记培训
          </Button>
        </View>
      </View>
    </>
  );
}

/** 培训记录: this year's hours per director and officer (40 a year), the business's internal trainings, and (principal, director) a form to add one. */
export default function TrainingsPage() {
  const { session } = useSession();
  const enterpriseId = session?.user.enterpriseId ?? '';
  const canRecord = session?.user.role === Role.Principal || session?.user.role === Role.Director;
  const today = todayInShanghai();
  const year = Number(today.slice(0, 4));
  const hours = useAsync(() => api.trainings.hours({ year }), [year], { enabled: !!enterpriseId, reloadOnShow: true });
  const trainings = useAsync(() => api.trainings.list({ pageSize: MAX_PAGE_SIZE }), [], { enabled: !!enterpriseId, reloadOnShow: true });
  const staff = useAsync(() => api.enterprises.staff(enterpriseId), [enterpriseId], { enabled: !!enterpriseId && canRecord });
  const [formKey, setFormKey] = useState(0);

  const people = hours.data?.people ?? [];
  return (
    <PageContainer loading={hours.loading && !hours.data} error={hours.data ? null : hours.error} onRetry={() => void hours.reload()}>
      {hours.data ? (
        <View>
          <View className="section-title">{`${year} 年培训学时（每人每年不少于 40 学时）`}</View>
          <View className="card tr__people">
            {people.length > 0 ? people.map((row) => <HoursRow key={row.userId} row={row} />) : <View className="muted">本企业暂无在任的食品安全总监或食品安全员</View>}
          </View>

          {canRecord ? (
            <>
              <TrainingForm key={formKey} members={staff.data?.current ?? []} membersError={staff.error} onSaved={() => {
                setFormKey((k) => k + 1);
                void hours.reload();
                void trainings.reload();
              }} />
            </>
          ) : null}

          <View className="section-title">{`内部培训记录${trainings.data ? `（${trainings.data.total}）` : ''}`}</View>
          {trainings.error ? <View className="error-text">{`培训记录加载失败：${trainings.error}`}</View> : null}
          {trainings.data && trainings.data.items.length === 0 ? <EmptyState description="暂无内部培训记录" /> : null}
          {trainings.data && trainings.data.items.length > 0 ? (
            <View className="card">
              {trainings.data.items.map((t) => (
                <TrainingItem key={t.id} training={t} />
              ))}
            </View>
          ) : null}
        </View>
      ) : null}
    </PageContainer>
  );
}
