// Record review and rectification orders (issue #5): officials' reviews of submitted record
// versions (已审阅 / 退回), rectification orders (整改通知) with their append-only history.
// QueryRunner Table API, so the one migration serves SQLite and MySQL.
import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';

const id = (name = 'id', nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable });
const instant = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
const int = (name: string): TableColumnOptions => ({ name, type: 'integer', isNullable: false });
// Booleans as each driver reports them back (SQLite boolean, MySQL tinyint): no drift.
const bool = (q: QueryRunner, name: string): TableColumnOptions => ({ name, type: q.connection.driver.normalizeType({ type: 'boolean' }) });
const pk = (c: TableColumnOptions): TableColumnOptions => ({ ...c, isPrimary: true });
const fk = (name: string, column: string, table: string): TableForeignKey =>
  new TableForeignKey({ name, columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete: 'RESTRICT', onUpdate: 'NO ACTION' });

export class ReviewRectification1764600000000 implements MigrationInterface {
  name = 'ReviewRectification1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'record_reviews',
        columns: [
          pk(id()),
          str('record_type', 32),
          id('record_id'),
          id('enterprise_id'),
          str('region_code', 12),
          str('action', 16),
          text('comment', true),
          bool(q, 'flagged'),
          id('reviewer_id'),
          str('reviewer_name', 50),
          instant('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_record_reviews_record', columnNames: ['record_type', 'record_id'] }),
          new TableIndex({ name: 'IDX_record_reviews_region_created', columnNames: ['region_code', 'created_at'] }),
          new TableIndex({ name: 'IDX_record_reviews_enterprise_created', columnNames: ['enterprise_id', 'created_at'] }),
        ],
        foreignKeys: [fk('FK_record_reviews_enterprise', 'enterprise_id', 'enterprises'), fk('FK_record_reviews_reviewer', 'reviewer_id', 'users')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'rectification_orders',
        columns: [
          pk(id()),
          id('enterprise_id'),
          str('region_code', 12),
          str('source_type', 32),
          id('source_id', true),
          text('items'),
          str('deadline', 10),
          str('status', 16),
          id('issued_by'),
          str('issuer_name', 50),
          instant('issued_at'),
          str('issued_date', 10),
          instant('answered_at', true),
          instant('closed_at', true),
          str('closed_date', 10, true),
          int('round'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_rectification_orders_region_issued', columnNames: ['region_code', 'issued_date'] }),
          new TableIndex({ name: 'IDX_rectification_orders_enterprise_status', columnNames: ['enterprise_id', 'status'] }),
          new TableIndex({ name: 'IDX_rectification_orders_source', columnNames: ['source_id'] }),
        ],
        foreignKeys: [fk('FK_rectification_orders_enterprise', 'enterprise_id', 'enterprises'), fk('FK_rectification_orders_issued_by', 'issued_by', 'users')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'rectification_events',
        columns: [pk(id('order_id')), pk(int('seq')), str('kind', 16), id('actor_id'), str('actor_name', 50), instant('at'), text('text', true), text('photo_ids')],
        foreignKeys: [fk('FK_rectification_events_order', 'order_id', 'rectification_orders'), fk('FK_rectification_events_actor', 'actor_id', 'users')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['rectification_events', 'rectification_orders', 'record_reviews']) await q.dropTable(table);
  }
}
