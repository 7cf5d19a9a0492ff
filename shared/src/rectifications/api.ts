// Request and response shapes of record review (审阅 / 退回) and rectification orders (整改通知),
// issue #5: an official reviews a submitted record version or returns it with a comment (the
// business answers with a new version); a regulator issues a rectification order with items and a
// deadline, the business answers with measures and photos, the regulator accepts (closed) or
// returns it — the closed loop (闭环) of domain.md §2.
import type { BusinessDate } from '../dates';
import type { RectificationOrderStatus } from '../indicators/problem-closure';
import type { AttachedFileDto } from '../staffing/api';

/** The submitted records an official reviews; the same names as the record chain's types. */
export type ReviewedRecordType = 'daily_check' | 'weekly_investigation' | 'monthly_review';
export const REVIEWED_RECORD_TYPES: readonly ReviewedRecordType[] = ['daily_check', 'weekly_investigation', 'monthly_review'];

export const RECORD_TYPE_LABELS: Record<ReviewedRecordType, string> = {
  daily_check: '每日检查记录',
  weekly_investigation: '每周排查治理报告',
  monthly_review: '月调度会议纪要',
};

/** 已审阅, or 退回 for the business to correct (a comment is then required). */
export type ReviewAction = 'reviewed' | 'returned';
export const REVIEW_ACTIONS: readonly ReviewAction[] = ['reviewed', 'returned'];
export const REVIEW_ACTION_LABELS: Record<ReviewAction, string> = { reviewed: '已审阅', returned: '已退回' };

/** Text limits both sides check. */
export const REVIEW_COMMENT_MAX = 500;

/** The latest review of a record version, as the record lists show it. */
export interface RecordReviewMark {
  action: ReviewAction;
  reviewerName: string;
  /** ISO-8601 UTC. */
  createdAt: string;
}

/** POST /api/reviews — one review of one submitted record version (it must be the current one). */
export interface ReviewCreateRequest {
  recordType: ReviewedRecordType;
  /** The version's id (each version is its own row). */
  recordId: string;
  action: ReviewAction;
  /** Required to return a record or to flag it: what the business is to correct. */
  comment?: string | null;
  /** 「有问题」: the official flags the record as showing a problem (counted, and worth an order). */
  flagged?: boolean;
}

export interface ReviewDto {
  id: string;
  recordType: ReviewedRecordType;
  recordId: string;
  /** The reviewed version's number (1 = the original submission). */
  recordVersion: number;
  /** The reviewed version's business date, ISO week or month. */
  recordPeriod: string;
  enterpriseId: string;
  enterpriseName: string;
  regionCode: string;
  action: ReviewAction;
  /** 已审阅 / 已退回 */
  actionLabel: string;
  comment: string | null;
  flagged: boolean;
  reviewerId: string;
  reviewerName: string;
  createdAt: string;
}

/**
 * GET /api/reviews — `recordType` + `recordId`: the reviews of that record, all its versions, oldest
 * first; `enterpriseId`: one business's, newest first; neither: the caller's scope, newest first.
 */
export interface ReviewListQuery {
  recordType?: ReviewedRecordType;
  recordId?: string;
  enterpriseId?: string;
  page?: number;
  pageSize?: number;
}

/** In GET /api/todos/mine: a current record version whose latest review returned it. */
export interface ReturnedRecordTodo {
  /** 「记录被退回：<comment>」 */
  title: string;
  reviewId: string;
  recordType: ReviewedRecordType;
  recordTypeLabel: string;
  recordId: string;
  recordVersion: number;
  recordPeriod: string;
  comment: string;
  reviewerName: string;
  returnedAt: string;
}

/** Where an order comes from; 'visit' and 'complaint' come with supervision visits and complaints. */
export type RectificationSourceType = ReviewedRecordType | 'manual' | 'visit' | 'complaint';
/** The sources a regulator may name when issuing an order by hand ('visit' orders come only from a visit). */
export const RECTIFICATION_SOURCE_TYPES: readonly RectificationSourceType[] = [...REVIEWED_RECORD_TYPES, 'manual', 'complaint'];
export const RECTIFICATION_SOURCE_LABELS: Record<RectificationSourceType, string> = { ...RECORD_TYPE_LABELS, manual: '监管人员直接下发', visit: '包保督导检查', complaint: '投诉举报' };

