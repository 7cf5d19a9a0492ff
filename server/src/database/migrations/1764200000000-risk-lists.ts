// Versioned risk-control lists (风险管控清单), one row per version per enterprise.
import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

export class RiskLists1764200000000 implements MigrationInterface {
  name = 'RiskLists1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'risk_lists',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'enterprise_id', type: 'varchar', length: '36' },
          { name: 'version', type: 'integer' },
          { name: 'template_revision', type: 'varchar', length: '64' },
          { name: 'items', type: 'text' },
          { name: 'change_note', type: 'varchar', length: '500' },
          { name: 'created_by', type: 'varchar', length: '36', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [new TableIndex({ name: 'UQ_risk_lists_enterprise_version', columnNames: ['enterprise_id', 'version'], isUnique: true })],
        foreignKeys: [
          new TableForeignKey({ name: 'FK_risk_lists_enterprise', columnNames: ['enterprise_id'], referencedTableName: 'enterprises', referencedColumnNames: ['id'], onDelete: 'RESTRICT', onUpdate: 'NO ACTION' }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('risk_lists');
  }
}
