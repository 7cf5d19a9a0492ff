import {
  IDEMPOTENCY_HEADER,
  type DailyCheckCreateRequest,
  type DailyCheckDto,
  type DailyCheckListQuery,
  type LoginRequest,
  type LoginResponse,
  type Page,
  type PublicEnterpriseDto,
  type TodayDutyResponse,
  type TokenPair,
  type UserDto,
  type WechatLoginRequest,
} from '@shian/shared';
import { request } from './client';

const enc = encodeURIComponent;

/** The endpoint table: every call the app makes, typed with the shared API shapes. */
export const api = {
  auth: {
    login: (body: LoginRequest) => request<LoginResponse>({ method: 'POST', path: '/api/auth/login', body, auth: false }),
    wechat: (body: WechatLoginRequest) => request<LoginResponse>({ method: 'POST', path: '/api/auth/wechat', body, auth: false }),
    refresh: (refreshToken: string) =>
      request<TokenPair>({ method: 'POST', path: '/api/auth/refresh', body: { refreshToken }, auth: false }),
    me: () => request<UserDto>({ method: 'GET', path: '/api/auth/me' }),
  },
  enterprises: {
    mineToday: () => request<TodayDutyResponse>({ method: 'GET', path: '/api/enterprises/mine/today' }),
  },
  dailyChecks: {
    create: (body: DailyCheckCreateRequest, idempotencyKey: string) =>
      request<DailyCheckDto>({ method: 'POST', path: '/api/daily-checks', body, headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } }),
    list: (query: DailyCheckListQuery) =>
      request<Page<DailyCheckDto>>({ method: 'GET', path: '/api/daily-checks', query: { ...query } }),
    get: (id: string) => request<DailyCheckDto>({ method: 'GET', path: `/api/daily-checks/${enc(id)}` }),
  },
  public: {
    enterprise: (id: string) =>
      request<PublicEnterpriseDto>({ method: 'GET', path: `/api/public/enterprises/${enc(id)}`, auth: false }),
  },
} as const;
