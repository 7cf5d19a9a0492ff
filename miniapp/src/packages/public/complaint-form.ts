// The 投诉举报 form's state, its checks and the request it becomes (issue #7). The server checks
// the same again (server/src/complaints/dto/complaint.dto.ts); these show the problem under the
// field before a round trip and before the one-use challenge is spent.
import {
  addDays,
  COMPLAINT_LIMITS,
  isValidMobilePhone,
  type ComplaintKind,
  type PublicComplaintCreateRequest,
  type PublicEnterpriseSearchItem,
} from '@shian/shared';
import type { FieldError } from '../../api/errors';

const L = COMPLAINT_LIMITS;

/** How the business is given: picked (from the QR code or the search), or typed in when it is not registered. */
export type BusinessMode = 'pick' | 'unregistered';

export interface ComplaintForm {
  kind: ComplaintKind | null;
  businessMode: BusinessMode;
  enterprise: PublicEnterpriseSearchItem | null;
  businessName: string;
  businessAddress: string;
  region: { code: string; names: string[] } | null;
  description: string;
  happenedOn: string;
  incidentPlace: string;
  anonymous: boolean;
  contactName: string;
  contactPhone: string;
  challengeAnswer: string;
}

export type ComplaintField =
  | 'kind'
  | 'enterpriseId'
  | 'businessName'
  | 'businessAddress'
  | 'regionCode'
  | 'description'
  | 'happenedOn'
  | 'incidentPlace'
  | 'photoIds'
  | 'anonymous'
  | 'contactName'
  | 'contactPhone'
  | 'challengeAnswer';

const FIELDS: readonly ComplaintField[] = ['kind', 'enterpriseId', 'businessName', 'businessAddress', 'regionCode', 'description', 'happenedOn', 'incidentPlace', 'photoIds', 'anonymous', 'contactName', 'contactPhone', 'challengeAnswer'];

export function emptyComplaintForm(today: string): ComplaintForm {
  return {
    kind: null,
    businessMode: 'pick',
    enterprise: null,
    businessName: '',
    businessAddress: '',
    region: null,
    description: '',
    happenedOn: today,
    incidentPlace: '',
    anonymous: true,
    contactName: '',
    contactPhone: '',
    challengeAnswer: '',
  };
}

/** The oldest incident date the form accepts. */
export const earliestHappenedOn = (today: string): string => addDays(today, -L.maxAgeDays);

/** Each field's problem now; `photosBusy` when a photo is still uploading or failed. */
export function complaintProblems(f: ComplaintForm, today: string, photosBusy: boolean): Partial<Record<ComplaintField, string>> {
  const p: Partial<Record<ComplaintField, string>> = {};
  if (!f.kind) p.kind = '请选择投诉或举报';
  if (f.businessMode === 'pick') {
    if (!f.enterprise) p.enterpriseId = '请搜索并选择被投诉举报的企业；找不到时请填写经营者名称和地址';
  } else {
    const name = f.businessName.trim();
    const address = f.businessAddress.trim();
    if (!name) p.businessName = '请填写经营者名称';
    else if (name.length > L.businessNameMaxLength) p.businessName = `经营者名称不超过${L.businessNameMaxLength}字`;
    if (!address) p.businessAddress = '请填写经营地址';
    else if (address.length > L.businessAddressMaxLength) p.businessAddress = `经营地址不超过${L.businessAddressMaxLength}字`;
    if (!f.region) p.regionCode = '请选择经营者所在的区县';
    else if (f.region.code.length < 6) p.regionCode = '请至少选到区县一级';
  }
  const description = f.description.trim();
  if (description.length < L.descriptionMinLength) p.description = `请描述事情经过，至少${L.descriptionMinLength}个字`;
  else if (description.length > L.descriptionMaxLength) p.description = `事情经过不超过${L.descriptionMaxLength}字`;
  if (!f.happenedOn) p.happenedOn = '请选择发生日期';
  else if (f.happenedOn > today) p.happenedOn = '发生日期不能晚于今天';
  else if (f.happenedOn < earliestHappenedOn(today)) p.happenedOn = '只受理三年内发生的事项';
  if (f.incidentPlace.trim().length > L.placeMaxLength) p.incidentPlace = `发生地点不超过${L.placeMaxLength}字`;
  if (photosBusy) p.photoIds = '还有照片正在上传或上传失败，请稍候，或删除失败的照片';
  if (!f.anonymous) {
    if (f.contactName.trim().length > L.nameMaxLength) p.contactName = `姓名不超过${L.nameMaxLength}字`;
    const phone = f.contactPhone.trim();
    if (phone && !isValidMobilePhone(phone)) p.contactPhone = '请输入11位手机号';
  }
  const answer = f.challengeAnswer.trim();
  if (!answer) p.challengeAnswer = '请填写验证题的答案';
  else if (!/^\d{1,10}$/.test(answer)) p.challengeAnswer = '答案请填写数字';
  return p;
}

/** The request of a checked form; name and phone only when 实名, and only when given. */
export function complaintRequest(f: ComplaintForm, photoIds: string[], challengeToken: string): PublicComplaintCreateRequest {
  const text = (v: string) => v.trim() || null;
  const picked = f.businessMode === 'pick';
  return {
    kind: f.kind!,
    enterpriseId: picked ? f.enterprise!.id : null,
    businessName: picked ? null : text(f.businessName),
    businessAddress: picked ? null : text(f.businessAddress),
    regionCode: picked ? null : (f.region?.code ?? null),
    description: f.description.trim(),
    happenedOn: f.happenedOn,
    incidentPlace: text(f.incidentPlace),
    photoIds,
    anonymous: f.anonymous,
    contactName: f.anonymous ? null : text(f.contactName),
    contactPhone: f.anonymous ? null : text(f.contactPhone),
    challengeToken,
    challengeAnswer: f.challengeAnswer.trim(),
  };
}

/** What makes two submissions the same one (the Idempotency-Key's scope): all but the challenge. */
export function submissionFingerprint(body: PublicComplaintCreateRequest): string {
  const { challengeToken: _t, challengeAnswer: _a, ...rest } = body;
  return JSON.stringify(rest);
}

/** The server's field errors under the form's fields; the rest (and the challenge token's) as lines. */
export function splitComplaintFieldErrors(errors: readonly FieldError[]): { fields: Partial<Record<ComplaintField, string>>; other: string[] } {
  const fields: Partial<Record<ComplaintField, string>> = {};
  const other: string[] = [];
  for (const e of errors) {
    const name = e.field.split('.')[0];
    const field = (name === 'challengeToken' ? 'challengeAnswer' : name) as ComplaintField;
    if (FIELDS.includes(field)) fields[field] = fields[field] ?? e.message;
    else other.push(e.message);
  }
  return { fields, other };
}
