// Request and response shapes of the 包保 mechanism (issue #6): cadre accounts, assignments of
// businesses to cadres, commitment letters, supervision visits and their statistics.
import type { BusinessDate } from '../dates';
import type { CadreLevel, Grade } from '../enums';
import type { Fraction } from '../indicators/fraction';
import type { SupervisionFrequency } from '../indicators/supervision';
import type { AttachedFileDto } from '../staffing/api';
import type { GradeLevelOverride, SupervisionAnswer } from './rules';

// ---- settings: GET / PUT /api/supervision/settings ----

/** The visit schedule per grade (one for the whole system, set by an admin) and the grade → level overrides of regions. */
export interface SupervisionSettingsDto {
  frequencies: Record<Grade, SupervisionFrequency>;
  /** Overrides of regions inside the caller's region (all for an admin). */
  levelOverrides: GradeLevelOverride[];
}

/** PUT /api/supervision/settings/frequencies (admin). */
export interface SupervisionFrequenciesRequest {
  frequencies: Partial<Record<Grade, SupervisionFrequency>>;
}

/** PUT /api/supervision/settings/level-overrides (regulator: a region of their own or below); level null removes it. */
export interface LevelOverrideRequest {
  regionCode: string;
  grade: Grade;
  level: CadreLevel | null;
}

// ---- cadres: /api/cadres ----

/** POST /api/cadres — a regulator or admin opens a cadre account in their region. */
export interface CadreCreateRequest {
  name: string;
  phone: string;
  level: CadreLevel;
  /** The cadre's own region: a city code for 市级, county for 县级, township for 乡镇级, village for 村级. */
  regionCode: string;
  /** 职务, e.g. 副镇长 (optional). */
  title?: string | null;
}

export interface CadreDto {
  id: string;
  name: string;
  /** Masked: 138****0000. */
  phone: string;
  title: string | null;
  level: CadreLevel;
  levelLabel: string;
  regionCode: string;
  regionName: string;
  active: boolean;
  /** Businesses currently assigned. */
  businesses: number;
  /** This year's (Asia/Shanghai) commitment letter is on file. */
  commitmentThisYear: boolean;
}

/** POST /api/cadres answer: the one-time initial password is shown once and never again. */
export interface CadreCreatedDto {
  cadre: CadreDto;
  initialPassword: string;
}

export interface CadreListQuery {
  regionCode?: string;
  level?: CadreLevel;
  /** Name or phone. */
  q?: string;
  active?: boolean;
  page?: number;
  pageSize?: number;
}

/** PATCH /api/cadres/:id — deactivating ends the cadre's assignments (their businesses become coverage gaps). */
export interface CadreUpdateRequest {
  title?: string | null;
  active?: boolean;
}

// ---- assignments: /api/assignments ----

/** POST /api/assignments — give one or more businesses to a cadre (replacing their current cadre); all or none. */
export interface AssignmentCreateRequest {
  cadreId: string;
  enterpriseIds: string[];
}

/** One business refused in a 400 answer's details, with why (assignmentMismatch). */
export interface AssignmentRefusal {
  enterpriseId: string;
  enterpriseName: string | null;
  reason: string;
}

export interface AssignmentDto {
  enterpriseId: string;
  enterpriseName: string;
  grade: Grade;
  regionCode: string;
  regionName: string;
  cadreId: string;
  cadreName: string;
  cadreLevel: CadreLevel;
  assignedAt: string;
  assignedDate: BusinessDate;
  /**
   * Why this cadre no longer fits the business (assignmentMismatch, e.g. after a regrade or an
   * override changed the rule), or null. The assignment stays until an official changes it.
   */
  mismatch: string | null;
}

export interface AssignmentCreatedDto {
  assigned: AssignmentDto[];
}

/** DELETE /api/assignments/:enterpriseId — ends the business's assignment (it becomes a coverage gap). */
export interface AssignmentEndRequest {
  reason: string;
}

export interface AssignmentListQuery {
  cadreId?: string;
  regionCode?: string;
  page?: number;
  pageSize?: number;
}

/** GET /api/assignments/gaps — active graded businesses of the region without a cadre, and the coverage. */
export interface CoverageGapQuery {
  regionCode?: string;
  grade?: Grade;
  page?: number;
  pageSize?: number;
}

export interface CoverageGapItem {
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  grade: Grade;
  regionCode: string;
  regionName: string;
  /** The level of cadre it needs (requiredCadreLevel). */
  requiredLevel: CadreLevel;
  requiredLevelLabel: string;
}

