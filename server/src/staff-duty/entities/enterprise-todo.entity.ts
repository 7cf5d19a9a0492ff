import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { EnterpriseTodoStatus, SpotExamTodoClosure } from '@shian/shared';
import { ID_COLUMN, INSTANT_COLUMN, REGION_CODE_COLUMN } from '../../database/columns';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { User } from '../../auth/user.entity';

export type EnterpriseTodoKind = 'spot_exam_failed';

/**
 * A to-do a regulator's finding opens for the business: today only a failed spot exam (retrain or
 * replace the person). Kept apart from `problems`, which weekly investigations resolve with a
 * note: this one closes only on a later passed exam of the person, or once they are out of post.
 */
@Entity('enterprise_todos')
@Index('IDX_enterprise_todos_enterprise_status', ['enterpriseId', 'status'])
@Index('IDX_enterprise_todos_region_status', ['regionCode', 'status'])
@Index('UQ_enterprise_todos_kind_source', ['kind', 'sourceId'], { unique: true })
export class EnterpriseTodo {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  enterpriseId!: string;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_enterprise_todos_enterprise' })
  enterprise?: Enterprise;

  @Column(REGION_CODE_COLUMN)
  regionCode!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: EnterpriseTodoKind;

  /** The person it is about (the one examined). */
  @Column({ ...ID_COLUMN, nullable: true })
  subjectUserId!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'subject_user_id', foreignKeyConstraintName: 'FK_enterprise_todos_subject' })
  subject?: User | null;

  /** What opened it (the spot exam's id). */
  @Column(ID_COLUMN)
  sourceId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  detail!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: EnterpriseTodoStatus;

  @Column(INSTANT_COLUMN)
  createdAt!: Date;

  @Column({ ...INSTANT_COLUMN, nullable: true })
  closedAt!: Date | null;

  @Column({ ...ID_COLUMN, nullable: true })
  closedBy!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  closure!: SpotExamTodoClosure | null;

  /** What closed it (the passing exam's id). */
  @Column({ ...ID_COLUMN, nullable: true })
  closedBySourceId!: string | null;

  @Column({ type: 'text', nullable: true })
  closingNote!: string | null;
}
