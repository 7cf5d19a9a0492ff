// Request and response shapes of the HTTP API, used by the server's DTOs and the miniapp client.
import { BusinessType, CadreLevel, Grade, Role } from './enums';
import type { DailyCheckItemAnswer } from './checklists/daily-minimal';

/** Every error response: `code` is stable, `message` is Chinese and names the field. */
export interface ErrorBody {
  code: string;
  message: string;
  details?: Array<{ field: string; message: string }> | Record<string, unknown>;
  requestId?: string;
}

export interface HealthResponse {
  status: 'ok';
  db: 'sqlite' | 'mysql';
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface UserDto {
  id: string;
  name: string;
  /** Masked unless the caller is the user. */
  phone: string;
  role: Role;
  enterpriseId: string | null;
  enterpriseName?: string | null;
  regionCode: string | null;
  regionName?: string | null;
  cadreLevel: CadreLevel | null;
}

export interface LoginRequest {
  phone: string;
  password: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export interface LoginResponse extends TokenPair {
  user: UserDto;
}

export interface RefreshRequest {
  refreshToken: string;
}

export interface WechatLoginRequest {
  /** The code from wx.login(). */
  code: string;
  /** First login on a device: bind the WeChat account to this phone + password. */
  phone?: string;
  password?: string;
}

export interface EnterpriseDto {
  id: string;
  name: string;
  uscc: string;
  licenceNo: string;
  businessType: BusinessType;
  grade: Grade;
  regionCode: string;
  regionName: string | null;
  address: string;
}

/** What anyone may see of a business (its 公示 page), without logging in. */
export interface PublicEnterpriseDto {
  id: string;
  name: string;
  licenceNo: string;
  grade: Grade;
  businessType: BusinessType;
  regionName: string | null;
  address: string;
}

export interface DailyCheckCreateRequest {
  /** Asia/Shanghai calendar date the check is for; today unless catching up. */
  businessDate: string;
  items: DailyCheckItemAnswer[];
  remarks?: string;
}

export interface DailyCheckDto {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  regionCode: string;
  businessDate: string;
  checklistVersion: string;
  officerId: string;
  officerName: string;
  items: DailyCheckItemAnswer[];
  remarks: string | null;
  problemCount: number;
  /** 零风险报告: no item was 不符合. */
  zeroRisk: boolean;
  /** Received after the business day ended (Asia/Shanghai). */
  late: boolean;
  /** Server receipt time, ISO-8601 UTC. */
  submittedAt: string;
}

export interface DailyCheckListQuery {
  from?: string;
  to?: string;
  regionCode?: string;
  enterpriseId?: string;
  page?: number;
  pageSize?: number;
}

/** What the enterprise home shows for today. */
export interface TodayDutyResponse {
  businessDate: string;
  enterprise: EnterpriseDto;
  dailyCheck: DailyCheckDto | null;
}

export interface RegionDto {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const MAX_PAGE_SIZE = 100;
