import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ID_COLUMN, INSTANT_COLUMN } from '../database/columns';
import { User } from './user.entity';

/** A refresh token, stored as its SHA-256. Each use rotates it; reuse of a rotated one revokes its family. */
@Entity('refresh_tokens')
export class RefreshToken {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_refresh_tokens_user' })
  user?: User;

  @Index('UQ_refresh_tokens_token_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  /** Every token descended from one login shares a family. */
  @Index('IDX_refresh_tokens_family_id')
  @Column(ID_COLUMN)
  familyId!: string;

  @Column(INSTANT_COLUMN)
  expiresAt!: Date;

  @Column({ ...INSTANT_COLUMN, nullable: true })
  revokedAt!: Date | null;

  @Column(INSTANT_COLUMN)
  createdAt!: Date;
}
