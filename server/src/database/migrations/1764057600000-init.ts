// The foundation schema, written with the QueryRunner Table API so it runs on SQLite and MySQL.
import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';

const id = (name = 'id', nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable });
const instant = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const int = (name: string, dflt?: number): TableColumnOptions => ({ name, type: 'integer', ...(dflt !== undefined ? { default: dflt } : {}) });
// Booleans as each driver maps them (SQLite boolean, MySQL tinyint) with 1/0 defaults: exactly what
// each database reports back, so the drift check sees no difference.
const bool = (q: QueryRunner, name: string, dflt?: boolean): TableColumnOptions => ({
  name,
  type: q.connection.driver.normalizeType({ type: 'boolean' }),
  ...(dflt !== undefined ? { default: dflt ? 1 : 0 } : {}),
});
const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
const pk = (c: TableColumnOptions): TableColumnOptions => ({ ...c, isPrimary: true });

export class Init1764057600000 implements MigrationInterface {
  name = 'Init1764057600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'regions',
        columns: [pk(str('code', 12)), str('name', 100), str('level', 10), str('parent_code', 12, true)],
        indices: [new TableIndex({ name: 'IDX_regions_parent_code', columnNames: ['parent_code'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'enterprises',
        columns: [
          pk(id()),
          str('name', 200),
          str('uscc', 18),
          str('licence_no', 16),
          str('business_type', 32),
          str('grade', 1),
          str('region_code', 12),
          str('address', 300),
          instant('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_enterprises_uscc', columnNames: ['uscc'], isUnique: true }),
          new TableIndex({ name: 'UQ_enterprises_licence_no', columnNames: ['licence_no'], isUnique: true }),
          new TableIndex({ name: 'IDX_enterprises_region_code', columnNames: ['region_code'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          pk(id()),
          str('name', 50),
          str('phone', 11),
          str('password_hash', 100),
          str('role', 16),
          id('enterprise_id', true),
          str('region_code', 12, true),
          str('cadre_level', 16, true),
          str('wechat_open_id', 64, true),
          int('failed_login_count', 0),
          instant('locked_until', true),
          bool(q, 'active', true),
          instant('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_users_phone', columnNames: ['phone'], isUnique: true }),
          new TableIndex({ name: 'UQ_users_wechat_open_id', columnNames: ['wechat_open_id'], isUnique: true }),
        ],
        foreignKeys: [
          new TableForeignKey({ name: 'FK_users_enterprise', columnNames: ['enterprise_id'], referencedTableName: 'enterprises', referencedColumnNames: ['id'], onDelete: 'RESTRICT', onUpdate: 'NO ACTION' }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [pk(id()), id('user_id'), str('token_hash', 64), id('family_id'), instant('expires_at'), instant('revoked_at', true), instant('created_at')],
        indices: [
          new TableIndex({ name: 'UQ_refresh_tokens_token_hash', columnNames: ['token_hash'], isUnique: true }),
          new TableIndex({ name: 'IDX_refresh_tokens_family_id', columnNames: ['family_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({ name: 'FK_refresh_tokens_user', columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION' }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'daily_checks',
        columns: [
          pk(id()),
          id('enterprise_id'),
          str('region_code', 12),
          str('business_date', 10),
          int('version'),
          id('supersedes_id', true),
          text('amend_reason', true),
          bool(q, 'is_current'),
          int('risk_list_version'),
          id('officer_id'),
          str('officer_name', 50),
          text('items'),
          text('remarks', true),
          int('problem_count'),
          bool(q, 'zero_risk'),
          bool(q, 'late'),
          instant('submitted_at'),
          str('content_hash', 64),
        ],
        indices: [
          new TableIndex({ name: 'UQ_daily_checks_enterprise_date_version', columnNames: ['enterprise_id', 'business_date', 'version'], isUnique: true }),
          new TableIndex({ name: 'IDX_daily_checks_region_date', columnNames: ['region_code', 'business_date'] }),
          new TableIndex({ name: 'IDX_daily_checks_enterprise_date', columnNames: ['enterprise_id', 'business_date'] }),
        ],
        foreignKeys: [
          new TableForeignKey({ name: 'FK_daily_checks_enterprise', columnNames: ['enterprise_id'], referencedTableName: 'enterprises', referencedColumnNames: ['id'], onDelete: 'RESTRICT', onUpdate: 'NO ACTION' }),
          new TableForeignKey({ name: 'FK_daily_checks_officer', columnNames: ['officer_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'RESTRICT', onUpdate: 'NO ACTION' }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'chain_heads',
        columns: [pk(id('enterprise_id')), int('seq'), str('hash', 64)],
        foreignKeys: [
          new TableForeignKey({ name: 'FK_chain_heads_enterprise', columnNames: ['enterprise_id'], referencedTableName: 'enterprises', referencedColumnNames: ['id'], onDelete: 'RESTRICT', onUpdate: 'NO ACTION' }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'record_chain',
        columns: [pk(id('enterprise_id')), pk(int('seq')), str('record_type', 32), id('record_id'), str('record_hash', 64), str('prev_hash', 64), str('hash', 64), instant('received_at')],
        indices: [new TableIndex({ name: 'IDX_record_chain_record', columnNames: ['record_type', 'record_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'idempotency_records',
        columns: [pk(id()), id('user_id'), str('idempotency_key', 100), str('operation', 100), str('request_hash', 64), int('status_code'), text('response_body'), instant('created_at')],
        indices: [new TableIndex({ name: 'UQ_idempotency_records_user_key', columnNames: ['user_id', 'idempotency_key'], isUnique: true })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['idempotency_records', 'record_chain', 'chain_heads', 'daily_checks', 'refresh_tokens', 'users', 'enterprises', 'regions']) {
      await q.dropTable(table);
    }
  }
}
