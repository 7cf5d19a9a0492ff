// The 包保 tables (issue #6): the visit schedule per grade, regions' grade → level overrides, which
// cadre answers for which business (and the history of it), cadres' commitment letters and their
// supervision visits. Visits and commitments are never changed once written.
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { CadreLevel, Grade, SupervisionAnswerDto, SupervisionFrequency, VisitLocation } from '@shian/shared';
import { BUSINESS_DATE_COLUMN, ID_COLUMN, INSTANT_COLUMN, REGION_CODE_COLUMN } from '../database/columns';
import { Enterprise } from '../enterprises/enterprise.entity';
import { User } from '../auth/user.entity';

/** The visit schedule of a grade, system-wide; a grade without a row has DEFAULT_SUPERVISION_FREQUENCY's. */
@Entity('supervision_frequencies')
export class SupervisionFrequencyRow {
  @PrimaryColumn({ type: 'varchar', length: 1 })
  grade!: Grade;

  @Column({ type: 'varchar', length: 16 })
  frequency!: SupervisionFrequency;

  @Column(ID_COLUMN)
  updatedBy!: string;

  @Column(INSTANT_COLUMN)
  updatedAt!: Date;
}

/** A region's own grade → cadre level rule (requiredCadreLevel: the nearest region's wins). */
@Entity('cadre_level_overrides')
export class CadreLevelOverride {
  @PrimaryColumn(REGION_CODE_COLUMN)
  regionCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 1 })
  grade!: Grade;

  @Column({ type: 'varchar', length: 16 })
  level!: CadreLevel;

  @Column(ID_COLUMN)
  updatedBy!: string;

  @Column(INSTANT_COLUMN)
  updatedAt!: Date;
}

/** The cadre a business has now (one at most); its region and grade are copied for counting by region prefix. */
@Entity('cadre_assignments')
// Covers the reminders list: each cadre's assignments by grade, their region and last visit, read in
// cadre order, so a province's are summed as they are read (no temporary table).
@Index('IDX_cadre_assignments_cadre_visit', ['cadreId', 'grade', 'regionCode', 'lastVisitDate'])
@Index('IDX_cadre_assignments_region_grade', ['regionCode', 'grade'])
export class CadreAssignment {
  @PrimaryColumn(ID_COLUMN)
  enterpriseId!: string;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_cadre_assignments_enterprise' })
  enterprise?: Enterprise;

  @Column(ID_COLUMN)
  cadreId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cadre_id', foreignKeyConstraintName: 'FK_cadre_assignments_cadre' })
  cadre?: User;

  /** The business's village code (kept in step when it moves). */
  @Column(REGION_CODE_COLUMN)
  regionCode!: string;

  /** The business's grade (kept in step when it is regraded). */
  @Column({ type: 'varchar', length: 1 })
  grade!: Grade;

  @Column(ID_COLUMN)
  assignedBy!: string;

  @Column(INSTANT_COLUMN)
  assignedAt!: Date;

  @Column(BUSINESS_DATE_COLUMN)
  assignedDate!: string;

  /**
   * The business's latest supervision visit, by any cadre (null: never visited), kept by the visit's
   * transaction and set when the business is assigned: the reminders list reads it from the index
   * instead of looking for a visit of every assignment.
   */
  @Column({ ...BUSINESS_DATE_COLUMN, nullable: true })
  lastVisitDate!: string | null;
}

/** Append-only history of assignments: who was given which business, and when it ended and why. */
@Entity('cadre_assignment_events')
@Index('IDX_cadre_assignment_events_enterprise', ['enterpriseId', 'at'])
@Index('IDX_cadre_assignment_events_cadre', ['cadreId', 'at'])
export class CadreAssignmentEvent {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  enterpriseId!: string;

  @Column(ID_COLUMN)
  cadreId!: string;

  /** 'assigned' | 'ended' */
  @Column({ type: 'varchar', length: 16 })
  kind!: 'assigned' | 'ended';

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column(ID_COLUMN)
  actorId!: string;

  @Column(INSTANT_COLUMN)
  at!: Date;
}

/** 食品安全责任与任务承诺书: one version per signing or upload; the latest of a year counts. */
@Entity('cadre_commitments')
@Index('UQ_cadre_commitments_cadre_year_version', ['cadreId', 'year', 'version'], { unique: true })
// A year's first letters by region: the upload rate counts them from the index alone.
@Index('IDX_cadre_commitments_year_version_region', ['year', 'version', 'regionCode'])
export class CadreCommitment {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  cadreId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cadre_id', foreignKeyConstraintName: 'FK_cadre_commitments_cadre' })
  cadre?: User;

  /** The cadre's region when submitted. */
  @Column(REGION_CODE_COLUMN)
  regionCode!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'varchar', length: 16 })
  method!: 'signed' | 'uploaded';

  @Column({ type: 'simple-json' })
  fileIds!: string[];

  /** The letter's text as signed. */
  @Column({ type: 'text' })
  text!: string;

  @Column(INSTANT_COLUMN)
  submittedAt!: Date;
}

/** 督导记录 — one supervision visit by a cadre to a business, as submitted. */
@Entity('supervision_visits')
@Index('IDX_supervision_visits_enterprise_date', ['enterpriseId', 'visitDate'])
@Index('IDX_supervision_visits_cadre_date', ['cadreId', 'visitDate'])
@Index('IDX_supervision_visits_region_date', ['regionCode', 'visitDate'])
export class SupervisionVisit {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  enterpriseId!: string;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_supervision_visits_enterprise' })
  enterprise?: Enterprise;

  @Column(ID_COLUMN)
  cadreId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cadre_id', foreignKeyConstraintName: 'FK_supervision_visits_cadre' })
  cadre?: User;

  @Column({ type: 'varchar', length: 50 })
  cadreName!: string;

  @Column({ type: 'varchar', length: 16 })
  cadreLevel!: CadreLevel;

  /** The business's village code and grade at the visit. */
  @Column(REGION_CODE_COLUMN)
  regionCode!: string;

  @Column({ type: 'varchar', length: 1 })
  grade!: Grade;

  /** Asia/Shanghai business date of the visit. */
  @Column(BUSINESS_DATE_COLUMN)
  visitDate!: string;

  /** The cycle under the grade's frequency at the time ('2026-Q4', '2026-H2', '2026'). */
  @Column({ type: 'varchar', length: 8 })
  cycleKey!: string;

  @Column({ type: 'simple-json' })
  answers!: SupervisionAnswerDto[];

  @Column({ type: 'text', nullable: true })
  observations!: string | null;

  @Column({ type: 'simple-json' })
  problems!: string[];

  @Column({ type: 'simple-json' })
  photoIds!: string[];

  @Column({ type: 'simple-json', nullable: true })
  location!: VisitLocation | null;

  @Column({ ...ID_COLUMN, nullable: true })
  rectificationOrderId!: string | null;

  @Column(INSTANT_COLUMN)
  createdAt!: Date;
}

export const SUPERVISION_ENTITIES = [SupervisionFrequencyRow, CadreLevelOverride, CadreAssignment, CadreAssignmentEvent, CadreCommitment, SupervisionVisit];
