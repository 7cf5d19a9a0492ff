import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { RectificationEventKind } from '@shian/shared';
import { ID_COLUMN, INSTANT_COLUMN } from '../../database/columns';
import { User } from '../../auth/user.entity';
import { RectificationOrder } from './rectification-order.entity';

/** One step of an order's history (issued, answered, accepted, returned); appended, never changed. */
@Entity('rectification_events')
export class RectificationEvent {
  @PrimaryColumn(ID_COLUMN)
  orderId!: string;

  @ManyToOne(() => RectificationOrder, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'FK_rectification_events_order' })
  order?: RectificationOrder;

  /** 1, 2, 3 … within the order: two concurrent steps cannot both take the same place. */
  @PrimaryColumn({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: RectificationEventKind;

  @Column(ID_COLUMN)
  actorId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'FK_rectification_events_actor' })
  actor?: User;

  @Column({ type: 'varchar', length: 50 })
  actorName!: string;

  @Column(INSTANT_COLUMN)
  at!: Date;

  /** The business's measures, or the official's comment. */
  @Column({ type: 'text', nullable: true })
  text!: string | null;

  /** Evidence photos (files kind 'photo') of an answer. */
  @Column({ type: 'simple-json' })
  photoIds!: string[];
}
