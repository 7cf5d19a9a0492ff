// Public complaints and reports (issue #7; domain.md §3): 《市场监督管理投诉举报处理暂行办法》 (SAMR
// order 20 of 2019, amended 2022) for 投诉, 《市场监督管理行政处罚程序规定》 for 举报. The state
// machine, the statutory periods in working days, the limits and the tracking number format.
import type { BusinessDate } from '../dates';
import { addWorkingDays, overdue, WorkingCalendar, yearsMissing } from './working-days';

/** 投诉: the person's own consumer dispute; 举报: a violation reported by anyone. */
export type ComplaintKind = 'complaint' | 'report';
export const COMPLAINT_KINDS: readonly ComplaintKind[] = ['complaint', 'report'];
export const COMPLAINT_KIND_LABELS: Record<ComplaintKind, string> = { complaint: '投诉', report: '举报' };

export type ComplaintStatus =
  // both
  | 'received'
  | 'notified'
  // 投诉: 收到 → 受理 / 不予受理 → 调解 → 达成协议 / 终止调解 → 告知 → 办结
  | 'accepted'
  | 'not_accepted'
  | 'mediating'
  | 'agreed'
  | 'mediation_ended'
  | 'closed'
  // 举报: 收到 → 核查 → 立案 / 不予立案 → 告知 → 处理
  | 'checking'
  | 'case_opened'
  | 'not_opened'
  | 'handled';

export const COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['received', 'accepted', 'not_accepted', 'mediating', 'agreed', 'mediation_ended', 'checking', 'case_opened', 'not_opened', 'notified', 'closed', 'handled'];

export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  received: '已收到',
  accepted: '已受理',
  not_accepted: '不予受理',
  mediating: '调解中',
  agreed: '达成调解协议',
  mediation_ended: '终止调解',
  checking: '核查中',
  case_opened: '已立案',
  not_opened: '不予立案',
  notified: '已告知',
  closed: '已办结',
  handled: '已处理',
};

/** The statuses a kind goes through; the others are refused for it. */
export const STATUSES_OF_KIND: Record<ComplaintKind, readonly ComplaintStatus[]> = {
  complaint: ['received', 'accepted', 'not_accepted', 'mediating', 'agreed', 'mediation_ended', 'notified', 'closed'],
  report: ['received', 'checking', 'case_opened', 'not_opened', 'notified', 'handled'],
};

/** Nothing more happens to these. */
export const FINAL_COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['closed', 'handled'];

/** What a handler does to a complaint or report (POST /api/complaints/:id/actions). */
export type ComplaintAction =
  | 'accept'
  | 'not_accept'
  | 'start_mediation'
  | 'agree'
  | 'end_mediation'
  | 'start_check'
  | 'extend_check'
  | 'open_case'
  | 'not_open'
  | 'notify'
  | 'close'
  | 'reply';

export const COMPLAINT_ACTIONS: readonly ComplaintAction[] = ['accept', 'not_accept', 'start_mediation', 'agree', 'end_mediation', 'start_check', 'extend_check', 'open_case', 'not_open', 'notify', 'close', 'reply'];

export interface ComplaintTransition {
  kind: ComplaintKind;
  from: readonly ComplaintStatus[];
  /** null: the status stays (a reply, an extension). */
  to: ComplaintStatus | null;
  label: string;
  /** The text (reason, reply, notice) is required. */
  textRequired: boolean;
  /** The text is shown to the complainant on the public status page. */
  publicText: boolean;
}

const NOT_FINAL = COMPLAINT_STATUSES.filter((s) => !FINAL_COMPLAINT_STATUSES.includes(s));

