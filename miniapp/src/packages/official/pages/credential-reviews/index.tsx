import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { CredentialStatus, ROLE_LABELS, type CredentialDto } from '@shian/shared';
import { api } from '../../../../api';
import { CredentialFiles } from '../../../../components/CredentialFiles';
import { CREDENTIAL_ISSUED_LABELS } from '../../../../components/roster-rules';
import { PagedListBody } from '../../components/PagedListBody';
import { PageContainer } from '../../../../components/PageContainer';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useSession } from '../../../../hooks/useSession';
import { useToast } from '../../../../hooks/useToast';
import { formatShanghaiDateTime } from '../../../../platform/format';
import { navigateTo } from '../../../../platform/nav';
import { ReviewActions } from '../../components/ReviewActions';
import '../../official.css';

function Line({ label, value }: { label: string; value: string }) {
  return (
    <View className="off-review__line">
      <Text className="off-review__label">{label}</Text>
      <Text className="off-review__value">{value}</Text>
    </View>
  );
}

/** One paper awaiting review: whose, what it says, its files, and verify / reject. */
function CredentialCard({ credential: c, onDecided }: { credential: CredentialDto; onDecided: (message: string) => void }) {
  return (
    <View className="card off-review">
      <View className="off-review__head">
        <View className="off-review__title">{`${c.holderName} · ${ROLE_LABELS[c.holderRole]}`}</View>
        <Tag type="primary">{c.kindLabel}</Tag>
      </View>
      <View className="muted">{c.enterpriseName}</View>
      <View className="off-review__lines">
        <Line label={CREDENTIAL_ISSUED_LABELS[c.kind]} value={c.issuedOn} />
        <Line label="有效期至" value={c.validUntil ?? '长期有效'} />
        {c.trainingHours != null ? <Line label="培训学时" value={`${c.trainingHours} 学时`} /> : null}
        {c.assessmentScore != null ? <Line label="考核成绩" value={`${c.assessmentScore} 分`} /> : null}
        <Line label="上传时间" value={formatShanghaiDateTime(c.createdAt)} />
      </View>
      {c.supersedesId ? <View className="off-review__note">重新上传：替换此前的一份（原记录保留）</View> : null}
      <CredentialFiles files={c.files} />
      <View className="link off-review__link" onClick={() => navigateTo('official.staff', { enterpriseId: c.enterpriseId })}>
        查看企业人员与资质 ›
      </View>
      <ReviewActions
        approveLabel="核验通过"
        approve={async () => {
          await api.credentials.verify(c.id);
          onDecided(`已核验：${c.holderName}的${c.kindLabel}`);
        }}
        reject={{
          title: '驳回资质证明',
          subject: `${c.holderName}的${c.kindLabel}`,
          placeholder: '请填写驳回原因，如：任命书未加盖公章',
          send: async (reason) => {
            await api.credentials.reject(c.id, { reason });
            onDecided(`已驳回：${c.holderName}的${c.kindLabel}`);
          },
        }}
      />
    </View>
  );
}

/** 待审核资质: directors' and officers' papers in the regulator's region, oldest first. */
export default function CredentialReviewsPage() {
  const { session } = useSession();
  const { showToast } = useToast();
  const list = usePagedList((page, pageSize) => api.credentials.list({ status: CredentialStatus.Pending, page, pageSize }), [], 20);

  function decided(message: string) {
    showToast(message, 'success');
    void list.reload();
  }

  if (!session) return <PageContainer loading />;
  return (
    <PageContainer>
      <View className="card">
        <View className="card__title">待审核资质</View>
        <View className="muted">食品安全总监、食品安全员的任命书、培训记录和考核结果，先上传的在前。</View>
      </View>
      <PagedListBody list={list} empty="暂无待审核的资质证明" summary={`共 ${list.total} 份待审核`}>
        {list.items.map((c) => (
          <CredentialCard key={c.id} credential={c} onDecided={decided} />
        ))}
      </PagedListBody>
    </PageContainer>
  );
}