export interface CoverageGapPage {
  coverage: Fraction;
  businesses: number;
  withCadre: number;
  items: CoverageGapItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** POST /api/assignments/import — the .xlsx report: each row all or nothing, named by row and field. */
export interface AssignmentImportReport {
  rows: number;
  assigned: number;
  errors: Array<{ row: number; field: string; message: string }>;
}

// ---- commitments: /api/commitments ----

/**
 * POST /api/commitments — a cadre's 食品安全责任与任务承诺书 for a year: signed in the app (an
 * explicit confirmation stamped with account and server time) or a scan uploaded (files kind
 * 'document' or 'photo'). A later one for the same year is a new version; nothing is overwritten.
 */
export interface CommitmentCreateRequest {
  year: number;
  method: 'signed' | 'uploaded';
  /** Required for 'uploaded'. */
  fileIds?: string[];
  /** Required true for 'signed': 本人已阅读并承诺履行. */
  confirmed?: boolean;
}

export interface CommitmentDto {
  id: string;
  cadreId: string;
  cadreName: string;
  year: number;
  version: number;
  method: 'signed' | 'uploaded';
  files: AttachedFileDto[];
  submittedAt: string;
  /** The letter's text the cadre signed (commitmentText). */
  text: string;
}

/**
 * GET /api/commitments: the latest version per cadre for the year (Page<CommitmentDto>); with
 * missing=true the cadres of the region without one (Page<CadreDto>).
 */
export interface CommitmentListQuery {
  regionCode?: string;
  year?: number;
  /** Only cadres without one for the year. */
  missing?: boolean;
  page?: number;
  pageSize?: number;
}

// ---- visits: /api/supervision-visits ----

export interface SupervisionAnswerDto {
  key: string;
  answer: SupervisionAnswer;
  /** Required when the answer is 'no'. */
  note?: string | null;
}

export interface VisitLocation {
  latitude: number;
  longitude: number;
  /** Metres, as the device reports it. */
  accuracy?: number | null;
}

/** POST /api/supervision-visits (cadre, Idempotency-Key) — a visit to one of the cadre's businesses, today. */
export interface SupervisionVisitCreateRequest {
  enterpriseId: string;
  answers: SupervisionAnswerDto[];
  observations?: string | null;
  /** Problems found; with one or more a rectification order is issued with them as its items. */
  problems?: string[];
  /** Deadline of that order (required with problems): today or later, Asia/Shanghai. */
  rectificationDeadline?: BusinessDate | null;
  /** Files kind 'photo' the cadre uploaded. At least one when there are problems. */
  photoIds?: string[];
  /** The device's location, or null when the cadre declined to share it. */
  location?: VisitLocation | null;
}

export interface SupervisionVisitDto {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  regionCode: string;
  grade: Grade;
  cadreId: string;
  cadreName: string;
  cadreLevel: CadreLevel;
  visitDate: BusinessDate;
  /** The supervision cycle of the visit under the grade's frequency, e.g. '2026-Q4'. */
  cycleKey: string;
  answers: Array<SupervisionAnswerDto & { text: string; answerLabel: string }>;
  observations: string | null;
  problems: string[];
  photos: AttachedFileDto[];
  location: VisitLocation | null;
  rectificationOrderId: string | null;
  createdAt: string;
}

export interface SupervisionVisitListQuery {
  enterpriseId?: string;
  cadreId?: string;
  regionCode?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

// ---- the cadre's home: GET /api/cadres/me/home ----

export interface CadreBusinessState {
  enterpriseId: string;
  enterpriseName: string;
  grade: Grade;
  regionCode: string;
  regionName: string;
  /** The current cycle under the grade's frequency. */
  cycleKey: string;
  cycleEnd: BusinessDate;
  visitedThisCycle: boolean;
  lastVisitDate: BusinessDate | null;
  /** 日管控 days missed in the last 7 days (compliance-state rule). */
  missedDays: number;
  /** Self-check problems not yet resolved. */
  openProblems: number;
  /** Rectification orders not closed. */
  openRectifications: number;
  /** What the business lacks of 三人三责 and their papers, in Chinese ('未配备食品安全总监', '食品安全员任命书未上传' …). */
  missing: string[];
}

export interface CadreHomeDto {
  cadre: CadreDto;
  today: BusinessDate;
  businesses: CadreBusinessState[];
  progress: { due: number; visited: number; completion: Fraction };
  /** In the last days of a cycle with visits still due: the quarter-end reminder. */
  reminder: { cycleKey: string; cycleEnd: BusinessDate; remaining: number } | null;
}

// ---- statistics: GET /api/stats/supervision ----

export interface SupervisionStatsQuery {
  regionCode?: string;
  /** The day whose cycles are reported (default today, Asia/Shanghai). */
  date?: string;
}

export interface SupervisionFigures {
  businesses: number;
  withCadre: number;
  /** 主体包保覆盖率. */
  coverage: Fraction;
  /** Businesses owing a visit in their current cycle, and those visited in it so far. */
  due: number;
  visited: number;
  /** 督导任务完成率 of the current cycles so far. */
  completion: Fraction;
  cadres: number;
  cadresWithCommitment: number;
  /** 承诺书上传率 (this year). */
  commitmentUpload: Fraction;
  /** Rectification orders raised from visits in the current cycles, and those closed. */
  rectificationsIssued: number;
  rectificationsClosed: number;
  /** 督导整改率. */
  rectification: Fraction;
}

export interface SupervisionStatsDto {
  regionCode: string;
  regionName: string;
  date: BusinessDate;
  /** Each grade's current cycle. */
  cycles: Array<{ grade: Grade; frequency: SupervisionFrequency; key: string; from: BusinessDate; to: BusinessDate }>;
  totals: SupervisionFigures;
  children: Array<SupervisionFigures & { code: string; name: string }>;
}

/** GET /api/stats/supervision/reminders — cadres of the region with visits still due this cycle. */
export interface SupervisionReminderDto {
  cadreId: string;
  cadreName: string;
  level: CadreLevel;
  regionCode: string;
  regionName: string;
  assigned: number;
  visited: number;
  remaining: number;
  /** The earliest end of the cycles still owed. */
  cycleEnd: BusinessDate;
  /** Within the reminder window (SUPERVISION_LIMITS.reminderDays before the cycle's end). */
  urgent: boolean;
}
