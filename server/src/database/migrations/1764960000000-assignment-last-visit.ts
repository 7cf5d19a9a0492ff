// The reminders list (issue #6) asked, for each of a region's assignments, whether its business has
// a visit in the grade's cycle: 2.1 s for a province. Each assignment now keeps its business's latest
// visit date (cadre_assignments.last_visit_date, kept by the visit's transaction), and the cadre index
// becomes (cadre_id, grade, region_code, last_visit_date): it holds everything the list reads, in the
// order it groups by, so a province's 218,000 assignments are summed as they are read. Existing rows
// get their business's latest visit.
import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

const OLD = new TableIndex({ name: 'IDX_cadre_assignments_cadre', columnNames: ['cadre_id'] });
const NEW = new TableIndex({ name: 'IDX_cadre_assignments_cadre_visit', columnNames: ['cadre_id', 'grade', 'region_code', 'last_visit_date'] });

export class AssignmentLastVisit1764960000000 implements MigrationInterface {
  name = 'AssignmentLastVisit1764960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('cadre_assignments', new TableColumn({ name: 'last_visit_date', type: 'varchar', length: '10', isNullable: true }));
    await q.query(
      `UPDATE cadre_assignments SET last_visit_date =
         (SELECT MAX(v.visit_date) FROM supervision_visits v WHERE v.enterprise_id = cadre_assignments.enterprise_id)`,
    );
    // The new one first: on MySQL the cadre foreign key must keep an index that leads with cadre_id.
    await q.createIndex('cadre_assignments', NEW);
    await q.dropIndex('cadre_assignments', OLD.name!);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.createIndex('cadre_assignments', OLD);
    await q.dropIndex('cadre_assignments', NEW.name!);
    await q.dropColumn('cadre_assignments', 'last_visit_date');
  }
}
