import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api';
import { useShownAgain } from './useShownAgain';

export interface AsyncState<T> {
  data: T | undefined;
  error: string | null;
  /** True while a load is in flight (the first one or a reload). */
  loading: boolean;
  reload: () => Promise<void>;
}

export interface UseAsyncOptions {
  /** Reload when the page is shown again (coming back from another page). Default false. */
  reloadOnShow?: boolean;
  /** Skip loading (e.g. until a query parameter is known). */
  enabled?: boolean;
}

/** Runs `load` on mount (and when `deps` change); errors become a Chinese message, never a throw. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[], options: UseAsyncOptions = {}): AsyncState<T> {
  const { reloadOnShow = false, enabled = true } = options;
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState<boolean>(enabled);
  const seq = useRef(0);
  const mounted = useRef(true);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    try {
      const result = await loadRef.current();
      if (mounted.current && mine === seq.current) setData(result);
    } catch (e) {
      if (mounted.current && mine === seq.current) setError(errorMessage(e));
    } finally {
      if (mounted.current && mine === seq.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (enabled) void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, reload, ...deps]);

  useShownAgain(() => {
    if (reloadOnShow && enabled) void reload();
  });

  return { data, error, loading, reload };
}
