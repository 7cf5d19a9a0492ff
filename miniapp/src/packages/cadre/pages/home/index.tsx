import { View, Text } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { CADRE_LEVEL_LABELS, type CadreBusinessState } from '@shian/shared';
import { api } from '../../../../api';
import { EmptyState } from '../../../../components/EmptyState';
import { PageContainer } from '../../../../components/PageContainer';
import { useAsync } from '../../../../hooks/useAsync';
import { useSession } from '../../../../hooks/useSession';
import { formatBusinessDate } from '../../../../platform/format';
import { navigateTo } from '../../../../platform/nav';
import { businessTags, cycleLabel, fractionText, reminderText } from '../../cadre-rules';
import '../../cadre.css';

function BusinessCard({ b }: { b: CadreBusinessState }) {
  return (
    <View className="card cad-biz">
      <View className="cad-biz__head">
        <Text className="cad-biz__name">{b.enterpriseName}</Text>
        <Tag type="default">{`${b.grade}级`}</Tag>
      </View>
      <View className="muted">{b.regionName}</View>
      <View className="cad-biz__tags">
        {businessTags(b).map((t) => (
          <Tag key={t.text} type={t.type} className="cad-biz__tag">
            {t.text}
          </Tag>
        ))}
      </View>
      <View className="muted">
        {b.lastVisitDate ? `上次督导：${formatBusinessDate(b.lastVisitDate)}` : '尚未督导'}
        {b.visitedThisCycle ? '' : ` · ${cycleLabel(b.cycleKey)}截止 ${formatBusinessDate(b.cycleEnd)}`}
      </View>
      <View className="cad-biz__actions">
        <Button size="small" type="primary" onClick={() => navigateTo('cadre.visit', { enterpriseId: b.enterpriseId, enterpriseName: b.enterpriseName })}>
          {b.visitedThisCycle ? '再次督导' : '督导检查'}
        </Button>
      </View>
    </View>
  );
}

/** 包保首页: who I am, the end-of-cycle reminder, this cycle's progress, 承诺书 / 整改通知, my businesses, my latest visits. */
export default function CadreHomePage() {
  const { session, logout } = useSession();
  const home = useAsync(() => api.supervision.home(), [], { enabled: !!session, reloadOnShow: true });
  const visits = useAsync(() => api.supervision.visits.list({ pageSize: 5 }), [], { enabled: !!session, reloadOnShow: true });
  const data = home.data;
  if (!session) return <PageContainer loading />;
  return (
    <PageContainer loading={home.loading && !data} error={data ? null : home.error} onRetry={() => void home.reload()}>
      {data ? (
        <View>
          <View className="card">
            <View className="cad-head">
              <View className="cad-head__who">
                <View className="card__title">{data.cadre.name}</View>
                <View className="muted">{`包保干部 · ${CADRE_LEVEL_LABELS[data.cadre.level]}${data.cadre.title ? ` · ${data.cadre.title}` : ''} · ${data.cadre.regionName}`}</View>
              </View>
              <Button size="small" fill="outline" onClick={logout}>
                退出登录
              </Button>
            </View>
            {data.reminder ? <View className="cad-reminder">{reminderText(data.reminder)}</View> : null}
            <View className="cad-progress">
              <View>
                <View className="cad-progress__label">{`${data.businesses[0] ? cycleLabel(data.businesses[0].cycleKey) : '本周期'}督导进度`}</View>
                <View className="cad-progress__value">{fractionText(data.progress.completion)}</View>
              </View>
              <View className="muted">{`应督导 ${data.progress.due} 家 · 已督导 ${data.progress.visited} 家`}</View>
            </View>
            <View className="cad-entries">
              <View className="cad-entry" onClick={() => navigateTo('cadre.commitment')}>
                <View className="cad-entry__label">承诺书 ›</View>
                <View className={data.cadre.commitmentThisYear ? 'cad-entry__ok' : 'cad-entry__todo'}>
                  {data.cadre.commitmentThisYear ? '今年已签署' : '今年未签署'}
                </View>
              </View>
              <View className="cad-entry" onClick={() => navigateTo('official.rectifications')}>
                <View className="cad-entry__label">整改通知 ›</View>
                <View className="muted">督导发现问题的整改</View>
              </View>
            </View>
            {/* The records of the cadre's region, as before the 包保 home existed: read and review them. */}
            <View className="link cad-more" onClick={() => navigateTo('official.dailyChecks')}>
              辖区日管控记录 ›
            </View>
          </View>

          <View className="section-title">{`我包保的企业（${data.businesses.length}）`}</View>
          {data.businesses.length === 0 ? <EmptyState description="暂未分配包保企业，请联系所在地市场监管部门" /> : data.businesses.map((b) => <BusinessCard key={b.enterpriseId} b={b} />)}

          {visits.data && visits.data.items.length > 0 ? (
            <>
              <View className="section-title">最近督导记录</View>
              <View className="card">
                {visits.data.items.map((v) => (
                  <View key={v.id} className="cad-visit-row" onClick={() => navigateTo('cadre.visitDetail', { id: v.id })}>
                    <View>
                      <View>{v.enterpriseName}</View>
                      <View className="muted">{`${formatBusinessDate(v.visitDate)}${v.problems.length ? ` · 发现问题 ${v.problems.length} 条` : ' · 未发现问题'}`}</View>
                    </View>
                    <Text className="link">详情 ›</Text>
                  </View>
                ))}
              </View>
            </>
          ) : null}
        </View>
      ) : null}
    </PageContainer>
  );
}
