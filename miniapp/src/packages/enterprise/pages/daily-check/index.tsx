import { useMemo, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Checkbox, TextArea } from '@nutui/nutui-react-taro';
import {
  CheckResult,
  ErrorCodes,
  isBusinessDate,
  itemsDue,
  todayInShanghai,
  validateAnswers,
  type DailyCheckDto,
  type RiskListDto,
} from '@shian/shared';
import { submissions, submitThroughOutbox } from '../../../../api/outbox';
import { CheckStatusTags } from '../../../../components/CheckStatusTags';
import { ChecklistSection, problemsByItem, type ItemErrors } from '../../../../components/ChecklistItemCard';
import { FormFooter } from '../../../../components/FormFooter';
import { PageContainer } from '../../../../components/PageContainer';
import { useAsync } from '../../../../hooks/useAsync';
import { draftKey, draftToAnswers, useDailyCheckDraft, type AnswerDraft, type DraftListChange } from '../../../../hooks/useDailyCheckDraft';
import { useFormSubmit } from '../../../../hooks/useFormSubmit';
import { useSession } from '../../../../hooks/useSession';
import { useToast } from '../../../../hooks/useToast';
import { formatBusinessDate, formatShanghaiDateTime } from '../../../../platform/format';
import { navigateBackOr, redirectTo, reLaunch } from '../../../../platform/nav';
import { groupByStage, loadRiskList } from '../../risk-list';
import './index.css';

/** What adopting a newer list did to the draft, in one sentence. */
function listChangeText(change: DraftListChange, unanswered: number): string {
  const from = change.from ? `（草稿按第 ${change.from} 版填写）` : '';
  const dropped = change.dropped.length ? `；${change.dropped.join('、')} 已不再检查，其答案已移除` : '';
  const todo = unanswered > 0 ? `，请补填其余 ${unanswered} 项` : '';
  return `风险管控清单已更新为第 ${change.to} 版${from}：保留了仍在清单中的 ${change.kept} 项答案${dropped}${todo}。`;
}

function SubmittedResult({ check }: { check: DailyCheckDto }) {
  return (
    <View>
      <View className="card dc__result">
        <View className="dc__result-icon">✓</View>
        <View className="dc__result-title">提交成功</View>
        <View className="muted">{`${formatBusinessDate(check.businessDate)} · ${formatShanghaiDateTime(check.submittedAt)}`}</View>
        <View className="dc__result-tags">
          <CheckStatusTags check={check} />
        </View>
      </View>
      <View className="actions">
        <Button block type="primary" size="large" onClick={() => navigateBackOr('enterprise.home')}>
          返回首页
        </Button>
        <Button block fill="outline" onClick={() => redirectTo('enterprise.dailyCheckDetail', { id: check.id })}>
          查看检查详情
        </Button>
      </View>
    </View>
  );
}

/**
 * The date already has a submission — or this draft's earlier attempt was stored before it was
 * edited: either way the draft can no longer be submitted.
 */
const DAILY_CONFLICT_CODES = [ErrorCodes.DailyCheckExists, ErrorCodes.IdempotencyKeyReused];

/** 「还有 n 项需要完善」 names this many codes, then 等 (each card shows its own message). */
const MISSING_NAMED = 5;

// Order 60: the officer confirms the daily record; the server stamps it with the account and its time.
const CONFIRM_LABEL = '本人确认以上检查属实';
const CONFIRM_MISSING = `请勾选「${CONFIRM_LABEL}」后再提交`;

/** The sticky progress line is about this tall (px): keep a scrolled-to item below it. */
const PROGRESS_BAR_OFFSET = -64;

function scrollToItem(code: string | undefined): void {
  if (!code) return;
  Taro.pageScrollTo({ selector: `#item-${code}`, offsetTop: PROGRESS_BAR_OFFSET, duration: 200 }).catch(() => undefined);
}

/** The daily check (日管控) form for one business date (?date=, default today), asking the business's own list. */
export default function DailyCheckFormPage() {
  const { session } = useSession();
  const param = useRouter().params.date;
  const businessDate = param && isBusinessDate(param) ? param : todayInShanghai();
  const userId = session?.user.id ?? '';
  const list = useAsync(() => loadRiskList(userId), [userId], { enabled: !!session });
  return (
    <PageContainer loading={list.loading && !list.data} error={list.data ? null : list.error} onRetry={() => void list.reload()}>
      {list.data && session ? (
        <DailyCheckForm ownerId={session.user.id} businessDate={businessDate} list={list.data} reloadList={list.reload} />
      ) : null}
    </PageContainer>
  );
}

