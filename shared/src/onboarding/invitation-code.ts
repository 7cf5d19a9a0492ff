// The one-time code a principal gives a new director or officer (spoken, typed or scanned as a QR
// code). Eight characters of an alphabet without look-alikes (no 0/O, 1/I/L), so it survives being
// read aloud over the phone: 31^8 ≈ 8.5 × 10^11 codes.
import { Role } from '../enums';

export const INVITATION_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITATION_CODE_LENGTH = 8;
/** How long a code stays usable. */
export const INVITATION_TTL_HOURS = 72;

/** The roles a principal invites; the principal is the one who registered the business. */
export const INVITABLE_ROLES: readonly Role[] = [Role.Director, Role.Officer];

const CODE_RE = new RegExp(`^[${INVITATION_CODE_ALPHABET}]{${INVITATION_CODE_LENGTH}}$`);

/**
 * The code as stored, from what a person typed: spaces and hyphens dropped, upper-cased
 * ('abcd-2345 ' → 'ABCD2345'); null when it cannot be a code.
 */
export function normalizeInvitationCode(input: string): string | null {
  if (typeof input !== 'string') return null;
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return CODE_RE.test(code) ? code : null;
}

const QR_PREFIX = 'shian://invite?code=';

/** What the QR code carries: the miniapp's scanner reads the code back with parseInvitationQr. */
export function invitationQrPayload(code: string): string {
  return `${QR_PREFIX}${code}`;
}

export function parseInvitationQr(payload: string): string | null {
  if (typeof payload !== 'string' || !payload.startsWith(QR_PREFIX)) return null;
  return normalizeInvitationCode(payload.slice(QR_PREFIX.length));
}
