import { ErrorCodes } from '@shian/shared';
import type { ErrorSpec } from '../common/app-error';

export const DailyCheckErrors = {
  [ErrorCodes.DailyCheckExists]: { status: 409, message: '该营业日的每日检查记录已提交，不能重复提交' },
  [ErrorCodes.FutureBusinessDate]: { status: 400, message: '营业日期不能晚于今天（北京时间）' },
  FUTURE_MONTH: { status: 400, message: '月份不能晚于本月（北京时间）' },
  DAILY_CHECK_NOT_CURRENT: { status: 409, message: '该记录已有更新的版本，请在最新版本上更正' },
  [ErrorCodes.NoEnterprise]: { status: 403, message: '当前账号未绑定企业，不能提交每日检查' },
} satisfies Record<string, ErrorSpec>;
