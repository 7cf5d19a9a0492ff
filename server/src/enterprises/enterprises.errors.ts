import type { ErrorSpec } from '../common/app-error';

export const EnterpriseErrors = {
  ENTERPRISE_DUPLICATE: { status: 409, message: '统一社会信用代码或许可证编号已登记' },
  ENTERPRISE_REGION_NOT_VILLAGE: { status: 400, message: '区划代码必须是已登记的村（社区）级代码（12 位）' },
  ENTERPRISE_REGION_OUT_OF_SCOPE: { status: 403, message: '只能在本辖区内登记企业' },
} satisfies Record<string, ErrorSpec>;
