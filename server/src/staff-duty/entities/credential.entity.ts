import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { CredentialKind, CredentialReview } from '@shian/shared';
import { BUSINESS_DATE_COLUMN, DECIMAL_COLUMN, ID_COLUMN, INSTANT_COLUMN, REGION_CODE_COLUMN } from '../../database/columns';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { User } from '../../auth/user.entity';

/**
 * 资质证明 — a director's or officer's 任命书, 培训记录 or 考核结果 (Order 60). Never edited but
 * for the one review (pending → verified / rejected); a re-upload or renewal is a new row that
 * names the one it replaces, so the history stays. Expiry is derived on reading, never stored.
 */
@Entity('credentials')
@Index('IDX_credentials_enterprise_user_kind', ['enterpriseId', 'userId', 'kind'])
@Index('IDX_credentials_region_status', ['regionCode', 'status'])
@Index('UQ_credentials_supersedes_id', ['supersedesId'], { unique: true })
export class Credential {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  enterpriseId!: string;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_credentials_enterprise' })
  enterprise?: Enterprise;

  /** The enterprise's region at upload, so scoped reads need no join. */
  @Column(REGION_CODE_COLUMN)
  regionCode!: string;

  /** The holder (users.id). */
  @Column(ID_COLUMN)
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_credentials_user' })
  holder?: User;

  @Column({ type: 'varchar', length: 32 })
  kind!: CredentialKind;

  @Column({ type: 'simple-json' })
  fileIds!: string[];

  @Column(BUSINESS_DATE_COLUMN)
  issuedOn!: string;

  /** Last valid day, inclusive; null when it does not lapse. */
  @Column({ ...BUSINESS_DATE_COLUMN, nullable: true })
  validUntil!: string | null;

  @Column({ ...DECIMAL_COLUMN, nullable: true })
  trainingHours!: number | null;

  @Column({ ...DECIMAL_COLUMN, nullable: true })
  assessmentScore!: number | null;

  @Column({ type: 'varchar', length: 16 })
  status!: CredentialReview;

  @Column({ type: 'text', nullable: true })
  rejectReason!: string | null;

  @Column({ ...ID_COLUMN, nullable: true })
  reviewedBy!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewed_by', foreignKeyConstraintName: 'FK_credentials_reviewed_by' })
  reviewer?: User | null;

  @Column({ ...INSTANT_COLUMN, nullable: true })
  reviewedAt!: Date | null;

  /** The credential this one replaces (after a rejection, or a renewal); each is replaced at most once. */
  @Column({ ...ID_COLUMN, nullable: true })
  supersedesId!: string | null;

  @ManyToOne(() => Credential, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id', foreignKeyConstraintName: 'FK_credentials_supersedes' })
  supersedes?: Credential | null;

  @Column(ID_COLUMN)
  uploadedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'FK_credentials_uploaded_by' })
  uploader?: User;

  @Column(INSTANT_COLUMN)
  createdAt!: Date;
}
