// Where evidence content lives. There is deliberately no delete: evidence is never hard-deleted.
import type { Readable } from 'node:stream';

export interface StorageService {
  readonly kind: 'local' | 's3';
  /** Stores the content under the key; resolves once it is durably stored. */
  put(key: string, body: Buffer | Readable, mime: string): Promise<void>;
  /** The content; rejects (before any byte is sent) when the key holds nothing. */
  get(key: string): Promise<Readable>;
}

export const STORAGE_SERVICE = Symbol('STORAGE_SERVICE');

/** Keys are 'yyyy/mm/<uuid>': nothing a client chose, so never a path outside the store. */
export const STORAGE_KEY_PATTERN = /^\d{4}\/\d{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function assertStorageKey(key: string): void {
  if (!STORAGE_KEY_PATTERN.test(key)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
}

/** The key for a new file: its id under the Asia/Shanghai year and month of upload. */
export function storageKeyFor(id: string, businessDate: string): string {
  const [yyyy, mm] = businessDate.split('-');
  return `${yyyy}/${mm}/${id}`;
}
