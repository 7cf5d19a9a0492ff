// Real-format identifiers and request bodies for the onboarding specs: USCCs with their GB 32100
// check character, licence numbers as parseLicenceNo reads them, resident ID numbers with their
// GB 11643 check character — each unique within the process.
import { randomUUID } from 'node:crypto';
import { BusinessType, idNumberCheckChar, usccCheckChar } from '@shian/shared';
import type { InjectResult, TestApp } from './harness';

let counter = 0;
const next = (): number => ++counter + (process.pid % 1000) * 1000;

/** 91 (enterprise) + the county + a 9-character organisation code + the check character. */
export function realUscc(county = '150102'): string {
  const first17 = `91${county.slice(0, 6)}MA${String(next()).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17);
}

/** JY + 主体业态 (1 selling, 2 catering, 3 canteen) + the county + 7 digits. */
export function realJy(operator: '1' | '2' | '3' = '2', county = '150102'): string {
  return `JY${operator}${county.slice(0, 6)}${String(next()).padStart(7, '0')}`;
}

/** SC + food category 106 (乳制品) + the county + 5 digits. */
export function realSc(county = '150102'): string {
  return `SC106${county.slice(0, 6)}${String(next() % 100000).padStart(5, '0')}`;
}

/** A valid resident ID number born in 新城区 on the given date. */
export function realIdNumber(birth = '19900307'): string {
  const first17 = `150102${birth}${String(next() % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

let phones = 0;
/** A mobile number no demo account or harness helper uses. */
export function onboardingPhone(): string {
  phones += 1;
  return `136${String(process.pid % 10000).padStart(4, '0')}${String(phones).padStart(4, '0')}`;
}

export const PASSWORD = 'Shian2026';

export function registration(village: string, over: Record<string, unknown> = {}, principal: Record<string, unknown> = {}) {
  return {
    name: `测试注册餐馆${next()}`,
    uscc: realUscc(village),
    licenceNo: realJy('2', village),
    businessType: BusinessType.Catering,
    regionCode: village,
    address: '内蒙古自治区呼和浩特市新城区测试街 8 号',
    ...over,
    principal: { name: '陈店主', phone: onboardingPhone(), password: PASSWORD, idNumber: realIdNumber(), ...principal },
  };
}

export function register(t: TestApp, body: unknown, headers: Record<string, string> = {}): Promise<InjectResult> {
  return t.request({ method: 'POST', url: '/api/enterprises/register', body, headers });
}

export async function invite(t: TestApp, token: string, role: 'director' | 'officer', replacesUserId?: string): Promise<InjectResult> {
  return t.request({ method: 'POST', url: '/api/invitations', token, body: { role, ...(replacesUserId ? { replacesUserId } : {}) } });
}

export function accept(t: TestApp, code: string, person: Record<string, unknown> = {}): Promise<InjectResult> {
  return t.request({
    method: 'POST',
    url: '/api/invitations/accept',
    body: { code, name: '新同事', phone: onboardingPhone(), password: PASSWORD, idNumber: realIdNumber('19950520'), ...person },
  });
}

export const key = (): string => `onb-${randomUUID()}`;
