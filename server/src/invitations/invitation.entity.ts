import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Role } from '@shian/shared';
import { ID_COLUMN, INSTANT_COLUMN } from '../database/columns';
import { Enterprise } from '../enterprises/enterprise.entity';

/**
 * A principal's one-time invitation for a director or officer to join the business. Only the
 * code's SHA-256 is stored: the code is shown once, to the principal who made it.
 */
@Entity('invitations')
@Index('IDX_invitations_enterprise_created', ['enterpriseId', 'createdAt'])
export class Invitation {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  enterpriseId!: string;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_invitations_enterprise' })
  enterprise?: Enterprise;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  @Index('UQ_invitations_code_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  codeHash!: string;

  /** Whose appointment ends when the invitee joins (a replacement); null to add someone. */
  @Column({ ...ID_COLUMN, nullable: true })
  replacesUserId!: string | null;

  @Column(ID_COLUMN)
  createdBy!: string;

  @Column(INSTANT_COLUMN)
  createdAt!: Date;

  @Column(INSTANT_COLUMN)
  expiresAt!: Date;

  @Column({ ...INSTANT_COLUMN, nullable: true })
  acceptedAt!: Date | null;

  @Column({ ...ID_COLUMN, nullable: true })
  acceptedBy!: string | null;

  @Column({ ...INSTANT_COLUMN, nullable: true })
  revokedAt!: Date | null;
}
