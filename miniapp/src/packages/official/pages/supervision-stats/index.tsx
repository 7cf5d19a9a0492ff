import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { CADRE_LEVEL_LABELS, formatRate, type Fraction, type SupervisionFigures, type SupervisionStatsDto } from '@shian/shared';
import { api } from '../../../../api';
import { PageContainer } from '../../../../components/PageContainer';
import { useAsync } from '../../../../hooks/useAsync';
import { useSession } from '../../../../hooks/useSession';
import { formatBusinessDate } from '../../../../platform/format';
import { navigateTo } from '../../../../platform/nav';
import { RateCard } from '../../components/SupervisionParts';
import '../../official.css';

const FREQUENCY_LABELS = { quarter: '每季度', half_year: '每半年', year: '每年' } as const;

/** Each grade's current cycle, grades on the same schedule together: 「A、B、C、D级每季度督导（2026-Q4：10-01至12-31）」. */
function cyclesText(cycles: SupervisionStatsDto['cycles']): string {
  const groups = new Map<string, string[]>();
  for (const c of cycles) {
    const text = `${FREQUENCY_LABELS[c.frequency]}督导（${c.key}：${c.from.slice(5)}至${c.to.slice(5)}）`;
    groups.set(text, [...(groups.get(text) ?? []), c.grade]);
  }
  return [...groups].map(([text, grades]) => `${grades.join('、')}级${text}`).join('；');
}

function Cell({ f }: { f: Fraction }) {
  return (
    <View className="sup-table__cell">
      <View>{formatRate(f.rate)}</View>
      <View className="sup-table__fraction">{`${f.numerator}/${f.denominator}`}</View>
    </View>
  );
}

function Figures({ t }: { t: SupervisionFigures }) {
  return (
    <View className="sup-rates">
      <RateCard label="主体包保覆盖率" value={t.coverage} unit=" 家" />
      <RateCard label="督导任务完成率" value={t.completion} unit=" 家" />
      <RateCard label="承诺书上传率" value={t.commitmentUpload} unit=" 人" />
      <RateCard label="督导整改率" value={t.rectification} unit=" 份" />
    </View>
  );
}

/** 督导统计 (?regionCode=): the four 包保 indicators with their fractions, each grade's current cycle, the divisions below, and the cadres still owing visits. */
export default function SupervisionStatsPage() {
  const { session } = useSession();
  const regionCode = useRouter().params.regionCode || undefined;
  const stats = useAsync(() => api.supervision.stats({ regionCode }), [regionCode], { enabled: !!session, reloadOnShow: true });
  const reminders = useAsync(() => api.supervision.reminders(regionCode), [regionCode], { enabled: !!session, reloadOnShow: true });
  const data = stats.data;
  // Divisions without graded businesses say nothing: one line for them under the table.
  const active = (data?.children ?? []).filter((c) => c.businesses > 0);
  return (
    <PageContainer loading={stats.loading && !data} error={data ? null : stats.error} onRetry={() => void stats.reload()}>
      {data ? (
        <View>
          <View className="card">
            <View className="card__title">{`${data.regionName} 包保督导`}</View>
            <View className="muted">{`截至 ${formatBusinessDate(data.date)} · 企业 ${data.totals.businesses} 家 · 包保干部 ${data.totals.cadres} 名`}</View>
            <Figures t={data.totals} />
            <View className="muted">{cyclesText(data.cycles)}</View>
          </View>

          <View className="section-title">{`下级区划（${active.length}）`}</View>
          {active.length ? (
            <View className="card">
              <View className="sup-table">
                <View className="sup-table__row sup-table__row--head">
                  {['区划', '覆盖率', '完成率', '承诺书', '整改率'].map((h, i) => (
                    <View key={h} className={`sup-table__cell${i === 0 ? ' sup-table__cell--name' : ''}`}>
                      {h}
                    </View>
                  ))}
                </View>
                {active.map((ch) => (
                  <View key={ch.code} className="sup-table__row" onClick={ch.code.length < 12 ? () => navigateTo('official.supervisionStats', { regionCode: ch.code }) : undefined}>
                    <View className={`sup-table__cell sup-table__cell--name${ch.code.length < 12 ? ' link' : ''}`}>{ch.name}</View>
                    <Cell f={ch.coverage} />
                    <Cell f={ch.completion} />
                    <Cell f={ch.commitmentUpload} />
                    <Cell f={ch.rectification} />
                  </View>
                ))}
              </View>
              {active.length < data.children.length ? <View className="muted sup-form-row">{`其余 ${data.children.length - active.length} 个区划暂无已定级企业`}</View> : null}
            </View>
          ) : (
            <View className="card muted">{data.children.length ? '下级区划暂无已定级企业' : '没有下级区划'}</View>
          )}

          <View className="section-title">{`提醒名单（${reminders.data?.length ?? '…'}）`}</View>
          <View className="card">
            {reminders.error ? <View className="error-text">{reminders.error}</View> : null}
            {reminders.data && reminders.data.length === 0 ? <View className="muted">本周期应督导的企业均已督导</View> : null}
            {(reminders.data ?? []).map((r) => (
              <View key={r.cadreId} className="sup-row">
                <View className="sup-row__head">
                  <Text className="sup-row__name">{r.cadreName}</Text>
                  <View className="sup-row__tags">
                    <Tag type="primary">{CADRE_LEVEL_LABELS[r.level]}</Tag>
                    {r.urgent ? <Tag type="danger">临近截止</Tag> : null}
                  </View>
                </View>
                <View className="muted">{`${r.regionName} · 包保 ${r.assigned} 家，已督导 ${r.visited} 家，还有 ${r.remaining} 家未督导，截止 ${formatBusinessDate(r.cycleEnd)}`}</View>
              </View>
            ))}
          </View>
        </View>
      ) : null}
    </PageContainer>
  );
}
