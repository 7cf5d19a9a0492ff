import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Checkbox, Input, TextArea } from '@nutui/nutui-react-taro';
import { Role, isBusinessDate, isMonthKey, monthKey, todayInShanghai, type MonthlyReport, type MonthlyReviewDto } from '@shian/shared';
import { api } from '../../../../api';
import { submissions, submitThroughOutbox } from '../../../../api/outbox';
import { FormFooter } from '../../../../components/FormFooter';
import { PageContainer } from '../../../../components/PageContainer';
import { useAsync } from '../../../../hooks/useAsync';
import { useFormSubmit } from '../../../../hooks/useFormSubmit';
import { useSession } from '../../../../hooks/useSession';
import { useStoredDraft } from '../../../../hooks/useStoredDraft';
import { useToast } from '../../../../hooks/useToast';
import { formatMonth } from '../../../../platform/format';
import { redirectTo } from '../../../../platform/nav';
import { MonthlyReportCard } from '../../../../components/PeriodViews';
import { SupersededVersionCard } from '../../components/RecordCorrection';
import { ReturnedRecordBanner } from '../../components/ReturnedRecordBanner';
import '../../../../components/ChecklistItemCard.css';

interface MonthlyDraft {
  meetingDate: string;
  place: string;
  /** One per line. */
  attendees: string;
  discussion: string;
  decisions: string;
  nextMonthWork: string;
  confirmed: boolean;
  /** 更正原因 (a correction only). */
  reason: string;
}

const MONTHLY_CONFLICT_CODES = ['MONTHLY_REVIEW_EXISTS', 'MONTHLY_REVIEW_NOT_CURRENT'];

/** Non-empty trimmed lines. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * 月调度会议纪要 for one month (?month=, default this month): the principal chairs and signs. With
 * ?correct=<id> the same form corrects that submitted version (提交更正): prefilled, a reason required.
 */
export default function MonthlyReviewPage() {
  const { session } = useSession();
  const params = useRouter().params;
  if (params.correct) return <MonthlyCorrectionPage id={params.correct} />;
  const param = params.month;
  const month = param && isMonthKey(param) ? param : monthKey(todayInShanghai());
  const report = useAsync(() => api.monthlyReviews.preview(month), [month], { enabled: !!session });
  return (
    <PageContainer loading={report.loading && !report.data} error={report.data ? null : report.error} onRetry={() => void report.reload()}>
      {report.data && session ? (
        session.user.role === Role.Principal ? (
          <MonthlyForm ownerId={session.user.id} month={month} report={report.data} />
        ) : (
          <View>
            <MonthlyReportCard report={report.data} />
            <View className="card muted">月调度会议由主要负责人主持并签字提交，本月尚未提交</View>
          </View>
        )
      ) : null}
    </PageContainer>
  );
}

/** 提交更正 of submitted minutes (?correct=): the version and the director's report a correction freezes now. */
function MonthlyCorrectionPage({ id }: { id: string }) {
  const { session } = useSession();
  const data = useAsync(
    async () => {
      const record = await api.monthlyReviews.get(id);
      return { record, report: await api.monthlyReviews.preview(record.month) };
    },
    [id],
    { enabled: !!session },
  );
  if (session && session.user.role !== Role.Principal) return <PageContainer error="月调度纪要由主要负责人更正" />;
  const record = data.data?.record;
  return (
    <PageContainer loading={data.loading && !data.data} error={data.data ? null : data.error} onRetry={() => void data.reload()}>
      {data.data && record && session ? (
        record.isCurrent ? (
          <MonthlyForm ownerId={session.user.id} month={record.month} report={data.data.report} correcting={record} />
        ) : (
          <SupersededVersionCard onOpenVersions={() => redirectTo('enterprise.monthlyReviewDetail', { id: record.id })} />
        )
      ) : null}
    </PageContainer>
  );
}

/** The minutes as the form holds them: new ones empty, a correction from the version it corrects. */
function initialDraft(record?: MonthlyReviewDto): MonthlyDraft {
  return {
    meetingDate: record?.meetingDate ?? todayInShanghai(),
    place: record?.place ?? '',
    attendees: (record?.attendees ?? []).join('\n'),
    discussion: record?.discussion ?? '',
    decisions: (record?.decisions ?? []).join('\n'),
    nextMonthWork: (record?.nextMonthWork ?? []).join('\n'),
    confirmed: false,
    reason: '',
  };
}

