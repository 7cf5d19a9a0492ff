import type { ReactNode } from 'react';
import { useRouter } from '@tarojs/taro';
import { useAsync } from '../hooks/useAsync';
import { useSession } from '../hooks/useSession';
import { redirectTo } from '../platform/nav';
import type { RouteName } from '../routes';
import { PageContainer } from './PageContainer';

/** What a role's record page adds around the record: the business a return to answer, officials printing and review. */
export interface RecordPageSlots<T> {
  /** The page itself (each role package has one), to open another version. */
  route: RouteName;
  renderTop?: (record: T) => ReactNode;
  renderBottom?: (record: T) => ReactNode;
}

export interface RecordDetailPageProps<T> extends RecordPageSlots<T> {
  get: (id: string) => Promise<T>;
  /** Every version of the record's period, oldest first. */
  versions: (id: string) => Promise<T[]>;
  /** Said when the page was opened without ?id=. */
  missingId: string;
  render: (record: T, versions: T[] | undefined, openVersion: (id: string) => void) => ReactNode;
}

/**
 * One submitted record (?id=), loaded within the caller's scope (the business's own, an official's
 * region), with its versions; the version list is secondary: the record shows without it if it fails.
 */
export function RecordDetailPage<T>({ route, get, versions, missingId, render, renderTop, renderBottom }: RecordDetailPageProps<T>) {
  const { session } = useSession();
  const id = useRouter().params.id ?? '';
  const state = useAsync(() => (id ? get(id) : Promise.reject(new Error(missingId))), [id], { enabled: !!session });
  const history = useAsync(() => versions(id), [id], { enabled: !!session && !!id });
  return (
    <PageContainer loading={state.loading && !state.data} error={state.error} onRetry={() => void state.reload()}>
      {state.data ? (
        <>
          {renderTop?.(state.data)}
          {render(state.data, history.data, (other) => redirectTo(route, { id: other }))}
          {renderBottom?.(state.data)}
        </>
      ) : null}
    </PageContainer>
  );
}
