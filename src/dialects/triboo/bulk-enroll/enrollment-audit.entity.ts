import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from '../../../core/accounts/account.entity';
import { Channel } from '../../../core/learning/channel.entity';
import { User } from '../../../core/users/user.entity';

/**
 * Open edX ManualEnrollmentAudit: one row per identifier and course a bulk enroll call processed,
 * with its state transition ("from unenrolled to enrolled", ...). Read through
 * GET /api/bulk_enroll/v1/audit.
 */
@Entity('triboo_enrollment_audit')
@Index('IDX_triboo_enrollment_audit_account_id', ['accountId', 'id'])
@Index('IDX_triboo_enrollment_audit_channel_id', ['channelId', 'id'])
export class TribooEnrollmentAudit {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId: string;

  @ManyToOne(() => Channel, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id' })
  channel?: Channel;

  @Index('IDX_triboo_enrollment_audit_user')
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user?: User | null;

  /** The identifier as sent (email or username). */
  @Column({ type: 'text' })
  identifier: string;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  /** enroll | unenroll */
  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'state_transition', type: 'text' })
  stateTransition: string;

  /** Who made the call: `client:<client_id>` or `user:<uuid>`. */
  @Column({ name: 'enrolled_by', type: 'text' })
  enrolledBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