/** Every transition a handler may make; a reply keeps the status and is what the complainant reads. */
export const COMPLAINT_TRANSITIONS: Record<ComplaintAction, readonly ComplaintTransition[]> = {
  accept: [{ kind: 'complaint', from: ['received'], to: 'accepted', label: '受理', textRequired: false, publicText: true }],
  not_accept: [{ kind: 'complaint', from: ['received'], to: 'not_accepted', label: '不予受理', textRequired: true, publicText: true }],
  start_mediation: [{ kind: 'complaint', from: ['accepted'], to: 'mediating', label: '开始调解', textRequired: false, publicText: false }],
  agree: [{ kind: 'complaint', from: ['mediating'], to: 'agreed', label: '达成调解协议', textRequired: false, publicText: true }],
  end_mediation: [{ kind: 'complaint', from: ['accepted', 'mediating'], to: 'mediation_ended', label: '终止调解', textRequired: true, publicText: true }],
  start_check: [{ kind: 'report', from: ['received'], to: 'checking', label: '开始核查', textRequired: false, publicText: false }],
  extend_check: [{ kind: 'report', from: ['received', 'checking'], to: null, label: '经批准延长核查期限15个工作日', textRequired: true, publicText: false }],
  open_case: [{ kind: 'report', from: ['received', 'checking'], to: 'case_opened', label: '立案', textRequired: false, publicText: true }],
  not_open: [{ kind: 'report', from: ['received', 'checking'], to: 'not_opened', label: '不予立案', textRequired: true, publicText: true }],
  notify: [
    { kind: 'complaint', from: ['not_accepted', 'agreed', 'mediation_ended'], to: 'notified', label: '告知投诉人', textRequired: true, publicText: true },
    { kind: 'report', from: ['case_opened', 'not_opened'], to: 'notified', label: '告知举报人', textRequired: true, publicText: true },
  ],
  close: [
    { kind: 'complaint', from: ['notified'], to: 'closed', label: '办结', textRequired: false, publicText: false },
    { kind: 'report', from: ['notified'], to: 'handled', label: '处理完毕', textRequired: false, publicText: true },
  ],
  reply: [
    { kind: 'complaint', from: NOT_FINAL, to: null, label: '答复', textRequired: true, publicText: true },
    { kind: 'report', from: NOT_FINAL, to: null, label: '答复', textRequired: true, publicText: true },
  ],
};

/** The transition `action` makes from `status` for this kind, or null when it is not allowed. */
export function transitionFor(kind: ComplaintKind, status: ComplaintStatus, action: ComplaintAction): ComplaintTransition | null {
  return COMPLAINT_TRANSITIONS[action]?.find((t) => t.kind === kind && t.from.includes(status)) ?? null;
}

/** The actions open to a handler now, in the order the screen offers them. */
export function allowedActions(kind: ComplaintKind, status: ComplaintStatus): ComplaintAction[] {
  return COMPLAINT_ACTIONS.filter((a) => transitionFor(kind, status, a) !== null);
}

// ---------------------------------------------------------------------------------------------
// Statutory periods (工作日)

export const COMPLAINT_PERIODS = {
  /** 投诉: decide to accept or not and tell the complainant within 7 working days of receipt (办法 第十八条). */
  acceptance: 7,
  /** 投诉: mediation ends if no agreement within 45 working days of acceptance (办法 第二十八条). */
  mediation: 45,
  /** 投诉: both parties told within 7 working days of ending mediation. */
  notifyAfterMediation: 7,
  /** 举报: check within 15 working days of receipt and decide whether to open a case (程序规定 第十八条). */
  check: 15,
  /** 举报: extendable once by 15 working days with the approval of the department's head. */
  checkExtension: 15,
} as const;

export type ComplaintDeadlineKey = 'acceptance' | 'mediation' | 'notify' | 'check';

export const COMPLAINT_DEADLINE_LABELS: Record<ComplaintDeadlineKey, string> = {
  acceptance: '决定是否受理并告知',
  mediation: '调解期限',
  notify: '终止调解后告知',
  check: '核查并决定是否立案',
};

/** The dates a complaint's deadlines run from: each milestone's business date, or null until it happens. */
export interface ComplaintMilestones {
  kind: ComplaintKind;
  receivedDate: BusinessDate;
  /** 受理 or 不予受理 (complaint); 立案 or 不予立案 (report). */
  decidedDate: BusinessDate | null;
  /** The complaint was accepted (not refused): mediation runs. */
  acceptedDate: BusinessDate | null;
  /** 达成协议 or 终止调解. */
  mediationEndedDate: BusinessDate | null;
  notifiedDate: BusinessDate | null;
  /** 举报: the check period was extended with approval. */
  checkExtended: boolean;
}

