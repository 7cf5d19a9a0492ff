// The people of a business (三人三责): who is on its roster now, who held each role when, and the
// personal data that comes with them. A person on a roster is a users row (role, enterprise);
// an appointment records each stint in a role. Ending one deactivates the account and keeps it,
// so the records the person signed keep their signer.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import {
  AppointmentDto,
  checkIdNumber,
  EnterpriseStaffDto,
  evaluateStaffing,
  isEnterpriseRole,
  maskIdNumber,
  maskPhone,
  MyIdNumberDto,
  PersonRequest,
  Role,
  StaffingProfile,
  staffingRequirement,
  StaffMemberDto,
  todayInShanghai,
} from '@shian/shared';
import { hashPassword } from '../auth/password';
import { RefreshToken } from '../auth/refresh-token.entity';
import { User } from '../auth/user.entity';
import { AppError, notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { FieldCrypto, ID_NUMBER_INDEX, idNumberContext } from '../common/field-crypto';
import { applyScope } from '../common/region-scope';
import { isUniqueViolation } from '../common/sql';
import { Enterprise } from '../enterprises/enterprise.entity';
import { CredentialsService } from '../staff-duty/credentials.service';
import { Appointment } from './appointment.entity';
import { EndAppointmentDto, SetIdNumberDto } from './dto/staff.dto';
import { StaffErrors } from './staff.errors';
import { refreshEnterpriseRollup } from '../stats/rollup-rebuild';

/** A person about to join, with the password already hashed (bcrypt is slow: never inside a transaction). */
export interface Joiner extends Omit<PersonRequest, 'password'> {
  passwordHash: string;
}

export interface Joined {
  user: User;
  appointment: Appointment;
}

/** The staffing facts of a business as the shared rules want them. */
export function staffingProfileOf(e: Enterprise): StaffingProfile {
  return {
    businessType: e.businessType,
    scale: e.scale,
    chainHeadquarters: e.chainHeadquarters ?? undefined,
    centralKitchen: e.centralKitchen ?? undefined,
    specialFood: e.specialFood ?? undefined,
    canteenKind: e.canteenKind,
    contractorOperated: e.contractorOperated ?? undefined,
    dinersPerMeal: e.dinersPerMeal,
  };
}

export function appointmentDto(a: Appointment): AppointmentDto {
  return {
    id: a.id,
    userId: a.userId,
    role: a.role,
    name: a.name,
    appointedOn: a.appointedOn,
    endedOn: a.endedOn,
    endedReason: a.endedReason,
    createdAt: a.createdAt.toISOString(),
  };
}

@Injectable()
export class StaffService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(FieldCrypto) private readonly crypto: FieldCrypto,
    @Inject(CredentialsService) private readonly credentials: CredentialsService,
  ) {}

  hashPassword(password: string): Promise<string> {
    return hashPassword(password);
  }

  /** The stored forms of an ID number (already validated): ciphertext bound to the user, mask, keyed hash. */
  idNumberColumns(userId: string, idNumber: string): Pick<User, 'idNumberEnc' | 'idNumberMask' | 'idNumberHash'> {
    const normalised = checkIdNumber(idNumber);
    if (!normalised.ok) throw new RangeError('idNumber must be validated first');
    const plain = normalised.value.idNumber;
    return { idNumberEnc: this.crypto.encrypt(plain, idNumberContext(userId)), idNumberMask: maskIdNumber(plain), idNumberHash: this.idNumberHash(plain) };
  }

  idNumberHash(idNumber: string): string {
    const res = checkIdNumber(idNumber);
    return this.crypto.blindIndex(res.ok ? res.value.idNumber : idNumber.toUpperCase(), ID_NUMBER_INDEX);
  }

  /**
   * Puts a person on a business's roster in a role, from `appointedOn`. Their phone is their login:
   * taken by an active account → 409; by an inactive account of the same person (same ID number:
   * someone who left and comes back, here or at another business) → that account is reused, so
   * one person keeps one account and their old records stay theirs; by someone else → 409.
   */
  async join(em: EntityManager, enterpriseId: string, role: Role, person: Joiner, appointedOn: string, createdBy: string | null, userId: string = randomUUID()): Promise<Joined> {
    const idHash = this.idNumberHash(person.idNumber);
    const sameOnRoster = await em.findOne(User, { where: { enterpriseId, idNumberHash: idHash, active: true }, select: { id: true } });
    if (sameOnRoster) throw AppError.of(StaffErrors, 'PERSON_ALREADY_ON_ROSTER', [{ field: 'idNumber', message: StaffErrors.PERSON_ALREADY_ON_ROSTER.message }]);
    const existing = await em.findOne(User, { where: { phone: person.phone } });
    if (existing && (existing.active || existing.idNumberHash !== idHash)) {
      throw AppError.of(StaffErrors, 'PHONE_TAKEN', [{ field: 'phone', message: StaffErrors.PHONE_TAKEN.message }]);
    }
    const now = new Date();
    const id = existing?.id ?? userId;
    const fields = {
      name: person.name,
      passwordHash: person.passwordHash,
      role,
      enterpriseId,
      regionCode: null,
      cadreLevel: null,
      failedLoginCount: 0,
      lockedUntil: null,
      active: true,
      ...this.idNumberColumns(id, person.idNumber),
    };
    let user: User;
    try {
      if (existing) {
        await em.update(User, { id }, fields);
        user = Object.assign(existing, fields);
      } else {
        user = Object.assign(new User(), { id, phone: person.phone, wechatOpenId: null, createdAt: now, ...fields });
        await em.insert(User, user);
      }
    } catch (e) {
      // Another sign-up with this phone won the race.
      if (isUniqueViolation(e)) throw AppError.of(StaffErrors, 'PHONE_TAKEN', [{ field: 'phone', message: StaffErrors.PHONE_TAKEN.message }]);
      throw e;
    }
    const appointment = Object.assign(new Appointment(), {
      id: randomUUID(),
      enterpriseId,
      userId: id,
      role,
      name: person.name,
      appointedOn,
      endedOn: null,
      endedReason: null,
      endedBy: null,
      createdBy: createdBy ?? id,
      createdAt: now,
    });
    await em.insert(Appointment, appointment);
    await refreshEnterpriseRollup(em, enterpriseId);
    return { user, appointment };
  }

  /**
   * Ends a person's appointment at a business: the appointment gets its end date and reason, the
   * account is deactivated (no login; refresh tokens revoked; an access token already issued lapses
   * within JWT_ACCESS_TTL) and kept, with the records it signed. False when not on the roster.
   */
  async end(em: EntityManager, enterpriseId: string, userId: string, endedOn: string, reason: string, endedBy: string | null): Promise<boolean> {
    const user = await em.findOne(User, { where: { id: userId, enterpriseId, active: true } });
    if (!user) return false;
    const open = await em.find(Appointment, { where: { enterpriseId, userId, endedOn: IsNull() } });
    if (open.some((a) => a.appointedOn > endedOn)) throw AppError.of(StaffErrors, 'ENDED_BEFORE_APPOINTED', [{ field: 'endedOn', message: StaffErrors.ENDED_BEFORE_APPOINTED.message }]);
    if (open.length) await em.update(Appointment, { id: In(open.map((a) => a.id)) }, { endedOn, endedReason: reason.slice(0, 200), endedBy });
    await em.update(User, { id: userId }, { active: false });
    await em.update(RefreshToken, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    await refreshEnterpriseRollup(em, enterpriseId);
    return true;
  }

  /** The roster, what the business lacks and the role history: the business's own people and officials in scope. */
  async staff(caller: Caller, enterpriseId: string): Promise<EnterpriseStaffDto> {
    const qb = this.ds.getRepository(Enterprise).createQueryBuilder('e').where('e.id = :id', { id: enterpriseId });
    const enterprise = await applyScope(qb, caller, { region: 'e.regionCode', enterprise: 'e.id' }).getOne();
    if (!enterprise) throw notFound('企业');
    const users = await this.ds.getRepository(User).find({ where: { enterpriseId, active: true }, order: { createdAt: 'ASC', id: 'ASC' } });
    const history = await this.ds.getRepository(Appointment).find({ where: { enterpriseId }, order: { appointedOn: 'DESC', createdAt: 'DESC', id: 'ASC' } });
    const rank: Record<string, number> = { [Role.Principal]: 0, [Role.Director]: 1, [Role.Officer]: 2 };
    const current = users
      .filter((u) => isEnterpriseRole(u.role))
      .sort((a, b) => rank[a.role] - rank[b.role])
      .map((u) => this.member(caller, u, history.find((a) => a.userId === u.id && a.role === u.role && a.endedOn === null) ?? null));
    // Scope was checked above: the business is the caller's own or in their region.
    const papers = await this.credentials.statesFor(enterpriseId);
    for (const m of current) if (m.role === Role.Director || m.role === Role.Officer) m.credentials = papers.get(m.userId) ?? {};
    const requirement = staffingRequirement(staffingProfileOf(enterprise));
    return {
      enterpriseId,
      enterpriseName: enterprise.name,
      status: enterprise.status,
      requirement,
      lacks: evaluateStaffing(requirement, current),
      current,
      history: history.map(appointmentDto),
    };
  }

  /** How a roster member shows to the caller: the ID number always masked, the phone to the person, their principal and officials. */
  member(caller: Caller, u: User, appointment: Appointment | null): StaffMemberDto {
    const seesPhone = caller.id === u.id || !isEnterpriseRole(caller.role) || (caller.role === Role.Principal && caller.enterpriseId === u.enterpriseId);
    return {
      userId: u.id,
      appointmentId: appointment?.id ?? null,
      role: u.role,
      name: u.name,
      phone: seesPhone ? u.phone : maskPhone(u.phone),
      idNumberMasked: u.idNumberMask,
      appointedOn: appointment?.appointedOn ?? null,
    };
  }

  /** The principal ends a director's or officer's appointment (not their own: that is a change of principal). */
  async endByPrincipal(caller: Caller, enterpriseId: string, userId: string, dto: EndAppointmentDto, now = new Date()): Promise<EnterpriseStaffDto> {
    if (caller.enterpriseId !== enterpriseId) throw notFound('企业');
    const today = todayInShanghai(now);
    const endedOn = dto.endedOn ?? today;
    if (endedOn > today) throw AppError.of(StaffErrors, 'ENDED_BEFORE_APPOINTED', [{ field: 'endedOn', message: `离任日期不能晚于今天（${today}）` }], `离任日期不能晚于今天（${today}）`);
    await this.ds.transaction(async (em) => {
      const target = await em.findOne(User, { where: { id: userId, enterpriseId, active: true }, select: { id: true, role: true } });
      if (!target) throw AppError.of(StaffErrors, 'STAFF_NOT_CURRENT');
      if (target.role === Role.Principal) throw AppError.of(StaffErrors, 'PRINCIPAL_NOT_ENDABLE');
      if (!(await this.end(em, enterpriseId, userId, endedOn, dto.reason, caller.id))) throw AppError.of(StaffErrors, 'STAFF_NOT_CURRENT');
    });
    return this.staff(caller, enterpriseId);
  }

  /** The owner's own ID number, in full: the only place it is ever shown. */
  async myIdNumber(caller: Caller): Promise<MyIdNumberDto> {
    const user = await this.ds.getRepository(User).findOne({ where: { id: caller.id }, select: { id: true, idNumberEnc: true, idNumberMask: true } });
    if (!user?.idNumberEnc) throw AppError.of(StaffErrors, 'NO_ID_NUMBER');
    return { idNumber: this.crypto.decrypt(user.idNumberEnc, idNumberContext(user.id)), masked: user.idNumberMask ?? '' };
  }

  /** The owner records or corrects their own ID number. */
  async setMyIdNumber(caller: Caller, dto: SetIdNumberDto): Promise<MyIdNumberDto> {
    const user = await this.ds.getRepository(User).findOneOrFail({ where: { id: caller.id }, select: { id: true, enterpriseId: true } });
    const columns = this.idNumberColumns(user.id, dto.idNumber);
    if (user.enterpriseId) {
      const same = await this.ds.getRepository(User).findOne({ where: { enterpriseId: user.enterpriseId, idNumberHash: columns.idNumberHash!, active: true }, select: { id: true } });
      if (same && same.id !== user.id) throw AppError.of(StaffErrors, 'PERSON_ALREADY_ON_ROSTER', [{ field: 'idNumber', message: StaffErrors.PERSON_ALREADY_ON_ROSTER.message }]);
    }
    await this.ds.getRepository(User).update({ id: user.id }, columns);
    return this.myIdNumber(caller);
  }
}
