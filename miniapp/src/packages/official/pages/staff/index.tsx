import { useMemo, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { Button, Input, Tag, TextArea } from '@nutui/nutui-react-taro';
import { ENTERPRISE_STATUS_LABELS, MAX_PAGE_SIZE, ROLE_LABELS, Role, todayInShanghai, type SpotExamDto, type StaffMemberDto } from '@shian/shared';
import { ApiError, api, errorMessage } from '../../../../api';
import { FormField, FormSummary } from '../../../../components/FormField';
import { PageContainer } from '../../../../components/PageContainer';
import { RoleHistory, RosterMember, StaffingSummary, holdsCredentials } from '../../../../components/StaffRoster';
import { currentCredentials } from '../../../../components/roster-rules';
import { useAsync } from '../../../../hooks/useAsync';
import { useFieldErrors } from '../../../../hooks/useFieldErrors';
import { useSession } from '../../../../hooks/useSession';
import { useToast } from '../../../../hooks/useToast';
import { uuidV4 } from '../../../../platform/uuid';
import './index.css';

type Field = 'score' | 'fullMark' | 'questionCount' | 'examinedOn';

interface Form {
  examinedOn: string;
  score: string;
  fullMark: string;
  questionCount: string;
  notes: string;
}

const DECIMAL = /^\d+(\.\d{1,2})?$/;
const INTEGER = /^\d+$/;

/** What is wrong with each field before anything is sent (the server checks the same). */
function problemsOf(f: Form, today: string): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  if (f.examinedOn > today) out.examinedOn = '考核日期不能晚于今天';
  const full = f.fullMark.trim();
  const fullOk = DECIMAL.test(full) && Number(full) >= 1 && Number(full) <= 1000;
  if (!fullOk) out.fullMark = '满分应为1–1000的数字';
  const score = f.score.trim();
  if (!score) out.score = '请填写成绩';
  else if (!DECIMAL.test(score)) out.score = '成绩应为数字，最多两位小数';
  else if (fullOk && Number(score) > Number(full)) out.score = '成绩不能高于满分';
  const count = f.questionCount.trim();
  if (count && (!INTEGER.test(count) || Number(count) < 1 || Number(count) > 1000)) out.questionCount = '题目数量应为1–1000的整数';
  return out;
}

/** 抽查考核 of one director or officer: score against the full mark (合格 from 90%), date, questions, notes. */
function SpotExamForm({ member, onSaved, onCancel }: { member: StaffMemberDto; onSaved: (exam: SpotExamDto) => void; onCancel: () => void }) {
  const { showToast } = useToast();
  const today = todayInShanghai();
  const [form, setForm] = useState<Form>({ examinedOn: today, score: '', fullMark: '100', questionCount: '30', notes: '' });
  const [key] = useState(uuidV4);
  const [submitting, setSubmitting] = useState(false);
  const [summary, setSummary] = useState<string[]>([]);
  const problems = useMemo(() => problemsOf(form, today), [form, today]);
  const problemCount = Object.keys(problems).length;
  const errors = useFieldErrors<Field>(problems);

  function set<K extends keyof Form>(field: K, value: Form[K]) {
    setForm((f) => ({ ...f, [field]: value }));
    if (field !== 'notes') errors.edited(field as Field);
  }

  async function submit() {
    if (submitting) return;
    errors.setSubmitted(true);
    setSummary([]);
    if (problemCount > 0) return;
    setSubmitting(true);
    try {
      const exam = await api.spotExams.create(
        {
          userId: member.userId,
          examinedOn: form.examinedOn,
          score: Number(form.score),
          fullMark: Number(form.fullMark),
          questionCount: form.questionCount.trim() ? Number(form.questionCount) : null,
          notes: form.notes.trim() || null,
        },
        key,
      );
      showToast(`已登记：${exam.resultLabel}`, exam.passed ? 'success' : 'warn');
      onSaved(exam);
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length > 0) {
        errors.setServer(Object.fromEntries(e.fieldErrors.map((f) => [f.field, f.message])) as Partial<Record<Field, string>>);
        setSummary(e.fieldErrors.map((f) => f.message));
      } else {
        setSummary([errorMessage(e)]);
      }
      showToast(errorMessage(e), 'fail');
      setSubmitting(false);
    }
  }

  return (
    <View className="se__form">
      <View className="se__form-title">{`抽查考核 · ${member.name}`}</View>
      <View className="se__pair">
        <FormField label="成绩" required error={errors.errorOf('score')}>
          <Input name="score" type="digit" value={form.score} placeholder="如 85" maxLength={7} disabled={submitting} onChange={(v) => set('score', v)} onBlur={() => errors.touch('score')} />
        </FormField>
        <FormField label="满分" required error={errors.errorOf('fullMark')}>
          <Input name="fullMark" type="digit" value={form.fullMark} maxLength={7} disabled={submitting} onChange={(v) => set('fullMark', v)} onBlur={() => errors.touch('fullMark')} />
        </FormField>
      </View>
      <View className="se__pair">
        <FormField label="题目数量" error={errors.errorOf('questionCount')}>
          <Input name="questionCount" type="number" value={form.questionCount} maxLength={4} disabled={submitting} onChange={(v) => set('questionCount', v)} onBlur={() => errors.touch('questionCount')} />
        </FormField>
        <FormField label="考核日期" required error={errors.errorOf('examinedOn')}>
          <Picker mode="date" value={form.examinedOn} end={today} disabled={submitting} onChange={(e) => set('examinedOn', String(e.detail.value))}>
            <View className="form-field__select">
              <Text>{form.examinedOn}</Text>
              <Text className="form-field__select-arrow">›</Text>
            </View>
          </Picker>
        </FormField>
      </View>
      <FormField label="备注" hint="成绩达到满分的 90% 为合格；不合格的，企业须重新培训或更换人员">
        <TextArea value={form.notes} placeholder="选填" maxLength={1000} disabled={submitting} onChange={(v) => set('notes', v)} />
      </FormField>
      <FormSummary unresolved={errors.submitted ? problemCount : 0} lines={summary} />
      <View className="actions">
        <Button block type="primary" loading={submitting} onClick={() => void submit()}>
          登记考核结果
        </Button>
        <Button block fill="none" disabled={submitting} onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}

