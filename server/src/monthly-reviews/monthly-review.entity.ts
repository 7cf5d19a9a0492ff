import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { MonthlyReport } from '@shian/shared';
import { BUSINESS_DATE_COLUMN, ID_COLUMN } from '../database/columns';
import { Enterprise } from '../enterprises/enterprise.entity';
import { SubmittedRecord } from '../integrity/submitted-record';
import { User } from '../auth/user.entity';

/**
 * 每月食品安全调度会议纪要 — the monthly review (月调度, Order 60) chaired by the principal.
 * Immutable; corrections are new versions; every version is linked into the record chain.
 */
@Entity('monthly_reviews')
@Index('UQ_monthly_reviews_enterprise_month_version', ['enterpriseId', 'month', 'version'], { unique: true })
@Index('IDX_monthly_reviews_region_month', ['regionCode', 'month'])
@Index('IDX_monthly_reviews_enterprise_month_current_late', ['enterpriseId', 'month', 'isCurrent', 'late'])
export class MonthlyReview extends SubmittedRecord {
  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_monthly_reviews_enterprise' })
  enterprise?: Enterprise;

  /** '2026-11' */
  @Column({ type: 'varchar', length: 7 })
  month!: string;

  @Column(ID_COLUMN)
  chairId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'chair_id', foreignKeyConstraintName: 'FK_monthly_reviews_chair' })
  chair?: User;

  @Column({ type: 'varchar', length: 50 })
  chairName!: string;

  @Column(BUSINESS_DATE_COLUMN)
  meetingDate!: string;

  @Column({ type: 'varchar', length: 200 })
  place!: string;

  @Column({ type: 'simple-json' })
  attendees!: string[];

  @Column({ type: 'text' })
  discussion!: string;

  @Column({ type: 'simple-json' })
  decisions!: string[];

  @Column({ type: 'simple-json' })
  nextMonthWork!: string[];

  /** 总监汇报: the month as it stood at the meeting's sign-off. */
  @Column({ type: 'simple-json' })
  report!: MonthlyReport;
}
