import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { EnterpriseRiskItem } from '@shian/shared';
import { ID_COLUMN, INSTANT_COLUMN } from '../database/columns';
import { Enterprise } from '../enterprises/enterprise.entity';

/**
 * One version of an enterprise's 风险管控清单. Never changed: every edit by the director writes the
 * next version, and each record keeps the version it was made against.
 */
@Entity('risk_lists')
@Index('UQ_risk_lists_enterprise_version', ['enterpriseId', 'version'], { unique: true })
export class RiskList {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  enterpriseId!: string;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_risk_lists_enterprise' })
  enterprise?: Enterprise;

  @Column({ type: 'int' })
  version!: number;

  /** The template (business type + revision) version 1 started from. */
  @Column({ type: 'varchar', length: 64 })
  templateRevision!: string;

  @Column({ type: 'simple-json' })
  items!: EnterpriseRiskItem[];

  /** What changed from the previous version, in words. */
  @Column({ type: 'varchar', length: 500 })
  changeNote!: string;

  /** Null for the version created from the template. */
  @Column({ ...ID_COLUMN, nullable: true })
  createdBy!: string | null;

  @Column(INSTANT_COLUMN)
  createdAt!: Date;
}
