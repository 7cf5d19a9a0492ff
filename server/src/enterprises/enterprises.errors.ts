import { AppError, type ErrorSpec } from '../common/app-error';
import { EnterpriseStatus } from '@shian/shared';

export const EnterpriseErrors = {
  ENTERPRISE_DUPLICATE: { status: 409, message: '统一社会信用代码或许可证编号已登记' },
  ENTERPRISE_REGION_NOT_VILLAGE: { status: 400, message: '区划代码必须是已登记的村（社区）级代码（12 位）' },
  ENTERPRISE_REGION_OUT_OF_SCOPE: { status: 403, message: '只能在本辖区内登记企业' },
  ENTERPRISE_LICENCE_KIND: { status: 400, message: '许可证种类与业态不符：食品生产企业填写食品生产许可证（SC），其他业态填写食品经营许可证（JY）' },
  ENTERPRISE_NOT_PENDING: { status: 409, message: '该企业不是待审核状态' },
  ENTERPRISE_NOT_ACTIVE: { status: 403, message: '企业尚未通过审核' },
  ENTERPRISE_IMPORT_NOT_XLSX: { status: 415, message: '文件必须是 Excel 工作簿（.xlsx）' },
  ENTERPRISE_IMPORT_UNREADABLE: { status: 400, message: '无法读取该工作簿，请使用导入模板另存为 .xlsx 后重试' },
  ENTERPRISE_IMPORT_HEADERS: { status: 400, message: '工作簿缺少必填列' },
  ENTERPRISE_IMPORT_TOO_MANY_ROWS: { status: 400, message: '一次导入的行数过多' },
  ENTERPRISE_NOT_CONFIRMED: { status: 409, message: '企业尚未通过审核，暂不能生成公示牌' },
  CJK_FONT_MISSING: { status: 503, message: '服务器未安装中文字体，暂不能生成公示牌（请管理员安装 fonts-noto-cjk 或配置公示牌字体）' },
  BAD_HOST_HEADER: { status: 400, message: '请求头 Host 无效，无法生成二维码地址（可设置 PUBLIC_BASE_URL）' },
} satisfies Record<string, ErrorSpec>;

/**
 * Records (daily checks, weekly investigations, monthly reviews, their corrections) are accepted
 * only from a business its regulator has confirmed.
 */
export function assertAcceptsRecords(e: { status: EnterpriseStatus }): void {
  if (e.status === EnterpriseStatus.Active) return;
  const message = e.status === EnterpriseStatus.Rejected ? '企业登记未通过审核，不能提交记录' : '企业尚未通过审核，审核通过后才能提交记录';
  throw new AppError('ENTERPRISE_NOT_ACTIVE', 403, message);
}