/** As the business and the official read a status. */
export const RECTIFICATION_STATUS_LABELS: Record<RectificationOrderStatus, string> = {
  open: '待整改',
  answered: '待验收',
  closed: '已验收',
  returned: '退回整改',
};

export type RectificationEventKind = 'issued' | 'answered' | 'accepted' | 'returned';
export const RECTIFICATION_EVENT_LABELS: Record<RectificationEventKind, string> = {
  issued: '下发整改通知',
  answered: '企业回复整改情况',
  accepted: '验收通过',
  returned: '退回整改',
};

/** What an order and an answer may hold; both sides check them. */
export const RECTIFICATION_LIMITS = {
  minItems: 1,
  maxItems: 20,
  itemMaxLength: 200,
  measuresMaxLength: 1000,
  minPhotos: 1,
  maxPhotos: 9,
  commentMaxLength: 500,
  /** The deadline at most this many days after the day of issue. */
  maxDeadlineDays: 366,
} as const;

/** POST /api/rectifications — a regulator orders a business of the region to rectify. */
export interface RectificationCreateRequest {
  enterpriseId: string;
  /** 'manual' when left out. */
  sourceType?: RectificationSourceType;
  /** For a record source: the record version the order is raised from (of the same business). */
  sourceId?: string | null;
  /** What to rectify, 1–20 texts. */
  items: string[];
  /** The last business date (Asia/Shanghai) to rectify by: today or later. */
  deadline: BusinessDate;
}

/** POST /api/rectifications/:id/respond — the business's measures, with at least one photo (files kind 'photo'). */
export interface RectificationRespondRequest {
  measures: string;
  photoIds: string[];
}

/** POST /api/rectifications/:id/accept */
export interface RectificationAcceptRequest {
  comment?: string | null;
}

/** POST /api/rectifications/:id/reject — back to the business with what is still wrong. */
export interface RectificationRejectRequest {
  comment: string;
}

export interface RectificationOrderDto {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  /** The business's village code. */
  regionCode: string;
  sourceType: RectificationSourceType;
  sourceLabel: string;
  sourceId: string | null;
  /** The source record's business date, week or month, when raised from a record. */
  sourcePeriod: string | null;
  items: string[];
  deadline: BusinessDate;
  status: RectificationOrderStatus;
  statusLabel: string;
  /** Not closed and the deadline has passed (Asia/Shanghai), on the day asked. */
  overdue: boolean;
  issuedBy: string;
  issuerName: string;
  issuedAt: string;
  issuedDate: BusinessDate;
  answeredAt: string | null;
  closedAt: string | null;
  closedDate: BusinessDate | null;
  /** 1 for the first answer; each return starts the next round. */
  round: number;
}

export interface RectificationEventDto {
  seq: number;
  kind: RectificationEventKind;
  kindLabel: string;
  actorId: string;
  actorName: string;
  at: string;
  /** The measures (answered), or the official's comment (returned, accepted). */
  text: string | null;
  photos: AttachedFileDto[];
}

/** GET /api/rectifications/:id — the order with its history, oldest first. */
export interface RectificationOrderDetailDto extends RectificationOrderDto {
  events: RectificationEventDto[];
}

export interface RectificationListQuery {
  enterpriseId?: string;
  status?: RectificationOrderStatus;
  /** Only overdue orders. */
  overdue?: boolean;
  regionCode?: string;
  /** Inclusive bounds on the day of issue. */
  from?: string;
  to?: string;
  /** Orders raised from this record version. */
  sourceId?: string;
  page?: number;
  pageSize?: number;
}

/** The review and rectification part of GET /api/todos/mine. */
export interface RectificationTodos {
  returnedRecords: ReturnedRecordTodo[];
  /** Orders waiting for the business's answer (open or returned), soonest deadline first. */
  rectifications: RectificationOrderDto[];
}
