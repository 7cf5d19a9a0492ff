import { useCallback, useEffect, useRef, useState } from 'react';
import { readJson, removeKey, writeJson } from '../platform/storage';
import { uuidV4 } from '../platform/uuid';

/** A form draft kept in storage with its Idempotency-Key (a retry after a network failure reuses it). */
export type StoredDraft<T> = T & { idempotencyKey: string; updatedAt: string };

/**
 * A form's state saved to storage under `key` on every change and restored when the page opens
 * again; `clear` forgets it (after a successful submission).
 */
export function useStoredDraft<T extends object>(key: string, init: () => T) {
  const [initial] = useState(() => {
    const stored = readJson<StoredDraft<T>>(key);
    if (stored && typeof stored.idempotencyKey === 'string') return { draft: { ...init(), ...stored }, restored: true };
    return { draft: { ...init(), idempotencyKey: uuidV4(), updatedAt: new Date().toISOString() } as StoredDraft<T>, restored: false };
  });
  const [draft, setDraft] = useState<StoredDraft<T>>(initial.draft);
  const touched = useRef(false);
  const cleared = useRef(false);

  useEffect(() => {
    if (cleared.current || !touched.current) return;
    writeJson(key, draft);
  }, [key, draft]);

  const update = useCallback((change: (d: StoredDraft<T>) => Partial<T>) => {
    touched.current = true;
    cleared.current = false;
    setDraft((d) => ({ ...d, ...change(d), updatedAt: new Date().toISOString() }));
  }, []);

  const clear = useCallback(() => {
    cleared.current = true;
    removeKey(key);
  }, [key]);

  return { draft, update, clear, restored: initial.restored };
}