function MonthlyForm({ ownerId, month, report, correcting }: { ownerId: string; month: string; report: MonthlyReport; correcting?: MonthlyReviewDto }) {
  const { showToast } = useToast();
  // A correction keeps its own draft (and Idempotency-Key) per version corrected: sending again corrects once.
  const draftKey = correcting ? `shian.draft.monthly-correction.${ownerId}.${correcting.id}` : `shian.draft.monthly.${ownerId}.${month}`;
  const { draft, update, clear, restored } = useStoredDraft<MonthlyDraft>(draftKey, () => initialDraft(correcting));
  const { summary, setSummary, submitting, conflict, queued, submit: send } = useFormSubmit<MonthlyReviewDto>(MONTHLY_CONFLICT_CODES, (created) => {
    clear();
    showToast(correcting ? '更正已提交' : '提交成功', 'success');
    redirectTo('enterprise.monthlyReviewDetail', { id: created.id });
  });
  /** The period already has a record: this one is not needed (the existing one opens instead). */
  const existingId = conflict?.existingId;
  const set = (patch: Partial<MonthlyDraft>) => {
    update(() => patch);
    if (summary.length) setSummary([]);
  };

  async function submit() {
    if (submitting) return;
    const problems: string[] = [];
    if (!isBusinessDate(draft.meetingDate)) problems.push('会议日期应为日期，如 2026-11-28');
    if (!draft.place.trim()) problems.push('请填写会议地点');
    if (lines(draft.attendees).length === 0) problems.push('请填写参会人员（每行一人）');
    if (!draft.discussion.trim()) problems.push('请填写会议内容');
    if (correcting && !draft.reason.trim()) problems.push('请填写更正原因');
    if (!draft.confirmed) problems.push('请勾选「本人确认以上内容属实」');
    setSummary(problems);
    if (problems.length) {
      showToast(problems[0], 'warn');
      return;
    }
    const body = {
      meetingDate: draft.meetingDate,
      place: draft.place.trim(),
      attendees: lines(draft.attendees),
      discussion: draft.discussion.trim(),
      decisions: lines(draft.decisions),
      nextMonthWork: lines(draft.nextMonthWork),
      confirm: true as const,
    };
    await send(
      // A correction is sent at once, as the daily one (提交更正) is; the draft keeps its key for a retry.
      () =>
        correcting
          ? api.monthlyReviews.amend(correcting.id, { ...body, reason: draft.reason.trim() }, draft.idempotencyKey)
          : submitThroughOutbox(ownerId, submissions.monthlyReview({ month, ...body }), { idempotencyKey: draft.idempotencyKey, draftKey }),
      (e) => setSummary([e.message, ...e.fieldErrors.map((f) => f.message).filter((m) => m !== e.message)]),
    );
  }

  const textArea = (key: 'discussion' | 'decisions' | 'nextMonthWork' | 'attendees' | 'reason', placeholder: string, max: number) => (
    <TextArea
      value={draft[key]}
      placeholder={placeholder}
      maxLength={max}
      rows={3}
      autoSize
      disabled={submitting}
      onChange={(v) => set({ [key]: v } as Partial<MonthlyDraft>)}
    />
  );

  return (
    <View>
      {correcting ? <ReturnedRecordBanner recordType="monthly_review" record={correcting} /> : null}
      <View className="card">
        <View className="card__title">{correcting ? `更正月调度会议纪要 · ${formatMonth(month)}` : `月调度会议纪要 · ${formatMonth(month)}`}</View>
        {correcting ? <View className="muted">{`更正第 ${correcting.version} 版；原纪要保留不变，更正后生成第 ${correcting.version + 1} 版`}</View> : null}
        <View className="muted">听取食品安全总监汇报，研究解决本月问题，部署下月工作</View>
        {restored ? <View className="muted">已恢复上次未提交的草稿</View> : null}
      </View>

      <MonthlyReportCard report={report} />

      <View className="section-title">会议信息</View>
      <View className="card">
        <View className="pv__field-label">会议日期</View>
        <Input value={draft.meetingDate} placeholder="会议日期，如 2026-11-28" maxLength={10} disabled={submitting} onChange={(v) => set({ meetingDate: v.trim() })} />
        <View className="pv__field-label">会议地点</View>
        <Input value={draft.place} placeholder="请填写会议地点" maxLength={200} disabled={submitting} onChange={(v) => set({ place: v })} />
        <View className="pv__field-label">参会人员（每行一人）</View>
        {textArea('attendees', '请填写参会人员，每行一人', 2000)}
        <View className="pv__field-label">会议内容</View>
        {textArea('discussion', '请填写会议讨论内容', 5000)}
        <View className="pv__field-label">会议决定（每行一条）</View>
        {textArea('decisions', '请填写会议决定，每行一条', 5000)}
        <View className="pv__field-label">下月工作安排（每行一条）</View>
        {textArea('nextMonthWork', '请填写下月工作安排，每行一条', 5000)}
        {correcting ? (
          <>
            <View className="pv__field-label">更正原因</View>
            {textArea('reason', '请填写更正原因，如：按监管人员退回意见补充会议决定', 500)}
          </>
        ) : null}
        <View className="pv__confirm">
          <Checkbox checked={draft.confirmed} disabled={submitting} onChange={(v) => set({ confirmed: v })}>
            本人确认以上内容属实
          </Checkbox>
        </View>
      </View>

      <FormFooter
        summary={summary}
        submitting={submitting}
        submitLabel={correcting ? '提交更正' : '提交月调度纪要'}
        onSubmit={() => void submit()}
        queued={queued}
        conflict={
          existingId || (correcting && conflict)
            ? {
                viewLabel: correcting ? '查看各版本' : '查看已提交的纪要',
                onView: () => {
                  clear();
                  redirectTo('enterprise.monthlyReviewDetail', { id: existingId ?? correcting!.id });
                },
              }
            : null
        }
      />
    </View>
  );
}
