import type { ErrorSpec } from '../common/app-error';

export const ReviewErrors = {
  REVIEW_NOT_CURRENT: { status: 409, message: '该记录已有更新的版本，请审阅最新版本' },
} satisfies Record<string, ErrorSpec>;
