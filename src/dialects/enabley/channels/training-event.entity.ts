import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { Channel } from '../../../core/learning/channel.entity';
import { ContentItem } from '../../../core/learning/content-item.entity';

/**
 * A course training event. It is a core content item (so completing it counts towards progress like
 * any other non-optional item) with the event's details here.
 */
@Entity('enabley_training_event')
@Index('IDX_enabley_training_event_channel', ['channelId', 'fromDate'])
export class EnableyTrainingEvent {
  @PrimaryColumn({ name: 'content_item_id', type: 'uuid' })
  contentItemId: string;

  @OneToOne(() => ContentItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'content_item_id' })
  contentItem?: ContentItem;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId: string;

  @ManyToOne(() => Channel, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id' })
  channel?: Channel;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'from_date', type: 'timestamptz', nullable: true })
  fromDate: Date | null;

  @Column({ name: 'until_date', type: 'timestamptz', nullable: true })
  untilDate: Date | null;

  @Column({ name: 'all_day_event', type: 'boolean', default: false })
  allDayEvent: boolean;

  @Column({ name: 'include_grade', type: 'boolean', default: false })
  includeGrade: boolean;

  @Column({ name: 'is_published', type: 'boolean', default: true })
  isPublished: boolean;

  @Column({ name: 'live_session', type: 'boolean', default: false })
  liveSession: boolean;

  @Column({ type: 'text', nullable: true })
  location: string | null;
}
