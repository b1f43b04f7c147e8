import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Channel } from './channel.entity';

/**
 * Pre-enrollment of an email that has no user yet (Open edX CourseEnrollmentAllowed). With
 * autoEnroll it turns into an enrollment when an active user with that email appears.
 * Keyed by (account, email, channel) itself: nothing refers to a pre-enrollment, and a surrogate
 * uuid key cost a random uuid and a third index entry per row (100,000 per bulk call). Its channel key is
 * enforced per statement by triggers (migration SetBasedEnrollmentKeys), not by a foreign key checked row by row.
 */
@Entity('pending_enrollment')
@Index('IDX_pending_enrollment_channel', ['channelId'])
export class PendingEnrollment {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  /** Stored lower-case. */
  @PrimaryColumn({ type: 'text' })
  email: string;

  @PrimaryColumn({ name: 'channel_id', type: 'uuid' })
  channelId: string;

  @ManyToOne(() => Channel, { onDelete: 'CASCADE', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'channel_id' })
  channel?: Channel;

  @Column({ name: 'auto_enroll', type: 'boolean', default: false })
  autoEnroll: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
