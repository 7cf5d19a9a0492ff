import {
  type EnterpriseImportResult,
  IDEMPOTENCY_HEADER,
  type AppointmentStatsDto,
  type DashboardDto,
  type DashboardQuery,
  type SpotExamCreateRequest,
  type SpotExamDto,
  type SpotExamListQuery,
  type TrainingCreateRequest,
  type TrainingDto,
  type TrainingHoursResponse,
  type CredentialCreateRequest,
  type CredentialDto,
  type CredentialListQuery,
  type CredentialRejectRequest,
  type EnterpriseConfirmRequest,
  type EnterpriseDto,
  type EnterpriseListQuery,
  type EnterpriseRegistrationRequest,
  type EnterpriseRegistrationResponse,
  type EnterpriseRejectRequest,
  type EnterpriseStaffDto,
  type InvitationAcceptRequest,
  type InvitationAcceptResponse,
  type InvitationCreateRequest,
  type InvitationCreatedDto,
  type InvitationDto,
  type InvitationPreviewDto,
  type RegionDto,
  type DailyCalendarDto,
  type DailyCalendarQuery,
  type DailyCheckAmendRequest,
  type DailyCheckDto,
  type DailyCheckListQuery,
  type FileDto,
  type FileKind,
  type LoginRequest,
  type MonthlyReport,
  type MonthlyReviewAmendRequest,
  type MonthlyReviewDto,
  type MyTodosResponse,
  type PeriodRecordListQuery,
  type ProblemDto,
  type ProblemListQuery,
  type WeeklyInvestigationAmendRequest,
  type WeeklyInvestigationDto,
  type WeeklySummary,
  type LoginResponse,
  type Page,
  type PublicEnterpriseDto,
  type RiskItemAddRequest,
  type RiskItemApplicabilityRequest,
  type RiskListDto,
  type TodayDutyResponse,
  type TokenPair,
  type UserDto,
  type WechatLoginRequest,
} from '@shian/shared';
import type { LocalPhoto } from '../platform/photo';
import { complaintEndpoints, publicComplaintEndpoints } from './complaint-endpoints';
import { fetchImageSrc, request, upload } from './client';
import { rectificationEndpoints, reviewEndpoints } from './rectification-endpoints';
import { directoryEndpoints } from './directory-endpoints';
import { supervisionEndpoints } from './supervision-endpoints';

const enc = encodeURIComponent;

