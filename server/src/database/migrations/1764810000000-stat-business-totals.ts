// The dashboard's business counts without their start dates (stat_business_totals), and an index to
// read only the starts inside a period: a province's stat_businesses grows by a row per child, grade,
// type and day businesses join, which the dashboard no longer scans whole.
import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';

const str = (name: string, length: number): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isPrimary: true });
const int = (name: string): TableColumnOptions => ({ name, type: 'integer' });

export class StatBusinessTotals1764810000000 implements MigrationInterface {
  name = 'StatBusinessTotals1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'stat_business_totals',
        columns: [str('region_code', 12), str('child_code', 12), str('grade', 1), str('business_type', 32), int('businesses'), int('requiring_director'), int('with_director'), int('with_officer')],
      }),
    );
    await q.createIndex('stat_businesses', new TableIndex({ name: 'IDX_stat_businesses_region_since', columnNames: ['region_code', 'since'] }));
    await q.query(
      `INSERT INTO stat_business_totals (region_code, child_code, grade, business_type, businesses, requiring_director, with_director, with_officer)
       SELECT region_code, child_code, grade, business_type, SUM(businesses), SUM(requiring_director), SUM(with_director), SUM(with_officer)
       FROM stat_businesses GROUP BY region_code, child_code, grade, business_type`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('stat_businesses', 'IDX_stat_businesses_region_since');
    await q.dropTable('stat_business_totals');
  }
}
