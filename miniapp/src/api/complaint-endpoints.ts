// 投诉举报 (issue #7): the public's side without an account (search, challenge, photos, submission,
// status query) and the officials' handling (list, detail, assign, actions, reveal) and the working
// calendar. Part of the endpoint table (api.complaints, api.publicComplaints).
import {
  DEVICE_ID_HEADER,
  DEVICE_ID_PATTERN,
  IDEMPOTENCY_HEADER,
  type ComplaintActionRequest,
  type ComplaintAssignRequest,
  type ComplaintDetailDto,
  type ComplaintDto,
  type ComplaintListQuery,
  type ComplaintRevealDto,
  type ComplaintRevealRequest,
  type Page,
  type PublicChallengeDto,
  type PublicComplaintCreateRequest,
  type PublicComplaintPhotoDto,
  type PublicComplaintReceipt,
  type PublicComplaintStatusDto,
  type PublicEnterpriseSearchItem,
  type WorkingCalendarYearDto,
} from '@shian/shared';
import type { LocalPhoto } from '../platform/photo';
import { readJson, writeJson } from '../platform/storage';
import { uuidV4 } from '../platform/uuid';
import { fetchImageSrc, request, upload } from './client';

const enc = encodeURIComponent;
const DEVICE_KEY = 'shian.deviceId';

/**
 * This phone's (or browser's) random id, made on first use and kept: the server limits
 * submissions per device and lets only this device use the photos it uploaded.
 */
export function deviceId(): string {
  const kept = readJson<string>(DEVICE_KEY);
  if (typeof kept === 'string' && DEVICE_ID_PATTERN.test(kept)) return kept;
  const id = uuidV4();
  // If storage fails, a fresh id per launch still works; only the limits count it anew.
  writeJson(DEVICE_KEY, id);
  return id;
}

const deviceHeader = () => ({ [DEVICE_ID_HEADER]: deviceId() });

export const publicComplaintEndpoints = {
  /** Active businesses by name (at most 20), for the 被投诉企业 field. */
  searchEnterprises: (q: string) =>
    request<PublicEnterpriseSearchItem[]>({ method: 'GET', path: '/api/public/enterprises', query: { q }, auth: false }),
  /** The sum to answer before submitting (one use, 10 minutes). */
  challenge: () => request<PublicChallengeDto>({ method: 'GET', path: '/api/public/challenge', auth: false }),
  /** One photo; its id goes into photoIds of this device's submission. */
  uploadPhoto: (photo: LocalPhoto, onProgress?: (percent: number) => void) =>
    upload<PublicComplaintPhotoDto>({ path: '/api/public/complaint-photos', photo, fields: {}, onProgress, auth: false, headers: deviceHeader() }),
  /** The same key on a retry answers the same tracking number and query code. */
  submit: (body: PublicComplaintCreateRequest, idempotencyKey: string) =>
    request<PublicComplaintReceipt>({
      method: 'POST',
      path: '/api/public/complaints',
      body,
      auth: false,
      headers: { ...deviceHeader(), [IDEMPOTENCY_HEADER]: idempotencyKey },
    }),
  /** Status and replies; a wrong code and an unknown number both answer 404. */
  status: (trackingNo: string, code: string) =>
    request<PublicComplaintStatusDto>({ method: 'GET', path: `/api/public/complaints/${enc(trackingNo)}`, query: { code }, auth: false }),
};

export const complaintEndpoints = {
  list: ({ format: _format, ...query }: ComplaintListQuery) => request<Page<ComplaintDto>>({ method: 'GET', path: '/api/complaints', query: { ...query } }),
  get: (id: string) => request<ComplaintDetailDto>({ method: 'GET', path: `/api/complaints/${enc(id)}` }),
  assign: (id: string, body: ComplaintAssignRequest) =>
    request<ComplaintDetailDto>({ method: 'POST', path: `/api/complaints/${enc(id)}/assign`, body }),
  act: (id: string, body: ComplaintActionRequest) =>
    request<ComplaintDetailDto>({ method: 'POST', path: `/api/complaints/${enc(id)}/actions`, body }),
  /** The handler reads the identity with a reason; the server audits every call. */
  reveal: (id: string, body: ComplaintRevealRequest) =>
    request<ComplaintRevealDto>({ method: 'POST', path: `/api/complaints/${enc(id)}/reveal`, body }),
  /** A photo as a local src (the content needs the token). */
  photoSrc: (id: string, photoId: string) => fetchImageSrc(`/api/complaints/${enc(id)}/photos/${enc(photoId)}`),
  calendar: (year: number) => request<WorkingCalendarYearDto>({ method: 'GET', path: `/api/working-calendar/${year}` }),
  saveCalendar: (year: number, body: Omit<WorkingCalendarYearDto, 'year'>) =>
    request<WorkingCalendarYearDto>({ method: 'PUT', path: `/api/working-calendar/${year}`, body }),
};
