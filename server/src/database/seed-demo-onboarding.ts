// The onboarding part of the demo data: people's ID numbers (valid, made with the GB 11643 check
// character) and appointments, staffing profiles that make the appointment rates say something,
// and one registration in 新城区 waiting in the regulator's queue.
import { randomUUID } from 'node:crypto';
import { EntityManager, In, Like } from 'typeorm';
import { BusinessType, CanteenKind, EnterpriseScale, EnterpriseStatus, idNumberCheckChar, isEnterpriseRole, maskIdNumber, Role, todayInShanghai, usccCheckChar } from '@shian/shared';
import { User } from '../auth/user.entity';
import { FieldCrypto, ID_NUMBER_INDEX, idNumberContext } from '../common/field-crypto';
import { Enterprise } from '../enterprises/enterprise.entity';
import { Region } from '../regions/region.entity';
import { Appointment } from '../staff/appointment.entity';

/** The principal of the pending registration: can log in, sees 待审核, cannot submit records. */
export const DEMO_PENDING_PRINCIPAL = { phone: '13900000007', name: '孙店主', label: '主要负责人（注册待审核的企业）' } as const;
export const DEMO_PENDING_ENTERPRISE = '新城区好运来小吃店';

/** A valid resident ID number of someone born in 新城区 (150102) on `birth` (YYYYMMDD), sequence `seq`. */
export function demoIdNumber(birth: string, seq: number): string {
  const first17 = `150102${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

const BIRTHS = ['19850312', '19790921', '19700105', '19921130', '19881018', '19760607'];

/** The staffing facts of the demo businesses, by name: a canteen of a 800-pupil school and a dairy need a director. */
const PROFILES: Record<string, Partial<Enterprise>> = {
  新城区青城味道餐馆: { scale: EnterpriseScale.Small },
  新城区惠民生鲜超市: { scale: EnterpriseScale.Small },
  呼和浩特市第十五中学食堂: { canteenKind: CanteenKind.School, contractorOperated: false, dinersPerMeal: 800 },
  新城区塞上乳制品有限公司: { scale: EnterpriseScale.Medium, specialFood: false },
  新城区阳光集体用餐配送中心: { scale: EnterpriseScale.Medium, dinersPerMeal: 1500 },
  回民区老街烧麦馆: { scale: EnterpriseScale.Micro },
};

export async function seedDemoOnboarding(em: EntityManager, crypto: FieldCrypto, seeded: { enterprises: Enterprise[]; users: User[]; passwordHash: string; now: Date }): Promise<number> {
  const { enterprises, users, passwordHash, now } = seeded;
  const today = todayInShanghai(now);
  const idColumns = (userId: string, idNumber: string) => ({
    idNumberEnc: crypto.encrypt(idNumber, idNumberContext(userId)),
    idNumberMask: maskIdNumber(idNumber),
    idNumberHash: crypto.blindIndex(idNumber, ID_NUMBER_INDEX),
  });
  const appointment = (u: User, enterpriseId: string): Appointment =>
    Object.assign(new Appointment(), { id: randomUUID(), enterpriseId, userId: u.id, role: u.role, name: u.name, appointedOn: today, endedOn: null, endedReason: null, endedBy: null, createdBy: null, createdAt: now });

  // Rows are found again by name and phone, not by the objects just inserted: TypeORM re-reads the
  // columns with database defaults after a multi-row insert and merges them back by position, so
  // those objects may carry one another's ids.
  for (const [name, profile] of Object.entries(PROFILES)) await em.update(Enterprise, { name }, profile);
  const phones = users.filter((u) => isEnterpriseRole(u.role)).map((u) => u.phone);
  const staff = await em.find(User, { where: { phone: In(phones) }, order: { phone: 'ASC' } });
  for (const [i, u] of staff.entries()) await em.update(User, { id: u.id }, idColumns(u.id, demoIdNumber(BIRTHS[i % BIRTHS.length], 11 + 2 * i)));
  await em.insert(Appointment, staff.map((u) => appointment(u, u.enterpriseId!)));

  // A snack bar that signed itself up this morning, in a village none of the others uses.
  const taken = new Set(enterprises.map((e) => e.regionCode));
  const villages = await em.getRepository(Region).find({ where: { code: Like('150102%'), level: 'village' }, order: { code: 'ASC' }, take: 20 });
  const village = villages.find((v) => !taken.has(v.code)) ?? villages[0];
  const first17 = `92${village.code.slice(0, 6)}MA0000077`;
  const principal = Object.assign(new User(), {
    id: randomUUID(),
    name: DEMO_PENDING_PRINCIPAL.name,
    phone: DEMO_PENDING_PRINCIPAL.phone,
    passwordHash,
    role: Role.Principal,
    enterpriseId: null as string | null,
    regionCode: null,
    cadreLevel: null,
    wechatOpenId: null,
    failedLoginCount: 0,
    lockedUntil: null,
    active: true,
    createdAt: now,
  });
  const pending = Object.assign(new Enterprise(), {
    id: randomUUID(),
    name: DEMO_PENDING_ENTERPRISE,
    uscc: first17 + usccCheckChar(first17),
    licenceNo: `JY2${village.code.slice(0, 6)}0000077`,
    businessType: BusinessType.Catering,
    grade: null,
    regionCode: village.code,
    address: '内蒙古自治区呼和浩特市新城区新华大街 77 号',
    createdAt: now,
    status: EnterpriseStatus.Pending,
    rejectReason: null,
    contactName: principal.name,
    contactPhone: principal.phone,
    registeredBy: principal.id,
    confirmedBy: null,
    confirmedAt: null,
    scale: EnterpriseScale.Micro,
    chainHeadquarters: false,
    centralKitchen: false,
    specialFood: null,
    canteenKind: null,
    contractorOperated: null,
    dinersPerMeal: null,
  });
  principal.enterpriseId = pending.id;
  await em.insert(Enterprise, pending);
  await em.insert(User, { ...principal, ...idColumns(principal.id, demoIdNumber('19900815', 77)) });
  await em.insert(Appointment, appointment(principal, pending.id));
  return 1;
}
