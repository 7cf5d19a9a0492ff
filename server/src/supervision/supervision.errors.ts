import type { ErrorSpec } from '../common/app-error';

export const SupervisionErrors = {
  CADRE_PHONE_TAKEN: { status: 409, message: '该手机号已被其他账号使用' },
  CADRE_REGION: { status: 400, message: '区域与包保层级不符' },
  ASSIGNMENT_REFUSED: { status: 400, message: '部分企业不能分配给该包保干部，本次未作任何分配' },
  ASSIGNMENT_NONE: { status: 404, message: '该企业当前没有包保干部' },
  COMMITMENT_FILES: { status: 400, message: '承诺书扫描件不存在或不是本人上传' },
} satisfies Record<string, ErrorSpec>;

export type SupervisionErrorCode = keyof typeof SupervisionErrors;
