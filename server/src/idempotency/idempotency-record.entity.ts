import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ID_COLUMN, INSTANT_COLUMN } from '../database/columns';

/** The stored result of a request made with an Idempotency-Key, replayed on retries. */
@Entity('idempotency_records')
@Index('UQ_idempotency_records_user_key', ['userId', 'idempotencyKey'], { unique: true })
export class IdempotencyRecord {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  userId!: string;

  @Column({ type: 'varchar', length: 100 })
  idempotencyKey!: string;

  /** 'POST /api/daily-checks' — a key is never reused across operations. */
  @Column({ type: 'varchar', length: 100 })
  operation!: string;

  /** SHA-256 of the canonical request body: the same key with a different body is refused. */
  @Column({ type: 'varchar', length: 64 })
  requestHash!: string;

  @Column({ type: 'int' })
  statusCode!: number;

  @Column({ type: 'text' })
  responseBody!: string;

  @Column(INSTANT_COLUMN)
  createdAt!: Date;
}
