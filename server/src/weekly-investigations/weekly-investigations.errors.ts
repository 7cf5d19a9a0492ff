import { ErrorCodes } from '@shian/shared';
import type { ErrorSpec } from '../common/app-error';

export const WeeklyInvestigationErrors = {
  WEEKLY_INVESTIGATION_EXISTS: { status: 409, message: '该周的排查治理报告已提交，不能重复提交（如需修改请更正）' },
  WEEKLY_INVESTIGATION_NOT_CURRENT: { status: 409, message: '该报告已有更新的版本，请在最新版本上更正' },
  FUTURE_WEEK: { status: 400, message: '周次不能晚于本周（北京时间）' },
  WEEKLY_BY_DIRECTOR: { status: 403, message: '本企业已配备食品安全总监，周排查应由总监组织并签字' },
  [ErrorCodes.NoEnterprise]: { status: 403, message: '当前账号未绑定企业，不能提交周排查报告' },
} satisfies Record<string, ErrorSpec>;
