import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@shian/shared';
import { errorMessage } from '../api';
import { useShownAgain } from './useShownAgain';

export interface PagedList<T> {
  items: T[];
  total: number;
  /** First page loading (or reloading after the filters changed). */
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
  /** Error of a "load more" (the list stays). */
  moreError: string | null;
  hasMore: boolean;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
}

/**
 * A paginated list: page 1 on mount / when deps change, then "load more" appends; with
 * `reloadOnShow`, page 1 again when the user comes back from another page (e.g. a record they handled).
 */
export function usePagedList<T>(
  fetchPage: (page: number, pageSize: number) => Promise<Page<T>>,
  deps: readonly unknown[],
  pageSize = 20,
  options: { reloadOnShow?: boolean } = {},
): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const seq = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    setMoreError(null);
    try {
      const res = await fetchRef.current(1, pageSize);
      if (mine !== seq.current) return;
      setItems(res.items);
      setTotal(res.total);
      setPage(1);
    } catch (e) {
      if (mine === seq.current) setError(errorMessage(e));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [pageSize]);

  const loadMore = useCallback(async () => {
    if (loadingMore) return;
    const mine = seq.current;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const res = await fetchRef.current(page + 1, pageSize);
      if (mine !== seq.current) return;
      setItems((prev) => [...prev, ...res.items]);
      setTotal(res.total);
      setPage(page + 1);
    } catch (e) {
      if (mine === seq.current) setMoreError(errorMessage(e));
    } finally {
      setLoadingMore(false);
    }
  }, [loadingMore, page, pageSize]);

  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reload, ...deps]);
  useShownAgain(() => {
    if (options.reloadOnShow) void reload();
  });

  return { items, total, loading, loadingMore, error, moreError, hasMore: items.length < total, reload, loadMore };
}
