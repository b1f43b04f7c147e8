import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The events one statement emitted for one account, captured by the core tables' triggers in the
 * transaction of the change: one row holding a JSON array, however many rows the statement touched. Writing
 * one compressed value instead of a delivery row (and three index entries) per event is what keeps a bulk
 * enroll of 50,000 enrollments within its budget with a subscription present. The worker fans each batch
 * out into webhook_delivery rows (one per event and webhook) and deletes it, in one statement.
 */
@Entity('webhook_event_batch')
export class WebhookEventBatch {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  /** [{type, sequence, data}, ...]: json, not jsonb, since building it is text concatenation, not parsing. */
  @Column({ type: 'json', nullable: true })
  events: { type: string; sequence: number; data: Record<string, unknown> }[] | null;

  /** A lazily captured batch (the bulk-enroll path): its type, and the rows' ids and sequence numbers, position by position. */
  @Column({ name: 'lazy_type', type: 'text', nullable: true })
  lazyType: string | null;

  @Column({ type: 'uuid', array: true, nullable: true })
  ids: string[] | null;

  @Column({ type: 'bigint', array: true, nullable: true })
  sequences: string[] | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
