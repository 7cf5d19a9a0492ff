// Onboarding (issue #4): businesses that register themselves and wait for their regulator, the
// staffing facts that decide whether a director is required, people's ID numbers (encrypted, with
// a mask and a keyed hash), the role history (appointments) and the principal's invitations.
// QueryRunner Table API, so the one migration serves SQLite and MySQL/MariaDB.
import { randomUUID } from 'node:crypto';
import { MigrationInterface, QueryRunner, Table, TableColumn, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';

const id = (name = 'id', nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable });
const instant = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
// Booleans as each driver reports them back (SQLite boolean, MySQL tinyint): no drift.
const bool = (q: QueryRunner, name: string): TableColumnOptions => ({ name, type: q.connection.driver.normalizeType({ type: 'boolean' }), isNullable: true });
const pk = (c: TableColumnOptions): TableColumnOptions => ({ ...c, isPrimary: true });
const fk = (name: string, column: string, table: string): TableForeignKey =>
  new TableForeignKey({ name, columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete: 'RESTRICT', onUpdate: 'NO ACTION' });

/** 'YYYY-MM-DD' in Asia/Shanghai (UTC+8, no DST) of an instant as the driver returns it. */
function shanghaiDate(value: unknown): string {
  const at = value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`);
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * SQLite changes or drops a column by rebuilding the table, which the RESTRICT foreign keys pointing
 * at it forbid while enforced; `PRAGMA foreign_keys` takes effect only outside a transaction. Going
 * up, TypeORM turns enforcement off before its transaction; reverting, it opens the transaction
 * first — so down() does its rebuilding in a transaction of its own, with enforcement off.
 */
async function withoutForeignKeys(q: QueryRunner, work: () => Promise<void>): Promise<void> {
  if (q.connection.options.type !== 'better-sqlite3') return work();
  const outer = q.isTransactionActive;
  if (outer) await q.commitTransaction();
  await q.query('PRAGMA foreign_keys = OFF');
  try {
    await q.startTransaction();
    try {
      await work();
      await q.commitTransaction();
    } catch (e) {
      await q.rollbackTransaction();
      throw e;
    }
  } finally {
    await q.query('PRAGMA foreign_keys = ON');
    if (outer) await q.startTransaction();
  }
}

export class Onboarding1764400000000 implements MigrationInterface {
  name = 'Onboarding1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // Existing businesses were created by regulators: active. Self-registrations set 'pending'.
    await q.addColumns('enterprises', [
      new TableColumn({ ...str('status', 16), default: "'active'" }),
      new TableColumn(str('reject_reason', 200, true)),
      new TableColumn(str('contact_name', 50, true)),
      new TableColumn(str('contact_phone', 11, true)),
      new TableColumn(id('registered_by', true)),
      new TableColumn(id('confirmed_by', true)),
      new TableColumn(instant('confirmed_at', true)),
      new TableColumn(str('scale', 16, true)),
      new TableColumn(bool(q, 'chain_headquarters')),
      new TableColumn(bool(q, 'central_kitchen')),
      new TableColumn(bool(q, 'special_food')),
      new TableColumn(str('canteen_kind', 16, true)),
      new TableColumn(bool(q, 'contractor_operated')),
      new TableColumn({ name: 'diners_per_meal', type: 'integer', isNullable: true }),
    ]);
    // A pending registration has no grade until its regulator sets one.
    const enterprises = (await q.getTable('enterprises'))!;
    const grade = enterprises.findColumnByName('grade')!;
    const nullableGrade = grade.clone();
    nullableGrade.isNullable = true;
    await q.changeColumn(enterprises, grade, nullableGrade);
    await q.createIndex('enterprises', new TableIndex({ name: 'IDX_enterprises_status_region', columnNames: ['status', 'region_code'] }));

    await q.addColumns('users', [new TableColumn(str('id_number_enc', 100, true)), new TableColumn(str('id_number_mask', 18, true)), new TableColumn(str('id_number_hash', 64, true))]);
    await q.createIndex('users', new TableIndex({ name: 'IDX_users_id_number_hash', columnNames: ['id_number_hash'] }));

    await q.createTable(
      new Table({
        name: 'appointments',
        columns: [
          pk(id()),
          id('enterprise_id'),
          id('user_id'),
          str('role', 16),
          str('name', 50),
          str('appointed_on', 10),
          str('ended_on', 10, true),
          str('ended_reason', 200, true),
          id('ended_by', true),
          id('created_by', true),
          instant('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_appointments_enterprise_ended', columnNames: ['enterprise_id', 'ended_on'] }),
          new TableIndex({ name: 'IDX_appointments_user', columnNames: ['user_id'] }),
        ],
        foreignKeys: [fk('FK_appointments_enterprise', 'enterprise_id', 'enterprises'), fk('FK_appointments_user', 'user_id', 'users')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'invitations',
        columns: [
          pk(id()),
          id('enterprise_id'),
          str('role', 16),
          str('code_hash', 64),
          id('replaces_user_id', true),
          id('created_by'),
          instant('created_at'),
          instant('expires_at'),
          instant('accepted_at', true),
          id('accepted_by', true),
          instant('revoked_at', true),
        ],
        indices: [
          new TableIndex({ name: 'UQ_invitations_code_hash', columnNames: ['code_hash'], isUnique: true }),
          new TableIndex({ name: 'IDX_invitations_enterprise_created', columnNames: ['enterprise_id', 'created_at'] }),
        ],
        foreignKeys: [fk('FK_invitations_enterprise', 'enterprise_id', 'enterprises')],
      }),
    );

    // Everyone already on a roster holds their role from the day their account was made.
    const people = (await q.query('SELECT id, created_at FROM users WHERE enterprise_id IS NOT NULL AND active = 1')) as Array<{ id: string; created_at: unknown }>;
    for (const p of people) {
      await q.query(
        'INSERT INTO appointments (id, enterprise_id, user_id, role, name, appointed_on, created_at) SELECT ?, enterprise_id, id, role, name, ?, created_at FROM users WHERE id = ?',
        [randomUUID(), shanghaiDate(p.created_at), p.id],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const [row] = (await q.query("SELECT COUNT(*) AS n FROM enterprises WHERE grade IS NULL OR status <> 'active'")) as Array<{ n: number | string }>;
    if (Number(row.n) > 0) {
      throw new Error(`cannot revert Onboarding1764400000000: ${row.n} registrations are pending or rejected; confirm or remove them first (the old schema has no such state)`);
    }
    await withoutForeignKeys(q, async () => {
      await q.dropTable('invitations');
      await q.dropTable('appointments');
      await q.dropIndex('users', 'IDX_users_id_number_hash');
      await q.dropColumns('users', ['id_number_enc', 'id_number_mask', 'id_number_hash']);
      await q.dropIndex('enterprises', 'IDX_enterprises_status_region');
      const enterprises = (await q.getTable('enterprises'))!;
      const grade = enterprises.findColumnByName('grade')!;
      const required = grade.clone();
      required.isNullable = false;
      await q.changeColumn(enterprises, grade, required);
      await q.dropColumns('enterprises', [
        'status',
        'reject_reason',
        'contact_name',
        'contact_phone',
        'registered_by',
        'confirmed_by',
        'confirmed_at',
        'scale',
        'chain_headquarters',
        'central_kitchen',
        'special_food',
        'canteen_kind',
        'contractor_operated',
        'diners_per_meal',
      ]);
    });
  }
}
