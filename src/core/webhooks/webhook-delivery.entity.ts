import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const DELIVERY_STATUSES = ['pending', 'sending', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * The webhooks outbox: one row per (event, webhook), fanned out by the worker from the event batches the
 * core tables' triggers capture in the transaction of the change, and claimed through LeaseQueue. `id` is the
 * `webhook-id` of every attempt; `sequence` comes from one bigint sequence, so it is strictly
 * increasing per account without a counter row every writer of the account would wait on.
 */
@Entity('webhook_delivery')
@Index('IDX_webhook_delivery_pending', ['webhookId', 'nextAttemptAt'], { where: `"status" = 'pending'` })
@Index('IDX_webhook_delivery_lease', ['webhookId', 'leaseUntil'], { where: `"status" = 'sending'` })
@Index('IDX_webhook_delivery_webhook_sequence', ['webhookId', 'sequence'])
// The retention sweep's scan: finished rows oldest first, and only those (the hot pending/sending rows stay out).
@Index('IDX_webhook_delivery_finished', ['finishedAt'], { where: `"status" IN ('succeeded', 'failed')` })
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /**
   * No foreign key on purpose: a bulk enroll writes 50,000 rows in one statement, and a per-row RI check
   * would cost more than the insert. A statement trigger on webhook deletes its deliveries instead.
   */
  @Column({ name: 'webhook_id', type: 'uuid' })
  webhookId: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'bigint' })
  sequence: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Column({ type: 'text', default: 'pending' })
  status: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ name: 'last_status_code', type: 'integer', nullable: true })
  lastStatusCode: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** The first 1 KB of the last response body. */
  @Column({ name: 'last_response', type: 'text', nullable: true })
  lastResponse: string | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  /**
   * When the delivery became succeeded or failed (NULL while pending or sending): the retention clock
   * (WEBHOOK_DELIVERY_RETENTION_DAYS), so a redelivered old event is kept as long as a new one.
   */
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
