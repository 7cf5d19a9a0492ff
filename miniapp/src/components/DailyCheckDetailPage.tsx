import type { ReactNode } from 'react';
import { useRouter } from '@tarojs/taro';
import type { DailyCheckDto } from '@shian/shared';
import { api } from '../api';
import { useAsync } from '../hooks/useAsync';
import { useSession } from '../hooks/useSession';
import { redirectTo } from '../platform/nav';
import type { RouteName } from '../routes';
import { DailyCheckDetailView } from './DailyCheckDetailView';
import { PageContainer } from './PageContainer';

export interface DailyCheckDetailPageProps {
  route: RouteName;
  /** What the role's page adds above the record (the business: a return to answer). */
  renderTop?: (check: DailyCheckDto) => ReactNode;
  /** What the role's page adds below the record (officials: review and rectification). */
  renderBottom?: (check: DailyCheckDto) => ReactNode;
}

/**
 * One daily check (?id=), loaded within the caller's scope: the enterprise's own or an official's
 * region; `route` is the page itself (each role package has one), to open another version.
 */
export function DailyCheckDetailPage({ route, renderTop, renderBottom }: DailyCheckDetailPageProps) {
  const { session } = useSession();
  const id = useRouter().params.id ?? '';
  const state = useAsync(
    () => (id ? api.dailyChecks.get(id) : Promise.reject(new Error('缺少检查记录编号'))),
    [id],
    { enabled: !!session },
  );
  // The version list is secondary: the record shows without it if it fails.
  const versions = useAsync(() => api.dailyChecks.versions(id), [id], { enabled: !!session && !!id });
  return (
    <PageContainer loading={state.loading && !state.data} error={state.error} onRetry={() => void state.reload()}>
      {state.data ? (
        <>
          {renderTop?.(state.data)}
          <DailyCheckDetailView check={state.data} versions={versions.data} onOpenVersion={(other) => redirectTo(route, { id: other })} />
          {renderBottom?.(state.data)}
        </>
      ) : null}
    </PageContainer>
  );
}
