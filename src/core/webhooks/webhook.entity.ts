import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Account } from '../accounts/account.entity';

/**
 * An account's subscription: where to POST which event types. The signing secret is kept encrypted
 * (webhook-secret.ts) because it must be usable to sign; a rotated-out secret keeps signing beside the
 * new one until `previous_secret_expires_at`. `failing_since` is the first failure of the current streak;
 * three days of it set the webhook inactive (`disabled_reason` says why).
 */
@Entity('webhook')
@Index('IDX_webhook_account_created', ['accountId', 'createdAt', 'id'])
// The triggers' first question ("does any active subscription want this event type?") reads only this index.
@Index('IDX_webhook_active_account', ['accountId'], { where: `"active"` })
export class Webhook {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  @Column({ type: 'text' })
  url: string;

  /** Event types, or ['*'] for every type. */
  @Column({ type: 'text', array: true })
  events: string[];

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'secret_encrypted', type: 'text', select: false })
  secretEncrypted: string;

  @Column({ name: 'previous_secret_encrypted', type: 'text', nullable: true, select: false })
  previousSecretEncrypted: string | null;

  @Column({ name: 'previous_secret_expires_at', type: 'timestamptz', nullable: true })
  previousSecretExpiresAt: Date | null;

  @Column({ name: 'failing_since', type: 'timestamptz', nullable: true })
  failingSince: Date | null;

  @Column({ name: 'disabled_reason', type: 'text', nullable: true })
  disabledReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
