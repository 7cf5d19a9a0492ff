import { navigateTo } from '../../../platform/nav';
import { HomeEntry } from './HomeEntry';

/** The official home's way to 企业名录: search the region's businesses, their 7-day 日管控 state, Excel. */
export function DirectoryEntry() {
  return (
    <HomeEntry hook="off-dir-entry" tint="purple" label="企业名录" onClick={() => navigateTo('official.directory')}>
      搜索企业、近7日日管控、导出Excel
    </HomeEntry>
  );
}
