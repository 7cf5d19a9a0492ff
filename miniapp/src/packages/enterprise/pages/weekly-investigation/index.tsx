import { useMemo, useRef, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Checkbox, Input, TextArea } from '@nutui/nutui-react-taro';
import {
  CheckResult,
  addDays,
  isBusinessDate,
  isIsoWeekKey,
  isoWeekKey,
  itemsDue,
  todayInShanghai,
  validateAnswers,
  type ProblemDto,
  type RiskListDto,
  type WeeklyInvestigationDto,
  type WeeklySummary,
} from '@shian/shared';
import { api } from '../../../../api';
import { submissions, submitThroughOutbox } from '../../../../api/outbox';
import { ChecklistSection, problemsByItem, type ItemErrors } from '../../../../components/ChecklistItemCard';
import { FormFooter } from '../../../../components/FormFooter';
import { PageContainer } from '../../../../components/PageContainer';
import { PhotoPicker, photosSettled, uploadedFileIds } from '../../../../components/PhotoPicker';
import { useAsync } from '../../../../hooks/useAsync';
import { answersOfRecord, draftToAnswers, type AnswerDraft, type DailyCheckDraft } from '../../../../hooks/useDailyCheckDraft';
import { useFormSubmit } from '../../../../hooks/useFormSubmit';
import { useSession } from '../../../../hooks/useSession';
import { useStoredDraft } from '../../../../hooks/useStoredDraft';
import { useToast } from '../../../../hooks/useToast';
import { formatWeek } from '../../../../platform/format';
import { redirectTo } from '../../../../platform/nav';
import { uuidV4 } from '../../../../platform/uuid';
import { WeeklySummaryCard, ProblemCard } from '../../../../components/PeriodViews';
import { canSubmitWeekly } from '../../duty';
import { SupersededVersionCard } from '../../components/RecordCorrection';
import { ReturnedRecordBanner } from '../../components/ReturnedRecordBanner';
import { groupByStage, loadRiskList } from '../../risk-list';
import './index.css';

interface HazardRow {
  key: string;
  description: string;
  photoIds: string[];
}
interface MeasureRow {
  key: string;
  description: string;
  owner: string;
  deadline: string;
}
interface WeeklyDraft {
  answers: Record<string, AnswerDraft>;
  hazards: HazardRow[];
  measures: MeasureRow[];
  /** problem id → chosen, and what was done. */
  resolutions: Record<string, { chosen: boolean; text: string }>;
  nextWeekRequirements: string;
  confirmed: boolean;
  /** 更正原因 (a correction only). */
  reason: string;
}

const EMPTY_ANSWER: AnswerDraft = { problem: '', measure: '' };

const WEEKLY_CONFLICT_CODES = ['WEEKLY_INVESTIGATION_EXISTS', 'WEEKLY_INVESTIGATION_NOT_CURRENT'];

/**
 * 每周食品安全排查治理报告 for one ISO week (?week=, default this week); with ?correct=<id> the
 * same form corrects that submitted version (提交更正): prefilled from it, a reason required.
 */
export default function WeeklyInvestigationPage() {
  const { session } = useSession();
  const params = useRouter().params;
  if (params.correct) return <WeeklyCorrectionPage id={params.correct} />;
  const param = params.week;
  const week = param && isIsoWeekKey(param) ? param : isoWeekKey(todayInShanghai());
  const userId = session?.user.id ?? '';
  const data = useAsync(
    async () => {
      const [list, summary, open] = await Promise.all([
        loadRiskList(userId),
        api.weeklyInvestigations.preview(week),
        api.problems.list({ status: 'open', pageSize: 100 }),
      ]);
      return { list, summary, open: open.items };
    },
    [userId, week],
    { enabled: !!session },
  );
  return (
    <PageContainer loading={data.loading && !data.data} error={data.data ? null : data.error} onRetry={() => void data.reload()}>
      {data.data && session ? (
        canSubmitWeekly(session.user.role) ? (
          <WeeklyForm ownerId={session.user.id} week={week} {...data.data} />
        ) : (
          <View>
            <WeeklySummaryCard summary={data.data.summary} />
            <View className="card muted">每周排查由食品安全总监组织填写并签字，本周尚未提交</View>
          </View>
        )
      ) : null}
    </PageContainer>
  );
}