function DailyCheckForm(props: {
  ownerId: string;
  businessDate: string;
  list: RiskListDto & { offline?: boolean };
  reloadList: () => Promise<void>;
}) {
  const { ownerId, businessDate, list, reloadList } = props;
  const { draft, setAnswer, setAnswers, setRemarks, clear, restored, listChange } = useDailyCheckDraft(ownerId, businessDate, list);
  const { showToast } = useToast();

  const groups = useMemo(() => groupByStage(itemsDue(list.items, 'daily')), [list]);
  /** The due items in the order shown (a custom item sits in its stage's section). */
  const items = useMemo(() => groups.flatMap((g) => g.items), [groups]);
  const shown = useMemo(() => new Set(items.map((i) => i.code)), [items]);

  const [itemErrors, setItemErrors] = useState<ItemErrors>({});
  const [result, setResult] = useState<DailyCheckDto | null>(null);
  const { summary, setSummary, submitting, conflict, queued, submit: send } = useFormSubmit<DailyCheckDto>(DAILY_CONFLICT_CODES, (created) => {
    clear();
    setResult(created);
  });
  const [confirmed, setConfirmed] = useState(false);
  /** Items whose photos are still uploading (or failed): submitting waits for them. */
  const unsettledPhotos = useRef<Record<string, boolean>>({});

  const answeredCount = items.filter((i) => !!draft.answers[i.code]?.result).length;
  const problemCount = items.filter((i) => draft.answers[i.code]?.result === CheckResult.Fail).length;

  function clearErrors(codes: string[]) {
    if (!codes.some((c) => itemErrors[c])) return;
    const next = { ...itemErrors };
    for (const c of codes) delete next[c];
    setItemErrors(next);
    // Every item named in 「还有 n 项需要完善」 is dealt with: the summary no longer applies.
    if (Object.keys(next).length === 0 && !conflict) setSummary([]);
  }

  function change(code: string, patch: Partial<AnswerDraft>) {
    setAnswer(code, patch);
    clearErrors([code]);
  }

  /** 「全部符合」: every item not answered yet becomes 符合; 不符合 / 不适用 answers stay. */
  function passAllUnanswered() {
    const open = items.filter((i) => !draft.answers[i.code]?.result).map((i) => i.code);
    if (open.length === 0) {
      showToast('所有项目均已填写');
      return;
    }
    const patches: Record<string, Partial<AnswerDraft>> = {};
    for (const code of open) patches[code] = { result: CheckResult.Pass };
    setAnswers(patches);
    clearErrors(open);
    showToast(`已将 ${open.length} 项设为符合`, 'success');
  }

  async function submit() {
    if (submitting) return;
    // The officer's sign-off is a fresh act for each submission, so it is not kept in the draft.
    const confirmMissing = !confirmed;
    const waiting = items.find((i) => draft.answers[i.code]?.result === CheckResult.Fail && unsettledPhotos.current[i.code]);
    if (waiting) {
      showToast('照片尚未上传完成，请稍候或删除上传失败的照片', 'warn');
      scrollToItem(waiting.code);
      return;
    }
    const answers = draftToAnswers(items, draft);
    const codes = answers.map((a) => a.code);
    const problems = validateAnswers(list.items, 'daily', answers);
    if (problems.length > 0) {
      const { byItem, other } = problemsByItem(problems, codes, shown);
      setItemErrors(byItem);
      const missing = items.filter((i) => byItem[i.code]).map((i) => i.code);
      const named = missing.length > MISSING_NAMED ? `${missing.slice(0, MISSING_NAMED).join('、')} 等` : missing.join('、');
      setSummary([`还有 ${missing.length} 项需要完善：${named}`, ...other]);
      showToast(`还有 ${missing.length} 项需要完善`, 'warn');
      scrollToItem(missing[0]);
      return;
    }
    setItemErrors({});
    if (confirmMissing) {
      setSummary([CONFIRM_MISSING]);
      showToast(CONFIRM_MISSING, 'warn');
      return;
    }
    setSummary([]);
    await send(
      () =>
        submitThroughOutbox(
          ownerId,
          submissions.dailyCheck({ businessDate, items: answers, confirm: true, ...(draft.remarks.trim() ? { remarks: draft.remarks.trim() } : {}) }),
          { idempotencyKey: draft.idempotencyKey, draftKey: draftKey(ownerId, businessDate) },
        ),
      (e) => {
        const { byItem, other } = problemsByItem(e.fieldErrors, codes, shown);
        setItemErrors(byItem);
        setSummary([e.message, ...other.filter((m) => m !== e.message)]);
        scrollToItem(items.find((i) => byItem[i.code])?.code);
        // The answers passed our check of this list, so the director has most likely changed the
        // list since it was loaded: load it again (the draft moves onto it and says what changed).
        void reloadList();
      },
    );
  }

  if (result) return <SubmittedResult check={result} />;

  return (
    <View>
      <View className="card">
        <View className="card__title">{`每日检查 · ${formatBusinessDate(businessDate)}`}</View>
        <View className="muted">{`依据本企业风险管控清单第 ${list.version} 版，共 ${items.length} 项日管控内容`}</View>
        {restored ? <View className="muted">已恢复上次未提交的草稿</View> : null}
        {list.offline ? <View className="dc__notice">网络不可用，按本机保存的清单填写；恢复网络后即可提交。</View> : null}
        {listChange ? <View className="dc__notice">{listChangeText(listChange, items.length - answeredCount)}</View> : null}
      </View>

      <ChecklistSection
        groups={groups}
        answers={draft.answers}
        itemErrors={itemErrors}
        progressText={`已填写 ${answeredCount}/${items.length} 项，${problemCount} 项不符合`}
        disabled={submitting}
        passAllDisabled={submitting || !!conflict}
        onPassAll={passAllUnanswered}
        onChange={change}
        onPhotosSettled={(code, settled) => {
          unsettledPhotos.current[code] = !settled;
        }}
      />

      <View className="card dc__remarks">
        <View className="dc__fail-label">备注</View>
        <TextArea
          value={draft.remarks}
          placeholder="备注（选填）"
          maxLength={500}
          rows={2}
          autoSize
          disabled={submitting}
          onChange={(v) => setRemarks(v)}
        />
        <View className="dc__confirm">
          <Checkbox checked={confirmed} disabled={submitting} onChange={(v) => setConfirmed(v)}>
            {CONFIRM_LABEL}
          </Checkbox>
        </View>
      </View>

      <FormFooter
        summary={summary}
        submitting={submitting}
        submitLabel="提交检查"
        onSubmit={() => void submit()}
        queued={queued}
        conflict={
          conflict && {
            viewLabel: '查看已提交的记录',
            onView: conflict.existingId ? () => redirectTo('enterprise.dailyCheckDetail', { id: conflict.existingId }) : undefined,
            onDiscard: () => {
              clear();
              reLaunch('enterprise.home');
            },
          }
        }
      />
    </View>
  );
}
