import { useRouter } from '@tarojs/taro';
import { api } from '../api';
import { useAsync } from '../hooks/useAsync';
import { useSession } from '../hooks/useSession';
import { DailyCheckDetailView } from './DailyCheckDetailView';
import { PageContainer } from './PageContainer';

/** One daily check (?id=), loaded within the caller's scope: the enterprise's own or an official's region. */
export function DailyCheckDetailPage() {
  const { session } = useSession();
  const id = useRouter().params.id ?? '';
  const state = useAsync(
    () => (id ? api.dailyChecks.get(id) : Promise.reject(new Error('缺少检查记录编号'))),
    [id],
    { enabled: !!session },
  );
  return (
    <PageContainer loading={state.loading && !state.data} error={state.error} onRetry={() => void state.reload()}>
      {state.data ? <DailyCheckDetailView check={state.data} /> : null}
    </PageContainer>
  );
}
