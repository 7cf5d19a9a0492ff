// The principal invites the business's director and officers: a one-time code (or its QR), valid
// for INVITATION_TTL_HOURS, that the invitee redeems with their name, phone, password and ID number
// to join the roster. An invitation may replace someone: their appointment ends when the invitee
// joins, and the history keeps both.
import { createHash, randomInt, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import {
  EnterpriseStatus,
  ErrorCodes,
  INVITATION_CODE_ALPHABET,
  INVITATION_CODE_LENGTH,
  INVITATION_TTL_HOURS,
  InvitationAcceptResponse,
  InvitationCreatedDto,
  InvitationDto,
  InvitationPreviewDto,
  InvitationStatus,
  invitationQrPayload,
  normalizeInvitationCode,
  Role,
  staffingRequirement,
  todayInShanghai,
} from '@shian/shared';
import { verifyPassword } from '../auth/password';
import { User } from '../auth/user.entity';
import { AppError, notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { isUniqueViolation } from '../common/sql';
import { Enterprise } from '../enterprises/enterprise.entity';
import { EnterpriseErrors } from '../enterprises/enterprises.errors';
import { Appointment } from '../staff/appointment.entity';
import { staffingProfileOf, StaffService } from '../staff/staff.service';
import { AcceptInvitationDto, CreateInvitationDto } from './dto/invitation.dto';
import { Invitation } from './invitation.entity';
import { InvitationErrors } from './invitations.errors';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export function newInvitationCode(): string {
  let code = '';
  for (let i = 0; i < INVITATION_CODE_LENGTH; i++) code += INVITATION_CODE_ALPHABET[randomInt(INVITATION_CODE_ALPHABET.length)];
  return code;
}

function statusOf(inv: Invitation, now: Date): InvitationStatus {
  if (inv.acceptedAt) return 'accepted';
  if (inv.revokedAt) return 'revoked';
  return inv.expiresAt <= now ? 'expired' : 'pending';
}

export interface AcceptOutcome {
  status: number;
  body: InvitationAcceptResponse;
  replayed: boolean;
}

@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(StaffService) private readonly staff: StaffService,
  ) {}

  /** The principal invites a director or officer; the code is in this answer only. */
  async create(caller: Caller, dto: CreateInvitationDto, now = new Date()): Promise<InvitationCreatedDto> {
    const enterprise = await this.ownEnterprise(caller);
    if (enterprise.status === EnterpriseStatus.Rejected) throw AppError.of(EnterpriseErrors, 'ENTERPRISE_NOT_ACTIVE', undefined, '企业登记未通过审核，不能邀请人员');
    const users = this.ds.getRepository(User);
    let replaces: User | null = null;
    if (dto.replacesUserId) {
      replaces = await users.findOne({ where: { id: dto.replacesUserId, enterpriseId: enterprise.id, active: true } });
      if (!replaces || replaces.role !== dto.role) throw AppError.of(InvitationErrors, 'INVITATION_BAD_REPLACEMENT', [{ field: 'replacesUserId', message: InvitationErrors.INVITATION_BAD_REPLACEMENT.message }]);
    } else if (dto.role === Role.Director) {
      // A business has its director(s) already (two where 双总监 applies): a new one replaces the longest-serving.
      const directors = await users.find({ where: { enterpriseId: enterprise.id, role: Role.Director, active: true }, order: { createdAt: 'ASC', id: 'ASC' } });
      if (directors.length >= this.maxDirectors(enterprise)) replaces = directors[0];
    }
    for (let attempt = 1; ; attempt++) {
      const code = newInvitationCode();
      const row = Object.assign(new Invitation(), {
        id: randomUUID(),
        enterpriseId: enterprise.id,
        role: dto.role,
        codeHash: sha256(code),
        replacesUserId: replaces?.id ?? null,
        createdBy: caller.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_HOURS * 3_600_000),
        acceptedAt: null,
        acceptedBy: null,
        revokedAt: null,
      });
      try {
        await this.ds.getRepository(Invitation).insert(row);
      } catch (e) {
        // Two codes alike out of 31^8: draw again.
        if (isUniqueViolation(e) && attempt < 5) continue;
        throw e;
      }
      const names = new Map(replaces ? [[replaces.id, replaces.name]] : []);
      return { ...this.toDto(row, now, names), code, qrPayload: invitationQrPayload(code), enterpriseName: enterprise.name };
    }
  }

  /** The business's invitations, newest first (codes are never shown again). */
  async list(caller: Caller, now = new Date()): Promise<InvitationDto[]> {
    const enterprise = await this.ownEnterprise(caller);
    const rows = await this.ds.getRepository(Invitation).find({ where: { enterpriseId: enterprise.id }, order: { createdAt: 'DESC', id: 'ASC' }, take: 100 });
    const ids = [...new Set(rows.flatMap((r) => [r.acceptedBy, r.replacesUserId]).filter((v): v is string => !!v))];
    const people = ids.length ? await this.ds.getRepository(User).find({ where: { id: In(ids) }, select: { id: true, name: true } }) : [];
    const names = new Map(people.map((p) => [p.id, p.name]));
    return rows.map((r) => this.toDto(r, now, names));
  }

  async revoke(caller: Caller, id: string, now = new Date()): Promise<InvitationDto> {
    const enterprise = await this.ownEnterprise(caller);
    const row = await this.ds.getRepository(Invitation).findOne({ where: { id, enterpriseId: enterprise.id } });
    if (!row) throw notFound('邀请');
    if (statusOf(row, now) !== 'pending') throw AppError.of(InvitationErrors, 'INVITATION_NOT_PENDING');
    const res = await this.ds.getRepository(Invitation).update({ id, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: now });
    if (!res.affected) throw AppError.of(InvitationErrors, 'INVITATION_NOT_PENDING');
    return this.toDto(Object.assign(row, { revokedAt: now }), now, new Map());
  }

  /** What a code invites to, for the invitee to check before signing up (no login). */
  async preview(rawCode: string, now = new Date()): Promise<InvitationPreviewDto> {
    const { invitation, enterprise } = await this.usable(rawCode, now);
    return { enterpriseName: enterprise.name, role: invitation.role, expiresAt: invitation.expiresAt.toISOString() };
  }

  /**
   * Redeems a code (no login): the invitee joins the roster, replacing whom the invitation names.
   * One time only; a retry by the same person (same phone and password) after a lost answer gets
   * the same answer back, anyone else 410.
   */
  async accept(dto: AcceptInvitationDto, now = new Date()): Promise<AcceptOutcome> {
    const replay = await this.replayIfMine(dto, now);
    if (replay) return replay;
    const { invitation, enterprise } = await this.usable(dto.code, now);
    const today = todayInShanghai(now);
    const appointedOn = dto.appointedOn ?? today;
    if (appointedOn > today) throw AppError.of(InvitationErrors, 'APPOINTED_IN_FUTURE', [{ field: 'appointedOn', message: `任职日期不能晚于今天（${today}）` }], `任职日期不能晚于今天（${today}）`);
    const passwordHash = await this.staff.hashPassword(dto.password);

    const body = await this.ds.transaction(async (em) => {
      const userId = randomUUID();
      // Claim the code first: of two redeeming at once, one claims it, the other finds it used.
      const claim = await em.update(Invitation, { id: invitation.id, acceptedAt: IsNull(), revokedAt: IsNull() }, { acceptedAt: now, acceptedBy: userId });
      if (!claim.affected) throw AppError.of(InvitationErrors, 'INVITATION_USED');

      let replaced: { userId: string; name: string } | null = null;
      if (invitation.replacesUserId) {
        const old = await em.findOne(User, { where: { id: invitation.replacesUserId, enterpriseId: enterprise.id, active: true } });
        if (old) {
          const since = await em.findOne(Appointment, { where: { userId: old.id, enterpriseId: enterprise.id, endedOn: IsNull() }, order: { appointedOn: 'DESC' } });
          if (since && since.appointedOn > appointedOn) {
            const message = `任职日期不能早于被接替人员的任职日期（${since.appointedOn}）`;
            throw AppError.of(InvitationErrors, 'APPOINTED_IN_FUTURE', [{ field: 'appointedOn', message }], message);
          }
          await this.staff.end(em, enterprise.id, old.id, appointedOn, `由${dto.name}接替`, invitation.createdBy);
          replaced = { userId: old.id, name: old.name };
        }
      }
      if (invitation.role === Role.Director) {
        const directors = await em.count(User, { where: { enterpriseId: enterprise.id, role: Role.Director, active: true } });
        if (directors >= this.maxDirectors(enterprise)) throw AppError.of(InvitationErrors, 'INVITATION_DIRECTOR_FULL');
      }
      const joined = await this.staff.join(em, enterprise.id, invitation.role, { name: dto.name, phone: dto.phone, idNumber: dto.idNumber, passwordHash }, appointedOn, invitation.createdBy, userId);
      // A returning person keeps their account (StaffService.join): record who actually joined.
      if (joined.user.id !== userId) await em.update(Invitation, { id: invitation.id }, { acceptedBy: joined.user.id });
      return this.acceptResponse(joined.user, enterprise, joined.appointment.appointedOn, replaced);
    });
    return { status: 201, body, replayed: false };
  }

  /** The invitation a code names, if it can still be used; else 404 (unknown) or 410 (used, revoked, expired). */
  private async usable(rawCode: string, now: Date): Promise<{ invitation: Invitation; enterprise: Enterprise }> {
    const invitation = await this.byCode(rawCode);
    if (!invitation) throw AppError.of(InvitationErrors, 'INVITATION_NOT_FOUND', [{ field: 'code', message: InvitationErrors.INVITATION_NOT_FOUND.message }]);
    const status = statusOf(invitation, now);
    if (status === 'accepted') throw AppError.of(InvitationErrors, 'INVITATION_USED');
    if (status === 'revoked') throw AppError.of(InvitationErrors, 'INVITATION_REVOKED');
    if (status === 'expired') throw AppError.of(InvitationErrors, 'INVITATION_EXPIRED');
    const enterprise = await this.ds.getRepository(Enterprise).findOneOrFail({ where: { id: invitation.enterpriseId } });
    if (enterprise.status === EnterpriseStatus.Rejected) throw AppError.of(InvitationErrors, 'INVITATION_ENTERPRISE_REJECTED');
    return { invitation, enterprise };
  }

  private async byCode(rawCode: string): Promise<Invitation | null> {
    const code = normalizeInvitationCode(rawCode);
    return code ? this.ds.getRepository(Invitation).findOne({ where: { codeHash: sha256(code) } }) : null;
  }

  /** The code was redeemed by this very person (phone and password match): their answer again. */
  private async replayIfMine(dto: AcceptInvitationDto, now: Date): Promise<AcceptOutcome | null> {
    const invitation = await this.byCode(dto.code);
    if (!invitation?.acceptedBy || statusOf(invitation, now) !== 'accepted') return null;
    const user = await this.ds.getRepository(User).findOne({ where: { id: invitation.acceptedBy } });
    if (!user || user.phone !== dto.phone || !(await verifyPassword(dto.password, user.passwordHash))) return null;
    const enterprise = await this.ds.getRepository(Enterprise).findOneOrFail({ where: { id: invitation.enterpriseId } });
    const appointment = await this.ds.getRepository(Appointment).findOne({ where: { userId: user.id, enterpriseId: enterprise.id, role: invitation.role }, order: { createdAt: 'DESC' } });
    const old = invitation.replacesUserId ? await this.ds.getRepository(User).findOne({ where: { id: invitation.replacesUserId }, select: { id: true, name: true } }) : null;
    const body = this.acceptResponse(user, enterprise, appointment?.appointedOn ?? todayInShanghai(now), old ? { userId: old.id, name: old.name } : null);
    return { status: 201, body, replayed: true };
  }

  private acceptResponse(user: User, enterprise: Enterprise, appointedOn: string, replaced: InvitationAcceptResponse['replaced']): InvitationAcceptResponse {
    return {
      user: { id: user.id, name: user.name, phone: user.phone, role: user.role, enterpriseId: enterprise.id, enterpriseName: enterprise.name, regionCode: null, regionName: null, cadreLevel: null },
      enterprise: { id: enterprise.id, name: enterprise.name },
      role: user.role,
      appointedOn,
      replaced,
    };
  }

  /** One director, or two where the canteen rule asks for 双总监. */
  private maxDirectors(enterprise: Enterprise): number {
    return Math.max(1, staffingRequirement(staffingProfileOf(enterprise)).minDirectors);
  }

  private async ownEnterprise(caller: Caller): Promise<Enterprise> {
    if (!caller.enterpriseId) throw new AppError(ErrorCodes.NoEnterprise, 403, '当前账号未绑定企业');
    return this.ds.getRepository(Enterprise).findOneOrFail({ where: { id: caller.enterpriseId } });
  }

  private toDto(r: Invitation, now: Date, names: Map<string, string>): InvitationDto {
    return {
      id: r.id,
      enterpriseId: r.enterpriseId,
      role: r.role,
      status: statusOf(r, now),
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      acceptedAt: r.acceptedAt ? r.acceptedAt.toISOString() : null,
      acceptedByName: r.acceptedBy ? (names.get(r.acceptedBy) ?? null) : null,
      replaces: r.replacesUserId ? { userId: r.replacesUserId, name: names.get(r.replacesUserId) ?? '' } : null,
    };
  }
}
