import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Radio, RadioGroup, Tag } from '@nutui/nutui-react-taro';
import {
  BUSINESS_TYPE_LABELS,
  CANTEEN_KIND_LABELS,
  ENTERPRISE_SCALE_LABELS,
  EnterpriseStatus,
  Grade,
  staffingRequirement,
  type EnterpriseDto,
} from '@shian/shared';
import { api } from '../../../../api';
import { PagedListBody } from '../../components/PagedListBody';
import { PageContainer } from '../../../../components/PageContainer';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useSession } from '../../../../hooks/useSession';
import { useToast } from '../../../../hooks/useToast';
import { formatShanghaiDateTime } from '../../../../platform/format';
import { navigateTo } from '../../../../platform/nav';
import { ReviewActions } from '../../components/ReviewActions';
import '../../official.css';

const GRADES = Object.values(Grade);

/** The staffing facts the business gave, in words (规模、食堂类别、用餐人数 …). */
function profileText(e: EnterpriseDto): string {
  const parts: string[] = [];
  if (e.scale) parts.push(`${ENTERPRISE_SCALE_LABELS[e.scale]}企业`);
  if (e.canteenKind) parts.push(`${CANTEEN_KIND_LABELS[e.canteenKind]}${e.contractorOperated ? '（承包经营）' : ''}`);
  if (e.chainHeadquarters) parts.push('连锁企业总部');
  if (e.centralKitchen) parts.push('中央厨房');
  if (e.specialFood) parts.push('特殊食品生产');
  if (e.dinersPerMeal != null) parts.push(`每餐 ${e.dinersPerMeal} 人`);
  return parts.length ? parts.join('、') : '未填写';
}

function Line({ label, value }: { label: string; value: string }) {
  return (
    <View className="off-review__line">
      <Text className="off-review__label">{label}</Text>
      <Text className="off-review__value">{value}</Text>
    </View>
  );
}

/** One registration: what the business declared, the grade to set, and the two decisions. */
function RegistrationCard({ enterprise: e, onDecided }: { enterprise: EnterpriseDto; onDecided: (message: string) => void }) {
  const [grade, setGrade] = useState<Grade | ''>('');
  const [gradeError, setGradeError] = useState<string | null>(null);
  const requirement = staffingRequirement({
    businessType: e.businessType,
    scale: e.scale,
    chainHeadquarters: e.chainHeadquarters ?? undefined,
    centralKitchen: e.centralKitchen ?? undefined,
    specialFood: e.specialFood ?? undefined,
    canteenKind: e.canteenKind,
    contractorOperated: e.contractorOperated ?? undefined,
    dinersPerMeal: e.dinersPerMeal,
  });

  async function confirm() {
    if (!grade) {
      setGradeError('请先核定风险等级');
      return;
    }
    await api.enterprises.confirm(e.id, { grade });
    onDecided(`已通过：${e.name}（${grade} 级）`);
  }

  return (
    <View className="card off-review">
      <View className="off-review__head">
        <View className="off-review__title">{e.name}</View>
        <Tag type="warning">待审核</Tag>
      </View>
      <View className="muted">{`${BUSINESS_TYPE_LABELS[e.businessType]} · 提交于 ${formatShanghaiDateTime(e.registeredAt)}`}</View>
      <View className="off-review__lines">
        <Line label="统一社会信用代码" value={e.uscc} />
        <Line label="许可证编号" value={e.licenceNo} />
        <Line label="所在村（社区）" value={e.regionName ?? e.regionCode} />
        <Line label="经营地址" value={e.address} />
        <Line label="联系人" value={`${e.contactName ?? '—'}  ${e.contactPhone ?? ''}`} />
        <Line label="规模与类别" value={profileText(e)} />
      </View>
      <View className="off-review__note">{requirement.reason}</View>
      <View className="link off-review__link" onClick={() => navigateTo('official.staff', { enterpriseId: e.id })}>
        查看人员 ›
      </View>

      <View className="off-review__grade-label">核定风险等级（A 级风险最高，D 级最低）</View>
      <RadioGroup
        value={grade}
        direction="horizontal"
        shape="button"
        className="off-review__grades"
        onChange={(v) => {
          setGrade(String(v) as Grade);
          setGradeError(null);
        }}
      >
        {GRADES.map((g) => (
          <Radio key={g} value={g} shape="button">
            {`${g} 级`}
          </Radio>
        ))}
      </RadioGroup>
      {gradeError ? <View className="error-text">{gradeError}</View> : null}
      <ReviewActions
        approveLabel="审核通过"
        approve={confirm}
        reject={{
          title: '驳回企业注册',
          subject: e.name,
          placeholder: '请填写驳回原因，如：许可证编号与营业执照不一致',
          send: async (reason) => {
            await api.enterprises.reject(e.id, { reason });
            onDecided(`已驳回：${e.name}`);
          },
        }}
      />
    </View>
  );
}

/** 待审核企业: self-registrations of the regulator's region, oldest first; confirm with a grade or reject. */
export default function EnterpriseReviewsPage() {
  const { session } = useSession();
  const { showToast } = useToast();
  const list = usePagedList((page, pageSize) => api.enterprises.list({ status: EnterpriseStatus.Pending, page, pageSize }), [], 20);

  function decided(message: string) {
    showToast(message, 'success');
    void list.reload();
  }

  if (!session) return <PageContainer loading />;
  return (
    <PageContainer>
      <View className="card">
        <View className="card__title">待审核企业</View>
        <View className="muted">{`${session.user.regionName ?? '本辖区'}自主注册的食品经营者，先提交的在前。审核通过并核定风险等级后，企业即可提交记录。`}</View>
      </View>
      <PagedListBody list={list} empty="暂无待审核的企业" summary={`共 ${list.total} 家待审核`}>
        {list.items.map((e) => (
          <RegistrationCard key={e.id} enterprise={e} onDecided={decided} />
        ))}
      </PagedListBody>
    </PageContainer>
  );
}