/** 提交更正 of a submitted report (?correct=): the version, the list it answered, the week's summary now, the open problems. */
function WeeklyCorrectionPage({ id }: { id: string }) {
  const { session } = useSession();
  const data = useAsync(
    async () => {
      const record = await api.weeklyInvestigations.get(id);
      const [versions, summary, open] = await Promise.all([
        api.riskLists.versions(),
        api.weeklyInvestigations.preview(record.week),
        api.problems.list({ status: 'open', pageSize: 100 }),
      ]);
      // The server checks a correction against the list version the original answered.
      const list = versions.find((v) => v.version === record.riskListVersion);
      if (!list) throw new Error(`找不到风险管控清单第 ${record.riskListVersion} 版`);
      // The corrected version's own findings are restated in the form (and superseded by the correction), not resolved by it.
      return { record, list, summary, open: open.items.filter((p) => p.sourceId !== record.id) };
    },
    [id],
    { enabled: !!session },
  );
  if (session && !canSubmitWeekly(session.user.role)) return <PageContainer error="周排查报告由食品安全总监更正" />;
  const record = data.data?.record;
  return (
    <PageContainer loading={data.loading && !data.data} error={data.data ? null : data.error} onRetry={() => void data.reload()}>
      {data.data && record && session ? (
        record.isCurrent ? (
          <WeeklyForm ownerId={session.user.id} week={record.week} list={data.data.list} summary={data.data.summary} open={data.data.open} correcting={record} />
        ) : (
          <SupersededVersionCard onOpenVersions={() => redirectTo('enterprise.weeklyInvestigationDetail', { id: record.id })} />
        )
      ) : null}
    </PageContainer>
  );
}

/** The report as the form holds it: a new one empty, a correction from the version it corrects. */
function initialDraft(record?: WeeklyInvestigationDto): WeeklyDraft {
  return {
    answers: record ? answersOfRecord(record.items) : {},
    hazards: (record?.hazards ?? []).map((h) => ({ key: uuidV4(), description: h.description, photoIds: h.photoIds ?? [] })),
    measures: (record?.measures ?? []).map((m) => ({ key: uuidV4(), ...m })),
    resolutions: {},
    nextWeekRequirements: record?.nextWeekRequirements ?? '',
    confirmed: false,
    reason: '',
  };
}

