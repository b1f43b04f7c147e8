import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotificationsWorker } from './notifications.worker';
import { rows } from '../database/sql';

export interface NewNotification {
  /** Unique per message: queuing the same key again is a no-op, so nothing is ever queued twice. */
  key: string;
  accountId: string;
  userId?: string | null;
  /** Recipient address; null/empty: the message is recorded and skipped by the worker. */
  to: string | null;
  subject: string;
  body: string;
}

/**
 * Queues messages in the outbox inside the caller's transaction (they are sent only if it commits)
 * and wakes the worker; sending never blocks or fails the caller.
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly worker: NotificationsWorker) {}

  /** One set-based insert; returns how many messages were newly queued. */
  async enqueue(manager: EntityManager, messages: NewNotification[]): Promise<number> {
    if (!messages.length) return 0;
    const queued = await rows<{ id: string }>(
      manager,
      `INSERT INTO notification (key, account_id, user_id, to_address, subject, body)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[])
       ON CONFLICT (key) DO NOTHING
       RETURNING id`,
      [
        messages.map((m) => m.key),
        messages.map((m) => m.accountId),
        messages.map((m) => m.userId ?? null),
        messages.map((m) => m.to || null),
        messages.map((m) => m.subject),
        messages.map((m) => m.body),
      ],
    );
    if (queued.length) this.worker.kick();
    return queued.length;
  }
}
