import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { Grade, type CoverageGapItem, type CoverageGapPage } from '@shian/shared';
import { api } from '../../../../api';
import { PageContainer } from '../../../../components/PageContainer';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useSession } from '../../../../hooks/useSession';
import { navigateTo } from '../../../../platform/nav';
import { PagedListBody } from '../../components/PagedListBody';
import { Chips, RateCard } from '../../components/SupervisionParts';
import '../../official.css';

const GRADES = [Grade.A, Grade.B, Grade.C, Grade.D];
const GRADE_LABELS: Record<Grade, string> = { [Grade.A]: 'A级', [Grade.B]: 'B级', [Grade.C]: 'C级', [Grade.D]: 'D级' };

/** 未落实包保: the region's graded businesses without a cadre (the level each needs), and 主体包保覆盖率. */
export default function CoverageGapsPage() {
  const { session } = useSession();
  const [grade, setGrade] = useState<Grade | undefined>();
  const [head, setHead] = useState<CoverageGapPage | null>(null);
  const list = usePagedList<CoverageGapItem>(
    async (page, pageSize) => {
      const res = await api.supervision.assignments.gaps({ grade, page, pageSize });
      if (page === 1) setHead(res);
      return res;
    },
    [grade],
    20,
  );
  if (!session) return <PageContainer loading />;
  return (
    <PageContainer>
      <View className="card">
        <View className="card__title">未落实包保的企业</View>
        <View className="muted">{`${session.user.regionName ?? '全部地区'} · 已定级、在营的企业中尚未分配包保干部的`}</View>
        {head ? (
          <View className="sup-rates">
            <RateCard label="主体包保覆盖率" value={head.coverage} unit=" 家" />
            <View className="sup-rate">
              <View className="sup-rate__label">未落实包保</View>
              <View className="sup-rate__value">{head.businesses - head.withCadre}</View>
              <View className="sup-rate__fraction">{`共 ${head.businesses} 家企业`}</View>
            </View>
          </View>
        ) : null}
        <Chips label="等级" value={grade} options={GRADES} labels={GRADE_LABELS} onChange={setGrade} />
      </View>
      <PagedListBody list={list} empty={grade ? `${grade}级企业均已落实包保` : '所有企业均已落实包保'} summary={`共 ${list.total} 家未落实包保`}>
        <View className="card">
          {list.items.map((g) => (
            <View key={g.enterpriseId} className="sup-row" onClick={() => navigateTo('official.enterprise', { id: g.enterpriseId })}>
              <View className="sup-row__head">
                <Text className="sup-row__name">{g.enterpriseName}</Text>
                <Tag type="warning">{`需${g.requiredLevelLabel}干部`}</Tag>
              </View>
              <View className="muted">{`${g.grade}级 · ${g.regionName} · ${g.uscc}`}</View>
            </View>
          ))}
        </View>
      </PagedListBody>
    </PageContainer>
  );
}
