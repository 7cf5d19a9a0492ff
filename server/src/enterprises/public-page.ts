// What the 公示牌 page (GET /api/public/enterprises/:id, issue #7) adds to a business's public facts:
// its principal, director and officers (names masked), its 日管控 over the last 30 days by the
// shared day rule (dailyCheckCounts, as its calendar counts), and its open rectification orders.
import { EntityManager, In, Not } from 'typeorm';
import { addDays, dailyCheckCounts, maskName, PublicEnterpriseDto, ratio, Role, todayInShanghai } from '@shian/shared';
import { User } from '../auth/user.entity';
import { DailyCheck } from '../daily-checks/daily-check.entity';
import { RectificationOrder } from '../rectifications/entities/rectification-order.entity';
import { dutiesSince, Enterprise } from './enterprise.entity';

export type PublicPageFacts = Pick<PublicEnterpriseDto, 'principal' | 'director' | 'officers' | 'dailyChecks' | 'openRectifications'>;

export async function publicPageFacts(em: EntityManager, e: Enterprise, now = new Date()): Promise<PublicPageFacts> {
  const people = await em.getRepository(User).find({
    where: { enterpriseId: e.id, active: true, role: In([Role.Principal, Role.Director, Role.Officer]) },
    select: { id: true, name: true, role: true },
    order: { name: 'ASC' },
  });
  const today = todayInShanghai(now);
  const period = { from: addDays(today, -30), to: addDays(today, -1) };
  const checks = await em
    .getRepository(DailyCheck)
    .createQueryBuilder('dc')
    .select(['dc.businessDate', 'dc.late'])
    .where('dc.enterpriseId = :id', { id: e.id })
    .andWhere('dc.isCurrent = :current', { current: true })
    .andWhere('dc.businessDate BETWEEN :from AND :to', period)
    .getMany();
  const daily = dailyCheckCounts([{ since: dutiesSince(e), checks }], period, today);
  const masked = (role: Role) => people.filter((p) => p.role === role).map((p) => maskName(p.name));
  return {
    principal: masked(Role.Principal)[0] ?? null,
    director: masked(Role.Director)[0] ?? null,
    officers: masked(Role.Officer),
    dailyChecks: { ...period, due: daily.due, done: daily.done, rate: ratio(daily.done, daily.due) },
    openRectifications: await em.getRepository(RectificationOrder).count({ where: { enterpriseId: e.id, status: Not('closed') } }),
  };
}
