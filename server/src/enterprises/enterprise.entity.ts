import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { BusinessType, Grade } from '@shian/shared';
import { ID_COLUMN, INSTANT_COLUMN, REGION_CODE_COLUMN } from '../database/columns';

/** A licensed food business. */
@Entity('enterprises')
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

  @Column({ type: 'varchar', length: 1 })
  grade!: Grade;

  /** Village-level (12-digit) region code; official scope is a prefix of it. */
  @Index('IDX_enterprises_region_code')
  @Column(REGION_CODE_COLUMN)
  regionCode!: string;

  @Column({ type: 'varchar', length: 300 })
  address!: string;

  @Column(INSTANT_COLUMN)
  createdAt!: Date;
}
