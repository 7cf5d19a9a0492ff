import { useRouter } from '@tarojs/taro';
import { api } from '../api';
import { useAsync } from '../hooks/useAsync';
import { useSession } from '../hooks/useSession';
import { redirectTo } from '../platform/nav';
import type { RouteName } from '../routes';
import { DailyCheckDetailView } from './DailyCheckDetailView';
import { PageContainer } from './PageContainer';

/**
 * One daily check (?id=), loaded within the caller's scope: the enterprise's own or an official's
 * region; `route` is the page itself (each role package has one), to open another version.
 */
export function DailyCheckDetailPage({ route }: { route: RouteName }) {
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
        <DailyCheckDetailView check={state.data} versions={versions.data} onOpenVersion={(other) => redirectTo(route, { id: other })} />
      ) : null}
    </PageContainer>
  );
}
