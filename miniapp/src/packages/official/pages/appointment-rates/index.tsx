import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatRate, fraction, type AppointmentStatsRow } from '@shian/shared';
import { api } from '../../../../api';
import { PageContainer } from '../../../../components/PageContainer';
import { useAsync } from '../../../../hooks/useAsync';
import { useSession } from '../../../../hooks/useSession';
import { navigateTo } from '../../../../platform/nav';
import '../../official.css';
import './index.css';

/** Below this a rate is shown in orange: most businesses of the region lack the person. */
const LOW_RATE = 0.9;

function Rate({ label, numerator, denominator }: { label: string; numerator: number; denominator: number }) {
  const f = fraction(numerator, denominator);
  const tone = f.rate === null ? ' ar__rate-value--none' : f.rate < LOW_RATE ? ' ar__rate-value--low' : '';
  return (
    <View className="ar__rate">
      <View className="ar__rate-label">{label}</View>
      <View className={`ar__rate-value${tone}`}>{formatRate(f.rate)}</View>
      <View className="ar__rate-fraction">{f.rate === null ? '无须配备' : `${numerator}/${denominator} 家`}</View>
    </View>
  );
}

/** One region's figures; a child region opens its own children. */
function RegionRates({ row, onOpen }: { row: AppointmentStatsRow; onOpen?: () => void }) {
  return (
    <View className="ar__row" onClick={onOpen}>
      <View className="ar__head">
        <Text className="ar__name">{`${row.regionName}${onOpen ? ' ›' : ''}`}</Text>
        <Text className="ar__count">{row.businesses > 0 ? `企业 ${row.businesses} 家` : '暂无已确认企业'}</Text>
      </View>
      {row.businesses > 0 ? (
        <View className="ar__rates">
          <Rate label="食品安全总监配备率" numerator={row.withDirector} denominator={row.requiringDirector} />
          <Rate label="食品安全员配备率" numerator={row.withOfficer} denominator={row.businesses} />
        </View>
      ) : null}
    </View>
  );
}

/** 人员配备率 (?regionCode=, default the caller's region): director and officer appointment rates of the region and of each division under it. */
export default function AppointmentRatesPage() {
  const { session } = useSession();
  const regionCode = useRouter().params.regionCode || undefined;
  const stats = useAsync(() => api.stats.appointments(regionCode), [regionCode], { enabled: !!session, reloadOnShow: true });
  const data = stats.data;
  // A village (12 digits) has no divisions under it.
  const canOpen = (code: string) => code.length < 12;
  return (
    <PageContainer loading={stats.loading && !data} error={data ? null : stats.error} onRetry={() => void stats.reload()}>
      {data ? (
        <View>
          <View className="card">
            <RegionRates row={data.region} />
            <View className="muted ar__note">总监配备率 = 已配齐总监的企业 ÷ 须配备总监的企业；安全员配备率 = 已配备安全员的企业 ÷ 全部企业（仅计已确认企业）。</View>
          </View>
          <View className="section-title">{`下级区划（${data.children.length}）`}</View>
          {data.children.length > 0 ? (
            <View className="card">
              {[...data.children.filter((r) => r.businesses > 0), ...data.children.filter((r) => r.businesses === 0)].map((row) => (
                <RegionRates key={row.regionCode} row={row} onOpen={canOpen(row.regionCode) && row.businesses > 0 ? () => navigateTo('official.appointmentRates', { regionCode: row.regionCode }) : undefined} />
              ))}
            </View>
          ) : (
            <View className="card muted">没有下级区划</View>
          )}
        </View>
      ) : null}
    </PageContainer>
  );
}
