// Which papers the roster shows for each person: per kind, the one no later upload replaced and,
// of those, the latest issued — and the colour of its state.
import { CredentialKind, CredentialStatus, Role, credentialState, type CredentialDto } from '@shian/shared';
import { credentialTone, currentCredentials } from '../src/components/roster-rules';

const TODAY = '2026-11-25';
let n = 0;
function credential(over: Partial<CredentialDto> & Pick<CredentialDto, 'userId' | 'kind'>): CredentialDto {
  n += 1;
  const status = over.status ?? CredentialStatus.Pending;
  const validUntil = over.validUntil ?? null;
  return {
    id: `c${String(n).padStart(3, '0')}`,
    enterpriseId: 'e1',
    enterpriseName: '新城区福满楼餐馆',
    regionCode: '150102001001',
    holderName: '钱总监',
    holderRole: Role.Director,
    kindLabel: '',
    files: [],
    issuedOn: '2026-11-01',
    validUntil,
    trainingHours: null,
    assessmentScore: null,
    status,
    state: credentialState({ review: status, validUntil }, TODAY),
    rejectReason: null,
    reviewedBy: null,
    reviewerName: null,
    reviewedAt: null,
    supersedesId: null,
    supersededById: null,
    uploadedBy: 'u1',
    createdAt: '2026-11-01T02:00:00.000Z',
    ...over,
  };
}

describe('currentCredentials', () => {
  it('skips replaced uploads and keeps the latest issued of each kind, per holder', () => {
    const rejected = credential({ userId: 'd', kind: CredentialKind.AppointmentLetter, status: CredentialStatus.Rejected, supersededById: 'x' });
    const reupload = credential({ userId: 'd', kind: CredentialKind.AppointmentLetter, supersedesId: rejected.id, issuedOn: '2026-11-02' });
    const oldTraining = credential({ userId: 'd', kind: CredentialKind.TrainingRecord, issuedOn: '2026-03-01', status: CredentialStatus.Verified });
    const newTraining = credential({ userId: 'd', kind: CredentialKind.TrainingRecord, issuedOn: '2026-10-01' });
    const officer = credential({ userId: 'o', kind: CredentialKind.AppointmentLetter });
    // Newest first, as the list comes.
    const byHolder = currentCredentials([officer, newTraining, reupload, oldTraining, rejected]);
    expect(byHolder.get('d')).toEqual({ [CredentialKind.AppointmentLetter]: reupload, [CredentialKind.TrainingRecord]: newTraining });
    expect(byHolder.get('o')).toEqual({ [CredentialKind.AppointmentLetter]: officer });
    expect(byHolder.get('nobody')).toBeUndefined();
  });

  it('breaks a tie of issue dates by upload time', () => {
    const first = credential({ userId: 'd', kind: CredentialKind.Assessment, createdAt: '2026-11-01T02:00:00.000Z' });
    const second = credential({ userId: 'd', kind: CredentialKind.Assessment, createdAt: '2026-11-01T03:00:00.000Z' });
    expect(currentCredentials([first, second]).get('d')?.[CredentialKind.Assessment]).toBe(second);
    expect(currentCredentials([second, first]).get('d')?.[CredentialKind.Assessment]).toBe(second);
  });
});

describe('credentialTone', () => {
  it.each([
    [CredentialStatus.Verified, null, 'success'],
    [CredentialStatus.Verified, '2026-12-10', 'warning'],
    [CredentialStatus.Pending, null, 'primary'],
    [CredentialStatus.Rejected, null, 'danger'],
    [CredentialStatus.Verified, '2026-11-24', 'danger'],
  ] as const)('%s valid until %s → %s', (review, validUntil, tone) => {
    expect(credentialTone(credentialState({ review, validUntil }, TODAY))).toBe(tone);
  });
});
