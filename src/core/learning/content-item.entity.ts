import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Channel } from './channel.entity';

/** A unit of a channel a learner completes; optional items do not count towards progress. */
@Entity('content_item')
@Index('UQ_content_item_channel_identifier', ['channelId', 'identifier'], { unique: true })
export class ContentItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId: string;

  @ManyToOne(() => Channel, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id' })
  channel?: Channel;

  @Column({ type: 'text' })
  identifier: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'boolean', default: false })
  optional: boolean;

  /** Whether the item carries a score that counts towards the channel score. */
  @Column({ type: 'boolean', default: false })
  scored: boolean;

  @Column({ type: 'integer', default: 0 })
  position: number;
}
