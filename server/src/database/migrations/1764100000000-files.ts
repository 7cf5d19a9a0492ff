// Evidence files (photos, documents, signatures): metadata here, content in the storage backend.
import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';

const id = (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: false });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });

export class Files1764100000000 implements MigrationInterface {
  name = 'Files1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'files',
        columns: [
          { ...id(), isPrimary: true },
          id('enterprise_id'),
          str('region_code', 12),
          id('uploaded_by'),
          str('kind', 16),
          str('mime', 64),
          { name: 'size_bytes', type: 'integer' },
          str('sha256', 64),
          str('storage_key', 200),
          str('original_name', 255, true),
          { name: 'created_at', type: 'datetime', precision: 3, isNullable: false },
        ],
        indices: [
          new TableIndex({ name: 'IDX_files_enterprise_id', columnNames: ['enterprise_id'] }),
          new TableIndex({ name: 'IDX_files_region_code', columnNames: ['region_code'] }),
        ],
        foreignKeys: [
          new TableForeignKey({ name: 'FK_files_enterprise', columnNames: ['enterprise_id'], referencedTableName: 'enterprises', referencedColumnNames: ['id'], onDelete: 'RESTRICT', onUpdate: 'NO ACTION' }),
          new TableForeignKey({ name: 'FK_files_uploaded_by', columnNames: ['uploaded_by'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'RESTRICT', onUpdate: 'NO ACTION' }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('files');
  }
}
