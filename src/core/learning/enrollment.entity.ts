import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { Channel } from './channel.entity';

export const ENROLLMENT_STATUSES = ['not_started', 'in_progress', 'finished', 'failed'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/**
 * A user's LEARNER membership in a channel: the one enrollment table that Triboo enrollment and
 * bulk enroll, Enabley channel assignment, progress reports and performance all read and write.
 * Its keys to the user and the channel are enforced per statement by triggers, not by foreign keys checked row
 * by row (migration SetBasedEnrollmentKeys): same integrity and ON DELETE CASCADE, one query per bulk statement.
 */
@Entity('enrollment')
@Index('UQ_enrollment_user_channel', ['userId', 'channelId'], { unique: true })
@Index('IDX_enrollment_channel_user', ['channelId', 'userId'])
@Index('IDX_enrollment_account', ['accountId'])
export class Enrollment {
  /** Time-ordered (UUID v7, migration TimeOrderedEnrollmentIds): bulk inserts append to the primary-key index. */
  @PrimaryColumn({ type: 'uuid', default: () => 'las_uuidv7()' })
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId: string;

  @ManyToOne(() => Channel, { onDelete: 'CASCADE', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'channel_id' })
  channel?: Channel;

  /** Unenrolling keeps the row inactive, so history and re-enrollment keep their dates. */
  @Column({ name: 'is_active', type: 'boolean', default: true })
  isActive: boolean;

  /** Open edX enrollment mode (honor, audit, verified ...). */
  @Column({ type: 'text', default: 'honor' })
  mode: string;

  /** How the learner came in: 'direct', or 'group' when through a channel-group assignment. */
  @Column({ type: 'text', default: 'direct' })
  source: string;

  @Column({ type: 'text', default: 'not_started' })
  status: EnrollmentStatus;

  /** 0-100. */
  @Column({ type: 'integer', default: 0 })
  progress: number;

  @Column({ type: 'integer', nullable: true })
  score: number | null;

  @Column({ name: 'time_spent_seconds', type: 'integer', default: 0 })
  timeSpentSeconds: number;

  @Column({ name: 'enrolled_at', type: 'timestamptz', default: () => 'now()' })
  enrolledAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
