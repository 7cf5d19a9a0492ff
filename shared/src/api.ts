// Request and response shapes of the HTTP API, used by the server's DTOs and the miniapp client.
import { BusinessType, CadreLevel, Grade, Role } from './enums';
import type { ControlOwner, EnterpriseRiskItem, RiskControlItem } from './risk-lists/types';
import type { DailyCheckItemAnswer } from './checklists/answers';
import type { EnterpriseProfileFields } from './onboarding/api';
import type { EnterpriseStatus } from './onboarding/status';
import type { StaffingTodos } from './staffing/api';
import type { RecordReviewMark, RectificationTodos } from './rectifications/api';

/** A stored answer keeps the item as it was asked, so the record reads on its own in the archive. */
export interface DailyCheckItemRecord extends DailyCheckItemAnswer {
  /** 环节 */
  stage: string;
  /** The item's 管控措施, as the question was worded in the list version used. */
  question: string;
}

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

export interface EnterpriseDto extends EnterpriseProfileFields {
  id: string;
  name: string;
  uscc: string;
  licenceNo: string;
  businessType: BusinessType;
  /** Null while a self-registration waits for its regulator, who sets the grade on confirming. */
  grade: Grade | null;
  regionCode: string;
  regionName: string | null;
  address: string;
  status: EnterpriseStatus;
  rejectReason: string | null;
  contactName: string | null;
  contactPhone: string | null;
  /** When the business was registered (by itself or a regulator). */
  registeredAt: string;
  /** When a regulator confirmed it (or created it); its duties count from this day. */
  confirmedAt: string | null;
}

/**
 * The mini-program page (H5 and weapp) that shows a business's 公示 facts; the miniapp's route table
 * names the same path (checked by a unit test there).
 */
export const PUBLIC_ENTERPRISE_PAGE = 'packages/public/pages/enterprise/index';
/** The 投诉举报 form without a business picked (the start-up banner links to it). */
export const PUBLIC_COMPLAINT_PAGE = 'packages/public/pages/complaint/index';

/** The address behind the 公示牌's QR code: the H5 build's hash route (WeChat can map it to the mini-program). */
export function publicEnterpriseUrl(origin: string, enterpriseId: string): string {
  return `${origin}/#/${PUBLIC_ENTERPRISE_PAGE}?id=${encodeURIComponent(enterpriseId)}`;
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
  // The 公示牌 page (issue #7): who answers for food safety, masked as everywhere public (张**) …
  principal: string | null;
  director: string | null;
  officers: string[];
  /** … its 日管控 over the 30 days up to yesterday (today may still be checked) … */
  dailyChecks: { from: string; to: string; due: number; done: number; rate: number | null };
  /** … and the rectification orders not yet closed. */
  openRectifications: number;
}

export interface DailyCheckCreateRequest {
  /** Asia/Shanghai calendar date the check is for; today unless catching up. */
  businessDate: string;
  items: DailyCheckItemAnswer[];
  remarks?: string;
  /** The officer's sign-off (「本人确认以上检查属实」): stamped with the account and the server's time. */
  confirm: true;
}

export interface DailyCheckDto {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  regionCode: string;
  businessDate: string;
  /** 1 = original submission; corrections are new versions, never edits. */
  version: number;
  supersedesId: string | null;
  amendReason: string | null;
  /** False for a version that a later correction replaced. */
  isCurrent: boolean;
  /** The version of the enterprise's 风险管控清单 the check was made against. */
  riskListVersion: number;
  officerId: string;
  officerName: string;
  items: DailyCheckItemRecord[];
  remarks: string | null;
  problemCount: number;
  /** 零风险报告: no item was 不符合. */
  zeroRisk: boolean;
  /** Received after the business day ended (Asia/Shanghai). */
  late: boolean;
  /** Server receipt time, ISO-8601 UTC. */
  submittedAt: string;
  /** SHA-256 of the record's canonical content, linked into the business's record chain (shown on the printout). */
  contentHash: string;
  /** In lists: the latest official review of this version (null: 未审阅). */
  review?: RecordReviewMark | null;
}

