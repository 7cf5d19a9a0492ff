import Taro from '@tarojs/taro';
import type { ErrorBody, TokenPair } from '@shian/shared';
import { ApiError, UNKNOWN_ERROR_MESSAGE } from './errors';
import { clearSession, getSession, updateTokens } from './session';
import { downloadPhoto, uploadPhoto, type LocalPhoto, type UploadRequest } from '../platform/photo';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method: HttpMethod;
  /** Path under the API origin, e.g. '/api/auth/me'. */
  path: string;
  /** Booleans go as 'true' / 'false'; undefined, null and '' are left out. */
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send the bearer token and refresh it on 401 (default true). */
  auth?: boolean;
}

/** '' on H5 (same origin), an absolute origin on weapp. */
export function apiBase(): string {
  return typeof API_BASE === 'string' ? API_BASE.replace(/\/+$/, '') : '';
}

/** 'a=1&b=true': undefined, null and '' left out. */
export function queryString(query: object): string {
  return Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  const qs = queryString(query ?? {});
  return `${apiBase()}${path}${qs ? `?${qs}` : ''}`;
}

interface RawResponse {
  status: number;
  data: unknown;
}

/** One HTTP round trip. Network failures become ApiError(0); HTTP statuses are returned. */
async function send(opts: RequestOptions, accessToken?: string): Promise<RawResponse> {
  const header: Record<string, string> = { Accept: 'application/json', ...(opts.headers ?? {}) };
  if (opts.body !== undefined) header['Content-Type'] = 'application/json';
  if (accessToken) header.Authorization = `Bearer ${accessToken}`;
  try {
    const res = await Taro.request({
      url: buildUrl(opts.path, opts.query),
      method: opts.method,
      data: opts.body as Taro.request.Option['data'],
      header,
      dataType: 'json',
      timeout: 20_000,
    });
    let data: unknown = res.data;
    if (typeof data === 'string') {
      try {
        data = data === '' ? null : JSON.parse(data);
      } catch {
        // Leave non-JSON bodies as text; the caller treats them as an unknown error.
      }
    }
    return { status: res.statusCode, data };
  } catch {
    throw ApiError.network();
  }
}

function toApiError(res: RawResponse): ApiError {
  const body = res.data as Partial<ErrorBody> | null;
  if (body && typeof body === 'object' && typeof body.message === 'string') {
    return new ApiError(res.status, typeof body.code === 'string' ? body.code : 'HTTP_ERROR', body.message, body.details);
  }
  return new ApiError(res.status, 'HTTP_ERROR', UNKNOWN_ERROR_MESSAGE);
}

let refreshing: Promise<boolean> | null = null;
let onSessionExpired: (() => void) | null = null;

/** Called once the session cannot be refreshed (the app sends the user to login). */
export function setSessionExpiredHandler(handler: () => void): void {
  onSessionExpired = handler;
}

/** Exchange the refresh token for a new pair (tokens rotate). Concurrent callers share one call. */
function refreshTokens(): Promise<boolean> {
  if (!refreshing) {
    refreshing = (async () => {
      const session = getSession();
      if (!session?.refreshToken) return false;
      try {
        const res = await send({ method: 'POST', path: '/api/auth/refresh', body: { refreshToken: session.refreshToken } });
        if (res.status >= 200 && res.status < 300 && res.data && typeof res.data === 'object') {
          updateTokens(res.data as TokenPair);
          return true;
        }
        return false;
      } catch {
        return false;
      }
    })().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

function expire(): void {
  clearSession();
  onSessionExpired?.();
}

/**
 * Sends with the current access token; on 401 refreshes once and retries once, then gives up
 * (session cleared, login). Every authenticated transport goes through here.
 */
async function withAuth(auth: boolean, sendOnce: (accessToken?: string) => Promise<RawResponse>): Promise<RawResponse> {
  const token = auth ? getSession()?.accessToken : undefined;
  let res = await sendOnce(token);
  if (res.status === 401 && auth && token) {
    const refreshed = await refreshTokens();
    if (refreshed) {
      res = await sendOnce(getSession()?.accessToken);
    }
    if (!refreshed || res.status === 401) {
      const err = res.status === 401 ? toApiError(res) : new ApiError(401, 'UNAUTHENTICATED', '登录已过期，请重新登录');
      expire();
      throw err;
    }
  }
  return res;
}

/**
 * The single request function of the app. Resolves with the parsed JSON body on 2xx, rejects
 * with ApiError otherwise. On 401 it refreshes once and retries once, then gives up (login).
 */
export async function request<T>(opts: RequestOptions): Promise<T> {
  const res = await withAuth(opts.auth !== false, (token) => send(opts, token));
  if (res.status >= 200 && res.status < 300) return res.data as T;
  throw toApiError(res);
}

export interface UploadOptions {
  path: string;
  photo: LocalPhoto;
  fields: UploadRequest['fields'];
  onProgress?: (percent: number) => void;
  /** Send the bearer token (default true); the public complaint photos go without. */
  auth?: boolean;
  headers?: Record<string, string>;
}

/** A multipart upload (Taro.uploadFile on weapp, XHR + FormData on H5: see platform/photo), same auth and errors as request(). */
export async function upload<T>(opts: UploadOptions): Promise<T> {
  const res = await withAuth(opts.auth !== false, async (token) => {
    const headers: Record<string, string> = { Accept: 'application/json', ...(opts.headers ?? {}) };
    if (token) headers.Authorization = `Bearer ${token}`;
    let raw;
    try {
      raw = await uploadPhoto({ url: buildUrl(opts.path), photo: opts.photo, field: 'file', fields: opts.fields, headers, onProgress: opts.onProgress });
    } catch {
      throw ApiError.network();
    }
    let data: unknown = raw.data;
    try {
      data = raw.data === '' ? null : JSON.parse(raw.data);
    } catch {
      // Not JSON (a proxy's error page): toApiError gives the generic message.
    }
    return { status: raw.status, data };
  });
  if (res.status >= 200 && res.status < 300) return res.data as T;
  throw toApiError(res);
}

/**
 * An image (or a PDF) behind the API (it needs the bearer token, which <Image src> cannot send) as
 * a local src: a temp file on weapp, an object URL on H5 (release it with releasePhoto when done).
 * `what` names it in the error message.
 */
export async function fetchImageSrc(path: string, what = '照片'): Promise<string> {
  let src: string | null = null;
  const res = await withAuth(true, async (token) => {
    try {
      const got = await downloadPhoto(buildUrl(path), token ? { Authorization: `Bearer ${token}` } : {});
      src = got.src;
      return { status: got.status, data: null };
    } catch {
      throw ApiError.network();
    }
  });
  if (res.status === 200 && src) return src;
  throw new ApiError(res.status, res.status === 404 ? 'NOT_FOUND' : 'HTTP_ERROR', res.status === 404 ? `${what}不存在或无权查看` : `${what}加载失败，请稍后重试`);
}
