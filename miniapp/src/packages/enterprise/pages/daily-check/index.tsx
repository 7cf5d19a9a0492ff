import { useMemo, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Radio, RadioGroup, TextArea } from '@nutui/nutui-react-taro';
import {
  CHECK_RESULT_LABELS,
  CheckResult,
  ErrorCodes,
  MINIMAL_DAILY_CHECKLIST,
  isBusinessDate,
  todayInShanghai,
  validateDailyAnswers,
  type DailyCheckDto,
} from '@shian/shared';
import { ApiError, api, errorMessage } from '../../../../api';
import { CheckStatusTags } from '../../../../components/CheckStatusTags';
import { PageContainer } from '../../../../components/PageContainer';
import { draftToAnswers, useDailyCheckDraft, type AnswerDraft } from '../../../../hooks/useDailyCheckDraft';
import { useSession } from '../../../../hooks/useSession';
import { useToast } from '../../../../hooks/useToast';
import { formatBusinessDate, formatShanghaiDateTime } from '../../../../platform/format';
import { navigateBackOr, redirectTo, reLaunch } from '../../../../platform/nav';
import './index.css';

const RESULTS: CheckResult[] = [CheckResult.Pass, CheckResult.Fail, CheckResult.NotApplicable];

type ItemErrors = Record<string, string[]>;

/** Maps validation problems ('items[3].problem' or 'items' + message) to checklist item codes. */
function problemsByItem(problems: Array<{ field: string; message: string }>, answerCodes: string[]): { byItem: ItemErrors; other: string[] } {
  const byItem: ItemErrors = {};
  const other: string[] = [];
  for (const p of problems) {
    const m = /^items(?:\[(\d+)\]|\.(\d+))/.exec(p.field);
    let code: string | undefined = m ? answerCodes[Number(m[1] ?? m[2])] : undefined;
    let message = p.message;
    if (!code) {
      // 'items': an unanswered checklist item, named in the message.
      code = MINIMAL_DAILY_CHECKLIST.find((i) => p.message.includes(`「${i.code}`))?.code;
      if (code && p.field === 'items') message = '请选择检查结果：符合 / 不符合 / 不适用';
    }
    if (code) (byItem[code] ??= []).push(message);
    else other.push(p.message);
  }
  return { byItem, other };
}

