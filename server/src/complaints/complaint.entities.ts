// The complaints tables (migration 1764950000000-complaints).
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ComplaintAction, ComplaintDeadlineKey, ComplaintKind, ComplaintStatus, WorkingCalendarDayKind } from '@shian/shared';
import { User } from '../auth/user.entity';
import { BUSINESS_DATE_COLUMN, ID_COLUMN, INSTANT_COLUMN, REGION_CODE_COLUMN } from '../database/columns';
import { Enterprise } from '../enterprises/enterprise.entity';

/**
 * 投诉 / 举报 from the public. The row holds the current status, the milestones the statutory
 * deadlines run from and the running deadline (due_date, for the overdue filter); each step is an
 * append-only ComplaintEvent. The complainant's name and phone are encrypted (FieldCrypto, bound to
 * the row's id) and stored masked for display; the query code only as a keyed hash.
 */
@Entity('complaints')
@Index('IDX_complaints_region_received', ['regionCode', 'receivedDate'])
export class Complaint {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Index('UQ_complaints_tracking_no', { unique: true })
  @Column({ type: 'varchar', length: 16 })
  trackingNo!: string;

  @Column({ type: 'varchar', length: 64 })
  queryCodeHash!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: ComplaintKind;

  @Column({ type: 'varchar', length: 20 })
  status!: ComplaintStatus;

  @Index('IDX_complaints_enterprise')
  @Column({ ...ID_COLUMN, nullable: true })
  enterpriseId!: string | null;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_complaints_enterprise' })
  enterprise?: Enterprise;

  /** The registered business's name at receipt, or what the complainant typed. */
  @Column({ type: 'varchar', length: 200 })
  businessName!: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  businessAddress!: string | null;

  /** The business's village code, or the region the complainant chose: whose officials see it. */
  @Column(REGION_CODE_COLUMN)
  regionCode!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column(BUSINESS_DATE_COLUMN)
  happenedOn!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  place!: string | null;

  @Column({ type: 'boolean' })
  anonymous!: boolean;

  @Column({ type: 'text', nullable: true })
  complainantNameEnc!: string | null;

  @Column({ type: 'text', nullable: true })
  complainantPhoneEnc!: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  complainantNameMasked!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  complainantPhoneMasked!: string | null;

  /** Keyed hash of the X-Device-Id that submitted it: its photos must come from the same device. */
  @Column({ type: 'varchar', length: 64 })
  deviceHash!: string;

  @Column(INSTANT_COLUMN)
  receivedAt!: Date;

  @Column(BUSINESS_DATE_COLUMN)
  receivedDate!: string;

  /** 受理 / 不予受理, or 立案 / 不予立案. */
  @Column({ ...BUSINESS_DATE_COLUMN, nullable: true })
  decidedDate!: string | null;

  @Column({ ...BUSINESS_DATE_COLUMN, nullable: true })
  acceptedDate!: string | null;

  @Column({ ...BUSINESS_DATE_COLUMN, nullable: true })
  mediationEndedDate!: string | null;

  @Column({ ...BUSINESS_DATE_COLUMN, nullable: true })
  notifiedDate!: string | null;

  @Column({ type: 'boolean' })
  checkExtended!: boolean;

  @Index('IDX_complaints_handler')
  @Column({ ...ID_COLUMN, nullable: true })
  handlerId!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'handler_id', foreignKeyConstraintName: 'FK_complaints_handler' })
  handler?: User;

  @Column({ type: 'varchar', length: 50, nullable: true })
  handlerName!: string | null;

  /** The running deadline's due day (null when none runs): overdue = due_date < today. */
  @Index('IDX_complaints_due_date')
  @Column({ ...BUSINESS_DATE_COLUMN, nullable: true })
  dueDate!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  dueKey!: ComplaintDeadlineKey | null;

  @Column(INSTANT_COLUMN)
  updatedAt!: Date;
}

/** One step of a complaint's history; appended, never changed. */
@Entity('complaint_events')
export class ComplaintEvent {
  @PrimaryColumn(ID_COLUMN)
  complaintId!: string;

  @ManyToOne(() => Complaint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'FK_complaint_events_complaint' })
  complaint?: Complaint;

  @PrimaryColumn({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 20 })
  action!: ComplaintAction | 'submitted' | 'assigned';

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus!: ComplaintStatus | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  toStatus!: ComplaintStatus | null;

  @Column({ type: 'text', nullable: true })
  text!: string | null;

  /** Shown to the complainant on the public status page. */
  @Column({ type: 'boolean' })
  isPublic!: boolean;

  @Column({ ...ID_COLUMN, nullable: true })
  actorId!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'FK_complaint_events_actor' })
  actor?: User;

  @Column({ type: 'varchar', length: 50, nullable: true })
  actorName!: string | null;

  @Column(INSTANT_COLUMN)
  at!: Date;
}

/** A photo the public uploaded for a complaint: unclaimed until a submission from the same device names it. */
@Entity('complaint_photos')
export class ComplaintPhoto {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Index('IDX_complaint_photos_complaint')
  @Column({ ...ID_COLUMN, nullable: true })
  complaintId!: string | null;

  @ManyToOne(() => Complaint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'FK_complaint_photos_complaint' })
  complaint?: Complaint;

  @Index('IDX_complaint_photos_device')
  @Column({ type: 'varchar', length: 64 })
  deviceHash!: string;

  @Column({ type: 'varchar', length: 32 })
  mime!: string;

  @Column({ type: 'int' })
  sizeBytes!: number;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ type: 'varchar', length: 200 })
  storageKey!: string;

  @Column(INSTANT_COLUMN)
  createdAt!: Date;
}

/** A holiday on a weekday or a worked weekend day; other days follow the week. */
@Entity('working_calendar')
export class WorkingCalendarEntry {
  @PrimaryColumn(BUSINESS_DATE_COLUMN)
  date!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: WorkingCalendarDayKind;

  @Column({ type: 'varchar', length: 50 })
  name!: string;
}

/** Who read a complainant's identity, when and why (POST /api/complaints/:id/reveal). */
@Entity('identity_reveals')
@Index('IDX_identity_reveals_complaint', ['complaintId', 'at'])
export class IdentityReveal {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  complaintId!: string;

  @ManyToOne(() => Complaint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'FK_identity_reveals_complaint' })
  complaint?: Complaint;

  @Column(ID_COLUMN)
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_identity_reveals_user' })
  user?: User;

  @Column({ type: 'varchar', length: 50 })
  userName!: string;

  @Column({ type: 'varchar', length: 200 })
  reason!: string;

  @Column(INSTANT_COLUMN)
  at!: Date;
}

export const COMPLAINT_ENTITIES = [Complaint, ComplaintEvent, ComplaintPhoto, WorkingCalendarEntry, IdentityReveal];
