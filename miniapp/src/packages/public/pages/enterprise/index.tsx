import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { BUSINESS_TYPE_LABELS, type BusinessType } from '@shian/shared';
import { api } from '../../../../api';
import { PageContainer } from '../../../../components/PageContainer';
import { useAsync } from '../../../../hooks/useAsync';
import './index.css';

/** Public page of an enterprise (?id=), e.g. behind the QR code on the shop door. No login. */
export default function PublicEnterprisePage() {
  const id = useRouter().params.id ?? '';
  const state = useAsync(() => (id ? api.public.enterprise(id) : Promise.reject(new Error('缺少企业编号'))), [id]);
  const e = state.data;
  return (
    <PageContainer loading={state.loading && !e} error={state.error} onRetry={id ? () => void state.reload() : undefined}>
      {e ? (
        <View>
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
          <View className="pub__footer">信息由市场监管部门公示</View>
        </View>
      ) : null}
    </PageContainer>
  );
}
