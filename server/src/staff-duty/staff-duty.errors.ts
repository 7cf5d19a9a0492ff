import { ErrorCodes } from '@shian/shared';
import type { ErrorSpec } from '../common/app-error';

export const StaffDutyErrors = {
  [ErrorCodes.NoEnterprise]: { status: 403, message: '当前账号未绑定企业' },
  CREDENTIAL_OWN_ONLY: { status: 403, message: '食品安全员只能上传本人的资质证明' },
  CREDENTIAL_ALREADY_REVIEWED: { status: 409, message: '该资质证明已审核，不能重复审核' },
  CREDENTIAL_SUPERSEDED: { status: 409, message: '该资质证明已被重新上传的一份替换，请审核最新的一份' },
  CREDENTIAL_ALREADY_REPLACED: { status: 409, message: '要替换的资质证明已被另一份替换，请在最新的一份上重新上传' },
  TODO_ALREADY_CLOSED: { status: 409, message: '该待办已关闭' },
  TODO_PERSON_IN_POST: { status: 409, message: '该人员仍是本企业在岗的食品安全总监或食品安全员：须经抽查复考合格，或更换人员后才能关闭' },
} satisfies Record<string, ErrorSpec>;

export type StaffDutyErrorCode = keyof typeof StaffDutyErrors;
