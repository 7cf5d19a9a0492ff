import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { FileKind } from '@shian/shared';
import { ID_COLUMN, INSTANT_COLUMN, REGION_CODE_COLUMN } from '../database/columns';
import { Enterprise } from '../enterprises/enterprise.entity';
import { User } from '../auth/user.entity';

/** 证据文件 — a photo, document or signature uploaded as evidence. Never changed or deleted. */
@Entity('files')
@Index('IDX_files_enterprise_id', ['enterpriseId'])
@Index('IDX_files_region_code', ['regionCode'])
export class EvidenceFile {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  /** The business the file is evidence of; null for a cadre's own file (a scanned 承诺书). */
  @Column({ ...ID_COLUMN, nullable: true })
  enterpriseId!: string | null;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_files_enterprise' })
  enterprise?: Enterprise;

  /** The enterprise's region at upload (a cadre's own file: the cadre's region), so scoped reads need no join. */
  @Column(REGION_CODE_COLUMN)
  regionCode!: string;

  @Column(ID_COLUMN)
  uploadedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'FK_files_uploaded_by' })
  uploader?: User;

  @Column({ type: 'varchar', length: 16 })
  kind!: FileKind;

  /** Detected from the content's magic bytes. */
  @Column({ type: 'varchar', length: 64 })
  mime!: string;

  @Column({ type: 'int' })
  sizeBytes!: number;

  /** Hex SHA-256 of the content. */
  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  /** 'yyyy/mm/<id>' — the same key on local disk (under DATA_DIR/files) and in S3. */
  @Column({ type: 'varchar', length: 200 })
  storageKey!: string;

  /** The client's file name, for display only; never used to decide anything. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  originalName!: string | null;

  @Column(INSTANT_COLUMN)
  createdAt!: Date;
}
