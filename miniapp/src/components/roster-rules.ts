// Which of a business's credentials the roster shows: per holder and kind, the current one. Pure
// (no Taro), so miniapp/test runs it.
import { CredentialKind, CredentialStatus, type CredentialDto, type CredentialState } from '@shian/shared';

/** The papers asked of each director and officer, in the order the roster lists them. */
export const CREDENTIAL_KINDS: readonly CredentialKind[] = [CredentialKind.AppointmentLetter, CredentialKind.TrainingRecord, CredentialKind.Assessment];

/** What a paper's issue date is called, by kind: 任命日期 / 培训日期 / 考核日期. */
export const CREDENTIAL_ISSUED_LABELS: Record<CredentialKind, string> = {
  [CredentialKind.AppointmentLetter]: '任命日期',
  [CredentialKind.TrainingRecord]: '培训日期',
  [CredentialKind.Assessment]: '考核日期',
};

export type CredentialsByKind = Partial<Record<CredentialKind, CredentialDto>>;

/** Later issued, or issued the same day and uploaded later (ties by id), as the server orders "latest". */
function isLater(a: CredentialDto, b: CredentialDto): boolean {
  if (a.issuedOn !== b.issuedOn) return a.issuedOn > b.issuedOn;
  if (a.createdAt !== b.createdAt) return a.createdAt > b.createdAt;
  return a.id > b.id;
}

/**
 * Each holder's current credential of each kind: one no later upload replaced, and of those the
 * latest issued — the one the server's expiry warnings and review queue go by.
 */
export function currentCredentials(list: readonly CredentialDto[]): Map<string, CredentialsByKind> {
  const out = new Map<string, CredentialsByKind>();
  for (const c of list) {
    if (c.supersededById) continue;
    const kinds = out.get(c.userId) ?? {};
    const held = kinds[c.kind];
    if (!held || isLater(c, held)) kinds[c.kind] = c;
    out.set(c.userId, kinds);
  }
  return out;
}

export type StateTone = 'success' | 'warning' | 'danger' | 'primary' | 'default';

/** The tag colour of a credential's state: verified green, expiring orange, pending blue, rejected or expired red. */
export function credentialTone(state: CredentialState): StateTone {
  if (state.status === CredentialStatus.Rejected || state.status === CredentialStatus.Expired) return 'danger';
  if (state.expiring) return 'warning';
  if (state.status === CredentialStatus.Verified) return 'success';
  return 'primary';
}
