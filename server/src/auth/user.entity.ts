import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CadreLevel, Role } from '@shian/shared';
import { ID_COLUMN, INSTANT_COLUMN, REGION_CODE_COLUMN } from '../database/columns';
import { Enterprise } from '../enterprises/enterprise.entity';

@Entity('users')
// Officials by role and region: the cadres of a region for the supervision statistics.
// Officials of a role in a region, active or not: the supervision stats count cadres from the index alone.
@Index('IDX_users_role_active_region', ['role', 'active', 'regionCode'])
export class User {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ type: 'varchar', length: 50 })
  name!: string;

  @Index('UQ_users_phone', { unique: true })
  @Column({ type: 'varchar', length: 11 })
  phone!: string;

  @Column({ type: 'varchar', length: 100 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  /** Enterprise roles only. */
  @Column({ ...ID_COLUMN, nullable: true })
  enterpriseId!: string | null;

  @ManyToOne(() => Enterprise, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_users_enterprise' })
  enterprise?: Enterprise | null;

  /** Officials: the region they answer for (scope = code prefix). */
  @Column({ ...REGION_CODE_COLUMN, nullable: true })
  regionCode!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  cadreLevel!: CadreLevel | null;

  /** Cadres: 职务 (副镇长, 村委会主任 …). */
  @Column({ type: 'varchar', length: 50, nullable: true })
  title!: string | null;

  @Index('UQ_users_wechat_open_id', { unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  wechatOpenId!: string | null;

  @Column({ type: 'int', default: 0 })
  failedLoginCount!: number;

  @Column({ ...INSTANT_COLUMN, nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /**
   * 身份证号 (domain.md §4): AES-256-GCM ciphertext (common/field-crypto.ts), the masked form every
   * view shows, and a keyed hash to find the same person without decrypting. Null when none is on file.
   */
  @Column({ type: 'varchar', length: 100, nullable: true })
  idNumberEnc!: string | null;

  @Column({ type: 'varchar', length: 18, nullable: true })
  idNumberMask!: string | null;

  @Index('IDX_users_id_number_hash')
  @Column({ type: 'varchar', length: 64, nullable: true })
  idNumberHash!: string | null;

  @Column(INSTANT_COLUMN)
  createdAt!: Date;
}
