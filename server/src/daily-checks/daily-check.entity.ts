import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { DailyCheckItemAnswer } from '@shian/shared';
import { BUSINESS_DATE_COLUMN, ID_COLUMN, INSTANT_COLUMN, REGION_CODE_COLUMN } from '../database/columns';
import { Enterprise } from '../enterprises/enterprise.entity';
import { User } from '../auth/user.entity';

/** 每日食品安全检查记录 — the officer's daily check (日管控, Order 60). */
@Entity('daily_checks')
@Index('UQ_daily_checks_enterprise_date', ['enterpriseId', 'businessDate'], { unique: true })
@Index('IDX_daily_checks_region_date', ['regionCode', 'businessDate'])
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

  @Column({ type: 'varchar', length: 32 })
  checklistVersion!: string;

  @Column(ID_COLUMN)
  officerId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'officer_id', foreignKeyConstraintName: 'FK_daily_checks_officer' })
  officer?: User;

  /** Name at the time of signing: records keep their signer. */
  @Column({ type: 'varchar', length: 50 })
  officerName!: string;

  @Column({ type: 'simple-json' })
  items!: DailyCheckItemAnswer[];

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
}
