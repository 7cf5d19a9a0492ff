import { useRef, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import {
  addDays,
  RECTIFICATION_LIMITS,
  RECTIFICATION_SOURCE_LABELS,
  RECTIFICATION_SOURCE_TYPES,
  rectificationDeadlineProblem,
  rectificationItemsProblem,
  todayInShanghai,
  type RectificationSourceType,
} from '@shian/shared';
import { ApiError, api, errorMessage } from '../../../../api';
import { FormFooter } from '../../../../components/FormFooter';
import { PageContainer } from '../../../../components/PageContainer';
import { RectificationDeadlinePicker } from '../../../../components/RectificationViews';
import { useToast } from '../../../../hooks/useToast';
import { queryText, redirectTo } from '../../../../platform/nav';
import { uuidV4 } from '../../../../platform/uuid';
import '../../official.css';
import './index.css';

/** How long a business gets by default (the official changes it). */
const DEFAULT_DAYS = 7;

/**
 * 下发整改通知 to a business (?enterpriseId=&enterpriseName=), optionally from one of its records
 * (?sourceType=&sourceId=&sourcePeriod=): the items to rectify (add as many as needed) and a deadline.
 */
export default function RectificationCreatePage() {
  const params = useRouter().params;
  const { showToast } = useToast();
  const today = todayInShanghai();
  const enterpriseId = params.enterpriseId ?? '';
  const enterpriseName = queryText(params.enterpriseName);
  const sourceType = RECTIFICATION_SOURCE_TYPES.includes(params.sourceType as RectificationSourceType) ? (params.sourceType as RectificationSourceType) : 'manual';
  const sourceId = sourceType === 'manual' ? undefined : params.sourceId;
  const [items, setItems] = useState<string[]>(['']);
  const [deadline, setDeadline] = useState(addDays(today, DEFAULT_DAYS));
  const [errors, setErrors] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  // One key for this order until it is stored: pressing again after a lost answer issues it once.
  const key = useRef(uuidV4());

  async function submit() {
    if (sending) return;
    const problems = [rectificationItemsProblem(items), rectificationDeadlineProblem(deadline, today)].filter((p): p is string => !!p);
    setErrors(problems);
    if (problems.length) return;
    setSending(true);
    try {
      const order = await api.rectifications.create({ enterpriseId, sourceType, sourceId, items: items.map((i) => i.trim()), deadline }, key.current);
      showToast('整改通知已下发', 'success');
      redirectTo('official.rectificationDetail', { id: order.id });
    } catch (e) {
      setErrors(e instanceof ApiError && e.fieldErrors.length ? e.fieldErrors.map((f) => f.message) : [errorMessage(e)]);
    } finally {
      setSending(false);
    }
  }

  if (!enterpriseId) return <PageContainer error="请从企业的记录或整改通知页面下发整改" />;
  return (
    <PageContainer>
      <View className="card">
        <View className="card__title">{enterpriseName || '下发整改通知'}</View>
        <View className="muted">{sourceId ? `来源：${queryText(params.sourcePeriod)} ${RECTIFICATION_SOURCE_LABELS[sourceType]}` : `来源：${RECTIFICATION_SOURCE_LABELS.manual}`}</View>
      </View>

      <View className="section-title">{`整改事项（${items.length}）`}</View>
      {items.map((item, i) => (
        <View key={i} className="card rc__item">
          <View className="rc__item-head">
            <View className="rc__item-label">{`第 ${i + 1} 项`}</View>
            {items.length > 1 ? (
              <View className="link rc__remove" onClick={() => setItems(items.filter((_, j) => j !== i))}>
                删除
              </View>
            ) : null}
          </View>
          <TextArea
            value={item}
            placeholder="请填写须整改的问题和要求"
            maxLength={RECTIFICATION_LIMITS.itemMaxLength}
            rows={2}
            autoSize
            onChange={(v) => {
              setItems(items.map((x, j) => (j === i ? v : x)));
              setErrors([]);
            }}
          />
        </View>
      ))}
      {items.length < RECTIFICATION_LIMITS.maxItems ? (
        <Button block fill="dashed" onClick={() => setItems([...items, ''])}>
          + 添加整改事项
        </Button>
      ) : null}

      <RectificationDeadlinePicker value={deadline} today={today} onChange={setDeadline} />

      <FormFooter summary={errors} submitting={sending} submitLabel="下发整改通知" onSubmit={() => void submit()} />
    </PageContainer>
  );
}
