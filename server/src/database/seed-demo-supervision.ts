// The 包保 part of the demo data (issue #6): a 乡镇级 and a 村级 cadre besides the county one, and
// each demo business of 新城区 given to the demo cadre of the level its grade needs (shared rule),
// so 包保首页 and the officials' statistics show something on first start. The A-grade dairy has
// no 市级 cadre in the demo: it stays a coverage gap (未落实包保).
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CadreLevel, requiredCadreLevel, Role, todayInShanghai } from '@shian/shared';
import { User } from '../auth/user.entity';
import { Enterprise } from '../enterprises/enterprise.entity';
import { CadreAssignment, CadreAssignmentEvent } from '../supervision/supervision.entities';

/** The demo cadres added here; their regions follow the demo businesses' villages. */
export const DEMO_CADRES: ReadonlyArray<{ phone: string; name: string; level: CadreLevel; title: string; label: string }> = [
  { phone: '13900000008', name: '周包保', level: CadreLevel.Township, title: '副镇长', label: '包保干部（乡镇级，新城区青城味道餐馆所在乡镇）' },
  { phone: '13900000009', name: '钱包保', level: CadreLevel.Village, title: '村委会主任', label: '包保干部（村级，新城区惠民生鲜超市所在村）' },
];

/**
 * `home` is the demo business the staff accounts belong to (grade C: its cadre is the 乡镇级 one, of
 * its township); the 村级 cadre is of the village of the first D-grade business in the county.
 */
export async function seedDemoSupervision(em: EntityManager, seeded: { enterprises: Enterprise[]; home: Enterprise; county: string; passwordHash: string; now: Date }): Promise<number> {
  const { enterprises, home, county, passwordHash, now } = seeded;
  const today = todayInShanghai(now);
  const inCounty = enterprises.filter((e) => e.regionCode.startsWith(county));
  const village = inCounty.find((e) => requiredCadreLevel(e.grade!, e.regionCode) === CadreLevel.Village)?.regionCode ?? home.regionCode;
  const regionOf: Record<string, string> = { [CadreLevel.Township]: home.regionCode.slice(0, 9), [CadreLevel.Village]: village };
  await em.insert(
    User,
    DEMO_CADRES.map((c) =>
      Object.assign(new User(), {
        id: randomUUID(),
        name: c.name,
        phone: c.phone,
        passwordHash,
        role: Role.Cadre,
        title: c.title,
        enterpriseId: null,
        regionCode: regionOf[c.level],
        cadreLevel: c.level,
        wechatOpenId: null,
        failedLoginCount: 0,
        lockedUntil: null,
        active: true,
        createdAt: now,
      }),
    ),
  );
  // Found again rather than taken from the inserted objects (see seed-demo-onboarding.ts).
  const cadres = await em.find(User, { where: { role: Role.Cadre } });
  const regulator = await em.findOneByOrFail(User, { role: Role.Regulator, regionCode: county });
  const rows = (await em.find(Enterprise)).filter((e) => e.grade && e.regionCode.startsWith(county)).flatMap((e) => {
    const need = requiredCadreLevel(e.grade!, e.regionCode);
    const cadre = cadres.find((c) => c.cadreLevel === need && c.regionCode && e.regionCode.startsWith(c.regionCode));
    return cadre ? [{ e, cadre }] : [];
  });
  await em.insert(
    CadreAssignment,
    rows.map(({ e, cadre }) => Object.assign(new CadreAssignment(), { enterpriseId: e.id, cadreId: cadre.id, regionCode: e.regionCode, grade: e.grade!, assignedBy: regulator.id, assignedAt: now, assignedDate: today, lastVisitDate: null })),
  );
  await em.insert(
    CadreAssignmentEvent,
    rows.map(({ e, cadre }) => Object.assign(new CadreAssignmentEvent(), { id: randomUUID(), enterpriseId: e.id, cadreId: cadre.id, kind: 'assigned', reason: null, actorId: regulator.id, at: now })),
  );
  return DEMO_CADRES.length;
}
