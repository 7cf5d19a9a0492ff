import { useRef, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { TextArea } from '@nutui/nutui-react-taro';
import { RECTIFICATION_LIMITS, type RectificationOrderDetailDto } from '@shian/shared';
import { ApiError, api, errorMessage } from '../../../../api';
import { FormFooter } from '../../../../components/FormFooter';
import { PageContainer } from '../../../../components/PageContainer';
import { PhotoPicker, photosSettled, uploadedFileIds, type PickedPhoto } from '../../../../components/PhotoPicker';
import { RectificationOrderView } from '../../../../components/RectificationViews';
import { useAsync } from '../../../../hooks/useAsync';
import { useSession } from '../../../../hooks/useSession';
import { useToast } from '../../../../hooks/useToast';
import { navigateTo } from '../../../../platform/nav';
import { uuidV4 } from '../../../../platform/uuid';
import './index.css';

/** 回复整改情况: the measures taken and photos of the result (at least one). */
function AnswerForm({ order, onAnswered }: { order: RectificationOrderDetailDto; onAnswered: () => Promise<void> }) {
  const { showToast } = useToast();
  const [measures, setMeasures] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  // The same key for this answer until it is stored: sending again after a lost answer answers once.
  const key = useRef(uuidV4());
  const returned = order.events.filter((e) => e.kind === 'returned').pop();

  async function submit() {
    if (sending) return;
    const problems: string[] = [];
    if (!measures.trim()) problems.push('请填写整改措施');
    if (!photosSettled(photos)) problems.push('照片尚未上传完成，请稍候或删除上传失败的照片');
    else if (uploadedFileIds(photos).length < RECTIFICATION_LIMITS.minPhotos) problems.push('请上传至少 1 张整改后的照片');
    setErrors(problems);
    if (problems.length) return;
    setSending(true);
    try {
      await api.rectifications.respond(order.id, { measures: measures.trim(), photoIds: uploadedFileIds(photos) }, key.current);
      key.current = uuidV4();
      showToast('整改情况已提交，等待监管人员验收', 'success');
      await onAnswered();
    } catch (e) {
      setErrors(e instanceof ApiError && e.fieldErrors.length ? e.fieldErrors.map((f) => f.message) : [errorMessage(e)]);
    } finally {
      setSending(false);
    }
  }

  return (
    <View className="card ent-ra">
      <View className="card__title">回复整改情况</View>
      {returned?.text ? <View className="ent-ra__returned">{`退回意见：${returned.text}`}</View> : null}
      <View className="ent-ra__label">整改措施</View>
      <TextArea
        value={measures}
        placeholder="请填写已采取的整改措施"
        maxLength={RECTIFICATION_LIMITS.measuresMaxLength}
        rows={3}
        autoSize
        disabled={sending}
        onChange={(v) => {
          setMeasures(v);
          setErrors([]);
        }}
      />
      <View className="ent-ra__label">{`整改后的照片（至少 1 张，最多 ${RECTIFICATION_LIMITS.maxPhotos} 张）`}</View>
      <PhotoPicker max={RECTIFICATION_LIMITS.maxPhotos} disabled={sending} onChange={setPhotos} />
      <FormFooter summary={errors} submitting={sending} submitLabel="提交整改情况" onSubmit={() => void submit()} />
    </View>
  );
}

/** One order (?id=) for the business: what to rectify by when, the history, and the answer form while it waits for one. */
export default function EnterpriseRectificationDetailPage() {
  const { session } = useSession();
  const id = useRouter().params.id ?? '';
  const state = useAsync(() => (id ? api.rectifications.get(id) : Promise.reject(new Error('缺少整改通知编号'))), [id], { enabled: !!session });
  const order = state.data;
  const awaitsAnswer = order?.status === 'open' || order?.status === 'returned';
  return (
    <PageContainer loading={state.loading && !order} error={order ? null : state.error} onRetry={() => void state.reload()}>
      {order ? (
        <View>
          <RectificationOrderView
            order={order}
            onOpenSource={order.sourceType === 'daily_check' && order.sourceId ? () => navigateTo('enterprise.dailyCheckDetail', { id: order.sourceId! }) : undefined}
          />
          {awaitsAnswer ? <AnswerForm key={`${order.status}-${order.round}`} order={order} onAnswered={state.reload} /> : null}
          {order.status === 'answered' ? <View className="card muted">已回复整改情况，等待监管人员验收。</View> : null}
        </View>
      ) : null}
    </PageContainer>
  );
}
