import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Role } from '@shian/shared';
import { BUSINESS_DATE_COLUMN, DECIMAL_COLUMN, ID_COLUMN, INSTANT_COLUMN, REGION_CODE_COLUMN } from '../../database/columns';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { User } from '../../auth/user.entity';

/** 监督抽查考核 — a regulator's spot exam of a director or officer. Never changed. */
@Entity('spot_exams')
@Index('IDX_spot_exams_enterprise_user', ['enterpriseId', 'userId'])
@Index('IDX_spot_exams_region_examined_on', ['regionCode', 'examinedOn'])
export class SpotExam {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  enterpriseId!: string;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_spot_exams_enterprise' })
  enterprise?: Enterprise;

  @Column(REGION_CODE_COLUMN)
  regionCode!: string;

  /** The person examined (users.id). */
  @Column(ID_COLUMN)
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_spot_exams_user' })
  person?: User;

  /** Their role when examined (director or officer). */
  @Column({ type: 'varchar', length: 16 })
  personRole!: Role;

  @Column(BUSINESS_DATE_COLUMN)
  examinedOn!: string;

  @Column(DECIMAL_COLUMN)
  score!: number;

  @Column(DECIMAL_COLUMN)
  fullMark!: number;

  /** spotExamOutcome(score, { fullMark }) when recorded. */
  @Column({ type: 'boolean' })
  passed!: boolean;

  @Column({ type: 'int', nullable: true })
  questionCount!: number | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column(ID_COLUMN)
  examinerId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'examiner_id', foreignKeyConstraintName: 'FK_spot_exams_examiner' })
  examiner?: User;

  @Column(INSTANT_COLUMN)
  createdAt!: Date;
}
