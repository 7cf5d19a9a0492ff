// Which licence a business holds follows from what it does: food producers hold a 食品生产许可证
// (SC, 《食品生产许可管理办法》), everyone else a 食品经营许可证 (JY, 《食品经营许可和备案管理办法》).
import { BusinessType } from '../enums';
import { licenceKind } from '../identifiers/licence';

/** Why the licence number does not fit the business type (Chinese), or null. Null too for a malformed number: other checks say that. */
export function licenceTypeProblem(businessType: BusinessType, licenceNo: string): string | null {
  const kind = licenceKind(licenceNo);
  if (kind === null) return null;
  if (businessType === BusinessType.Production && kind !== 'production') return '食品生产企业应填写食品生产许可证编号（SC开头）';
  if (businessType !== BusinessType.Production && kind !== 'operation') return '食品经营企业（销售、餐饮、食堂、集体用餐配送）应填写食品经营许可证编号（JY开头）';
  return null;
}
