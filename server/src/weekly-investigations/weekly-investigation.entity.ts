import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { DailyCheckItemRecord, Role, WeeklyHazard, WeeklyInvestigationDto, WeeklyMeasure, WeeklySummary } from '@shian/shared';
import { ID_COLUMN } from '../database/columns';
import { Enterprise } from '../enterprises/enterprise.entity';
import { SubmittedRecord } from '../integrity/submitted-record';
import { User } from '../auth/user.entity';

/**
 * 每周食品安全排查治理报告 — the weekly investigation (周排查, Order 60). Immutable like the daily
 * check: a correction is the next version, and every version is linked into the record chain.
 */
@Entity('weekly_investigations')
@Index('UQ_weekly_investigations_enterprise_week_version', ['enterpriseId', 'week', 'version'], { unique: true })
@Index('IDX_weekly_investigations_region_week', ['regionCode', 'week'])
@Index('IDX_weekly_investigations_enterprise_week_current_late', ['enterpriseId', 'week', 'isCurrent', 'late'])
export class WeeklyInvestigation extends SubmittedRecord {
  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_weekly_investigations_enterprise' })
  enterprise?: Enterprise;

  /** ISO week, '2026-W48'. */
  @Column({ type: 'varchar', length: 8 })
  week!: string;

  @Column({ type: 'int' })
  riskListVersion!: number;

  @Column(ID_COLUMN)
  investigatorId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'investigator_id', foreignKeyConstraintName: 'FK_weekly_investigations_investigator' })
  investigator?: User;

  @Column({ type: 'varchar', length: 50 })
  investigatorName!: string;

  @Column({ type: 'varchar', length: 16 })
  investigatorRole!: Role;

  @Column({ type: 'simple-json' })
  items!: DailyCheckItemRecord[];

  @Column({ type: 'simple-json' })
  hazards!: WeeklyHazard[];

  @Column({ type: 'simple-json' })
  measures!: WeeklyMeasure[];

  @Column({ type: 'simple-json' })
  resolutions!: WeeklyInvestigationDto['resolutions'];

  @Column({ type: 'text' })
  nextWeekRequirements!: string;

  /** The week's daily checks as they stood at submission. */
  @Column({ type: 'simple-json' })
  summary!: WeeklySummary;
}
