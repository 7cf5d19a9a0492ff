import { ErrorCodes } from '@shian/shared';
import type { ErrorSpec } from '../common/app-error';

export const ProblemErrors = {
  PROBLEM_NOT_OPEN: { status: 400, message: '要处理的问题不存在、不属于本企业或已处理' },
  [ErrorCodes.NoEnterprise]: { status: 403, message: '当前账号未绑定企业' },
} satisfies Record<string, ErrorSpec>;
