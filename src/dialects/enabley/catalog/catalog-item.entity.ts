import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Channel } from '../../../core/learning/channel.entity';

/** The catalog entry of a published channel, created the first time it is asked for; its id is stable. */
@Entity('enabley_catalog_item')
@Index('UQ_enabley_catalog_item_channel', ['channelId'], { unique: true })
export class EnableyCatalogItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId: string;

  @ManyToOne(() => Channel, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id' })
  channel?: Channel;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
