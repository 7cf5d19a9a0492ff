import type { ErrorSpec } from '../common/app-error';

export const StaffErrors = {
  PHONE_TAKEN: { status: 409, message: '该手机号已注册，请使用其他手机号或直接登录' },
  PERSON_ALREADY_ON_ROSTER: { status: 409, message: '此人（身份证号相同）已在本企业任职' },
  STAFF_NOT_CURRENT: { status: 409, message: '该人员不在本企业在任人员中（可能已离任）' },
  PRINCIPAL_NOT_ENDABLE: { status: 400, message: '不能在此解除主要负责人的任职' },
  ENDED_BEFORE_APPOINTED: { status: 400, message: '离任日期不能早于任职日期' },
  NO_ID_NUMBER: { status: 404, message: '尚未登记身份证号' },
} satisfies Record<string, ErrorSpec>;