function WeeklyForm(props: { ownerId: string; week: string; list: RiskListDto; summary: WeeklySummary; open: ProblemDto[]; correcting?: WeeklyInvestigationDto }) {
  const { ownerId, week, list, summary, open, correcting } = props;
  const { showToast } = useToast();
  // A correction keeps its own draft (and Idempotency-Key) per version corrected: sending again corrects once.
  const draftKey = correcting ? `shian.draft.weekly-correction.${ownerId}.${correcting.id}` : `shian.draft.weekly.${ownerId}.${week}`;
  const { draft, update: save, clear, restored } = useStoredDraft<WeeklyDraft>(draftKey, () => initialDraft(correcting));
  const groups = useMemo(() => groupByStage(itemsDue(list.items, 'weekly')), [list]);
  const items = useMemo(() => groups.flatMap((g) => g.items), [groups]);
  const shown = useMemo(() => new Set(items.map((i) => i.code)), [items]);
  const [itemErrors, setItemErrors] = useState<ItemErrors>({});
  const { summary: summaryLines, setSummary: setSummaryLines, submitting, conflict, queued, submit: send } = useFormSubmit<WeeklyInvestigationDto>(
    WEEKLY_CONFLICT_CODES,
    (created) => {
      clear();
      showToast(correcting ? '更正已提交' : '提交成功', 'success');
      redirectTo('enterprise.weeklyInvestigationDetail', { id: created.id });
    },
  );
  /** The period already has a report: this one is not needed (the existing one opens instead). */
  const existingId = conflict?.existingId;
  const unsettled = useRef<Record<string, boolean>>({});
  /** Every edit is saved; the summary of the last failed attempt no longer applies. */
  const update: typeof save = (change) => {
    save(change);
    if (summaryLines.length) setSummaryLines([]);
  };

  const answered = items.filter((i) => !!draft.answers[i.code]?.result).length;

  function setAnswer(code: string, patch: Partial<AnswerDraft>) {
    update((d) => ({ answers: { ...d.answers, [code]: { ...EMPTY_ANSWER, ...d.answers[code], ...patch } } }));
    if (itemErrors[code]) {
      const next = { ...itemErrors };
      delete next[code];
      setItemErrors(next);
    }
  }

  function passAll() {
    const openCodes = items.filter((i) => !draft.answers[i.code]?.result).map((i) => i.code);
    update((d) => {
      const answers = { ...d.answers };
      for (const code of openCodes) answers[code] = { ...EMPTY_ANSWER, ...answers[code], result: CheckResult.Pass };
      return { answers };
    });
    setItemErrors({});
    showToast(openCodes.length ? `已将 ${openCodes.length} 项设为符合` : '所有项目均已填写', 'success');
  }

  const patchHazard = (key: string, patch: Partial<HazardRow>) =>
    update((d) => ({ hazards: d.hazards.map((h) => (h.key === key ? { ...h, ...patch } : h)) }));
  const patchMeasure = (key: string, patch: Partial<MeasureRow>) =>
    update((d) => ({ measures: d.measures.map((m) => (m.key === key ? { ...m, ...patch } : m)) }));
  const patchResolution = (id: string, patch: Partial<{ chosen: boolean; text: string }>) =>
    update((d) => ({ resolutions: { ...d.resolutions, [id]: { ...(d.resolutions[id] ?? { chosen: false, text: '' }), ...patch } } }));

  async function submit() {
    if (submitting) return;
    if (Object.values(unsettled.current).some(Boolean)) {
      showToast('照片尚未上传完成，请稍候或删除上传失败的照片', 'warn');
      return;
    }
    const answers = draftToAnswers(items, { answers: draft.answers } as DailyCheckDraft);
    const codes = answers.map((a) => a.code);
    const lines: string[] = [];
    const problems = validateAnswers(list.items, 'weekly', answers);
    const { byItem, other } = problemsByItem(problems, codes, shown);
    const missing = items.filter((i) => byItem[i.code]).map((i) => i.code);
    if (missing.length) lines.push(`排查项目还有 ${missing.length} 项需要完善：${missing.slice(0, 5).join('、')}${missing.length > 5 ? ' 等' : ''}`);
    lines.push(...other);
    draft.hazards.forEach((h, i) => {
      if (!h.description.trim()) lines.push(`请填写第 ${i + 1} 条隐患的描述（或删除该条）`);
    });
    draft.measures.forEach((m, i) => {
      if (!m.description.trim() || !m.owner.trim()) lines.push(`请填写第 ${i + 1} 条整改措施的内容和责任人`);
      if (!isBusinessDate(m.deadline)) lines.push(`第 ${i + 1} 条整改措施的期限应为日期，如 2026-12-01`);
    });
    const chosen = open.filter((p) => draft.resolutions[p.id]?.chosen);
    chosen.forEach((p) => {
      if (!draft.resolutions[p.id]?.text.trim()) lines.push(`请填写问题「${p.description}」的整改情况`);
    });
    if (!draft.nextWeekRequirements.trim()) lines.push('请填写下周工作要求');
    if (correcting && !draft.reason.trim()) lines.push('请填写更正原因');
    if (!draft.confirmed) lines.push('请勾选「本人确认以上内容属实」');
    setItemErrors(byItem);
    setSummaryLines(lines);
    if (lines.length) {
      showToast(lines[0], 'warn');
      return;
    }
    const body = {
      items: answers,
      hazards: draft.hazards.map((h) => ({ description: h.description.trim(), ...(h.photoIds.length ? { photoIds: h.photoIds } : {}) })),
      measures: draft.measures.map((m) => ({ description: m.description.trim(), owner: m.owner.trim(), deadline: m.deadline })),
      resolutions: chosen.map((p) => ({ problemId: p.id, resolution: (draft.resolutions[p.id]?.text ?? '').trim() })),
      nextWeekRequirements: draft.nextWeekRequirements.trim(),
      confirm: true as const,
    };
    await send(
      // A correction is sent at once, as the daily one (提交更正) is; the draft keeps its key for a retry.
      () =>
        correcting
          ? api.weeklyInvestigations.amend(correcting.id, { ...body, reason: draft.reason.trim() }, draft.idempotencyKey)
          : submitThroughOutbox(ownerId, submissions.weeklyInvestigation({ week, ...body }), { idempotencyKey: draft.idempotencyKey, draftKey }),
      (e) => {
        const r = problemsByItem(e.fieldErrors, codes, shown);
        setItemErrors(r.byItem);
        setSummaryLines([e.message, ...r.other.filter((m) => m !== e.message)]);
      },
    );
  }

  const defaultDeadline = addDays(todayInShanghai(), 7);

  return (
    <View>
      {correcting ? <ReturnedRecordBanner recordType="weekly_investigation" record={correcting} /> : null}
      <View className="card">
        <View className="card__title">{correcting ? `更正每周排查 · ${formatWeek(week)}` : `每周排查 · ${formatWeek(week)}`}</View>
        {correcting ? <View className="muted">{`更正第 ${correcting.version} 版；原报告保留不变，更正后生成第 ${correcting.version + 1} 版`}</View> : null}
        <View className="muted">{`依据本企业风险管控清单第 ${list.version} 版，共 ${items.length} 项周排查内容`}</View>
        {restored ? <View className="muted">已恢复上次未提交的草稿</View> : null}
      </View>

      <WeeklySummaryCard summary={summary} />

      <ChecklistSection
        groups={groups}
        answers={draft.answers}
        itemErrors={itemErrors}
        progressText={`已排查 ${answered}/${items.length} 项`}
        disabled={submitting}
        passAllDisabled={submitting}
        onPassAll={passAll}
        onChange={setAnswer}
        onPhotosSettled={(code, settled) => {
          unsettled.current[code] = draft.answers[code]?.result === CheckResult.Fail && !settled;
        }}
      />

      <View className="section-title">本周发现的隐患</View>
      <View className="card wi__hazards">
        {draft.hazards.length === 0 ? <View className="muted">排查项目以外发现的隐患，逐条添加</View> : null}
        {draft.hazards.map((h, i) => (
          <View key={h.key} className="pv__row-card wi__hazard">
            <View className="pv__field-label">{`隐患 ${i + 1}`}</View>
            <TextArea
              value={h.description}
              placeholder="请描述发现的隐患"
              maxLength={500}
              rows={2}
              autoSize
              disabled={submitting}
              onChange={(v) => patchHazard(h.key, { description: v })}
            />
            <PhotoPicker
              max={3}
              disabled={submitting}
              initialFileIds={h.photoIds}
              onChange={(photos) => {
                unsettled.current[`hazard-${h.key}`] = !photosSettled(photos);
                const ids = uploadedFileIds(photos);
                if (ids.join(',') !== h.photoIds.join(',')) patchHazard(h.key, { photoIds: ids });
              }}
            />
            <Button size="small" fill="none" disabled={submitting} onClick={() => {
              delete unsettled.current[`hazard-${h.key}`];
              update((d) => ({ hazards: d.hazards.filter((x) => x.key !== h.key) }));
            }}>
              删除此隐患
            </Button>
          </View>
        ))}
        <Button block fill="outline" disabled={submitting} onClick={() => update((d) => ({ hazards: [...d.hazards, { key: uuidV4(), description: '', photoIds: [] }] }))}>
          添加隐患
        </Button>
      </View>

      <View className="section-title">整改措施</View>
      <View className="card wi__measures">
        {draft.measures.map((m, i) => (
          <View key={m.key} className="pv__row-card wi__measure">
            <View className="pv__field-label">{`措施 ${i + 1}`}</View>
            <TextArea
              value={m.description}
              placeholder="请填写整改措施"
              maxLength={500}
              rows={2}
              autoSize
              disabled={submitting}
              onChange={(v) => patchMeasure(m.key, { description: v })}
            />
            <View className="pv__field-label">责任人</View>
            <Input value={m.owner} placeholder="请填写责任人" maxLength={50} disabled={submitting} onChange={(v) => patchMeasure(m.key, { owner: v })} />
            <View className="pv__field-label">整改期限</View>
            <Input value={m.deadline} placeholder="整改期限，如 2026-12-01" maxLength={10} disabled={submitting} onChange={(v) => patchMeasure(m.key, { deadline: v.trim() })} />
            <Button size="small" fill="none" disabled={submitting} onClick={() => update((d) => ({ measures: d.measures.filter((x) => x.key !== m.key) }))}>
              删除此措施
            </Button>
          </View>
        ))}
        <Button
          block
          fill="outline"
          disabled={submitting}
          onClick={() => update((d) => ({ measures: [...d.measures, { key: uuidV4(), description: '', owner: '', deadline: defaultDeadline }] }))}
        >
          添加整改措施
        </Button>
      </View>

      <View className="section-title">{`待整改问题的处理（${open.length}）`}</View>
      {correcting?.resolutions.length ? (
        <View className="card muted">{`第 ${correcting.version} 版已整改完毕的 ${correcting.resolutions.length} 个问题保持已整改，无需再填`}</View>
      ) : null}
      {open.length === 0 ? <View className="card muted">暂无待整改问题</View> : null}
      {open.map((p) => {
        const r = draft.resolutions[p.id];
        return (
          <ProblemCard key={p.id} problem={p}>
            <View className="wi__resolve">
              <Checkbox checked={!!r?.chosen} disabled={submitting} onChange={(v) => patchResolution(p.id, { chosen: v })}>
                本次已整改完毕
              </Checkbox>
              {r?.chosen ? (
                <TextArea
                  value={r.text}
                  placeholder="请填写整改情况"
                  maxLength={500}
                  rows={2}
                  autoSize
                  disabled={submitting}
                  onChange={(v) => patchResolution(p.id, { text: v })}
                />
              ) : null}
            </View>
          </ProblemCard>
        );
      })}

      <View className="section-title">下周工作要求</View>
      <View className="card">
        <TextArea
          value={draft.nextWeekRequirements}
          placeholder="请填写下周工作要求"
          maxLength={2000}
          rows={3}
          autoSize
          disabled={submitting}
          onChange={(v) => update(() => ({ nextWeekRequirements: v }))}
        />
        {correcting ? (
          <>
            <View className="pv__field-label">更正原因</View>
            <TextArea
              value={draft.reason}
              placeholder="请填写更正原因，如：按监管人员退回意见补充整改完成时间"
              maxLength={500}
              rows={2}
              autoSize
              disabled={submitting}
              onChange={(v) => update(() => ({ reason: v }))}
            />
          </>
        ) : null}
        <View className="pv__confirm">
          <Checkbox checked={draft.confirmed} disabled={submitting} onChange={(v) => update(() => ({ confirmed: v }))}>
            本人确认以上内容属实
          </Checkbox>
        </View>
      </View>

      <FormFooter
        summary={summaryLines}
        submitting={submitting}
        submitLabel={correcting ? '提交更正' : '提交周排查报告'}
        onSubmit={() => void submit()}
        queued={queued}
        conflict={
          existingId || (correcting && conflict)
            ? {
                viewLabel: correcting ? '查看各版本' : '查看已提交的报告',
                onView: () => {
                  clear();
                  redirectTo('enterprise.weeklyInvestigationDetail', { id: existingId ?? correcting!.id });
                },
              }
            : null
        }
      />
    </View>
  );
}
