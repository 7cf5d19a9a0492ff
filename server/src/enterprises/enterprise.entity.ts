import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { BusinessType, businessDateOf, CanteenKind, EnterpriseScale, EnterpriseStatus, Grade } from '@shian/shared';
import { ID_COLUMN, INSTANT_COLUMN, REGION_CODE_COLUMN } from '../database/columns';

/** A licensed food business. */
@Entity('enterprises')
@Index('IDX_enterprises_status_region', ['status', 'regionCode'])
export class Enterprise {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** 统一社会信用代码 (GB 32100). */
  @Index('UQ_enterprises_uscc', { unique: true })
  @Column({ type: 'varchar', length: 18 })
  uscc!: string;

  @Index('UQ_enterprises_licence_no', { unique: true })
  @Column({ type: 'varchar', length: 16 })
  licenceNo!: string;

  @Column({ type: 'varchar', length: 32 })
  businessType!: BusinessType;

  /** Null while a self-registration waits for its regulator, who sets it on confirming. */
  @Column({ type: 'varchar', length: 1, nullable: true })
  grade!: Grade | null;

  /** Village-level (12-digit) region code; official scope is a prefix of it. */
  @Index('IDX_enterprises_region_code')
  @Column(REGION_CODE_COLUMN)
  regionCode!: string;

  @Column({ type: 'varchar', length: 300 })
  address!: string;

  /** When it was registered (by itself or by a regulator). */
  @Column(INSTANT_COLUMN)
  createdAt!: Date;

  /** Pending until a regulator confirms a self-registration; active at once when a regulator creates it. */
  @Column({ type: 'varchar', length: 16, default: EnterpriseStatus.Active })
  status!: EnterpriseStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  rejectReason!: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  contactName!: string | null;

  @Column({ type: 'varchar', length: 11, nullable: true })
  contactPhone!: string | null;

  /** The principal who registered it; null when a regulator created or imported it. No foreign key: the principal's row refers to this one. */
  @Column({ ...ID_COLUMN, nullable: true })
  registeredBy!: string | null;

  /** The regulator who confirmed (or created, or imported) it. */
  @Column({ ...ID_COLUMN, nullable: true })
  confirmedBy!: string | null;

  /** Its duties (daily checks due, weeks, months) count from this day: see dutiesSince. */
  @Column({ ...INSTANT_COLUMN, nullable: true })
  confirmedAt!: Date | null;

  // The staffing profile (shared StaffingProfile): whether a director is required. Null = not said.
  @Column({ type: 'varchar', length: 16, nullable: true })
  scale!: EnterpriseScale | null;

  @Column({ type: 'boolean', nullable: true })
  chainHeadquarters!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  centralKitchen!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  specialFood!: boolean | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  canteenKind!: CanteenKind | null;

  @Column({ type: 'boolean', nullable: true })
  contractorOperated!: boolean | null;

  @Column({ type: 'int', nullable: true })
  dinersPerMeal!: number | null;
}

/**
 * The business date from which its records are due: the day a regulator confirmed it (a pending
 * registration cannot submit), or the day it was created for businesses older than confirmations.
 */
export function dutiesSince(e: Pick<Enterprise, 'createdAt' | 'confirmedAt'>): string {
  return businessDateOf(e.confirmedAt ?? e.createdAt);
}
