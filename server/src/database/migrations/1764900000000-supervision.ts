// The 包保 mechanism (issue #6): visit schedule per grade, grade → level overrides per region,
// assignments of businesses to cadres with their history, commitment letters, supervision visits;
// a cadre's 职务 on users. QueryRunner Table API, so the one migration serves SQLite and MySQL.
import { MigrationInterface, QueryRunner, Table, TableColumn, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';

const id = (name = 'id', nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable });
const instant = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
const int = (name: string): TableColumnOptions => ({ name, type: 'integer', isNullable: false });
const pk = (c: TableColumnOptions): TableColumnOptions => ({ ...c, isPrimary: true });
const fk = (name: string, column: string, table: string): TableForeignKey =>
  new TableForeignKey({ name, columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete: 'RESTRICT', onUpdate: 'NO ACTION' });
const index = (name: string, ...columnNames: string[]) => new TableIndex({ name, columnNames });

export class Supervision1764900000000 implements MigrationInterface {
  name = 'Supervision1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('users', new TableColumn(str('title', 50, true)));
    await q.createTable(new Table({ name: 'supervision_frequencies', columns: [pk(str('grade', 1)), str('frequency', 16), id('updated_by'), instant('updated_at')] }));
    await q.createTable(
      new Table({ name: 'cadre_level_overrides', columns: [pk(str('region_code', 12)), pk(str('grade', 1)), str('level', 16), id('updated_by'), instant('updated_at')] }),
    );
    await q.createTable(
      new Table({
        name: 'cadre_assignments',
        columns: [pk(id('enterprise_id')), id('cadre_id'), str('region_code', 12), str('grade', 1), id('assigned_by'), instant('assigned_at'), str('assigned_date', 10)],
        indices: [index('IDX_cadre_assignments_cadre', 'cadre_id'), index('IDX_cadre_assignments_region_grade', 'region_code', 'grade')],
        foreignKeys: [fk('FK_cadre_assignments_enterprise', 'enterprise_id', 'enterprises'), fk('FK_cadre_assignments_cadre', 'cadre_id', 'users')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'cadre_assignment_events',
        columns: [pk(id()), id('enterprise_id'), id('cadre_id'), str('kind', 16), text('reason', true), id('actor_id'), instant('at')],
        indices: [index('IDX_cadre_assignment_events_enterprise', 'enterprise_id', 'at'), index('IDX_cadre_assignment_events_cadre', 'cadre_id', 'at')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'cadre_commitments',
        columns: [pk(id()), id('cadre_id'), str('region_code', 12), int('year'), int('version'), str('method', 16), text('file_ids'), text('text'), instant('submitted_at')],
        indices: [
          new TableIndex({ name: 'UQ_cadre_commitments_cadre_year_version', columnNames: ['cadre_id', 'year', 'version'], isUnique: true }),
          index('IDX_cadre_commitments_year_version_region', 'year', 'version', 'region_code'),
        ],
        foreignKeys: [fk('FK_cadre_commitments_cadre', 'cadre_id', 'users')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'supervision_visits',
        columns: [
          pk(id()),
          id('enterprise_id'),
          id('cadre_id'),
          str('cadre_name', 50),
          str('cadre_level', 16),
          str('region_code', 12),
          str('grade', 1),
          str('visit_date', 10),
          str('cycle_key', 8),
          text('answers'),
          text('observations', true),
          text('problems'),
          text('photo_ids'),
          text('location', true),
          id('rectification_order_id', true),
          instant('created_at'),
        ],
        indices: [
          index('IDX_supervision_visits_enterprise_date', 'enterprise_id', 'visit_date'),
          index('IDX_supervision_visits_cadre_date', 'cadre_id', 'visit_date'),
          index('IDX_supervision_visits_region_date', 'region_code', 'visit_date'),
        ],
        foreignKeys: [fk('FK_supervision_visits_enterprise', 'enterprise_id', 'enterprises'), fk('FK_supervision_visits_cadre', 'cadre_id', 'users')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['supervision_visits', 'cadre_commitments', 'cadre_assignment_events', 'cadre_assignments', 'cadre_level_overrides', 'supervision_frequencies']) await q.dropTable(t);
    await q.dropColumn('users', 'title');
  }
}