function SpotExamRow({ exam }: { exam: SpotExamDto }) {
  return (
    <View className="se__exam">
      <View className="se__row">
        <Text className="se__name">{`${exam.personName} · ${ROLE_LABELS[exam.personRole]}`}</Text>
        <Tag type={exam.passed ? 'success' : 'danger'}>{exam.resultLabel}</Tag>
      </View>
      <View className="muted">{`${exam.examinedOn} · ${exam.score}/${exam.fullMark} 分${exam.questionCount ? ` · ${exam.questionCount} 题` : ''} · ${exam.examinerName}`}</View>
      {exam.notes ? <View className="muted">{`备注：${exam.notes}`}</View> : null}
      {exam.followUp ? <View className="se__followup">{exam.followUp.status === 'open' ? '整改待办未关闭：须重新培训或更换人员' : '整改待办已关闭'}</View> : null}
    </View>
  );
}

/** A business's roster as its regulator sees it (?enterpriseId=): requirement, lacks, people with their papers' states, 抽查考核 (regulators), history. */
export default function OfficialStaffPage() {
  const { session } = useSession();
  const enterpriseId = useRouter().params.enterpriseId ?? '';
  const enabled = !!session && !!enterpriseId;
  const isRegulator = session?.user.role === Role.Regulator;
  const staff = useAsync(() => api.enterprises.staff(enterpriseId), [enterpriseId], { enabled, reloadOnShow: true });
  const credentials = useAsync(() => api.credentials.list({ enterpriseId, pageSize: MAX_PAGE_SIZE }), [enterpriseId], { enabled, reloadOnShow: true });
  const exams = useAsync(() => api.spotExams.list({ enterpriseId, pageSize: MAX_PAGE_SIZE }), [enterpriseId], { enabled, reloadOnShow: true });
  /** The person whose 抽查考核 form is open. */
  const [examining, setExamining] = useState<string | null>(null);
  const data = staff.data;
  const papers = currentCredentials(credentials.data?.items ?? []);
  return (
    <PageContainer loading={staff.loading && !data} error={data ? null : (staff.error ?? (enterpriseId ? null : '缺少企业编号'))} onRetry={() => void staff.reload()}>
      {data ? (
        <View>
          <View className="card">
            <View className="card__title">{data.enterpriseName}</View>
            <View className="muted">{`登记状态：${ENTERPRISE_STATUS_LABELS[data.status]}`}</View>
          </View>
          <StaffingSummary staff={data} />
          <View className="section-title">{`在任人员（${data.current.length}）`}</View>
          {data.current.map((m) => (
            <RosterMember
              key={m.userId}
              member={m}
              credentials={papers.get(m.userId)}
              actions={
                isRegulator && holdsCredentials(m.role) ? (
                  examining === m.userId ? (
                    <SpotExamForm
                      member={m}
                      onCancel={() => setExamining(null)}
                      onSaved={() => {
                        setExamining(null);
                        void exams.reload();
                      }}
                    />
                  ) : (
                    <Button size="small" type="primary" fill="outline" onClick={() => setExamining(m.userId)}>
                      抽查考核
                    </Button>
                  )
                ) : null
              }
            />
          ))}
          {credentials.error ? <View className="error-text">{`资质证明加载失败：${credentials.error}`}</View> : null}

          <View className="section-title">{`抽查考核记录${exams.data ? `（${exams.data.total}）` : ''}`}</View>
          {exams.error ? <View className="error-text">{`抽查考核记录加载失败：${exams.error}`}</View> : null}
          {exams.data ? (
            <View className="card">
              {exams.data.items.length > 0 ? exams.data.items.map((e) => <SpotExamRow key={e.id} exam={e} />) : <View className="muted">暂无抽查考核记录</View>}
            </View>
          ) : null}

          <View className="section-title">任职历史</View>
          <RoleHistory history={data.history} />
        </View>
      ) : null}
    </PageContainer>
  );
}
