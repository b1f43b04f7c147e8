import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from '../accounts/account.entity';
import { User } from '../users/user.entity';

/**
 * pending → sending (claimed under a lease) → sent | skipped (no address) | pending again (retry with
 * backoff) | failed (after the last attempt). A `sending` row whose lease ran out is claimed again.
 */
export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'skipped', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * The notifications outbox: one row per message, written in the caller's transaction and delivered
 * later by the worker. `key` is unique, so the same message is never queued twice.
 */
@Entity('notification')
@Index('IDX_notification_pending', ['nextAttemptAt'], { where: `"status" = 'pending'` })
@Index('IDX_notification_lease', ['leaseUntil'], { where: `"status" = 'sending'` })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_notification_key', { unique: true })
  @Column({ type: 'text' })
  key: string;

  @Index('IDX_notification_account')
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  @Index('IDX_notification_user')
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** The address at the time of queuing; null: nothing to deliver to (logged and skipped). */
  @Column({ name: 'to_address', type: 'text', nullable: true })
  toAddress: string | null;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', default: 'pending' })
  status: NotificationStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  /** While `sending`: until when the claiming worker owns the row. */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
