import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Channel } from '../../../core/learning/channel.entity';

/**
 * Open edX ManualEnrollmentAudit, written per call and course: one row holds, position by position,
 * every identifier the call processed for that course with its state transition ("from unenrolled
 * to enrolled", ...). A 10,000-identifier call over 5 courses writes 5 rows, not 50,000; the read
 * route (GET /api/bulk_enroll/v1/audit) lists one entry per identifier and course.
 * The user columns are snapshots (integer user_id, username), not references: the trail keeps who
 * it was after a rename.
 */
@Entity('triboo_enrollment_audit')
@Index('IDX_triboo_enrollment_audit_account_id', ['accountId', 'id'])
@Index('IDX_triboo_enrollment_audit_channel_id', ['channelId', 'id'])
export class TribooEnrollmentAudit {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  /** Tenant scope for listing; rows go with their course (and so with the account) by the channel foreign key. */
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId: string;

  @ManyToOne(() => Channel, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id' })
  channel?: Channel;

  /** enroll | unenroll */
  @Column({ type: 'text' })
  action: string;

  /** Who made the call: `client:<client_id>` or `user:<uuid>`. */
  @Column({ name: 'enrolled_by', type: 'text' })
  enrolledBy: string;

  /** Number of entries (the length of every array below). */
  @Column({ type: 'integer' })
  entries: number;

  /** The identifiers as sent (email or username). */
  @Column({ type: 'text', array: true })
  identifiers: string[];

  @Column({ type: 'text', array: true })
  emails: (string | null)[];

  @Column({ name: 'user_ids', type: 'integer', array: true })
  userIds: (number | null)[];

  @Column({ type: 'text', array: true })
  usernames: (string | null)[];

  @Column({ name: 'state_transitions', type: 'text', array: true })
  stateTransitions: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