export interface DailyCheckListQuery {
  from?: string;
  to?: string;
  regionCode?: string;
  enterpriseId?: string;
  /** true: only versions an official has reviewed or returned; false: only those not yet (the review queue). */
  reviewed?: boolean;
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

/** GET /api/enterprises/:id/chain/verify — the first broken link of a business's record chain. */
export interface ChainVerification {
  ok: boolean;
  /** Links verified before the first break (all of them when ok). */
  checked: number;
  brokenAt: { seq: number; recordType: string | null; recordId: string | null; reason: string } | null;
}

export interface DailyCheckAmendRequest extends Omit<DailyCheckCreateRequest, 'businessDate'> {
  /** Why the submitted record is being corrected. */
  reason: string;
}

/** What an uploaded file is evidence of: 照片, 文件 (PDF allowed), 签名, 资质证明 (任命书、培训、考核; PDF allowed). */
export type FileKind = 'photo' | 'document' | 'signature' | 'credential';
export const FILE_KINDS: readonly FileKind[] = ['photo', 'document', 'signature', 'credential'];

/** POST /api/files (multipart, field `file`, optional `kind`) and GET /api/files/:id/meta. */
export interface FileDto {
  id: string;
  kind: FileKind;
  /** Detected from the content, never the client's claim. */
  mime: string;
  size: number;
  /** Hex SHA-256 of the content. */
  sha256: string;
  /** Where to GET the content (needs the bearer token). */
  url: string;
  originalName: string | null;
  createdAt: string;
}

/** One version of an enterprise's 风险管控清单. */
export interface RiskListDto {
  enterpriseId: string;
  version: number;
  templateRevision: string;
  items: EnterpriseRiskItem[];
  changeNote: string;
  createdBy: string | null;
  createdAt: string;
}

/** The director adds an item of the business's own (code assigned by the server). */
export type RiskItemAddRequest = Omit<RiskControlItem, 'code' | 'owner'> & { owner?: ControlOwner };

/** The director marks an item 不适用 (or applicable again), with a reason. */
export interface RiskItemApplicabilityRequest {
  applicable: boolean;
  reason: string;
}

// ---------------------------------------------------------------------------------------------
// 周排查, 月调度 and the problem to-do list (Order 60).

/** A problem found in a record: open until resolved; 'superseded' when its record was corrected. */
export type ProblemStatus = 'open' | 'resolved' | 'superseded';
export const PROBLEM_STATUSES: readonly ProblemStatus[] = ['open', 'resolved', 'superseded'];
export type ProblemSourceType = 'daily_check' | 'weekly_investigation';

export interface ProblemDto {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  regionCode: string;
  sourceType: ProblemSourceType;
  /** The record (version) it was found in. */
  sourceId: string;
  /** The risk-list item answered 不符合; null for a hazard found in a weekly investigation. */
  itemCode: string | null;
  businessDate: string;
  description: string;
  measureTaken: string | null;
  fixedOnSpot: boolean;
  status: ProblemStatus;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: string | null;
  /** The weekly investigation that resolved it. */
  resolvedIn: string | null;
  createdAt: string;
}

export interface ProblemListQuery {
  status?: ProblemStatus;
  enterpriseId?: string;
  regionCode?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

/** Days of a period up to its as-of date: missed = no current daily check on a day before today. */
export interface DayStats {
  /** Calendar days of the period. */
  days: number;
  /** Days of the period up to and including the as-of date (and not before the business existed). */
  daysToDate: number;
  checked: number;
  late: number;
  missed: number;
  /** Today, not checked yet: not missed. */
  pending: number;
}

/** How a day of the 日管控 calendar stands (rules in dailyCalendar, shared/src/records). */
export type CalendarDayStatus =
  /** A current daily check, submitted on the day. */
  | 'done'
  /** A current daily check, submitted after the day ended. */
  | 'late'
  /** An earlier day (since the business joined) without a check. */
  | 'missed'
  /** Today, not checked yet. */
  | 'pending'
  | 'future'
  /** Before the business joined, not checked: nothing was due. */
  | 'not_due';

export interface DailyCalendarDay {
  date: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  status: CalendarDayStatus;
  late: boolean;
  /** The day's check found a 不符合 item (problemCount > 0). */
  problem: boolean;
  problemCount: number;
  /** The current version of the day's daily check. */
  recordId: string | null;
}

/** GET /api/daily-checks/calendar — a business's days of one month for the 日管控. */
export interface DailyCalendarDto {
  enterpriseId: string;
  /** 'YYYY-MM' */
  month: string;
  /** Today's business date (Asia/Shanghai) when the calendar was made. */
  today: string;
  /** The business joined (enterprise created) on this date; earlier unchecked days are not due. */
  since: string;
  days: DailyCalendarDay[];
  stats: DayStats;
  /** Days whose check found a problem. */
  problemDays: number;
}

export interface DailyCalendarQuery {
  month: string;
  /** Officials: required; enterprise users: their own (may be left out). */
  enterpriseId?: string;
}

export interface ProblemStats {
  found: number;
  fixed: number;
  open: number;
}

/** One problem as frozen into a weekly summary. */
export interface PeriodProblemEntry {
  id: string;
  businessDate: string;
  itemCode: string | null;
  description: string;
  measureTaken: string | null;
  fixedOnSpot: boolean;
  status: ProblemStatus;
  resolution: string | null;
  resolvedAt: string | null;
}

/** The automatic summary of a week's daily checks, frozen into the 周排查 report. */
export interface WeeklySummary {
  week: string;
  from: string;
  to: string;
  /** The business date the summary was made on. */
  asOf: string;
  days: DayStats;
  problems: ProblemStats;
  problemList: PeriodProblemEntry[];
}

/** One week of a month in the director's monthly report. */
export interface MonthlyWeekEntry {
  week: string;
  investigationId: string | null;
  investigatorName: string | null;
  late: boolean | null;
  hazards: string[];
}

/** 总监汇报 — the director's report, frozen into the 月调度 minutes. */
export interface MonthlyReport {
  month: string;
  from: string;
  to: string;
  asOf: string;
  days: DayStats;
  /** Problems from the month's daily checks and weekly investigations. */
  problems: ProblemStats;
  /** Weeks with a day in the month (a week spanning two months shows in both) that have started. */
  weeks: MonthlyWeekEntry[];
  weeklyDone: number;
}

export interface WeeklyHazard {
  description: string;
  photoIds?: string[];
}

export interface WeeklyMeasure {
  description: string;
  owner: string;
  /** YYYY-MM-DD */
  deadline: string;
}

export interface ProblemResolutionRequest {
  problemId: string;
  resolution: string;
}

export interface WeeklyInvestigationCreateRequest {
  /** ISO week, '2026-W48'. */
  week: string;
  /** Answers to the list's applicable weekly items. */
  items: DailyCheckItemAnswer[];
  hazards: WeeklyHazard[];
  measures: WeeklyMeasure[];
  /** Open problems of this business closed by this investigation. */
  resolutions: ProblemResolutionRequest[];
  nextWeekRequirements: string;
  /** Sign-off: stamped with the caller and the server's time. */
  confirm: true;
}

export interface WeeklyInvestigationAmendRequest extends Omit<WeeklyInvestigationCreateRequest, 'week'> {
  reason: string;
}

export interface WeeklyInvestigationDto {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  regionCode: string;
  week: string;
  version: number;
  supersedesId: string | null;
  amendReason: string | null;
  isCurrent: boolean;
  riskListVersion: number;
  investigatorId: string;
  investigatorName: string;
  investigatorRole: Role;
  items: DailyCheckItemRecord[];
  hazards: WeeklyHazard[];
  measures: WeeklyMeasure[];
  /** With each problem's description as it stood. */
  resolutions: Array<ProblemResolutionRequest & { description: string; businessDate: string }>;
  nextWeekRequirements: string;
  summary: WeeklySummary;
  /** Received after the week's Sunday ended (Asia/Shanghai). */
  late: boolean;
  /** Signed and received (server time). */
  submittedAt: string;
  /** SHA-256 of the record's canonical content, linked into the business's record chain. */
  contentHash: string;
  /** In lists: the latest official review of this version (null: 未审阅). */
  review?: RecordReviewMark | null;
}

export interface MonthlyReviewCreateRequest {
  /** '2026-11' */
  month: string;
  meetingDate: string;
  place: string;
  attendees: string[];
  discussion: string;
  decisions: string[];
  nextMonthWork: string[];
  confirm: true;
}

export interface MonthlyReviewAmendRequest extends Omit<MonthlyReviewCreateRequest, 'month'> {
  reason: string;
}

export interface MonthlyReviewDto {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  regionCode: string;
  month: string;
  version: number;
  supersedesId: string | null;
  amendReason: string | null;
  isCurrent: boolean;
  chairId: string;
  chairName: string;
  meetingDate: string;
  place: string;
  attendees: string[];
  discussion: string;
  decisions: string[];
  nextMonthWork: string[];
  report: MonthlyReport;
  late: boolean;
  submittedAt: string;
  /** SHA-256 of the record's canonical content, linked into the business's record chain. */
  contentHash: string;
  /** In lists: the latest official review of this version (null: 未审阅). */
  review?: RecordReviewMark | null;
}

/** List filters: `from`/`to` are week keys ('2026-W40') for weekly, month keys for monthly. */
export interface PeriodRecordListQuery {
  from?: string;
  to?: string;
  regionCode?: string;
  enterpriseId?: string;
  /** true: only versions an official has reviewed or returned; false: only those not yet (the review queue). */
  reviewed?: boolean;
  page?: number;
  pageSize?: number;
}

/** GET /api/todos/mine — what an enterprise user has to do now (papers: see StaffingTodos). */
export interface MyTodosResponse extends StaffingTodos, RectificationTodos {
  today: string;
  openProblems: ProblemDto[];
  weekly: { week: string; due: boolean; investigationId: string | null; dueBy: string };
  monthly: { month: string; due: boolean; reviewId: string | null; dueBy: string };
}
