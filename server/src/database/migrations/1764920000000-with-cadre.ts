// 主体包保覆盖率 from the dashboard's sums (issue #6): each business's share remembers whether it has
// a cadre (stat_enterprises.with_cadre), and the sums count them (with_cadre in stat_businesses and
// stat_business_totals). Existing values are computed from cadre_assignments. And an index on
// users (role, active, region_code) for counting a region's cadres.
import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

const count = new TableColumn({ name: 'with_cadre', type: 'integer', isNullable: false, default: 0 });

export class WithCadre1764920000000 implements MigrationInterface {
  name = 'WithCadre1764920000000';

  async up(q: QueryRunner): Promise<void> {
    const bool = q.connection.driver.normalizeType({ type: 'boolean' });
    await q.addColumn('stat_enterprises', new TableColumn({ name: 'with_cadre', type: bool, isNullable: false, default: 0 }));
    await q.addColumn('stat_businesses', new TableColumn({ ...count }));
    await q.addColumn('stat_business_totals', new TableColumn({ ...count }));
    // The cadres of a region (supervision statistics, reminders) without reading every user.
    await q.createIndex('users', new TableIndex({ name: 'IDX_users_role_active_region', columnNames: ['role', 'active', 'region_code'] }));
    const assigned = (await q.query('SELECT COUNT(*) AS n FROM cadre_assignments')) as Array<{ n: unknown }>;
    if (!Number(assigned[0]?.n ?? 0)) return;
    const yes = q.connection.driver.preparePersistentValue(true, { type: 'boolean' } as never) as unknown;
    await q.query('UPDATE stat_enterprises SET with_cadre = ? WHERE enterprise_id IN (SELECT enterprise_id FROM cadre_assignments)', [yes]);
    // Every row's child code is a prefix of its businesses' village codes.
    const inChild = (t: string) => `se.with_cadre = ? AND SUBSTR(se.region_code, 1, LENGTH(${t}.child_code)) = ${t}.child_code AND se.grade = ${t}.grade AND se.business_type = ${t}.business_type`;
    await q.query(`UPDATE stat_businesses SET with_cadre = (SELECT COUNT(*) FROM stat_enterprises se WHERE ${inChild('stat_businesses')} AND se.since = stat_businesses.since)`, [yes]);
    await q.query(`UPDATE stat_business_totals SET with_cadre = (SELECT COUNT(*) FROM stat_enterprises se WHERE ${inChild('stat_business_totals')})`, [yes]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('users', 'IDX_users_role_active_region');
    await q.dropColumn('stat_business_totals', 'with_cadre');
    await q.dropColumn('stat_businesses', 'with_cadre');
    await q.dropColumn('stat_enterprises', 'with_cadre');
  }
}
