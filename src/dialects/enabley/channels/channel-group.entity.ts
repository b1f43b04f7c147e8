import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Channel } from '../../../core/learning/channel.entity';
import { EnableyGroup } from '../../../core/groups/group.entity';

/**
 * A group assigned to a channel: its users (and, when recursive, the users of its descendant groups)
 * are learners of the channel, including users who join later.
 */
@Entity('enabley_channel_group')
@Index('IDX_enabley_channel_group_group', ['groupId'])
export class EnableyChannelGroup {
  @PrimaryColumn({ name: 'channel_id', type: 'uuid' })
  channelId: string;

  @PrimaryColumn({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @ManyToOne(() => Channel, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id' })
  channel?: Channel;

  @ManyToOne(() => EnableyGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: EnableyGroup;

  @Column({ type: 'boolean', default: false })
  recursive: boolean;

  @Column({ name: 'user_role', type: 'text', default: 'LEARNER' })
  userRole: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
