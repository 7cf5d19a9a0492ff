import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { BUSINESS_TYPE_LABELS, formatRate, type BusinessType, type PublicEnterpriseDto } from '@shian/shared';
import { ApiError, api } from '../../../../api';
import { EmptyState } from '../../../../components/EmptyState';
import { PageContainer } from '../../../../components/PageContainer';
import { useAsync } from '../../../../hooks/useAsync';
import { formatBusinessDate } from '../../../../platform/format';
import { navigateTo } from '../../../../platform/nav';
import { enterpriseIdOf } from '../../params';
import '../../public.css';
import './index.css';

const NOBODY = '未配备';

/** The business, or null when the server does not show it (unknown, pending, closed): 404. */
async function loadEnterprise(id: string): Promise<PublicEnterpriseDto | null> {
  try {
    return await api.public.enterprise(id);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

function DailyChecks({ e }: { e: PublicEnterpriseDto }) {
  const d = e.dailyChecks;
  return (
    <View className="card">
      <View className="card__title">近30天日管控</View>
      <View className="pub-ent__daily">
        <View className="pub-ent__figure">
          <Text className="pub-ent__figure-value">{d.due > 0 ? `${d.done}/${d.due}` : '—'}</Text>
          <Text className="pub-ent__figure-label">已完成/应完成（天）</Text>
        </View>
        <View className="pub-ent__figure">
          <Text className="pub-ent__figure-value">{formatRate(d.rate)}</Text>
          <Text className="pub-ent__figure-label">完成率</Text>
        </View>
      </View>
      <View className="muted">{`统计期间：${formatBusinessDate(d.from)} 至 ${formatBusinessDate(d.to)}${d.due === 0 ? '（期间无应检查的营业日）' : ''}`}</View>
    </View>
  );
}

/** Public page of a business (?id=, or ?q= from a scanned QR code on its 公示牌). No login. */
export default function PublicEnterprisePage() {
  const id = enterpriseIdOf(useRouter().params);
  const state = useAsync(() => (id ? loadEnterprise(id) : Promise.resolve(null)), [id]);
  const e = state.data;

  if (e === null) {
    return (
      <PageContainer>
        <View className="page__state">
          <EmptyState kind="error" title="企业不存在或未公示" description="请核对二维码是否完整清晰，或直接提交投诉举报并填写经营者名称" />
        </View>
        <View className="actions">
          <Button block type="primary" size="large" onClick={() => navigateTo('public.complaint')}>
            投诉举报
          </Button>
        </View>
      </PageContainer>
    );
  }

  return (
    <PageContainer loading={state.loading && !e} error={state.error} onRetry={() => void state.reload()}>
      {e ? (
        <View className="pub-ent">
          <View className="card pub__head">
            <View className="pub__name">{e.name}</View>
            <View className="pub__grade">{e.grade}</View>
            <View className="pub__grade-label">风险分级</View>
          </View>
          <CellGroup>
            <Cell title="经营类型" extra={BUSINESS_TYPE_LABELS[e.businessType as BusinessType] ?? e.businessType} />
            <Cell title="许可证编号" extra={e.licenceNo} />
            <Cell title="所属区域" extra={e.regionName ?? '—'} />
            <Cell title="经营地址" extra={e.address} />
          </CellGroup>
          <View className="section-title">食品安全责任人员</View>
          <CellGroup>
            <Cell title="主要负责人" extra={e.principal ?? NOBODY} />
            <Cell title="食品安全总监" extra={e.director ?? NOBODY} />
            <Cell title="食品安全员" extra={e.officers.length ? e.officers.join('、') : NOBODY} />
          </CellGroup>
          <DailyChecks e={e} />
          <CellGroup>
            <Cell
              title="未完成整改"
              description="监管部门下发、尚未验收的整改通知"
              extra={<Text className={e.openRectifications > 0 ? 'pub-ent__open--some' : undefined}>{`${e.openRectifications} 项`}</Text>}
            />
          </CellGroup>
          <View className="actions">
            <Button block type="primary" size="large" onClick={() => navigateTo('public.complaint', { enterpriseId: e.id })}>
              投诉举报
            </Button>
          </View>
          <View className="pub__links">
            <Text className="link pub__link" onClick={() => navigateTo('public.complaintStatus')}>
              查询投诉举报进度 ›
            </Text>
          </View>
          <View className="pub__footer">信息由市场监管部门公示，姓名已作隐私处理</View>
        </View>
      ) : null}
    </PageContainer>
  );
}
