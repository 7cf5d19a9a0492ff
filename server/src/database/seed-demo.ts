// Demo data for a fresh install: one county of Inner Mongolia (呼和浩特市新城区), a handful of
// enterprises in its villages, one in the neighbouring county, and one account per role.
// Never runs in production (config refuses SEED_DEMO there).
import { randomUUID } from 'node:crypto';
import { DataSource, Like } from 'typeorm';
import { BusinessType, CadreLevel, Grade, Role, usccCheckChar } from '@shian/shared';
import { hashPassword } from '../auth/password';
import { User } from '../auth/user.entity';
import { Enterprise } from '../enterprises/enterprise.entity';
import { Region } from '../regions/region.entity';
import { FieldCrypto } from '../common/field-crypto';
import { seedDemoOnboarding } from './seed-demo-onboarding';
import { seedDemoSupervision } from './seed-demo-supervision';

export const DEMO_PASSWORD = 'Demo@2026';
export const DEMO_COUNTY = '150102';
export const DEMO_OTHER_COUNTY = '150103';

export const DEMO_ACCOUNTS: ReadonlyArray<{ phone: string; role: Role; name: string; label: string }> = [
  { phone: '13900000001', role: Role.Officer, name: '李安全', label: '食品安全员' },
  { phone: '13900000002', role: Role.Director, name: '王总监', label: '食品安全总监' },
  { phone: '13900000003', role: Role.Principal, name: '张负责', label: '主要负责人' },
  { phone: '13900000004', role: Role.Cadre, name: '赵包保', label: '包保干部（县级）' },
  { phone: '13900000005', role: Role.Regulator, name: '刘监管', label: '县级监管人员' },
  { phone: '13900000006', role: Role.Admin, name: '系统管理员', label: '管理员' },
];

const DEMO_ENTERPRISES: ReadonlyArray<{ name: string; type: BusinessType; grade: Grade; address: string }> = [
  { name: '新城区青城味道餐馆', type: BusinessType.Catering, grade: Grade.C, address: '海拉尔东路 18 号' },
  { name: '新城区惠民生鲜超市', type: BusinessType.Selling, grade: Grade.D, address: '锡林北路 66 号' },
  { name: '呼和浩特市第十五中学食堂', type: BusinessType.Canteen, grade: Grade.B, address: '中山东路 9 号' },
  { name: '新城区塞上乳制品有限公司', type: BusinessType.Production, grade: Grade.A, address: '东街 120 号' },
  { name: '新城区阳光集体用餐配送中心', type: BusinessType.MealDistribution, grade: Grade.B, address: '西街 35 号' },
];

/** A valid USCC for demo enterprise n: 91 (company) + region + a made-up organisation code + check char. */
export function demoUscc(regionCode: string, n: number): string {
  const first17 = `91${regionCode.slice(0, 6)}MA0${String(n).padStart(6, '0')}`;
  return first17 + usccCheckChar(first17);
}

export async function seedDemo(ds: DataSource, crypto: FieldCrypto): Promise<{ enterprises: number; users: number } | null> {
  if ((await ds.getRepository(User).count()) > 0) return null;
  const villages = await ds.getRepository(Region).find({ where: { code: Like(`${DEMO_COUNTY}%`), level: 'village' }, order: { code: 'ASC' }, take: DEMO_ENTERPRISES.length });
  const [otherVillage] = await ds.getRepository(Region).find({ where: { code: Like(`${DEMO_OTHER_COUNTY}%`), level: 'village' }, order: { code: 'ASC' }, take: 1 });
  if (villages.length < DEMO_ENTERPRISES.length || !otherVillage) {
    throw new Error(`demo seed needs the villages of ${DEMO_COUNTY} and ${DEMO_OTHER_COUNTY}: import Inner Mongolia (15) first`);
  }
  const now = new Date();
  const enterprises: Enterprise[] = DEMO_ENTERPRISES.map((e, i) =>
    Object.assign(new Enterprise(), {
      id: randomUUID(),
      name: e.name,
      uscc: demoUscc(villages[i].code, i + 1),
      licenceNo: `${e.type === BusinessType.Production ? 'SC' : 'JY'}1${villages[i].code.slice(0, 6)}${String(i + 1).padStart(7, '0')}`,
      businessType: e.type,
      grade: e.grade,
      regionCode: villages[i].code,
      address: `内蒙古自治区呼和浩特市新城区${e.address}`,
      createdAt: now,
    }),
  );
  enterprises.push(
    Object.assign(new Enterprise(), {
      id: randomUUID(),
      name: '回民区老街烧麦馆',
      uscc: demoUscc(otherVillage.code, 99),
      licenceNo: `JY1${otherVillage.code.slice(0, 6)}0000099`,
      businessType: BusinessType.Catering,
      grade: Grade.D,
      regionCode: otherVillage.code,
      address: '内蒙古自治区呼和浩特市回民区通道街 7 号',
      createdAt: now,
    }),
  );
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const home = enterprises[0];
  const users = DEMO_ACCOUNTS.map((a) =>
    Object.assign(new User(), {
      id: randomUUID(),
      name: a.name,
      phone: a.phone,
      passwordHash,
      role: a.role,
      enterpriseId: [Role.Officer, Role.Director, Role.Principal].includes(a.role) ? home.id : null,
      regionCode: a.role === Role.Cadre || a.role === Role.Regulator ? DEMO_COUNTY : null,
      cadreLevel: a.role === Role.Cadre ? CadreLevel.County : null,
      wechatOpenId: null,
      failedLoginCount: 0,
      lockedUntil: null,
      active: true,
      createdAt: now,
    }),
  );
  let pending = 0;
  let cadres = 0;
  await ds.transaction(async (em) => {
    await em.insert(Enterprise, enterprises);
    await em.insert(User, users);
    pending = await seedDemoOnboarding(em, crypto, { enterprises, users, passwordHash, now });
    cadres = await seedDemoSupervision(em, { enterprises, home, county: DEMO_COUNTY, passwordHash, now });
  });
  return { enterprises: enterprises.length + pending, users: users.length + pending + cadres };
}
