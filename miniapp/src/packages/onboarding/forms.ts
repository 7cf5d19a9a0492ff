// The onboarding forms' rules: what the registration and the invitation forms say about each
// field before anything is sent, from the shared identifier checks (the server applies the same).
// Pure (no Taro), so miniapp/test runs it.
import {
  BusinessType,
  CanteenKind,
  EnterpriseScale,
  checkIdNumber,
  isValidMobilePhone,
  licenceTypeProblem,
  newPasswordProblem,
  normalizeInvitationCode,
  parseLicenceNo,
  usccCheckChar,
  type EnterpriseRegistrationRequest,
  type PersonRequest,
  type StaffingProfile,
} from '@shian/shared';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** A person signing up: the registering principal or an invitee. */
export interface PersonForm {
  name: string;
  phone: string;
  idNumber: string;
  password: string;
  /** 确认密码 */
  password2: string;
}

export type PersonField = keyof PersonForm;

export const EMPTY_PERSON: PersonForm = { name: '', phone: '', idNumber: '', password: '', password2: '' };

const NAME_MAX = 50;

/** What is wrong with each field of a person (Chinese); `today` bounds the birth date in the ID number. */
export function personProblems(p: PersonForm, today?: string): FieldErrors<PersonField> {
  const out: FieldErrors<PersonField> = {};
  const name = p.name.trim();
  if (!name) out.name = '请填写姓名';
  else if (name.length > NAME_MAX) out.name = `姓名不能超过${NAME_MAX}个字`;
  if (!p.phone.trim()) out.phone = '请填写手机号';
  else if (!isValidMobilePhone(p.phone.trim())) out.phone = '手机号应为11位，以1开头';
  const id = p.idNumber.trim();
  if (!id) out.idNumber = '请填写身份证号';
  else {
    const checked = checkIdNumber(id, today);
    if (!checked.ok) out.idNumber = checked.reason.startsWith('身份证号') ? checked.reason : `身份证号${checked.reason}`;
  }
  const pw = newPasswordProblem(p.password);
  if (!p.password) out.password = '请设置密码';
  else if (pw) out.password = pw;
  if (!p.password2) out.password2 = '请再次输入密码';
  else if (p.password2 !== p.password) out.password2 = '两次输入的密码不一致';
  return out;
}

export function personRequest(p: PersonForm): PersonRequest {
  return { name: p.name.trim(), phone: p.phone.trim(), idNumber: p.idNumber.trim().toUpperCase(), password: p.password };
}

/** The business part of the registration form. Flags left undefined were not asked. */
export interface BusinessForm {
  name: string;
  uscc: string;
  licenceNo: string;
  businessType: BusinessType | null;
  /** The village (12 digits) and the names from province down, for showing. */
  regionCode: string;
  regionNames: string[];
  address: string;
  scale: EnterpriseScale | null;
  chainHeadquarters: boolean;
  centralKitchen: boolean;
  specialFood: boolean;
  canteenKind: CanteenKind | null;
  contractorOperated: boolean;
  /** As typed. */
  dinersPerMeal: string;
}

export type BusinessField = keyof BusinessForm;

export const EMPTY_BUSINESS: BusinessForm = {
  name: '',
  uscc: '',
  licenceNo: '',
  businessType: null,
  regionCode: '',
  regionNames: [],
  address: '',
  scale: null,
  chainHeadquarters: false,
  centralKitchen: false,
  specialFood: false,
  canteenKind: null,
  contractorOperated: false,
  dinersPerMeal: '',
};

/** The staffing facts asked of each business type: those the director rule reads (shared staffingRequirement). */
export type ProfileQuestion = 'scale' | 'chainHeadquarters' | 'centralKitchen' | 'specialFood' | 'canteenKind' | 'contractorOperated' | 'dinersPerMeal';

export function profileQuestions(f: Pick<BusinessForm, 'businessType' | 'centralKitchen'>): ProfileQuestion[] {
  switch (f.businessType) {
    case BusinessType.Catering:
      return ['scale', 'chainHeadquarters', 'centralKitchen', ...(f.centralKitchen ? (['dinersPerMeal'] as const) : [])];
    case BusinessType.Selling:
      return ['scale', 'chainHeadquarters'];
    case BusinessType.Production:
      return ['scale', 'specialFood'];
    case BusinessType.MealDistribution:
      return ['scale', 'dinersPerMeal'];
    case BusinessType.Canteen:
      return ['canteenKind', 'contractorOperated', 'dinersPerMeal'];
    default:
      return [];
  }
}

/** 平均每餐用餐人数 for canteens, 供餐人数 for central kitchens and distributors. */
export function dinersLabel(businessType: BusinessType | null): string {
  return businessType === BusinessType.Canteen ? '平均每餐用餐人数' : '供餐人数';
}

const DINERS_MAX = 1_000_000;

function diners(text: string): number | null {
  const t = text.trim();
  return /^\d+$/.test(t) && Number(t) <= DINERS_MAX ? Number(t) : null;
}

/** The USCC's problem: length, characters, then the GB 32100 check character. */
export function usccProblem(raw: string): string | null {
  const uscc = raw.trim().toUpperCase();
  if (!uscc) return '请填写统一社会信用代码';
  if (uscc.length !== 18) return `统一社会信用代码应为18位（已输入${uscc.length}位）`;
  const check = usccCheckChar(uscc.slice(0, 17));
  if (check === null || !/^\d{6}$/.test(uscc.slice(2, 8))) return '统一社会信用代码含有无效字符，请对照营业执照填写（不使用 I、O、Z、S、V）';
  if (check !== uscc[17]) return '统一社会信用代码校验位不正确，请对照营业执照核对';
  return null;
}

