import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { RectificationOrderStatus, RectificationSourceType } from '@shian/shared';
import { BUSINESS_DATE_COLUMN, ID_COLUMN, INSTANT_COLUMN, REGION_CODE_COLUMN } from '../../database/columns';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { User } from '../../auth/user.entity';

/**
 * 整改通知 — a rectification order to a business: items and a deadline; open → answered →
 * closed, or returned → answered … Its history is the append-only RectificationEvent rows; this
 * row carries the current status for lists and the dashboard (region_code prefix, issued_date,
 * status, deadline).
 */
@Entity('rectification_orders')
@Index('IDX_rectification_orders_region_issued', ['regionCode', 'issuedDate'])
@Index('IDX_rectification_orders_enterprise_status', ['enterpriseId', 'status'])
@Index('IDX_rectification_orders_source', ['sourceId'])
export class RectificationOrder {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  enterpriseId!: string;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_rectification_orders_enterprise' })
  enterprise?: Enterprise;

  /** The business's village code at issue. */
  @Column(REGION_CODE_COLUMN)
  regionCode!: string;

  @Column({ type: 'varchar', length: 32 })
  sourceType!: RectificationSourceType;

  /** The record version (or, later, visit or complaint) it was raised from. */
  @Column({ ...ID_COLUMN, nullable: true })
  sourceId!: string | null;

  @Column({ type: 'simple-json' })
  items!: string[];

  /** Last business date to rectify by (Asia/Shanghai). */
  @Column(BUSINESS_DATE_COLUMN)
  deadline!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: RectificationOrderStatus;

  @Column(ID_COLUMN)
  issuedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issued_by', foreignKeyConstraintName: 'FK_rectification_orders_issued_by' })
  issuer?: User;

  /** Name at the time of issue. */
  @Column({ type: 'varchar', length: 50 })
  issuerName!: string;

  @Column(INSTANT_COLUMN)
  issuedAt!: Date;

  /** Business date of issue, for period filters. */
  @Column(BUSINESS_DATE_COLUMN)
  issuedDate!: string;

  /** The latest answer. */
  @Column({ ...INSTANT_COLUMN, nullable: true })
  answeredAt!: Date | null;

  @Column({ ...INSTANT_COLUMN, nullable: true })
  closedAt!: Date | null;

  @Column({ ...BUSINESS_DATE_COLUMN, nullable: true })
  closedDate!: string | null;

  /** The answer round: 1 from issue, +1 on each return. */
  @Column({ type: 'int' })
  round!: number;
}
