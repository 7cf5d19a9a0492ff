// Shared by the enterprise pages that show the 风险管控清单 (home card, list page, daily-check form).
import { itemsDue, type EnterpriseRiskItem, type RiskListDto } from '@shian/shared';
import { ApiError, api } from '../../api';
import { readJson, writeJson } from '../../platform/storage';

/** The list as last loaded, per user: lets the daily check open without a connection (~15 KB). */
function cacheKey(userId: string): string {
  return `shian.riskList.${userId}`;
}

/**
 * The current list; without a connection, the one last loaded on this device (`offline` set), so
 * the officer can fill in the check and submit once back online (the server checks it against the
 * list of that moment, and the form follows a newer one).
 */
export async function loadRiskList(userId: string): Promise<RiskListDto & { offline?: boolean }> {
  try {
    const list = await api.riskLists.mine();
    writeJson(cacheKey(userId), list);
    return list;
  } catch (e) {
    const cached = e instanceof ApiError && e.isNetwork ? readJson<RiskListDto>(cacheKey(userId)) : null;
    if (cached && Array.isArray(cached.items)) return { ...cached, offline: true };
    throw e;
  }
}

export interface StageGroup<T> {
  /** 环节 */
  stage: string;
  items: T[];
}

/**
 * Items grouped by 环节, stages in the order they first appear: an item the director added later
 * (appended to the list) joins the section of its stage instead of starting a new one.
 */
export function groupByStage<T extends { stage: string }>(items: readonly T[]): StageGroup<T>[] {
  const groups: StageGroup<T>[] = [];
  const byStage = new Map<string, StageGroup<T>>();
  for (const item of items) {
    let group = byStage.get(item.stage);
    if (!group) {
      group = { stage: item.stage, items: [] };
      byStage.set(item.stage, group);
      groups.push(group);
    }
    group.items.push(item);
  }
  return groups;
}

/** 日管控 / 周排查 items asked, and items marked 不适用. */
export function riskListCounts(items: readonly EnterpriseRiskItem[]): { daily: number; weekly: number; notApplicable: number } {
  return {
    daily: itemsDue(items, 'daily').length,
    weekly: itemsDue(items, 'weekly').length,
    notApplicable: items.filter((i) => !i.applicable).length,
  };
}