export interface ComplaintDeadline {
  key: ComplaintDeadlineKey;
  label: string;
  /** Working days the rule allows. */
  workingDays: number;
  from: BusinessDate;
  due: BusinessDate;
  /** When what it asks was done, or null. */
  doneOn: BusinessDate | null;
  overdue: boolean;
  /** Years the period reaches into whose holidays are not entered yet: `due` skips only their weekends until an admin enters them. */
  calendarMissingYears: number[];
}

/** Every deadline that has started running for a complaint or report, met or not, with its overdue flag on `today`. */
export function complaintDeadlines(m: ComplaintMilestones, cal: WorkingCalendar, today: BusinessDate): ComplaintDeadline[] {
  const out: ComplaintDeadline[] = [];
  const add = (key: ComplaintDeadlineKey, from: BusinessDate, workingDays: number, doneOn: BusinessDate | null) => {
    const due = addWorkingDays(from, workingDays, cal);
    out.push({ key, label: COMPLAINT_DEADLINE_LABELS[key], workingDays, from, due, doneOn, overdue: overdue(due, doneOn, today), calendarMissingYears: yearsMissing(from, due, cal) });
  };
  if (m.kind === 'complaint') {
    add('acceptance', m.receivedDate, COMPLAINT_PERIODS.acceptance, m.decidedDate);
    if (m.acceptedDate) add('mediation', m.acceptedDate, COMPLAINT_PERIODS.mediation, m.mediationEndedDate);
    if (m.mediationEndedDate) add('notify', m.mediationEndedDate, COMPLAINT_PERIODS.notifyAfterMediation, m.notifiedDate);
  } else {
    add('check', m.receivedDate, COMPLAINT_PERIODS.check + (m.checkExtended ? COMPLAINT_PERIODS.checkExtension : 0), m.decidedDate);
  }
  return out;
}

/** The deadline still running (not done), if any: what lists sort and filter by. */
export function runningDeadline(deadlines: readonly ComplaintDeadline[]): ComplaintDeadline | null {
  return deadlines.find((d) => d.doneOn === null) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Limits, tracking numbers, query codes

export const COMPLAINT_LIMITS = {
  descriptionMaxLength: 2000,
  descriptionMinLength: 5,
  placeMaxLength: 200,
  businessNameMaxLength: 200,
  businessAddressMaxLength: 300,
  nameMaxLength: 50,
  maxPhotos: 9,
  /** A public photo upload: images only, at most this size. */
  photoMaxBytes: 5 * 1024 * 1024,
  /** Handler's reasons, replies and notices. */
  textMaxLength: 1000,
  revealReasonMaxLength: 200,
  /** The incident cannot be older than this (the 3-year limit of 办法 第十五条 is longer; the form is for recent events). */
  maxAgeDays: 3 * 365,
} as const;

/** The public client's own random id, sent on every public submission and photo (per-device limits, photo ownership). */
export const DEVICE_ID_HEADER = 'X-Device-Id';
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/;

/** Crockford's base 32 without I, L, O, U: nothing to misread when typed from a screen. */
export const TRACKING_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_PREFIX: Record<ComplaintKind, string> = { complaint: 'TS', report: 'JB' };
/** 'TS' (投诉) or 'JB' (举报) + the receipt date yyyymmdd + 6 random characters: TS20261125K7Q2XM. */
export const TRACKING_NO_PATTERN = /^(TS|JB)\d{8}[0-9A-HJKMNP-TV-Z]{6}$/;
export const QUERY_CODE_LENGTH = 8;
export const QUERY_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{8}$/;

/** Tracking number of a complaint received on `date`, from 6 random values (each 0–255). */
export function trackingNoOf(kind: ComplaintKind, date: BusinessDate, random: ArrayLike<number>): string {
  let tail = '';
  for (let i = 0; i < 6; i++) tail += TRACKING_ALPHABET[random[i] % 32];
  return `${TRACKING_PREFIX[kind]}${date.replace(/-/g, '')}${tail}`;
}

/** A query code from 8 random values (each 0–255). */
export function queryCodeOf(random: ArrayLike<number>): string {
  let code = '';
  for (let i = 0; i < QUERY_CODE_LENGTH; i++) code += TRACKING_ALPHABET[random[i] % 32];
  return code;
}

/** What people type: lower case, spaces and dashes, O for 0, I/L for 1 → the canonical form. */
export function normaliseCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}
