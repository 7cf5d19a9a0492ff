import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Role, type RectificationSourceType } from '@shian/shared';
import { api } from '../../../../api';
import { PageContainer } from '../../../../components/PageContainer';
import { RectificationOrderView } from '../../../../components/RectificationViews';
import { useAsync } from '../../../../hooks/useAsync';
import { useSession } from '../../../../hooks/useSession';
import { useToast } from '../../../../hooks/useToast';
import { navigateTo } from '../../../../platform/nav';
import type { RouteName } from '../../../../routes';
import { OFFICIAL_RECORD_ROUTES } from '../../components/OfficialRecordPage';
import { ReviewActions } from '../../components/ReviewActions';
import '../../official.css';

/** One order (?id=) for an official: items, history with the business's photos; 验收通过 / 退回整改 once answered (regulators, and the cadre who issued it from a visit). */
export default function OfficialRectificationDetailPage() {
  const { session } = useSession();
  const { showToast } = useToast();
  const id = useRouter().params.id ?? '';
  const state = useAsync(() => (id ? api.rectifications.get(id) : Promise.reject(new Error('缺少整改通知编号'))), [id], { enabled: !!session, reloadOnShow: true });
  const order = state.data;
  const role = session?.user.role;
  const decides = order?.status === 'answered' && (role === Role.Regulator || (role === Role.Cadre && order.sourceType === 'visit' && order.issuedBy === session?.user.id));
  // The record it was raised from, on the official's page of that kind of record (a visit on the cadre's,
  // a complaint on the regulators' — a cadre may not open complaints, so theirs shows without a link).
  const sourceRoute = (type: Exclude<RectificationSourceType, 'manual'>): RouteName | null =>
    type === 'visit' ? 'cadre.visitDetail' : type === 'complaint' ? (role === Role.Cadre ? null : 'official.complaintDetail') : OFFICIAL_RECORD_ROUTES[type];
  const route = order && order.sourceType !== 'manual' && order.sourceId ? sourceRoute(order.sourceType) : null;
  const source = order?.sourceId && route ? { route, id: order.sourceId } : null;
  return (
    <PageContainer loading={state.loading && !order} error={order ? null : state.error} onRetry={() => void state.reload()}>
      {order ? (
        <View>
          <RectificationOrderView
            order={order}
            onOpenSource={source ? () => navigateTo(source.route, { id: source.id }) : undefined}
          />
          {decides ? (
            <View className="card">
              <View className="card__title">验收</View>
              <View className="muted">企业已回复整改情况，请核对整改措施和照片。</View>
              <ReviewActions
                approveLabel="验收通过"
                approve={async () => {
                  await api.rectifications.accept(order.id);
                  showToast('已验收通过，整改通知关闭', 'success');
                  await state.reload();
                }}
                rejectLabel="退回整改"
                reject={{
                  title: '退回整改',
                  subject: `${order.enterpriseName}的整改通知`,
                  placeholder: '请填写退回意见，如：照片未显示温度计读数，请补拍',
                  confirmText: '确认退回',
                  emptyMessage: '请填写退回意见',
                  send: async (comment) => {
                    await api.rectifications.reject(order.id, { comment });
                    showToast('已退回，企业须再次回复', 'success');
                    await state.reload();
                  },
                }}
              />
            </View>
          ) : null}
          <View className="link off-review__link" onClick={() => navigateTo('official.rectifications', { enterpriseId: order.enterpriseId })}>
            该企业的全部整改通知 ›
          </View>
        </View>
      ) : null}
    </PageContainer>
  );
}
