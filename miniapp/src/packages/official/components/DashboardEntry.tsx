import { View } from '@tarojs/components';
import { navigateTo } from '../../../platform/nav';
import './DashboardEntry.css';

/** The way into 数据看板, at the top of the official's landing page. */
export function DashboardEntry() {
  return (
    <View className="dash-entry" onClick={() => navigateTo('official.dashboard')}>
      <View>
        <View className="dash-entry__title">数据看板 ›</View>
        <View className="dash-entry__note">日管控、周排查、月调度完成率，下级区划排名与趋势</View>
      </View>
      <View className="dash-entry__icon">▥</View>
    </View>
  );
}
