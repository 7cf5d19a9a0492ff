import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { BUSINESS_DATE_COLUMN, DECIMAL_COLUMN, ID_COLUMN, INSTANT_COLUMN, REGION_CODE_COLUMN } from '../../database/columns';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { User } from '../../auth/user.entity';

/** 企业内部培训考核记录 — the business trains and assesses its director and officers and keeps the record (Order 60). */
@Entity('trainings')
@Index('IDX_trainings_enterprise_held_on', ['enterpriseId', 'heldOn'])
@Index('IDX_trainings_region_held_on', ['regionCode', 'heldOn'])
export class Training {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  enterpriseId!: string;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_trainings_enterprise' })
  enterprise?: Enterprise;

  @Column(REGION_CODE_COLUMN)
  regionCode!: string;

  @Column(BUSINESS_DATE_COLUMN)
  heldOn!: string;

  @Column({ type: 'varchar', length: 200 })
  topic!: string;

  @Column(DECIMAL_COLUMN)
  hours!: number;

  @Column({ type: 'varchar', length: 100 })
  trainer!: string;

  /** users.id of those who attended. */
  @Column({ type: 'simple-json' })
  attendeeIds!: string[];

  @Column({ type: 'text', nullable: true })
  assessment!: string | null;

  @Column({ type: 'simple-json' })
  fileIds!: string[];

  @Column(ID_COLUMN)
  createdBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_trainings_created_by' })
  creator?: User;

  @Column(INSTANT_COLUMN)
  createdAt!: Date;
}
