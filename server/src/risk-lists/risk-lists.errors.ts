import type { ErrorSpec } from '../common/app-error';

export const RiskListErrors = {
  RISK_LIST_CHANGED: { status: 409, message: '风险管控清单已被他人修改，请刷新后重试' },
  RISK_LIST_EDIT_INVALID: { status: 400, message: '清单修改无效' },
  NO_ENTERPRISE: { status: 403, message: '当前账号未绑定企业' },
} satisfies Record<string, ErrorSpec>;
