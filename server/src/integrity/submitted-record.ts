import { Column, PrimaryColumn } from 'typeorm';
import { ID_COLUMN, INSTANT_COLUMN, REGION_CODE_COLUMN } from '../database/columns';

/**
 * What every submitted record (daily check, weekly investigation, monthly review) has. A row is
 * never changed once written: a correction is a new row with the next version (is_current moves
 * to it, the only flag ever updated, outside the content hash), and each row's content hash is
 * linked into its enterprise's record chain.
 */
export abstract class SubmittedRecord {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  enterpriseId!: string;

  /** The enterprise's region at submission, so scoped lists need no join. */
  @Column(REGION_CODE_COLUMN)
  regionCode!: string;

  /** 1 for the original submission, then 2, 3 … for corrections. */
  @Column({ type: 'int' })
  version!: number;

  /** The version this one corrects. */
  @Column({ ...ID_COLUMN, nullable: true })
  supersedesId!: string | null;

  /** Why it was corrected (required for version > 1). */
  @Column({ type: 'text', nullable: true })
  amendReason!: string | null;

  /** The latest version of its period: lists and duties read only current rows. */
  @Column({ type: 'boolean' })
  isCurrent!: boolean;

  /** Received after its period's deadline (Asia/Shanghai); a correction keeps the original's flag. */
  @Column({ type: 'boolean' })
  late!: boolean;

  /** Server receipt time: the signer's confirmation is stamped with it. */
  @Column(INSTANT_COLUMN)
  submittedAt!: Date;

  /** SHA-256 of the record's canonical content (integrity/record-content.ts). */
  @Column({ type: 'varchar', length: 64 })
  contentHash!: string;
}
