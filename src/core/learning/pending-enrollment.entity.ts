import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Channel } from './channel.entity';

/**
 * Pre-enrollment of an email that has no user yet (Open edX CourseEnrollmentAllowed). With
 * autoEnroll it turns into an enrollment when an active user with that email appears.
 */
@Entity('pending_enrollment')
@Index('UQ_pending_enrollment_email_channel', ['accountId', 'email', 'channelId'], { unique: true })
@Index('IDX_pending_enrollment_channel', ['channelId'])
export class PendingEnrollment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  /** Stored lower-case. */
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId: string;

  @ManyToOne(() => Channel, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id' })
  channel?: Channel;

  @Column({ name: 'auto_enroll', type: 'boolean', default: false })
  autoEnroll: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