function ChecklistItemCard(props: {
  code: string;
  category: string;
  text: string;
  answer: AnswerDraft | undefined;
  errors: string[] | undefined;
  disabled: boolean;
  onChange: (patch: Partial<AnswerDraft>) => void;
}) {
  const { code, category, text, answer, errors, disabled, onChange } = props;
  const failed = answer?.result === CheckResult.Fail;
  const fixed = answer?.fixedOnSpot === undefined ? '' : answer.fixedOnSpot ? 'yes' : 'no';
  return (
    <View className={`dc__item${errors?.length ? ' dc__item--error' : ''}`} id={`item-${code}`}>
      <View className="dc__item-head">
        <Text className="dc__code">{code}</Text>
        <Text className="dc__category">{category}</Text>
      </View>
      <View className="dc__text">{text}</View>
      <RadioGroup
        value={answer?.result ?? ''}
        direction="horizontal"
        disabled={disabled}
        onChange={(v) => onChange({ result: String(v) as CheckResult })}
      >
        {RESULTS.map((r) => (
          <Radio key={r} value={r}>
            {CHECK_RESULT_LABELS[r]}
          </Radio>
        ))}
      </RadioGroup>
      {failed ? (
        <View className="dc__fail">
          <View className="dc__fail-label">问题描述</View>
          <TextArea
            value={answer?.problem ?? ''}
            placeholder="请描述发现的问题"
            maxLength={500}
            rows={2}
            autoSize
            disabled={disabled}
            onChange={(v) => onChange({ problem: v })}
          />
          <View className="dc__fail-label">采取的措施</View>
          <TextArea
            value={answer?.measure ?? ''}
            placeholder="请填写采取的整改措施"
            maxLength={500}
            rows={2}
            autoSize
            disabled={disabled}
            onChange={(v) => onChange({ measure: v })}
          />
          <View className="dc__fail-label">是否当场整改</View>
          <RadioGroup
            value={fixed}
            direction="horizontal"
            disabled={disabled}
            onChange={(v) => onChange({ fixedOnSpot: String(v) === 'yes' })}
          >
            <Radio value="yes">已当场整改</Radio>
            <Radio value="no">未当场整改</Radio>
          </RadioGroup>
        </View>
      ) : null}
      {errors?.map((msg) => (
        <View key={msg} className="error-text">
          {msg}
        </View>
      ))}
    </View>
  );
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

function scrollToItem(code: string | undefined): void {
  if (!code) return;
  Taro.pageScrollTo({ selector: `#item-${code}`, duration: 200 }).catch(() => undefined);
}

/** The daily check (日管控) form for one business date (?date=, default today). */
export default function DailyCheckFormPage() {
  const { session } = useSession();
  const param = useRouter().params.date;
  const businessDate = param && isBusinessDate(param) ? param : todayInShanghai();
  const ownerId = session?.user.id ?? 'anonymous';
  const { draft, setAnswer, setRemarks, clear, answeredCount, restored } = useDailyCheckDraft(ownerId, businessDate);
  const { showToast } = useToast();

  const [itemErrors, setItemErrors] = useState<ItemErrors>({});
  const [summary, setSummary] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  /** The date already has a submission: this draft cannot be submitted any more. */
  const [conflict, setConflict] = useState<{ existingId?: string } | null>(null);
  const [result, setResult] = useState<DailyCheckDto | null>(null);
  const total = MINIMAL_DAILY_CHECKLIST.length;

  const problemCount = useMemo(
    () => Object.values(draft.answers).filter((a) => a.result === CheckResult.Fail).length,
    [draft.answers],
  );

  function change(code: string, patch: Partial<AnswerDraft>) {
    setAnswer(code, patch);
    if (itemErrors[code]) {
      setItemErrors((prev) => {
        const next = { ...prev };
        delete next[code];
        return next;
      });
    }
  }

  async function submit() {
    if (submitting) return;
    const answers = draftToAnswers(MINIMAL_DAILY_CHECKLIST, draft);
    const codes = answers.map((a) => a.code);
    const problems = validateDailyAnswers(MINIMAL_DAILY_CHECKLIST, answers);
    if (problems.length > 0) {
      const { byItem, other } = problemsByItem(problems, codes);
      setItemErrors(byItem);
      const missing = MINIMAL_DAILY_CHECKLIST.filter((i) => byItem[i.code]).map((i) => i.code);
      setSummary([`还有 ${missing.length} 项需要完善：${missing.join('、')}`, ...other]);
      showToast(`还有 ${missing.length} 项需要完善`, 'warn');
      scrollToItem(missing[0]);
      return;
    }
    setItemErrors({});
    setSummary([]);
    setConflict(null);
    setSubmitting(true);
    try {
      const created = await api.dailyChecks.create(
        { businessDate, items: answers, ...(draft.remarks.trim() ? { remarks: draft.remarks.trim() } : {}) },
        draft.idempotencyKey,
      );
      clear();
      setResult(created);
    } catch (e) {
      if (e instanceof ApiError && (e.code === ErrorCodes.DailyCheckExists || e.code === ErrorCodes.IdempotencyKeyReused)) {
        // Another submission for this date exists (or this draft's earlier attempt was stored
        // before it was edited): the draft can no longer be submitted.
        const existingId = e.details && !Array.isArray(e.details) ? e.details.existingId : undefined;
        setConflict({ existingId: typeof existingId === 'string' ? existingId : undefined });
        setSummary([e.message]);
      } else if (e instanceof ApiError && e.fieldErrors.length > 0) {
        const { byItem, other } = problemsByItem(e.fieldErrors, codes);
        setItemErrors(byItem);
        setSummary([e.message, ...other.filter((m) => m !== e.message)]);
        scrollToItem(MINIMAL_DAILY_CHECKLIST.find((i) => byItem[i.code])?.code);
      } else {
        // Network failures keep the draft and its Idempotency-Key: submitting again is safe.
        setSummary([errorMessage(e)]);
      }
      showToast(errorMessage(e), 'fail');
    } finally {
      setSubmitting(false);
    }
  }

  if (result) {
    return (
      <PageContainer>
        <SubmittedResult check={result} />
      </PageContainer>
    );
  }

  return (
    <PageContainer>
      <View className="card">
        <View className="dc__intro">
          <View>
            <View className="card__title">{`每日检查 · ${formatBusinessDate(businessDate)}`}</View>
            <View className="muted">{`已填写 ${answeredCount}/${total} 项${problemCount ? `，${problemCount} 项不符合` : ''}`}</View>
          </View>
        </View>
        {restored ? <View className="muted">已恢复上次未提交的草稿</View> : null}
      </View>

      {MINIMAL_DAILY_CHECKLIST.map((item) => (
        <ChecklistItemCard
          key={item.code}
          code={item.code}
          category={item.category}
          text={item.text}
          answer={draft.answers[item.code]}
          errors={itemErrors[item.code]}
          disabled={submitting}
          onChange={(patch) => change(item.code, patch)}
        />
      ))}

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
      </View>

      {summary.length > 0 ? (
        <View className="dc__summary">
          {summary.map((line) => (
            <View key={line} className="dc__summary-line">
              {line}
            </View>
          ))}
        </View>
      ) : null}

      <View className="actions">
        {conflict ? (
          <>
            {conflict.existingId ? (
              <Button
                block
                type="primary"
                size="large"
                onClick={() => redirectTo('enterprise.dailyCheckDetail', { id: conflict.existingId })}
              >
                查看已提交的记录
              </Button>
            ) : null}
            <Button
              block
              fill="outline"
              size="large"
              onClick={() => {
                clear();
                reLaunch('enterprise.home');
              }}
            >
              放弃草稿，返回首页
            </Button>
          </>
        ) : (
          <Button block type="primary" size="large" loading={submitting} onClick={() => void submit()}>
            提交检查
          </Button>
        )}
      </View>
    </PageContainer>
  );
}
