import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ENTERPRISE_STATUS_LABELS, MAX_PAGE_SIZE } from '@shian/shared';
import { api } from '../../../../api';
import { PageContainer } from '../../../../components/PageContainer';
import { RoleHistory, RosterMember, StaffingSummary } from '../../../../components/StaffRoster';
import { currentCredentials } from '../../../../components/roster-rules';
import { useAsync } from '../../../../hooks/useAsync';
import { useSession } from '../../../../hooks/useSession';

/** A business's roster as its regulator sees it (?enterpriseId=): requirement, lacks, people with their papers' states, history. */
export default function OfficialStaffPage() {
  const { session } = useSession();
  const enterpriseId = useRouter().params.enterpriseId ?? '';
  const enabled = !!session && !!enterpriseId;
  const staff = useAsync(() => api.enterprises.staff(enterpriseId), [enterpriseId], { enabled, reloadOnShow: true });
  const credentials = useAsync(() => api.credentials.list({ enterpriseId, pageSize: MAX_PAGE_SIZE }), [enterpriseId], { enabled, reloadOnShow: true });
  const data = staff.data;
  const papers = currentCredentials(credentials.data?.items ?? []);
  return (
    <PageContainer loading={staff.loading && !data} error={data ? null : (staff.error ?? (enterpriseId ? null : '缺少企业编号'))} onRetry={() => void staff.reload()}>
      {data ? (
        <View>
          <View className="card">
            <View className="card__title">{data.enterpriseName}</View>
            <View className="muted">{`登记状态：${ENTERPRISE_STATUS_LABELS[data.status]}`}</View>
          </View>
          <StaffingSummary staff={data} />
          <View className="section-title">{`在任人员（${data.current.length}）`}</View>
          {data.current.map((m) => (
            <RosterMember key={m.userId} member={m} credentials={papers.get(m.userId)} />
          ))}
          {credentials.error ? <View className="error-text">{`资质证明加载失败：${credentials.error}`}</View> : null}
          <View className="section-title">任职历史</View>
          <RoleHistory history={data.history} />
        </View>
      ) : null}
    </PageContainer>
  );
}
