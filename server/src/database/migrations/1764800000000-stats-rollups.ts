// The dashboard's pre-summed figures (issue #5): stat_records, stat_businesses and the per-business
// memory stat_enterprises (server/src/stats/stat.entities.ts). Derived data, rebuilt from the
// records by rollup-rebuild.ts, which the start-up runs when the sums are missing (prepare.ts).
import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';

const str = (name: string, length: number, primary = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isPrimary: primary });
const int = (name: string): TableColumnOptions => ({ name, type: 'integer' });
const bool = (q: QueryRunner, name: string): TableColumnOptions => ({ name, type: q.connection.driver.normalizeType({ type: 'boolean' }) });
const rest = (): TableColumnOptions[] => [str('child_code', 12, true), str('grade', 1, true), str('business_type', 32, true)];

export class StatsRollups1764800000000 implements MigrationInterface {
  name = 'StatsRollups1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'stat_records',
        // Key order = the dashboard's range scan: one region, kind and period, then its children.
        columns: [str('region_code', 12, true), str('kind', 1, true), str('unit_date', 10, true), ...rest(), int('done'), int('late'), int('unowed'), int('found'), int('fixed')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'stat_businesses',
        columns: [str('region_code', 12, true), ...rest(), str('since', 10, true), int('businesses'), int('requiring_director'), int('with_director'), int('with_officer')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'stat_enterprises',
        columns: [
          { ...str('enterprise_id', 36), isPrimary: true },
          str('region_code', 12),
          str('grade', 1),
          str('business_type', 32),
          str('since', 10),
          bool(q, 'requiring_director'),
          bool(q, 'with_director'),
          bool(q, 'with_officer'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('stat_enterprises');
    await q.dropTable('stat_businesses');
    await q.dropTable('stat_records');
  }
}
