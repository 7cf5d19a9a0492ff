import { useMemo, useRef, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Checkbox, TextArea } from '@nutui/nutui-react-taro';
import { CheckResult, itemsDue, Role, validateAnswers, type DailyCheckDto, type RiskListDto } from '@shian/shared';
import { ApiError, api, errorMessage } from '../../../../api';
import { ChecklistSection, problemsByItem, type ItemErrors } from '../../../../components/ChecklistItemCard';
import { PageContainer } from '../../../../components/PageContainer';
import { useAsync } from '../../../../hooks/useAsync';
import { answersOfRecord, draftToAnswers, type AnswerDraft, type DailyCheckDraft } from '../../../../hooks/useDailyCheckDraft';
import { useSession } from '../../../../hooks/useSession';
import { useToast } from '../../../../hooks/useToast';
import { formatBusinessDate } from '../../../../platform/format';
import { redirectTo } from '../../../../platform/nav';
import { uuidV4 } from '../../../../platform/uuid';
import { groupByStage } from '../../risk-list';
import { ReturnedRecordBanner } from '../../components/ReturnedRecordBanner';
import '../../../../components/FormFooter.css';
import '../daily-check/index.css';
import './index.css';

const CONFIRM_LABEL = '本人确认以上检查属实';

/**
 * 提交更正 (?id= the version to correct): the record's answers to change, a reason, the officer's
 * confirmation. The server keeps the original unchanged and stores a new version; the correction
 * answers the risk-list version the original was made against.
 */
export default function DailyCheckCorrectionPage() {
  const { session } = useSession();
  const id = useRouter().params.id ?? '';
  const state = useAsync(
    async () => {
      const check = await api.dailyChecks.get(id);
      const list = (await api.riskLists.versions()).find((v) => v.version === check.riskListVersion);
      if (!list) throw new Error(`找不到风险管控清单第 ${check.riskListVersion} 版`);
      return { check, list };
    },
    [id],
    { enabled: !!session && !!id },
  );
  if (session && session.user.role !== Role.Officer) return <PageContainer error="每日检查记录由食品安全员更正" />;
  return (
    <PageContainer loading={state.loading && !state.data} error={state.data ? null : state.error} onRetry={() => void state.reload()}>
      {state.data ? <CorrectionForm check={state.data.check} list={state.data.list} /> : null}
    </PageContainer>
  );
}

function CorrectionForm({ check, list }: { check: DailyCheckDto; list: RiskListDto }) {
  const { showToast } = useToast();
  const groups = useMemo(() => groupByStage(itemsDue(list.items, 'daily')), [list]);
  const items = useMemo(() => groups.flatMap((g) => g.items), [groups]);
  const shown = useMemo(() => new Set(items.map((i) => i.code)), [items]);
  const [answers, setAnswers] = useState<Record<string, AnswerDraft>>(() => answersOfRecord(check.items));
  const [remarks, setRemarks] = useState(check.remarks ?? '');
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [itemErrors, setItemErrors] = useState<ItemErrors>({});
  const [summary, setSummary] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const unsettled = useRef<Record<string, boolean>>({});
  // One key for this correction until it is stored: sending again after a lost answer corrects once.
  const key = useRef(uuidV4());

  function change(code: string, patch: Partial<AnswerDraft>) {
    setAnswers((a) => ({ ...a, [code]: { ...(a[code] ?? { problem: '', measure: '' }), ...patch } }));
    if (itemErrors[code]) setItemErrors((e) => ({ ...e, [code]: [] }));
  }

  async function submit() {
    if (sending) return;
    if (Object.values(unsettled.current).some(Boolean)) {
      showToast('照片尚未上传完成，请稍候或删除上传失败的照片', 'warn');
      return;
    }
    const draft: DailyCheckDraft = { version: 1, businessDate: check.businessDate, idempotencyKey: key.current, answers, remarks, updatedAt: '' };
    const answered = draftToAnswers(items, draft);
    const codes = answered.map((a) => a.code);
    const problems = validateAnswers(list.items, 'daily', answered);
    const lines: string[] = [];
    if (problems.length) {
      const { byItem, other } = problemsByItem(problems, codes, shown);
      setItemErrors(byItem);
      lines.push(`还有 ${Object.keys(byItem).length} 项需要完善`, ...other);
    }
    if (!reason.trim()) lines.push('请填写更正原因');
    if (!confirmed) lines.push(`请勾选「${CONFIRM_LABEL}」`);
    setSummary(lines);
    if (lines.length) return;
    setSending(true);
    try {
      const corrected = await api.dailyChecks.amend(check.id, { reason: reason.trim(), items: answered, confirm: true, ...(remarks.trim() ? { remarks: remarks.trim() } : {}) }, key.current);
      showToast('更正已提交', 'success');
      redirectTo('enterprise.dailyCheckDetail', { id: corrected.id });
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length) {
        const { byItem, other } = problemsByItem(e.fieldErrors, codes, shown);
        setItemErrors(byItem);
        setSummary([e.message, ...other.filter((m) => m !== e.message)]);
      } else setSummary([errorMessage(e)]);
    } finally {
      setSending(false);
    }
  }

  const problemCount = items.filter((i) => answers[i.code]?.result === CheckResult.Fail).length;
  return (
    <View className="dcc">
      <ReturnedRecordBanner recordType="daily_check" record={check} />
      <View className="card">
        <View className="card__title">{`更正每日检查 · ${formatBusinessDate(check.businessDate)}`}</View>
        <View className="muted">{`更正第 ${check.version} 版；原记录保留不变，更正后生成第 ${check.version + 1} 版`}</View>
        {!check.isCurrent ? <View className="error-text">此版本已被更正，请在最新版本上更正</View> : null}
      </View>

      <ChecklistSection
        groups={groups}
        answers={answers}
        itemErrors={itemErrors}
        progressText={`共 ${items.length} 项，${problemCount} 项不符合`}
        disabled={sending}
        passAllDisabled
        onPassAll={() => undefined}
        onChange={change}
        onPhotosSettled={(code, settled) => {
          unsettled.current[code] = !settled;
        }}
      />

      <View className="card dc__remarks">
        <View className="dc__fail-label">备注</View>
        <TextArea value={remarks} placeholder="备注（选填）" maxLength={500} rows={2} autoSize disabled={sending} onChange={setRemarks} />
        <View className="dc__fail-label">更正原因</View>
        <TextArea value={reason} placeholder="请填写更正原因，如：按监管人员退回意见补充冷藏温度实测值" maxLength={500} rows={2} autoSize disabled={sending} onChange={setReason} />
        <View className="dc__confirm">
          <Checkbox checked={confirmed} disabled={sending} onChange={(v) => setConfirmed(v)}>
            {CONFIRM_LABEL}
          </Checkbox>
        </View>
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
        <Button block type="primary" size="large" loading={sending} disabled={!check.isCurrent} onClick={() => void submit()}>
          提交更正
        </Button>
      </View>
    </View>
  );
}
