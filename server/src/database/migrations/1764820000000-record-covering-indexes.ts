// Indexes that hold every column the rollup rebuild reads from the record tables (which business,
// which day or unit, current or not, late or not), so `stats:rebuild` reads the index instead of the
// records' kilobytes of answers. On daily_checks it replaces (enterprise_id, business_date), a prefix
// of both the unique key and the new index, so a daily check costs no extra index to write.
import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

const DAILY = new TableIndex({ name: 'IDX_daily_checks_enterprise_date_current_late', columnNames: ['enterprise_id', 'business_date', 'is_current', 'late'] });
const WEEKLY = new TableIndex({ name: 'IDX_weekly_investigations_enterprise_week_current_late', columnNames: ['enterprise_id', 'week', 'is_current', 'late'] });
const MONTHLY = new TableIndex({ name: 'IDX_monthly_reviews_enterprise_month_current_late', columnNames: ['enterprise_id', 'month', 'is_current', 'late'] });

export class RecordCoveringIndexes1764820000000 implements MigrationInterface {
  name = 'RecordCoveringIndexes1764820000000';

  async up(q: QueryRunner): Promise<void> {
    // The new one first: on MySQL the enterprise foreign key must keep an index that leads with it.
    await q.createIndex('daily_checks', DAILY);
    await q.dropIndex('daily_checks', 'IDX_daily_checks_enterprise_date');
    await q.createIndex('weekly_investigations', WEEKLY);
    await q.createIndex('monthly_reviews', MONTHLY);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('monthly_reviews', MONTHLY.name!);
    await q.dropIndex('weekly_investigations', WEEKLY.name!);
    await q.createIndex('daily_checks', new TableIndex({ name: 'IDX_daily_checks_enterprise_date', columnNames: ['enterprise_id', 'business_date'] }));
    await q.dropIndex('daily_checks', DAILY.name!);
  }
}
