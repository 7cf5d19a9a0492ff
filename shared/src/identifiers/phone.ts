/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
export const MOBILE_PHONE_PATTERN = /^1[3-9]\d{9}$/;

export function isValidMobilePhone(phone: string): boolean {
  return typeof phone === 'string' && MOBILE_PHONE_PATTERN.test(phone);
}

/** 139****0001 — how a phone number shows to anyone but its owner. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}
