import type { TokenPair, UserDto } from '@shian/shared';
import { readJson, removeKey, writeJson } from '../platform/storage';

// The login session lives in Taro storage so it survives reloads (H5) and restarts (weapp).
const SESSION_KEY = 'shian.session';

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token expires (informational; the server decides). */
  expiresAt: number;
  user: UserDto;
}

let cached: Session | null | undefined;

export function getSession(): Session | null {
  if (cached === undefined) {
    const s = readJson<Session>(SESSION_KEY);
    cached = s && typeof s.accessToken === 'string' && s.user ? s : null;
  }
  return cached;
}

export function saveSession(tokens: TokenPair, user: UserDto): Session {
  const session: Session = {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: Date.now() + tokens.expiresIn * 1000,
    user,
  };
  cached = session;
  writeJson(SESSION_KEY, session);
  return session;
}

/** Store rotated tokens, keeping the user. */
export function updateTokens(tokens: TokenPair): void {
  const current = getSession();
  if (current) saveSession(tokens, current.user);
}

export function updateUser(user: UserDto): void {
  const current = getSession();
  if (current) {
    cached = { ...current, user };
    writeJson(SESSION_KEY, cached);
  }
}

export function clearSession(): void {
  cached = null;
  removeKey(SESSION_KEY);
}
