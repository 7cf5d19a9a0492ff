// A cadre's own files (issue #6): a scanned 承诺书 belongs to no business, so files.enterprise_id
// may be empty; such a file carries the cadre's region and is seen by the cadre and the officials
// above them, never by a business.
import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

const column = (nullable: boolean) => new TableColumn({ name: 'enterprise_id', type: 'varchar', length: '36', isNullable: nullable });

export class CadreFiles1764930000000 implements MigrationInterface {
  name = 'CadreFiles1764930000000';

  async up(q: QueryRunner): Promise<void> {
    await this.nullable(q, true);
  }

  async down(q: QueryRunner): Promise<void> {
    await this.nullable(q, false);
  }

  private async nullable(q: QueryRunner, nullable: boolean): Promise<void> {
    const mysql = q.connection.options.type === 'mysql' || q.connection.options.type === 'mariadb';
    // MySQL changes nullability in place (the foreign key stays); TypeORM's SQLite driver rebuilds the table.
    if (mysql) await q.query(`ALTER TABLE files MODIFY enterprise_id varchar(36) ${nullable ? 'NULL' : 'NOT NULL'}`);
    else await q.changeColumn('files', 'enterprise_id', column(nullable));
  }
}
