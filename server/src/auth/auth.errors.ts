import { ErrorCodes } from '@shian/shared';
import type { ErrorSpec } from '../common/app-error';

export const AuthErrors = {
  [ErrorCodes.InvalidCredentials]: { status: 401, message: '手机号或密码错误' },
  [ErrorCodes.AccountLocked]: { status: 423, message: '密码错误次数过多，账户已锁定，请稍后再试' },
  [ErrorCodes.InvalidRefreshToken]: { status: 401, message: '登录状态已失效，请重新登录' },
  [ErrorCodes.WechatNotBound]: { status: 404, message: '该微信尚未绑定账号，请输入手机号和密码完成绑定' },
  [ErrorCodes.WechatFailed]: { status: 502, message: '微信登录失败，请稍后重试' },
  WECHAT_NOT_CONFIGURED: { status: 503, message: '微信登录未配置（需设置 WECHAT_APPID 与 WECHAT_SECRET）' },
} satisfies Record<string, ErrorSpec>;
