import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { ContentItem } from './content-item.entity';

/** A learner's record on one content item; enrollment progress and score derive from these rows. */
@Entity('content_progress')
@Index('UQ_content_progress_user_item', ['userId', 'contentItemId'], { unique: true })
@Index('IDX_content_progress_item', ['contentItemId'])
export class ContentProgress {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ name: 'content_item_id', type: 'uuid' })
  contentItemId: string;

  @ManyToOne(() => ContentItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'content_item_id' })
  contentItem?: ContentItem;

  @Column({ type: 'boolean', default: false })
  completed: boolean;

  @Column({ type: 'integer', nullable: true })
  score: number | null;

  @Column({ name: 'time_spent_seconds', type: 'integer', default: 0 })
  timeSpentSeconds: number;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
