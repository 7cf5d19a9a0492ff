// Request and response shapes of the 三人三责 papers (issue #4): credentials (任命书、培训记录、
// 考核结果), the business's internal training records, and regulators' spot exams.
import type { CredentialKind, CredentialReview, Role } from '../enums';
import type { CredentialState, TrainingHoursSummary } from './credentials';

/** A file a credential or training record refers to (content at `url`, with the bearer token). */
export interface AttachedFileDto {
  id: string;
  mime: string;
  url: string;
  originalName: string | null;
}

/**
 * POST /api/credentials — after uploading the files with POST /api/files (kind=credential: JPEG,
 * PNG, WebP or PDF). A re-upload after rejection, or a renewal, names the credential it replaces
 * in `supersedesId`; the old one is kept unchanged.
 */
export interface CredentialCreateRequest {
  /** The holder: a director or officer of the caller's business (an officer: only themself). */
  userId: string;
  kind: CredentialKind;
  fileIds: string[];
  /** 任命日期 / 培训日期 / 考核日期. */
  issuedOn: string;
  /** 有效期至 (inclusive); omitted or null when it does not lapse. */
  validUntil?: string | null;
  /** Training records only: hours of training. */
  trainingHours?: number | null;
  /** Assessments only: the score, when the result has one. */
  assessmentScore?: number | null;
  supersedesId?: string | null;
}

export interface CredentialRejectRequest {
  reason: string;
}

export interface CredentialDto {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  regionCode: string;
  userId: string;
  holderName: string;
  holderRole: Role;
  kind: CredentialKind;
  /** 任命书 / 培训记录 / 考核结果 */
  kindLabel: string;
  files: AttachedFileDto[];
  issuedOn: string;
  validUntil: string | null;
  trainingHours: number | null;
  assessmentScore: number | null;
  /** The reviewer's decision as stored. */
  status: CredentialReview;
  /** Derived on the day asked (Asia/Shanghai): expired, or expiring with daysLeft. Never stored. */
  state: CredentialState;
  rejectReason: string | null;
  reviewedBy: string | null;
  reviewerName: string | null;
  reviewedAt: string | null;
  supersedesId: string | null;
  /** The newer credential that replaced this one; null while it is the holder's current one. */
  supersededById: string | null;
  uploadedBy: string;
  createdAt: string;
}

export interface CredentialListQuery {
  enterpriseId?: string;
  regionCode?: string;
  userId?: string;
  status?: CredentialReview;
  kind?: CredentialKind;
  page?: number;
  pageSize?: number;
}

/** The holder's current credential of one kind, as a roster shows it. */
export interface CredentialSummaryDto {
  id: string;
  kind: CredentialKind;
  status: CredentialReview;
  state: CredentialState;
  issuedOn: string;
  validUntil: string | null;
}

/** POST /api/trainings — 企业内部培训考核记录 (Order 60: the business trains and assesses its managers). */
export interface TrainingCreateRequest {
  heldOn: string;
  topic: string;
  hours: number;
  trainer: string;
  /** Users of the business who attended. */
  attendeeIds: string[];
  /** 考核情况, e.g. 「闭卷考试，全部合格」. */
  assessment?: string | null;
  /** Sign-in sheets, photos, papers: files uploaded with kind photo, document or credential. */
  fileIds?: string[];
}

export interface TrainingDto {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  regionCode: string;
  heldOn: string;
  topic: string;
  hours: number;
  trainer: string;
  attendees: Array<{ userId: string; name: string; role: Role }>;
  assessment: string | null;
  files: AttachedFileDto[];
  createdBy: string;
  createdAt: string;
}

/** GET /api/trainings/hours?year= — each director's and officer's training hours in the year. */
export interface TrainingHoursRow extends TrainingHoursSummary {
  userId: string;
  name: string;
  role: Role;
  /** Of verifiedHours: hours of the business's own training records (they need no review). */
  internalHours: number;
  /** Of verifiedHours: hours on verified training-record credentials. */
  credentialHours: number;
}

export interface TrainingHoursResponse {
  enterpriseId: string;
  year: number;
  people: TrainingHoursRow[];
}

/** POST /api/spot-exams — a regulator's 监督抽查考核 of a director or officer. */
export interface SpotExamCreateRequest {
  userId: string;
  examinedOn: string;
  score: number;
  /** 100 unless the paper says otherwise. */
  fullMark?: number;
  questionCount?: number | null;
  notes?: string | null;
}

export type EnterpriseTodoStatus = 'open' | 'closed';
/** How a spot-exam failure's to-do was closed: a later passed exam of the person, or the person no longer in post. */
export type SpotExamTodoClosure = 'passed_exam' | 'replaced';

export interface SpotExamFollowUpDto {
  todoId: string;
  status: EnterpriseTodoStatus;
  closure: SpotExamTodoClosure | null;
  closedAt: string | null;
  /** The passing exam that closed it. */
  closedByExamId: string | null;
}

export interface SpotExamDto {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  regionCode: string;
  userId: string;
  personName: string;
  /** The person's role when examined. */
  personRole: Role;
  examinedOn: string;
  score: number;
  fullMark: number;
  passed: boolean;
  /** 合格 / 不合格 */
  resultLabel: string;
  questionCount: number | null;
  notes: string | null;
  examinerId: string;
  examinerName: string;
  /** A failed exam's to-do for the business (retrain or replace); null for a pass. */
  followUp: SpotExamFollowUpDto | null;
  createdAt: string;
}

export interface SpotExamListQuery {
  enterpriseId?: string;
  regionCode?: string;
  userId?: string;
  passed?: boolean;
  /** Failed exams whose to-do is open / closed. */
  followUp?: EnterpriseTodoStatus;
  page?: number;
  pageSize?: number;
}

/** One open spot-exam failure on the business's to-do list. */
export interface SpotExamTodoDto {
  id: string;
  /** 「抽查考核不合格：须重新培训或更换人员」 */
  title: string;
  /** What the business must do (spotExamOutcome's action). */
  detail: string | null;
  examId: string;
  userId: string;
  personName: string;
  personRole: Role;
  examinedOn: string;
  score: number;
  fullMark: number;
  openedAt: string;
}

/** POST /api/todos/:id/close — the person failed has been replaced (no longer director or officer here). */
export interface TodoCloseRequest {
  closure: 'replaced';
  note?: string | null;
}

export interface EnterpriseTodoDto {
  id: string;
  enterpriseId: string;
  kind: 'spot_exam_failed';
  title: string;
  detail: string | null;
  subjectUserId: string | null;
  sourceId: string;
  status: EnterpriseTodoStatus;
  closure: SpotExamTodoClosure | null;
  closedAt: string | null;
  closedBy: string | null;
  closedBySourceId: string | null;
  closingNote: string | null;
  createdAt: string;
}

/** The papers part of GET /api/todos/mine. */
export interface StaffingTodos {
  /** Current credentials that lapse within EXPIRY_WARNING_DAYS or have lapsed (renew them). */
  expiringCredentials: CredentialDto[];
  /** Current credentials a regulator rejected (upload again, naming the rejected one). */
  rejectedCredentials: CredentialDto[];
  spotExamFailures: SpotExamTodoDto[];
}

/** The to-do a failed spot exam opens for the business. */
export const SPOT_EXAM_TODO_TITLE = '抽查考核不合格：须重新培训或更换人员';
