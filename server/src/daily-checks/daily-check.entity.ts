import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { DailyCheckItemRecord } from '@shian/shared';
import { BUSINESS_DATE_COLUMN, ID_COLUMN, INSTANT_COLUMN, REGION_CODE_COLUMN } from '../database/columns';
import { Enterprise } from '../enterprises/enterprise.entity';
import { User } from '../auth/user.entity';

/**
 * 每日食品安全检查记录 — the officer's daily check (日管控, Order 60). A row is never changed once
 * written: a correction is a new row with the next version (is_current moves to it), and every
 * row's content hash is linked into its enterprise's record chain (integrity/).
 */
@Entity('daily_checks')
@Index('UQ_daily_checks_enterprise_date_version', ['enterpriseId', 'businessDate', 'version'], { unique: true })
@Index('IDX_daily_checks_region_date', ['regionCode', 'businessDate'])
@Index('IDX_daily_checks_enterprise_date', ['enterpriseId', 'businessDate'])
export class DailyCheck {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  enterpriseId!: string;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_daily_checks_enterprise' })
  enterprise?: Enterprise;

  /** The enterprise's region at submission, so scoped lists need no join. */
  @Column(REGION_CODE_COLUMN)
  regionCode!: string;

  @Column(BUSINESS_DATE_COLUMN)
  businessDate!: string;

  /** 1 for the original submission, then 2, 3 … for corrections. */
  @Column({ type: 'int' })
  version!: number;

  /** The version this one corrects. */
  @Column({ ...ID_COLUMN, nullable: true })
  supersedesId!: string | null;

  /** Why it was corrected (required for version > 1). */
  @Column({ type: 'text', nullable: true })
  amendReason!: string | null;

  /** The latest version of its date: lists and duties read only current rows. */
  @Column({ type: 'boolean' })
  isCurrent!: boolean;

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

  @Column({ type: 'boolean' })
  late!: boolean;

  /** Server receipt time. */
  @Column(INSTANT_COLUMN)
  submittedAt!: Date;

  /** SHA-256 of the record's canonical content (integrity/record-content.ts). */
  @Column({ type: 'varchar', length: 64 })
  contentHash!: string;
}
