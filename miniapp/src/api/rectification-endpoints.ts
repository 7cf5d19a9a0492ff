// Record review (审阅 / 退回) and rectification orders (整改通知): officials review records and issue
// orders; the business answers an order with measures and photos. Part of the endpoint table (api.reviews, api.rectifications).
import {
  IDEMPOTENCY_HEADER,
  type Page,
  type RectificationAcceptRequest,
  type RectificationCreateRequest,
  type RectificationListQuery,
  type RectificationOrderDetailDto,
  type RectificationOrderDto,
  type RectificationRejectRequest,
  type RectificationRespondRequest,
  type ReviewCreateRequest,
  type ReviewDto,
  type ReviewListQuery,
} from '@shian/shared';
import { request } from './client';

const enc = encodeURIComponent;

export const reviewEndpoints = {
  /** An official reviews the current version of a record, or returns it with a comment. */
  create: (body: ReviewCreateRequest, idempotencyKey: string) =>
    request<ReviewDto>({ method: 'POST', path: '/api/reviews', body, headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } }),
  /** With recordType + recordId: the reviews of every version of that record, oldest first. */
  list: (query: ReviewListQuery) => request<Page<ReviewDto>>({ method: 'GET', path: '/api/reviews', query: { ...query } }),
};

export const rectificationEndpoints = {
  create: (body: RectificationCreateRequest, idempotencyKey: string) =>
    request<RectificationOrderDetailDto>({ method: 'POST', path: '/api/rectifications', body, headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } }),
  list: ({ overdue, ...query }: RectificationListQuery) =>
    request<Page<RectificationOrderDto>>({
      method: 'GET',
      path: '/api/rectifications',
      query: { ...query, overdue: overdue === undefined ? undefined : String(overdue) },
    }),
  get: (id: string) => request<RectificationOrderDetailDto>({ method: 'GET', path: `/api/rectifications/${enc(id)}` }),
  /** The business's measures and photos; the same key on a retry answers once. */
  respond: (id: string, body: RectificationRespondRequest, idempotencyKey: string) =>
    request<RectificationOrderDetailDto>({ method: 'POST', path: `/api/rectifications/${enc(id)}/respond`, body, headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } }),
  accept: (id: string, body: RectificationAcceptRequest = {}) =>
    request<RectificationOrderDetailDto>({ method: 'POST', path: `/api/rectifications/${enc(id)}/accept`, body }),
  reject: (id: string, body: RectificationRejectRequest) =>
    request<RectificationOrderDetailDto>({ method: 'POST', path: `/api/rectifications/${enc(id)}/reject`, body }),
};
