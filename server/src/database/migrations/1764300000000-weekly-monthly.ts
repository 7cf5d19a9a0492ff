// 周排查 (weekly investigations), 月调度 (monthly reviews) and the problems they and the daily
// checks find, with the QueryRunner Table API so the one migration serves SQLite and MySQL.
import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';

const id = (name = 'id', nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable });
const instant = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const int = (name: string): TableColumnOptions => ({ name, type: 'integer' });
// Booleans as each driver reports them back (SQLite boolean, MySQL tinyint): no drift.
const bool = (q: QueryRunner, name: string): TableColumnOptions => ({ name, type: q.connection.driver.normalizeType({ type: 'boolean' }) });
const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
const pk = (c: TableColumnOptions): TableColumnOptions => ({ ...c, isPrimary: true });
const fk = (name: string, column: string, table: string): TableForeignKey =>
  new TableForeignKey({ name, columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete: 'RESTRICT', onUpdate: 'NO ACTION' });

export class WeeklyMonthly1764300000000 implements MigrationInterface {
  name = 'WeeklyMonthly1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'problems',
        columns: [
          pk(id()),
          id('enterprise_id'),
          str('region_code', 12),
          str('source_type', 32),
          id('source_id'),
          str('item_code', 20, true),
          str('business_date', 10),
          text('description'),
          text('measure_taken', true),
          bool(q, 'fixed_on_spot'),
          str('status', 16),
          instant('resolved_at', true),
          id('resolved_by', true),
          text('resolution', true),
          id('resolved_in', true),
          instant('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_problems_enterprise_status', columnNames: ['enterprise_id', 'status'] }),
          new TableIndex({ name: 'IDX_problems_region_status', columnNames: ['region_code', 'status'] }),
          new TableIndex({ name: 'IDX_problems_source', columnNames: ['source_type', 'source_id'] }),
        ],
        foreignKeys: [fk('FK_problems_enterprise', 'enterprise_id', 'enterprises')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'weekly_investigations',
        columns: [
          pk(id()),
          id('enterprise_id'),
          str('region_code', 12),
          str('week', 8),
          int('version'),
          id('supersedes_id', true),
          text('amend_reason', true),
          bool(q, 'is_current'),
          int('risk_list_version'),
          id('investigator_id'),
          str('investigator_name', 50),
          str('investigator_role', 16),
          text('items'),
          text('hazards'),
          text('measures'),
          text('resolutions'),
          text('next_week_requirements'),
          text('summary'),
          bool(q, 'late'),
          instant('submitted_at'),
          str('content_hash', 64),
        ],
        indices: [
          new TableIndex({ name: 'UQ_weekly_investigations_enterprise_week_version', columnNames: ['enterprise_id', 'week', 'version'], isUnique: true }),
          new TableIndex({ name: 'IDX_weekly_investigations_region_week', columnNames: ['region_code', 'week'] }),
        ],
        foreignKeys: [
          fk('FK_weekly_investigations_enterprise', 'enterprise_id', 'enterprises'),
          fk('FK_weekly_investigations_investigator', 'investigator_id', 'users'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'monthly_reviews',
        columns: [
          pk(id()),
          id('enterprise_id'),
          str('region_code', 12),
          str('month', 7),
          int('version'),
          id('supersedes_id', true),
          text('amend_reason', true),
          bool(q, 'is_current'),
          id('chair_id'),
          str('chair_name', 50),
          str('meeting_date', 10),
          str('place', 200),
          text('attendees'),
          text('discussion'),
          text('decisions'),
          text('next_month_work'),
          text('report'),
          bool(q, 'late'),
          instant('submitted_at'),
          str('content_hash', 64),
        ],
        indices: [
          new TableIndex({ name: 'UQ_monthly_reviews_enterprise_month_version', columnNames: ['enterprise_id', 'month', 'version'], isUnique: true }),
          new TableIndex({ name: 'IDX_monthly_reviews_region_month', columnNames: ['region_code', 'month'] }),
        ],
        foreignKeys: [fk('FK_monthly_reviews_enterprise', 'enterprise_id', 'enterprises'), fk('FK_monthly_reviews_chair', 'chair_id', 'users')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['monthly_reviews', 'weekly_investigations', 'problems']) await q.dropTable(table);
  }
}
