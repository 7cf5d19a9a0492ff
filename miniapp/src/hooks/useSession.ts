import { useCallback, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { clearSession, getSession, type Session } from '../api';
import { reLaunch } from '../platform/nav';

/** The stored login session, and logout. Pages of the role subpackages require a session. */
export function useSession(): { session: Session | null; logout: () => void } {
  const [session, setSession] = useState<Session | null>(() => getSession());

  useDidShow(() => {
    const current = getSession();
    setSession(current);
    if (!current) reLaunch('login');
  });

  const logout = useCallback(() => {
    clearSession();
    setSession(null);
    reLaunch('login');
  }, []);

  return { session, logout };
}
