import { BusinessType } from '../enums';
import { licenceTypeProblem } from './registration';
import { INVITATION_CODE_ALPHABET, invitationQrPayload, normalizeInvitationCode, parseInvitationQr } from './invitation-code';
import { newPasswordProblem } from './password';

describe('invitation codes', () => {
  it('use no look-alike characters', () => {
    for (const c of '01OIL') expect(INVITATION_CODE_ALPHABET).not.toContain(c);
    expect(new Set(INVITATION_CODE_ALPHABET).size).toBe(INVITATION_CODE_ALPHABET.length);
  });

  it('are read back from what a person typed', () => {
    expect(normalizeInvitationCode('abcd-2345')).toBe('ABCD2345');
    expect(normalizeInvitationCode(' AB CD 23 45 ')).toBe('ABCD2345');
    expect(normalizeInvitationCode('ABCD234')).toBeNull();
    expect(normalizeInvitationCode('ABCD23450')).toBeNull();
    // O and 0, I and 1 are not in the alphabet: a code never contains them.
    expect(normalizeInvitationCode('ABCD2O45')).toBeNull();
    expect(normalizeInvitationCode('ABCD2I45')).toBeNull();
    expect(normalizeInvitationCode(undefined as unknown as string)).toBeNull();
  });

  it('round-trip through the QR payload', () => {
    expect(parseInvitationQr(invitationQrPayload('ABCD2345'))).toBe('ABCD2345');
    expect(parseInvitationQr('https://example.com/?code=ABCD2345')).toBeNull();
    expect(parseInvitationQr('shian://invite?code=nope')).toBeNull();
  });
});

describe('new passwords', () => {
  it.each([
    ['Demo@2026', null],
    ['abcd1234', null],
    ['abc123', '密码长度应为8–64位'],
    ['x1'.repeat(33), '密码长度应为8–64位'],
    ['abcdefgh', '密码须同时包含字母和数字'],
    ['12345678', '密码须同时包含字母和数字'],
  ])('%s → %s', (pw, problem) => {
    expect(newPasswordProblem(pw)).toBe(problem);
  });
});

describe('licence kind by business type', () => {
  it('producers hold SC, everyone else JY', () => {
    expect(licenceTypeProblem(BusinessType.Production, 'SC10615010200013')).toBeNull();
    expect(licenceTypeProblem(BusinessType.Production, 'JY11501020000013')).toContain('SC');
    expect(licenceTypeProblem(BusinessType.Catering, 'JY21501020000013')).toBeNull();
    expect(licenceTypeProblem(BusinessType.Canteen, 'SC10615010200013')).toContain('JY');
    expect(licenceTypeProblem(BusinessType.Catering, 'nonsense')).toBeNull();
  });
});
