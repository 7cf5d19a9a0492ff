import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { DailyCheckItemRecord } from '@shian/shared';
import { BUSINESS_DATE_COLUMN, ID_COLUMN } from '../database/columns';
import { Enterprise } from '../enterprises/enterprise.entity';
import { SubmittedRecord } from '../integrity/submitted-record';
import { User } from '../auth/user.entity';

/** 每日食品安全检查记录 — the officer's daily check (日管控, Order 60); immutable, see SubmittedRecord. */
@Entity('daily_checks')
@Index('UQ_daily_checks_enterprise_date_version', ['enterpriseId', 'businessDate', 'version'], { unique: true })
@Index('IDX_daily_checks_region_date', ['regionCode', 'businessDate'])
// Covers the rollup rebuild's read (rollup-rebuild.ts): no need to open the record.
@Index('IDX_daily_checks_enterprise_date_current_late', ['enterpriseId', 'businessDate', 'isCurrent', 'late'])
export class DailyCheck extends SubmittedRecord {
  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_daily_checks_enterprise' })
  enterprise?: Enterprise;

  @Column(BUSINESS_DATE_COLUMN)
  businessDate!: string;

  /** The version of the enterprise's 风险管控清单 it was made against. */
  @Column({ type: 'int' })
  riskListVersion!: number;

  @Column(ID_COLUMN)
  officerId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'officer_id', foreignKeyConstraintName: 'FK_daily_checks_officer' })
  officer?: User;

  /** Name at the time of signing: records keep their signer. */
  @Column({ type: 'varchar', length: 50 })
  officerName!: string;

  @Column({ type: 'simple-json' })
  items!: DailyCheckItemRecord[];

  @Column({ type: 'text', nullable: true })
  remarks!: string | null;

  @Column({ type: 'int' })
  problemCount!: number;

  @Column({ type: 'boolean' })
  zeroRisk!: boolean;
}
