import { useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { flushOutbox, outboxEntries, startOutbox, subscribeOutbox, type OutboxEntry } from '../api/outbox';

/**
 * The user's submission queue, kept current; starts the queue's triggers and, each time the
 * page shows, sends what is due.
 */
export function useOutbox(userId: string | undefined): OutboxEntry[] {
  const [entries, setEntries] = useState<OutboxEntry[]>(() => (userId ? outboxEntries(userId) : []));

  useEffect(() => {
    if (!userId) {
      setEntries([]);
      return undefined;
    }
    startOutbox();
    setEntries(outboxEntries(userId));
    return subscribeOutbox((changed) => {
      if (changed === userId) setEntries(outboxEntries(userId));
    });
  }, [userId]);

  useDidShow(() => {
    if (!userId) return;
    setEntries(outboxEntries(userId));
    void flushOutbox();
  });

  return entries;
}
