import { ErrorCodes } from '@shian/shared';
import type { ErrorSpec } from '../common/app-error';

export const RectificationErrors = {
  [ErrorCodes.NoEnterprise]: { status: 403, message: '当前账号未绑定企业' },
  RECTIFICATION_AWAITING_ACCEPTANCE: { status: 409, message: '整改情况已回复，正等待监管人员验收，不能重复回复' },
  RECTIFICATION_CLOSED: { status: 409, message: '该整改通知已验收通过并关闭' },
  RECTIFICATION_NOT_ANSWERED: { status: 409, message: '企业尚未回复整改情况，不能验收或退回' },
  RECTIFICATION_NOT_ISSUER: { status: 403, message: '只有下发该整改通知的包保干部可以验收或退回' },
} satisfies Record<string, ErrorSpec>;

export type RectificationErrorCode = keyof typeof RectificationErrors;
