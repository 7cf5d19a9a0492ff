// Pieces of the officials' 包保 pages: filter chips, a rate card with its fraction, and the home's way in.
import { Text, View } from '@tarojs/components';
import { formatRate, Role, type Fraction } from '@shian/shared';
import { api } from '../../../api';
import { useAsync } from '../../../hooks/useAsync';
import { navigateTo } from '../../../platform/nav';
import '../supervision.css';

/** A filter as a row of chips, 「全部」 first (no filter). */
export function Chips<T extends string>({ label, value, options, labels, onChange, all = true }: { label: string; value?: T; options: readonly T[]; labels: Record<T, string>; onChange: (v?: T) => void; all?: boolean }) {
  const chip = (text: string, on: boolean, pick: () => void) => (
    <Text key={text} className={`sup-chip${on ? ' sup-chip--on' : ''}`} onClick={pick}>
      {text}
    </Text>
  );
  return (
    <View className="sup-filter">
      <Text className="sup-filter__label">{label}</Text>
      <View className="sup-filter__chips">
        {all ? chip('全部', !value, () => onChange(undefined)) : null}
        {options.map((o) => chip(labels[o], value === o, () => onChange(o)))}
      </View>
    </View>
  );
}

/** One indicator: its name, the rate, and what it was computed from. */
export function RateCard({ label, value, unit = '' }: { label: string; value: Fraction; unit?: string }) {
  return (
    <View className="sup-rate">
      <View className="sup-rate__label">{label}</View>
      <View className={`sup-rate__value${value.rate === null ? ' sup-rate__value--none' : ''}`}>{formatRate(value.rate)}</View>
      <View className="sup-rate__fraction">{`${value.numerator}/${value.denominator}${unit}`}</View>
    </View>
  );
}

/** The official home's way to 包保: coverage and this cycle's completion, then the pages. */
export function SupervisionEntry({ role }: { role: Role }) {
  const regulator = role === Role.Regulator || role === Role.Admin;
  const stats = useAsync(() => api.supervision.stats({}), [], { enabled: regulator, reloadOnShow: true });
  const t = stats.data?.totals;
  if (!regulator) return null;
  return (
    <View className="sup-entry">
      <View className="sup-entry__head" onClick={() => navigateTo('official.supervisionStats')}>
        <View className="sup-entry__label">包保督导 ›</View>
        <View className="sup-entry__figures">{t ? `覆盖率 ${formatRate(t.coverage.rate)} · 督导完成率 ${formatRate(t.completion.rate)}` : '…'}</View>
      </View>
      <View className="sup-entry__links">
        <Text className="link" onClick={() => navigateTo('official.cadres')}>
          包保干部
        </Text>
        <Text className="link" onClick={() => navigateTo('official.coverageGaps')}>
          未落实包保
        </Text>
        <Text className="link" onClick={() => navigateTo('official.supervisionStats')}>
          督导统计
        </Text>
        <Text className="link" onClick={() => navigateTo('official.supervisionSettings')}>
          包保设置
        </Text>
      </View>
    </View>
  );
}
