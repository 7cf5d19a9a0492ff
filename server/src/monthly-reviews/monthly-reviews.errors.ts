import { ErrorCodes } from '@shian/shared';
import type { ErrorSpec } from '../common/app-error';

export const MonthlyReviewErrors = {
  MONTHLY_REVIEW_EXISTS: { status: 409, message: '该月的调度会议纪要已提交，不能重复提交（如需修改请更正）' },
  MONTHLY_REVIEW_NOT_CURRENT: { status: 409, message: '该纪要已有更新的版本，请在最新版本上更正' },
  FUTURE_MONTH: { status: 400, message: '月份不能晚于本月（北京时间）' },
  FUTURE_MEETING_DATE: { status: 400, message: '会议日期不能晚于今天（北京时间）' },
  [ErrorCodes.NoEnterprise]: { status: 403, message: '当前账号未绑定企业，不能提交月调度纪要' },
} satisfies Record<string, ErrorSpec>;
