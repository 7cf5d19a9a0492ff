import type { ErrorSpec } from '../common/app-error';

export const ComplaintErrors = {
  COMPLAINT_RATE_LIMITED: { status: 429, message: '提交过于频繁，请稍后再试（同一网络10分钟内最多提交5次，同一设备最多3次）' },
  PUBLIC_RATE_LIMITED: { status: 429, message: '请求过于频繁，请稍后再试' },
  DEVICE_ID_REQUIRED: { status: 400, message: '缺少请求头 X-Device-Id（8–100 位字母、数字或 _.:-）' },
  CHALLENGE_FAILED: { status: 400, message: '验证题答案不正确，请重新获取验证题' },
  CHALLENGE_EXPIRED: { status: 400, message: '验证题已过期或已使用，请重新获取' },
  /** The same answer for an unknown number and a wrong code: existence leaks nothing. */
  COMPLAINT_QUERY_FAILED: { status: 404, message: '受理编号或查询码不正确' },
  COMPLAINT_ACTION_NOT_ALLOWED: { status: 409, message: '当前状态下不能执行该操作' },
  COMPLAINT_NOT_HANDLER: { status: 403, message: '只有该件的承办人可以办理或查看投诉举报人身份' },
  COMPLAINT_ANONYMOUS: { status: 409, message: '该件为匿名提交，没有投诉举报人身份信息' },
  COMPLAINT_ALREADY_EXTENDED: { status: 409, message: '核查期限已延长过一次，不能再次延长' },
} satisfies Record<string, ErrorSpec>;

export type ComplaintErrorCode = keyof typeof ComplaintErrors;
