import { ErrorCodes } from '@shian/shared';
import type { ErrorSpec } from '../common/app-error';

export const ProblemErrors = {
  [ErrorCodes.NoEnterprise]: { status: 403, message: '当前账号未绑定企业' },
} satisfies Record<string, ErrorSpec>;

/** Why a weekly investigation may not resolve a problem it names (reported per field, as a 400). */
export const PROBLEM_NOT_OPEN = '要处理的问题不存在、不属于本企业或已处理';
