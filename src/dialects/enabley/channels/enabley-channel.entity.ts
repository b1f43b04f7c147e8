import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Channel } from '../../../core/learning/channel.entity';

/** Enabley-only attributes of a core channel: the sub-account it belongs to. */
@Entity('enabley_channel')
@Index('IDX_enabley_channel_sub_account', ['subAccountName', 'channelId'])
export class EnableyChannel {
  @PrimaryColumn({ name: 'channel_id', type: 'uuid' })
  channelId: string;

  @OneToOne(() => Channel, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id' })
  channel?: Channel;

  @Column({ name: 'sub_account_name', type: 'text', nullable: true })
  subAccountName: string | null;
}
