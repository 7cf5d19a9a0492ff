import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { CADRE_LEVEL_LABELS } from '@shian/shared';
import { api } from '../../../../api';
import { PageContainer } from '../../../../components/PageContainer';
import { RecordPhotos } from '../../../../components/RecordPhotos';
import { RectificationTags } from '../../../../components/RectificationViews';
import { useAsync } from '../../../../hooks/useAsync';
import { useSession } from '../../../../hooks/useSession';
import { formatBusinessDate, formatShanghaiDateTime } from '../../../../platform/format';
import { navigateTo } from '../../../../platform/nav';
import '../../cadre.css';

const ANSWER_TAG = { yes: 'success', no: 'danger', na: 'default' } as const;

/** 督导记录 (?id=): who visited when, each answer, what was seen, the problems, photos, location, and the order raised. */
export default function CadreVisitDetailPage() {
  const { session } = useSession();
  const id = useRouter().params.id ?? '';
  const state = useAsync(() => (id ? api.supervision.visits.get(id) : Promise.reject(new Error('缺少督导记录编号'))), [id], { enabled: !!session });
  const v = state.data;
  const orderId = v?.rectificationOrderId ?? '';
  const order = useAsync(() => api.rectifications.get(orderId), [orderId], { enabled: !!orderId, reloadOnShow: true });
  return (
    <PageContainer loading={state.loading && !v} error={v ? null : state.error} onRetry={() => void state.reload()}>
      {v ? (
        <View>
          <View className="card">
            <View className="card__title">{v.enterpriseName}</View>
            <View className="muted">{`${v.grade}级 · 督导日期 ${formatBusinessDate(v.visitDate)} · 周期 ${v.cycleKey}`}</View>
            <View className="muted">{`${v.cadreName}（${CADRE_LEVEL_LABELS[v.cadreLevel]}包保干部）于 ${formatShanghaiDateTime(v.createdAt)} 提交`}</View>
            <View className="muted">
              {v.location ? `位置：${v.location.latitude.toFixed(5)}, ${v.location.longitude.toFixed(5)}${v.location.accuracy ? `（精度约 ${Math.round(v.location.accuracy)} 米）` : ''}` : '位置：未获取位置'}
            </View>
          </View>

          {orderId ? (
            <View className="card cad-order" onClick={() => navigateTo('official.rectificationDetail', { id: orderId })}>
              <View className="row row--between">
                <View className="card__title">整改通知</View>
                {order.data ? <RectificationTags order={order.data} /> : null}
              </View>
              <View className="muted">{order.data ? `整改期限：${formatBusinessDate(order.data.deadline)}` : '…'}</View>
              <View className="link">查看整改通知 ›</View>
            </View>
          ) : null}

          <View className="section-title">{`检查内容（${v.answers.length} 项）`}</View>
          <View className="card">
            {v.answers.map((a, n) => (
              <View key={a.key} className="cad-answer-row">
                <View className="cad-answer-row__text">
                  <Text>{`${n + 1}. ${a.text}`}</Text>
                  {a.note ? <View className="cad-answer-row__note">{`说明：${a.note}`}</View> : null}
                </View>
                <Tag type={ANSWER_TAG[a.answer]}>{a.answerLabel}</Tag>
              </View>
            ))}
          </View>

          <View className="section-title">现场情况</View>
          <View className="card">{v.observations ? <View>{v.observations}</View> : <View className="muted">未填写</View>}</View>

          <View className="section-title">{`发现问题（${v.problems.length}）`}</View>
          <View className="card">
            {v.problems.length ? v.problems.map((p, i) => <View key={i} className="cad-problem-line">{`${i + 1}. ${p}`}</View>) : <View className="muted">未发现问题</View>}
          </View>

          <View className="section-title">{`现场照片（${v.photos.length}）`}</View>
          <View className="card">{v.photos.length ? <RecordPhotos ids={v.photos.map((p) => p.id)} /> : <View className="muted">无照片</View>}</View>
        </View>
      ) : null}
    </PageContainer>
  );
}
