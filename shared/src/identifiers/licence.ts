// 食品经营许可证 "JY" + 14 digits; 食品生产许可证 "SC" + 14 digits.
export const LICENCE_NO_PATTERN = /^(JY|SC)\d{14}$/;

export function isValidLicenceNo(no: string): boolean {
  return typeof no === 'string' && LICENCE_NO_PATTERN.test(no);
}

export function licenceKind(no: string): 'operation' | 'production' | null {
  if (!isValidLicenceNo(no)) return null;
  return no.startsWith('JY') ? 'operation' : 'production';
}
