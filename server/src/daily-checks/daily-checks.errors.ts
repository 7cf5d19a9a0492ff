import { ErrorCodes } from '@shian/shared';
import type { ErrorSpec } from '../common/app-error';

export const DailyCheckErrors = {
  [ErrorCodes.DailyCheckExists]: { status: 409, message: '该营业日的每日检查记录已提交，不能重复提交' },
  [ErrorCodes.FutureBusinessDate]: { status: 400, message: '营业日期不能晚于今天（北京时间）' },
  [ErrorCodes.NoEnterprise]: { status: 403, message: '当前账号未绑定企业，不能提交每日检查' },
} satisfies Record<string, ErrorSpec>;
