import { View } from '@tarojs/components';
import { navigateTo } from '../../../platform/nav';
import './DirectoryEntry.css';

/** The official home's way to 企业名录: search the region's businesses, their 7-day 日管控 state, Excel. */
export function DirectoryEntry() {
  return (
    <View className="off-dir-entry" onClick={() => navigateTo('official.directory')}>
      <View className="off-dir-entry__label">企业名录 ›</View>
      <View className="off-dir-entry__note">搜索企业、近7日日管控、导出Excel</View>
    </View>
  );
}
