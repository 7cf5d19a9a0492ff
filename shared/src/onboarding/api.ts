// Request and response shapes of onboarding (issue #4): a business registers itself and waits for
// its regulator; regulators create, import, confirm or reject businesses; the principal invites
// the director and officers; the roster keeps who held each role when; officials read the
// appointment rates of their region.
import type { BusinessType, CanteenKind, CredentialKind, EnterpriseScale, Grade, Role } from '../enums';
import type { CredentialSummaryDto } from '../staffing/api';
import type { EnterpriseDto, UserDto } from '../api';
import type { StaffingGap, StaffingRequirement } from '../staffing/requirement';
import type { EnterpriseStatus } from './status';

/**
 * The facts about a business that decide whether it must appoint a director (StaffingProfile);
 * null while nobody has said.
 */
export interface EnterpriseProfileFields {
  /** 企业规模 */
  scale?: EnterpriseScale | null;
  /** 连锁餐饮/销售企业总部 */
  chainHeadquarters?: boolean | null;
  /** 中央厨房 */
  centralKitchen?: boolean | null;
  /** 特殊食品生产企业 */
  specialFood?: boolean | null;
  /** 食堂类别 (canteens) */
  canteenKind?: CanteenKind | null;
  /** 承包经营 (canteens) */
  contractorOperated?: boolean | null;
  /** 平均每餐用餐人数 / 供餐人数 */
  dinersPerMeal?: number | null;
}

/** The business fields a registration, a regulator's creation and an import row share. */
export interface EnterpriseFields extends EnterpriseProfileFields {
  name: string;
  /** 统一社会信用代码 (GB 32100, check character verified). */
  uscc: string;
  /** JY + 14 digits (经营) or SC + 14 digits (生产). */
  licenceNo: string;
  businessType: BusinessType;
  /** The village (12-digit GB/T 2260 code) the business is in. */
  regionCode: string;
  address: string;
  contactName?: string | null;
  contactPhone?: string | null;
}

/** A person joining a business's roster (the registering principal, or someone accepting an invitation). */
export interface PersonRequest {
  name: string;
  /** 11-digit mobile number: the login. */
  phone: string;
  /** 8–64 characters with a letter and a digit. */
  password: string;
  /** 居民身份证号 (GB 11643, check character verified); stored encrypted, shown masked. */
  idNumber: string;
}

/**
 * POST /api/enterprises/register (no login): the business and its principal. The business waits
 * as 'pending' until a regulator of its region confirms it. Contact defaults to the principal.
 */
export interface EnterpriseRegistrationRequest extends EnterpriseFields {
  principal: PersonRequest;
}

export interface EnterpriseRegistrationResponse {
  enterprise: EnterpriseDto;
  principal: StaffMemberDto;
}

/** GET /api/enterprises — officials' list of businesses in their region (the pending queue with status=pending). */
export interface EnterpriseListQuery {
  status?: EnterpriseStatus;
  /** Part of the name. */
  name?: string;
  uscc?: string;
  grade?: Grade;
  businessType?: BusinessType;
  regionCode?: string;
  page?: number;
  pageSize?: number;
}

/** POST /api/enterprises/:id/confirm */
export interface EnterpriseConfirmRequest {
  grade: Grade;
}

/** POST /api/enterprises/:id/reject */
export interface EnterpriseRejectRequest {
  reason: string;
}

/** One problem of one row of an imported workbook. */
export interface ImportRejection {
  /** The row number as Excel shows it (the header is row 1). */
  row: number;
  /** The column's header as in the template (「统一社会信用代码」); 「行」 for the row as a whole. */
  field: string;
  /** The column letter (「B」), when the problem is one cell's. */
  column: string | null;
  message: string;
}

/** POST /api/enterprises/import — each row is imported whole or not at all. */
export interface EnterpriseImportResult {
  /** Data rows read (blank rows are not counted). */
  total: number;
  imported: number;
  /** Every problem of every refused row, in row order. */
  rejected: ImportRejection[];
}

