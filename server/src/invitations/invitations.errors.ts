import type { ErrorSpec } from '../common/app-error';

export const InvitationErrors = {
  INVITATION_NOT_FOUND: { status: 404, message: '邀请码无效，请向主要负责人核实' },
  INVITATION_USED: { status: 410, message: '该邀请码已被使用，每个邀请码只能使用一次' },
  INVITATION_EXPIRED: { status: 410, message: '该邀请码已过期，请主要负责人重新邀请' },
  INVITATION_REVOKED: { status: 410, message: '该邀请码已被主要负责人撤销' },
  INVITATION_ENTERPRISE_REJECTED: { status: 410, message: '该企业的登记未通过审核，邀请已失效' },
  INVITATION_BAD_REPLACEMENT: { status: 400, message: '被接替人员须是本企业在任的同一角色人员' },
  INVITATION_DIRECTOR_FULL: { status: 409, message: '本企业已配备食品安全总监：请由主要负责人发起更换总监的邀请' },
  INVITATION_NOT_PENDING: { status: 409, message: '该邀请已使用、过期或撤销，不能再撤销' },
  APPOINTED_IN_FUTURE: { status: 400, message: '任职日期不能晚于今天' },
} satisfies Record<string, ErrorSpec>;
