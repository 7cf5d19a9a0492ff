// Request and response shapes of the public complaint pages and the officials' handling (issue #7).
import type { BusinessDate } from '../dates';
import type { ComplaintAction, ComplaintDeadline, ComplaintKind, ComplaintStatus } from './rules';

// ---- public (no login) ----------------------------------------------------------------------

/** GET /api/public/enterprises?q=… — picking the business on the complaint form (active businesses only). */
export interface PublicEnterpriseSearchItem {
  id: string;
  name: string;
  address: string;
}

/** GET /api/public/challenge — a sum the person answers; the token comes back with the answer. */
export interface PublicChallengeDto {
  /** e.g. 「12 加 7 等于几？」 */
  question: string;
  token: string;
  expiresAt: string;
}

/** POST /api/public/complaint-photos (multipart, field `file`) → the photo's id for photoIds. */
export interface PublicComplaintPhotoDto {
  id: string;
  mime: string;
  size: number;
}

/** POST /api/public/complaints (headers Idempotency-Key and X-Device-Id). */
export interface PublicComplaintCreateRequest {
  kind: ComplaintKind;
  /** The business from the QR code or the search; or, unregistered, the three fields below. */
  enterpriseId?: string | null;
  businessName?: string | null;
  businessAddress?: string | null;
  /** The county (or finer) the unregistered business is in: whose regulators receive it. */
  regionCode?: string | null;
  description: string;
  /** When it happened. */
  happenedOn: BusinessDate;
  /** Where (a room, a stall, a delivery address). */
  incidentPlace?: string | null;
  photoIds?: string[];
  /** Nothing of the person is stored when true; name and phone must then be left out. */
  anonymous: boolean;
  contactName?: string | null;
  contactPhone?: string | null;
  challengeToken: string;
  challengeAnswer: string;
}

/** The answer to a submission: the query code is shown this once and never again. */
export interface PublicComplaintReceipt {
  trackingNo: string;
  queryCode: string;
  kind: ComplaintKind;
  kindLabel: string;
  receivedAt: string;
}

/** GET /api/public/complaints/:trackingNo?code=… — what the complainant may see. */
export interface PublicComplaintStatusDto {
  trackingNo: string;
  kind: ComplaintKind;
  kindLabel: string;
  status: ComplaintStatus;
  statusLabel: string;
  businessName: string;
  receivedDate: BusinessDate;
  /** Each step, oldest first, with the text meant for the complainant (replies, reasons, notices). */
  history: Array<{ at: string; label: string; text: string | null }>;
}

// ---- officials ------------------------------------------------------------------------------

export interface ComplaintListQuery {
  status?: ComplaintStatus;
  kind?: ComplaintKind;
  /** true: a running deadline is past its due day. */
  overdue?: boolean;
  /** true: still being handled (not 已办结 / 已处理); false: finished. */
  open?: boolean;
  /** Assigned to me. */
  mine?: boolean;
  regionCode?: string;
  enterpriseId?: string;
  page?: number;
  pageSize?: number;
  format?: 'xlsx';
}

export interface ComplaintDto {
  id: string;
  trackingNo: string;
  kind: ComplaintKind;
  kindLabel: string;
  status: ComplaintStatus;
  statusLabel: string;
  enterpriseId: string | null;
  businessName: string;
  businessAddress: string | null;
  regionCode: string;
  happenedOn: BusinessDate;
  incidentPlace: string | null;
  receivedAt: string;
  receivedDate: BusinessDate;
  anonymous: boolean;
  /** Masked (张**, 139****0001); the handler reads them in full only through POST …/reveal. */
  complainantName: string | null;
  complainantPhone: string | null;
  handlerId: string | null;
  handlerName: string | null;
  /** The deadline running now, if any. */
  dueDate: BusinessDate | null;
  dueLabel: string | null;
  overdue: boolean;
}

export interface ComplaintEventDto {
  seq: number;
  action: ComplaintAction | 'submitted' | 'assigned';
  label: string;
  fromStatus: ComplaintStatus | null;
  toStatus: ComplaintStatus | null;
  text: string | null;
  /** Shown to the complainant on the public status page. */
  public: boolean;
  actorName: string | null;
  at: string;
}

export interface ComplaintDetailDto extends ComplaintDto {
  description: string;
  photos: Array<{ id: string; mime: string; size: number; url: string }>;
  deadlines: ComplaintDeadline[];
  events: ComplaintEventDto[];
  /** What the caller may do now (empty unless they may handle it). */
  actions: ComplaintAction[];
  /** Whether the caller may reveal the identity (the assigned handler, not anonymous). */
  canReveal: boolean;
  /** The rectification orders raised from it. */
  rectificationIds: string[];
}

/** POST /api/complaints/:id/assign */
export interface ComplaintAssignRequest {
  handlerId: string;
}

/** POST /api/complaints/:id/actions */
export interface ComplaintActionRequest {
  action: ComplaintAction;
  /** The reason, reply or notice; required by some actions (ComplaintTransition.textRequired). */
  text?: string | null;
}

/** POST /api/complaints/:id/reveal */
export interface ComplaintRevealRequest {
  reason: string;
}

export interface ComplaintRevealDto {
  name: string | null;
  phone: string | null;
  revealedAt: string;
}

// ---- working calendar -----------------------------------------------------------------------

export type WorkingCalendarDayKind = 'holiday' | 'workday';
export const WORKING_CALENDAR_DAY_KINDS: readonly WorkingCalendarDayKind[] = ['holiday', 'workday'];

export interface WorkingCalendarDay {
  date: BusinessDate;
  /** holiday: off (法定节假日/调休放假); workday: a weekend day worked (调休上班). */
  kind: WorkingCalendarDayKind;
  /** 春节, 国庆节 … */
  name: string;
}

/** GET/PUT /api/working-calendar/:year — PUT replaces the year's days. */
export interface WorkingCalendarYearDto {
  year: number;
  days: WorkingCalendarDay[];
}