/** Someone on a business's roster now. */
export interface StaffMemberDto {
  userId: string;
  /** The appointment in force; null for accounts made before appointments were recorded. */
  appointmentId: string | null;
  role: Role;
  name: string;
  /** Full to the person, their principal and officials in scope; masked to colleagues. */
  phone: string;
  /** Always masked here (1501**********1234); the owner reads theirs at GET /api/me/id-number. Null when none is on file. */
  idNumberMasked: string | null;
  appointedOn: string | null;
  /** Directors and officers: their current paper of each kind (任命书, 培训记录, 考核结果) with its state; absent kinds were never uploaded. */
  credentials?: Partial<Record<CredentialKind, CredentialSummaryDto>>;
}

/** One appointment of the role history: who held which role from when to when. */
export interface AppointmentDto {
  id: string;
  userId: string;
  role: Role;
  /** The name as it was when appointed. */
  name: string;
  appointedOn: string;
  /** Null while in force. */
  endedOn: string | null;
  endedReason: string | null;
  createdAt: string;
}

/** GET /api/enterprises/:id/staff */
export interface EnterpriseStaffDto {
  enterpriseId: string;
  enterpriseName: string;
  status: EnterpriseStatus;
  /** Whom the business must appoint (staffingRequirement, shared rules). */
  requirement: StaffingRequirement;
  /** What it lacks now (evaluateStaffing); empty when fully staffed. */
  lacks: StaffingGap[];
  current: StaffMemberDto[];
  /** Every appointment, in force or ended, newest first. */
  history: AppointmentDto[];
}

/** POST /api/enterprises/:id/staff/:userId/end — the principal ends someone's appointment. */
export interface EndAppointmentRequest {
  reason: string;
  /** Defaults to today (Asia/Shanghai). */
  endedOn?: string;
}

/** POST /api/invitations — by the principal, for their business. */
export interface InvitationCreateRequest {
  role: Role.Director | Role.Officer;
  /**
   * The person the invitee will replace (their appointment ends when the invitee joins). A
   * director invitation while the business has its director(s) replaces the longest-serving one
   * unless this says whom.
   */
  replacesUserId?: string | null;
}

export type InvitationStatus = 'pending' | 'accepted' | 'expired' | 'revoked';

export interface InvitationDto {
  id: string;
  enterpriseId: string;
  role: Role;
  status: InvitationStatus;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  acceptedByName: string | null;
  replaces: { userId: string; name: string } | null;
}

/** The answer to POST /api/invitations: the only time the code is shown. */
export interface InvitationCreatedDto extends InvitationDto {
  code: string;
  /** What to render as the QR code (parseInvitationQr reads it back). */
  qrPayload: string;
  enterpriseName: string;
}

/** GET /api/invitations/code/:code (no login): what the invitee is about to join. */
export interface InvitationPreviewDto {
  enterpriseName: string;
  role: Role;
  expiresAt: string;
}

/** POST /api/invitations/accept (no login). */
export interface InvitationAcceptRequest extends PersonRequest {
  code: string;
  /** Defaults to today; not in the future. */
  appointedOn?: string;
}

export interface InvitationAcceptResponse {
  user: UserDto;
  enterprise: { id: string; name: string };
  role: Role;
  appointedOn: string;
  /** Whose appointment ended because of this one. */
  replaced: { userId: string; name: string } | null;
}

/** GET /api/me/id-number — the owner's own number, in full. */
export interface MyIdNumberDto {
  idNumber: string;
  masked: string;
}

/** GET /api/stats/appointments?regionCode= — 总监/安全员配备率 of each child region. */
export interface AppointmentStatsRow {
  regionCode: string;
  regionName: string;
  businesses: number;
  requiringDirector: number;
  withDirector: number;
  withOfficer: number;
  /** 0–1; null when no business requires one. */
  directorRate: number | null;
  /** 0–1; null when there is no business. */
  officerRate: number | null;
}

export interface AppointmentStatsDto {
  /** The region asked about and its figures; `children` split them by the next level down. */
  region: AppointmentStatsRow;
  children: AppointmentStatsRow[];
}
