import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ProblemSourceType, ProblemStatus } from '@shian/shared';
import { BUSINESS_DATE_COLUMN, ID_COLUMN, INSTANT_COLUMN, REGION_CODE_COLUMN } from '../database/columns';
import { Enterprise } from '../enterprises/enterprise.entity';

/**
 * A problem found in a record (问题整改待办): each 不符合 answer of a daily check or weekly
 * investigation, and each hazard a weekly investigation finds. Unlike the records it is mutable —
 * it is resolved later — so it is not in the record chain; the records that resolve it are.
 */
@Entity('problems')
@Index('IDX_problems_enterprise_status', ['enterpriseId', 'status'])
@Index('IDX_problems_region_status', ['regionCode', 'status'])
@Index('IDX_problems_source', ['sourceType', 'sourceId'])
export class Problem {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  enterpriseId!: string;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_problems_enterprise' })
  enterprise?: Enterprise;

  @Column(REGION_CODE_COLUMN)
  regionCode!: string;

  @Column({ type: 'varchar', length: 32 })
  sourceType!: ProblemSourceType;

  /** The record version it was found in. */
  @Column(ID_COLUMN)
  sourceId!: string;

  /** Null for a hazard found in a weekly investigation. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  itemCode!: string | null;

  @Column(BUSINESS_DATE_COLUMN)
  businessDate!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text', nullable: true })
  measureTaken!: string | null;

  @Column({ type: 'boolean' })
  fixedOnSpot!: boolean;

  @Column({ type: 'varchar', length: 16 })
  status!: ProblemStatus;

  @Column({ ...INSTANT_COLUMN, nullable: true })
  resolvedAt!: Date | null;

  @Column({ ...ID_COLUMN, nullable: true })
  resolvedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  resolution!: string | null;

  /** The weekly investigation (version) that resolved it. */
  @Column({ ...ID_COLUMN, nullable: true })
  resolvedIn!: string | null;

  @Column(INSTANT_COLUMN)
  createdAt!: Date;
}
