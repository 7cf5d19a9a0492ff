import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Role } from '@shian/shared';
import { User } from '../auth/user.entity';
import { BUSINESS_DATE_COLUMN, ID_COLUMN, INSTANT_COLUMN } from '../database/columns';
import { Enterprise } from '../enterprises/enterprise.entity';

/**
 * Who held a role at a business, from when to when (任职记录). The roster is the business's active
 * users; this keeps the history: replacing someone ends their appointment, never deletes it, and
 * their account stays (inactive) so the records they signed still name them.
 */
@Entity('appointments')
@Index('IDX_appointments_enterprise_ended', ['enterpriseId', 'endedOn'])
export class Appointment {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  enterpriseId!: string;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_appointments_enterprise' })
  enterprise?: Enterprise;

  @Index('IDX_appointments_user')
  @Column(ID_COLUMN)
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_appointments_user' })
  user?: User;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  /** The name when appointed, so the history reads right after a rename. */
  @Column({ type: 'varchar', length: 50 })
  name!: string;

  @Column(BUSINESS_DATE_COLUMN)
  appointedOn!: string;

  /** Null while in force. */
  @Column({ ...BUSINESS_DATE_COLUMN, nullable: true })
  endedOn!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  endedReason!: string | null;

  @Column({ ...ID_COLUMN, nullable: true })
  endedBy!: string | null;

  /** Who recorded it: the principal (invitations), the person (registration); null for seeds and backfills. */
  @Column({ ...ID_COLUMN, nullable: true })
  createdBy!: string | null;

  @Column(INSTANT_COLUMN)
  createdAt!: Date;
}
