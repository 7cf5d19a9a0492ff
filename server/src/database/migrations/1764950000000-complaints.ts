// Public complaints and reports (issue #7): the complaints with their append-only history, the
// photos the public uploads for them, the working-day calendar (seeded with 2026) and the audit
// log of every reveal of a complainant's identity. QueryRunner Table API: one migration for SQLite and MySQL.
import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';

const id = (name = 'id', nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable });
const instant = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
const int = (name: string): TableColumnOptions => ({ name, type: 'integer', isNullable: false });
const bool = (q: QueryRunner, name: string): TableColumnOptions => ({ name, type: q.connection.driver.normalizeType({ type: 'boolean' }) });
const pk = (c: TableColumnOptions): TableColumnOptions => ({ ...c, isPrimary: true });
const fk = (name: string, column: string, table: string): TableForeignKey =>
  new TableForeignKey({ name, columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete: 'RESTRICT', onUpdate: 'NO ACTION' });
const index = (name: string, ...columnNames: string[]) => new TableIndex({ name, columnNames });

/** 2026 per 国办发明电〔2025〕7号 (see shared/src/complaints/calendar-2026.ts); frozen here as landed. */
const HOLIDAYS_2026: Array<[string, string, string]> = [
  ['2026-01-01', '2026-01-03', '元旦'],
  ['2026-02-15', '2026-02-23', '春节'],
  ['2026-04-04', '2026-04-06', '清明节'],
  ['2026-05-01', '2026-05-05', '劳动节'],
  ['2026-06-19', '2026-06-21', '端午节'],
  ['2026-09-25', '2026-09-27', '中秋节'],
  ['2026-10-01', '2026-10-07', '国庆节'],
];
const WORKDAYS_2026: Array<[string, string]> = [
  ['2026-01-04', '元旦调休上班'],
  ['2026-02-14', '春节调休上班'],
  ['2026-02-28', '春节调休上班'],
  ['2026-05-09', '劳动节调休上班'],
  ['2026-09-20', '国庆节调休上班'],
  ['2026-10-10', '国庆节调休上班'],
];

function* datesFrom(from: string, to: string): Generator<string> {
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d = new Date(d.getTime() + 86_400_000)) yield d.toISOString().slice(0, 10);
}

export class Complaints1764950000000 implements MigrationInterface {
  name = 'Complaints1764950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'complaints',
        columns: [
          pk(id()),
          str('tracking_no', 16),
          str('query_code_hash', 64),
          str('kind', 16),
          str('status', 20),
          id('enterprise_id', true),
          str('business_name', 200),
          str('business_address', 300, true),
          str('region_code', 12),
          text('description'),
          str('happened_on', 10),
          str('place', 200, true),
          bool(q, 'anonymous'),
          text('complainant_name_enc', true),
          text('complainant_phone_enc', true),
          str('complainant_name_masked', 50, true),
          str('complainant_phone_masked', 20, true),
          str('device_hash', 64),
          instant('received_at'),
          str('received_date', 10),
          str('decided_date', 10, true),
          str('accepted_date', 10, true),
          str('mediation_ended_date', 10, true),
          str('notified_date', 10, true),
          bool(q, 'check_extended'),
          id('handler_id', true),
          str('handler_name', 50, true),
          str('due_date', 10, true),
          str('due_key', 16, true),
          instant('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_complaints_tracking_no', columnNames: ['tracking_no'], isUnique: true }),
          index('IDX_complaints_region_received', 'region_code', 'received_date'),
          index('IDX_complaints_enterprise', 'enterprise_id'),
          index('IDX_complaints_handler', 'handler_id'),
          index('IDX_complaints_due_date', 'due_date'),
        ],
        foreignKeys: [fk('FK_complaints_enterprise', 'enterprise_id', 'enterprises'), fk('FK_complaints_handler', 'handler_id', 'users')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'complaint_events',
        columns: [pk(id('complaint_id')), pk(int('seq')), str('action', 20), str('from_status', 20, true), str('to_status', 20, true), text('text', true), bool(q, 'is_public'), id('actor_id', true), str('actor_name', 50, true), instant('at')],
        foreignKeys: [fk('FK_complaint_events_complaint', 'complaint_id', 'complaints'), fk('FK_complaint_events_actor', 'actor_id', 'users')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'complaint_photos',
        columns: [pk(id()), id('complaint_id', true), str('device_hash', 64), str('mime', 32), int('size_bytes'), str('sha256', 64), str('storage_key', 200), instant('created_at')],
        indices: [index('IDX_complaint_photos_complaint', 'complaint_id'), index('IDX_complaint_photos_device', 'device_hash')],
        foreignKeys: [fk('FK_complaint_photos_complaint', 'complaint_id', 'complaints')],
      }),
    );
    await q.createTable(new Table({ name: 'working_calendar', columns: [pk(str('date', 10)), str('kind', 8), str('name', 50)] }));
    await q.createTable(
      new Table({
        name: 'identity_reveals',
        columns: [pk(id()), id('complaint_id'), id('user_id'), str('user_name', 50), str('reason', 200), instant('at')],
        indices: [index('IDX_identity_reveals_complaint', 'complaint_id', 'at')],
        foreignKeys: [fk('FK_identity_reveals_complaint', 'complaint_id', 'complaints'), fk('FK_identity_reveals_user', 'user_id', 'users')],
      }),
    );
    const rows: Array<[string, string, string]> = [];
    for (const [from, to, name] of HOLIDAYS_2026) for (const d of datesFrom(from, to)) rows.push([d, 'holiday', name]);
    for (const [d, name] of WORKDAYS_2026) rows.push([d, 'workday', name]);
    for (const r of rows) await q.query('INSERT INTO working_calendar (date, kind, name) VALUES (?, ?, ?)', r);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['identity_reveals', 'working_calendar', 'complaint_photos', 'complaint_events', 'complaints']) await q.dropTable(t);
  }
}
