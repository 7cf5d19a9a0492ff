import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ReviewAction, ReviewedRecordType } from '@shian/shared';
import { ID_COLUMN, INSTANT_COLUMN, REGION_CODE_COLUMN } from '../database/columns';
import { Enterprise } from '../enterprises/enterprise.entity';
import { User } from '../auth/user.entity';

/**
 * 审阅 — an official's review of one submitted record version: 已审阅, or 退回 with a comment (the
 * business answers with a new version). Never changed; the record itself is never touched.
 */
@Entity('record_reviews')
@Index('IDX_record_reviews_record', ['recordType', 'recordId'])
@Index('IDX_record_reviews_region_created', ['regionCode', 'createdAt'])
@Index('IDX_record_reviews_enterprise_created', ['enterpriseId', 'createdAt'])
export class RecordReview {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  recordType!: ReviewedRecordType;

  /** The version's row id (daily_checks, weekly_investigations or monthly_reviews). */
  @Column(ID_COLUMN)
  recordId!: string;

  @Column(ID_COLUMN)
  enterpriseId!: string;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_record_reviews_enterprise' })
  enterprise?: Enterprise;

  /** The record's region, so scoped lists need no join. */
  @Column(REGION_CODE_COLUMN)
  regionCode!: string;

  @Column({ type: 'varchar', length: 16 })
  action!: ReviewAction;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  /** The official marked the record as showing a problem. */
  @Column({ type: 'boolean' })
  flagged!: boolean;

  @Column(ID_COLUMN)
  reviewerId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewer_id', foreignKeyConstraintName: 'FK_record_reviews_reviewer' })
  reviewer?: User;

  /** Name at the time of review. */
  @Column({ type: 'varchar', length: 50 })
  reviewerName!: string;

  @Column(INSTANT_COLUMN)
  createdAt!: Date;
}