/** The licence number's problem: its structure (parseLicenceNo), then whether it fits the business type. */
export function licenceProblem(raw: string, businessType: BusinessType | null): string | null {
  const no = raw.trim().toUpperCase();
  if (!no) return '请填写许可证编号';
  const parsed = parseLicenceNo(no);
  if (!parsed.ok) return parsed.reason;
  return businessType ? licenceTypeProblem(businessType, no) : null;
}

export function businessProblems(f: BusinessForm): FieldErrors<BusinessField> {
  const out: FieldErrors<BusinessField> = {};
  const name = f.name.trim();
  if (!name) out.name = '请填写企业名称';
  else if (name.length > 200) out.name = '企业名称不能超过200个字';
  const uscc = usccProblem(f.uscc);
  if (uscc) out.uscc = uscc;
  if (!f.businessType) out.businessType = '请选择业态';
  const licence = licenceProblem(f.licenceNo, f.businessType);
  if (licence) out.licenceNo = licence;
  if (!/^\d{12}$/.test(f.regionCode)) out.regionCode = '请选择所在村（社区）';
  const address = f.address.trim();
  if (!address) out.address = '请填写经营地址';
  else if (address.length > 300) out.address = '经营地址不能超过300个字';
  if (profileQuestions(f).includes('dinersPerMeal') && f.dinersPerMeal.trim() && diners(f.dinersPerMeal) === null) {
    out.dinersPerMeal = `${dinersLabel(f.businessType)}应为整数`;
  }
  return out;
}

/** The staffing facts as answered so far, for the live 是否须配备总监 hint. */
export function staffingProfileOf(f: BusinessForm): StaffingProfile | null {
  if (!f.businessType) return null;
  const asked = profileQuestions(f);
  return {
    businessType: f.businessType,
    scale: asked.includes('scale') ? f.scale : null,
    chainHeadquarters: asked.includes('chainHeadquarters') ? f.chainHeadquarters : undefined,
    centralKitchen: asked.includes('centralKitchen') ? f.centralKitchen : undefined,
    specialFood: asked.includes('specialFood') ? f.specialFood : undefined,
    canteenKind: asked.includes('canteenKind') ? f.canteenKind : null,
    contractorOperated: asked.includes('contractorOperated') ? f.contractorOperated : undefined,
    dinersPerMeal: asked.includes('dinersPerMeal') ? diners(f.dinersPerMeal) : null,
  };
}

/** The request, from a form without problems. Only the facts asked of the type are sent. */
export function registrationRequest(f: BusinessForm, principal: PersonForm): EnterpriseRegistrationRequest {
  const asked = profileQuestions(f);
  const businessType = f.businessType as BusinessType;
  const count = diners(f.dinersPerMeal);
  return {
    name: f.name.trim(),
    uscc: f.uscc.trim().toUpperCase(),
    licenceNo: f.licenceNo.trim().toUpperCase(),
    businessType,
    regionCode: f.regionCode,
    address: f.address.trim(),
    ...(asked.includes('scale') && f.scale ? { scale: f.scale } : {}),
    ...(asked.includes('chainHeadquarters') ? { chainHeadquarters: f.chainHeadquarters } : {}),
    ...(asked.includes('centralKitchen') ? { centralKitchen: f.centralKitchen } : {}),
    ...(asked.includes('specialFood') ? { specialFood: f.specialFood } : {}),
    ...(asked.includes('canteenKind') && f.canteenKind ? { canteenKind: f.canteenKind } : {}),
    ...(asked.includes('contractorOperated') ? { contractorOperated: f.contractorOperated } : {}),
    ...(asked.includes('dinersPerMeal') && count !== null ? { dinersPerMeal: count } : {}),
    principal: personRequest(principal),
  };
}

const isPersonField = (f: string): f is PersonField => f in EMPTY_PERSON;
const isBusinessField = (f: string): f is BusinessField => f in EMPTY_BUSINESS;

/** The server's 400 details of a registration (`uscc`, `principal.idNumber` …) → the form's fields; the rest as lines. */
export function registrationFieldErrors(details: readonly { field: string; message: string }[]): {
  business: FieldErrors<BusinessField>;
  person: FieldErrors<PersonField>;
  other: string[];
} {
  const business: FieldErrors<BusinessField> = {};
  const person: FieldErrors<PersonField> = {};
  const other: string[] = [];
  for (const { field, message } of details) {
    const inPrincipal = field.startsWith('principal.') ? field.slice('principal.'.length) : null;
    if (inPrincipal !== null && isPersonField(inPrincipal)) person[inPrincipal] ??= message;
    else if (inPrincipal === null && isBusinessField(field)) business[field] ??= message;
    // The account's own checks (PHONE_TAKEN) name the field without the prefix.
    else if (inPrincipal === null && isPersonField(field)) person[field] ??= message;
    else other.push(message);
  }
  return { business, person, other };
}

/** The server's 400 details of an invitation's acceptance (`phone`, `idNumber` …) → the person's fields. */
export function personFieldErrors(details: readonly { field: string; message: string }[]): { person: FieldErrors<PersonField>; other: string[] } {
  const person: FieldErrors<PersonField> = {};
  const other: string[] = [];
  for (const { field, message } of details) {
    if (isPersonField(field)) person[field] ??= message;
    else other.push(message);
  }
  return { person, other };
}

/** The invitation code as typed → its problem, or null. */
export function invitationCodeProblem(raw: string): string | null {
  if (!raw.trim()) return '请输入邀请码';
  return normalizeInvitationCode(raw) ? null : '邀请码为8位字母和数字，请向主要负责人核对';
}
