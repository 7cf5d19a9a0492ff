// 三人三责 papers (issue #4): directors' and officers' credentials (任命书、培训记录、考核结果) with
// their review and history, the business's internal training records, regulators' spot exams and
// the to-do a failed exam opens. QueryRunner Table API, so the one migration serves SQLite and MySQL.
import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';

const id = (name = 'id', nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable });
const instant = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
const decimal = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'decimal', precision: 7, scale: 2, isNullable: nullable });
const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable });
// Booleans as each driver reports them back (SQLite boolean, MySQL tinyint): no drift.
const bool = (q: QueryRunner, name: string): TableColumnOptions => ({ name, type: q.connection.driver.normalizeType({ type: 'boolean' }) });
const pk = (c: TableColumnOptions): TableColumnOptions => ({ ...c, isPrimary: true });
const fk = (name: string, column: string, table: string): TableForeignKey =>
  new TableForeignKey({ name, columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete: 'RESTRICT', onUpdate: 'NO ACTION' });

export class Credentials1764500000000 implements MigrationInterface {
  name = 'Credentials1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'credentials',
        columns: [
          pk(id()),
          id('enterprise_id'),
          str('region_code', 12),
          id('user_id'),
          str('kind', 32),
          text('file_ids'),
          str('issued_on', 10),
          str('valid_until', 10, true),
          decimal('training_hours', true),
          decimal('assessment_score', true),
          str('status', 16),
          text('reject_reason', true),
          id('reviewed_by', true),
          instant('reviewed_at', true),
          id('supersedes_id', true),
          id('uploaded_by'),
          instant('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_credentials_enterprise_user_kind', columnNames: ['enterprise_id', 'user_id', 'kind'] }),
          new TableIndex({ name: 'IDX_credentials_region_status', columnNames: ['region_code', 'status'] }),
          new TableIndex({ name: 'UQ_credentials_supersedes_id', columnNames: ['supersedes_id'], isUnique: true }),
        ],
        foreignKeys: [
          fk('FK_credentials_enterprise', 'enterprise_id', 'enterprises'),
          fk('FK_credentials_user', 'user_id', 'users'),
          fk('FK_credentials_reviewed_by', 'reviewed_by', 'users'),
          fk('FK_credentials_supersedes', 'supersedes_id', 'credentials'),
          fk('FK_credentials_uploaded_by', 'uploaded_by', 'users'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'trainings',
        columns: [
          pk(id()),
          id('enterprise_id'),
          str('region_code', 12),
          str('held_on', 10),
          str('topic', 200),
          decimal('hours'),
          str('trainer', 100),
          text('attendee_ids'),
          text('assessment', true),
          text('file_ids'),
          id('created_by'),
          instant('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_trainings_enterprise_held_on', columnNames: ['enterprise_id', 'held_on'] }),
          new TableIndex({ name: 'IDX_trainings_region_held_on', columnNames: ['region_code', 'held_on'] }),
        ],
        foreignKeys: [fk('FK_trainings_enterprise', 'enterprise_id', 'enterprises'), fk('FK_trainings_created_by', 'created_by', 'users')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'spot_exams',
        columns: [
          pk(id()),
          id('enterprise_id'),
          str('region_code', 12),
          id('user_id'),
          str('person_role', 16),
          str('examined_on', 10),
          decimal('score'),
          decimal('full_mark'),
          bool(q, 'passed'),
          int('question_count', true),
          text('notes', true),
          id('examiner_id'),
          instant('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_spot_exams_enterprise_user', columnNames: ['enterprise_id', 'user_id'] }),
          new TableIndex({ name: 'IDX_spot_exams_region_examined_on', columnNames: ['region_code', 'examined_on'] }),
        ],
        foreignKeys: [
          fk('FK_spot_exams_enterprise', 'enterprise_id', 'enterprises'),
          fk('FK_spot_exams_user', 'user_id', 'users'),
          fk('FK_spot_exams_examiner', 'examiner_id', 'users'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'enterprise_todos',
        columns: [
          pk(id()),
          id('enterprise_id'),
          str('region_code', 12),
          str('kind', 32),
          id('subject_user_id', true),
          id('source_id'),
          str('title', 200),
          text('detail', true),
          str('status', 16),
          instant('created_at'),
          instant('closed_at', true),
          id('closed_by', true),
          str('closure', 32, true),
          id('closed_by_source_id', true),
          text('closing_note', true),
        ],
        indices: [
          new TableIndex({ name: 'IDX_enterprise_todos_enterprise_status', columnNames: ['enterprise_id', 'status'] }),
          new TableIndex({ name: 'IDX_enterprise_todos_region_status', columnNames: ['region_code', 'status'] }),
          new TableIndex({ name: 'UQ_enterprise_todos_kind_source', columnNames: ['kind', 'source_id'], isUnique: true }),
        ],
        foreignKeys: [fk('FK_enterprise_todos_enterprise', 'enterprise_id', 'enterprises'), fk('FK_enterprise_todos_subject', 'subject_user_id', 'users')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['enterprise_todos', 'spot_exams', 'trainings', 'credentials']) await q.dropTable(table);
  }
}