/**
 * The endpoint table: every call the app makes, typed with the shared API shapes. The record
 * submissions (daily check, weekly investigation, monthly review) go through the queue: api/outbox.ts.
 */
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
    /** A business signs itself up with its principal (no login); it waits for its regulator. */
    register: (body: EnterpriseRegistrationRequest, idempotencyKey: string) =>
      request<EnterpriseRegistrationResponse>({
        method: 'POST',
        path: '/api/enterprises/register',
        body,
        headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
        auth: false,
      }),
    /** Officials: businesses of their region; status 'pending' is the review queue, oldest first. */
    list: (query: EnterpriseListQuery) => request<Page<EnterpriseDto>>({ method: 'GET', path: '/api/enterprises', query: { ...query } }),
    confirm: (id: string, body: EnterpriseConfirmRequest) =>
      request<EnterpriseDto>({ method: 'POST', path: `/api/enterprises/${enc(id)}/confirm`, body }),
    reject: (id: string, body: EnterpriseRejectRequest) =>
      request<EnterpriseDto>({ method: 'POST', path: `/api/enterprises/${enc(id)}/reject`, body }),
    /** The roster: requirement, what is lacking, people in post (ID numbers masked), role history. */
    staff: (id: string) => request<EnterpriseStaffDto>({ method: 'GET', path: `/api/enterprises/${enc(id)}/staff` }),
    /** Regulators: the .xlsx import template (Chinese headers and notes) as a local src (release it when done). */
    importTemplateSrc: () => fetchImageSrc('/api/enterprises/import/template', '导入模板'),
    /** Regulators: imports the picked .xlsx; each row is imported whole or not at all. */
    import: (workbook: LocalPhoto) => upload<EnterpriseImportResult>({ path: '/api/enterprises/import', photo: workbook, fields: {} }),
  },
  regions: {
    /** The divisions under `parentCode` (the provinces without one); no login. */
    children: (parentCode?: string) =>
      request<RegionDto[]>({ method: 'GET', path: '/api/regions', query: { parentCode }, auth: false }),
  },
  invitations: {
    /** The principal invites a director or officer: the code is in this answer only. */
    create: (body: InvitationCreateRequest) => request<InvitationCreatedDto>({ method: 'POST', path: '/api/invitations', body }),
    /** The principal's invitations, newest first (without codes). */
    list: () => request<InvitationDto[]>({ method: 'GET', path: '/api/invitations' }),
    revoke: (id: string) => request<InvitationDto>({ method: 'POST', path: `/api/invitations/${enc(id)}/revoke` }),
    preview: (code: string) =>
      request<InvitationPreviewDto>({ method: 'GET', path: '/api/invitations/preview', query: { code }, auth: false }),
    accept: (body: InvitationAcceptRequest) =>
      request<InvitationAcceptResponse>({ method: 'POST', path: '/api/invitations/accept', body, auth: false }),
  },
  credentials: {
    create: (body: CredentialCreateRequest, idempotencyKey: string) =>
      request<CredentialDto>({ method: 'POST', path: '/api/credentials', body, headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } }),
    /** Scoped list; status 'pending' is the regulator's queue (not replaced, oldest first). */
    list: (query: CredentialListQuery) => request<Page<CredentialDto>>({ method: 'GET', path: '/api/credentials', query: { ...query } }),
    verify: (id: string) => request<CredentialDto>({ method: 'POST', path: `/api/credentials/${enc(id)}/verify` }),
    reject: (id: string, body: CredentialRejectRequest) =>
      request<CredentialDto>({ method: 'POST', path: `/api/credentials/${enc(id)}/reject`, body }),
  },
  trainings: {
    /** 企业内部培训考核 (principal, director). */
    create: (body: TrainingCreateRequest, idempotencyKey: string) =>
      request<TrainingDto>({ method: 'POST', path: '/api/trainings', body, headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } }),
    list: (query: { enterpriseId?: string; userId?: string; page?: number; pageSize?: number }) =>
      request<Page<TrainingDto>>({ method: 'GET', path: '/api/trainings', query: { ...query } }),
    /** Each director's and officer's hours in the year against the annual 40. */
    hours: (query: { year?: number; enterpriseId?: string }) =>
      request<TrainingHoursResponse>({ method: 'GET', path: '/api/trainings/hours', query: { ...query } }),
  },
  spotExams: {
    /** A regulator's 监督抽查考核; a fail opens the business's to-do. */
    create: (body: SpotExamCreateRequest, idempotencyKey: string) =>
      request<SpotExamDto>({ method: 'POST', path: '/api/spot-exams', body, headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } }),
    list: (query: Omit<SpotExamListQuery, 'passed'>) => request<Page<SpotExamDto>>({ method: 'GET', path: '/api/spot-exams', query: { ...query } }),
  },
  stats: {
    /** 总监/安全员配备率 of the region (the caller's when omitted) and of each child region. */
    appointments: (regionCode?: string) =>
      request<AppointmentStatsDto>({ method: 'GET', path: '/api/stats/appointments', query: { regionCode } }),
    /** 数据看板: the region's figures for the period, its children ranked on rankBy, the trend. */
    dashboard: (query: DashboardQuery) => request<DashboardDto>({ method: 'GET', path: '/api/stats/dashboard', query: { ...query } }),
    /** The same query's children table as .xlsx, as a local src for saveDownloaded (the download needs the token). */
    dashboardXlsxSrc: (query: DashboardQuery) =>
      fetchImageSrc(`/api/stats/dashboard?${Object.entries({ ...query, format: 'xlsx' }).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${enc(k)}=${enc(String(v))}`).join('&')}`, '导出文件'),
  },
  dailyChecks: {
    list: (query: DailyCheckListQuery) =>
      request<Page<DailyCheckDto>>({ method: 'GET', path: '/api/daily-checks', query: { ...query } }),
    get: (id: string) => request<DailyCheckDto>({ method: 'GET', path: `/api/daily-checks/${enc(id)}` }),
    /** The month's days (done / late / missed / problem …) and counts; officials pass enterpriseId. */
    calendar: (query: DailyCalendarQuery) =>
      request<DailyCalendarDto>({ method: 'GET', path: '/api/daily-checks/calendar', query: { ...query } }),
    /** Every version of the record's business date, oldest first. */
    versions: (id: string) => request<DailyCheckDto[]>({ method: 'GET', path: `/api/daily-checks/${enc(id)}/versions` }),
    /** A correction: a new version with a reason (the officer; the original stays as it was). */
    amend: (id: string, body: DailyCheckAmendRequest, idempotencyKey: string) =>
      request<DailyCheckDto>({ method: 'POST', path: `/api/daily-checks/${enc(id)}/versions`, body, headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } }),
  },
  riskLists: {
    /** The caller's enterprise's current 风险管控清单. */
    mine: () => request<RiskListDto>({ method: 'GET', path: '/api/risk-lists/mine' }),
    /** Every version, newest first. */
    versions: () => request<RiskListDto[]>({ method: 'GET', path: '/api/risk-lists/mine/versions' }),
    addItem: (body: RiskItemAddRequest, idempotencyKey: string) =>
      request<RiskListDto>({ method: 'POST', path: '/api/risk-lists/mine/items', body, headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } }),
    setApplicability: (code: string, body: RiskItemApplicabilityRequest, idempotencyKey: string) =>
      request<RiskListDto>({
        method: 'POST',
        path: `/api/risk-lists/mine/items/${enc(code)}/applicability`,
        body,
        headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
      }),
  },
  todos: {
    /** Open problems and this week's / month's record, due or done (enterprise roles). */
    mine: () => request<MyTodosResponse>({ method: 'GET', path: '/api/todos/mine' }),
  },
  problems: {
    list: (query: ProblemListQuery) => request<Page<ProblemDto>>({ method: 'GET', path: '/api/problems', query: { ...query } }),
  },
  weeklyInvestigations: {
    /** The week's daily-check summary as it would be frozen now. */
    preview: (week: string) => request<WeeklySummary>({ method: 'GET', path: '/api/weekly-investigations/preview', query: { week } }),
    list: (query: PeriodRecordListQuery) =>
      request<Page<WeeklyInvestigationDto>>({ method: 'GET', path: '/api/weekly-investigations', query: { ...query } }),
    get: (id: string) => request<WeeklyInvestigationDto>({ method: 'GET', path: `/api/weekly-investigations/${enc(id)}` }),
    versions: (id: string) =>
      request<WeeklyInvestigationDto[]>({ method: 'GET', path: `/api/weekly-investigations/${enc(id)}/versions` }),
    /** A correction: a new version with a reason (the original stays as it was). */
    amend: (id: string, body: WeeklyInvestigationAmendRequest, idempotencyKey: string) =>
      request<WeeklyInvestigationDto>({ method: 'POST', path: `/api/weekly-investigations/${enc(id)}/versions`, body, headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } }),
  },
  monthlyReviews: {
    /** The director's report for the month as it would be frozen now. */
    preview: (month: string) => request<MonthlyReport>({ method: 'GET', path: '/api/monthly-reviews/preview', query: { month } }),
    list: (query: PeriodRecordListQuery) =>
      request<Page<MonthlyReviewDto>>({ method: 'GET', path: '/api/monthly-reviews', query: { ...query } }),
    get: (id: string) => request<MonthlyReviewDto>({ method: 'GET', path: `/api/monthly-reviews/${enc(id)}` }),
    versions: (id: string) => request<MonthlyReviewDto[]>({ method: 'GET', path: `/api/monthly-reviews/${enc(id)}/versions` }),
    /** A correction by the principal: a new version with a reason. */
    amend: (id: string, body: MonthlyReviewAmendRequest, idempotencyKey: string) =>
      request<MonthlyReviewDto>({ method: 'POST', path: `/api/monthly-reviews/${enc(id)}/versions`, body, headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } }),
  },
  files: {
    /** Uploads one picked photo (kind photo unless given; an official names the business); the server checks the content. */
    upload: (photo: LocalPhoto, opts: { kind?: FileKind; enterpriseId?: string; onProgress?: (percent: number) => void } = {}) =>
      upload<FileDto>({
        path: '/api/files',
        photo,
        fields: { kind: opts.kind ?? 'photo', ...(opts.enterpriseId ? { enterpriseId: opts.enterpriseId } : {}) },
        onProgress: opts.onProgress,
      }),
    meta: (id: string) => request<FileDto>({ method: 'GET', path: `/api/files/${enc(id)}/meta` }),
    /** A src <Image> can show for an uploaded file (the content needs the token). */
    imageSrc: (id: string) => fetchImageSrc(`/api/files/${enc(id)}`),
    /** A PDF's content as a local src for openDocument (the content needs the token). */
    documentSrc: (id: string) => fetchImageSrc(`/api/files/${enc(id)}`, '文件'),
  },
  reviews: reviewEndpoints,
  rectifications: rectificationEndpoints,
  directory: directoryEndpoints,
  supervision: supervisionEndpoints,
  complaints: complaintEndpoints,
  public: {
    enterprise: (id: string) =>
      request<PublicEnterpriseDto>({ method: 'GET', path: `/api/public/enterprises/${enc(id)}`, auth: false }),
    ...publicComplaintEndpoints,
  },
} as const;
