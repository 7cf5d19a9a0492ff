import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ID_COLUMN, INSTANT_COLUMN } from '../database/columns';
import { Enterprise } from '../enterprises/enterprise.entity';

/** The latest link of an enterprise's record chain; locked while a link is appended. */
@Entity('chain_heads')
export class ChainHead {
  @PrimaryColumn(ID_COLUMN)
  enterpriseId!: string;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_chain_heads_enterprise' })
  enterprise?: Enterprise;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}

/**
 * One link per submitted record (every kind, every version), in receipt order per enterprise:
 * hash = SHA-256(prev_hash | seq | record_type | record_id | record_hash | received_at).
 */
@Entity('record_chain')
@Index('IDX_record_chain_record', ['recordType', 'recordId'])
export class RecordChainLink {
  @PrimaryColumn(ID_COLUMN)
  enterpriseId!: string;

  @PrimaryColumn({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 32 })
  recordType!: string;

  @Column(ID_COLUMN)
  recordId!: string;

  @Column({ type: 'varchar', length: 64 })
  recordHash!: string;

  @Column({ type: 'varchar', length: 64 })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;

  @Column(INSTANT_COLUMN)
  receivedAt!: Date;
}
