import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rows } from '../database/sql';
import { NotificationsWorker } from './notifications.worker';

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

/** One message to many recipients that differs only in the greeting's name: queued with one INSERT ... SELECT. */
export interface PersonalizedNotification {
  /** Each recipient's key is keyPrefix + their user id. */
  keyPrefix: string;
  accountId: string;
  subject: string;
  /** Each body is greeting + the recipient's name + rest. */
  greeting: string;
  rest: string;
  /** to null/empty: recorded and skipped by the worker. */
  recipients: { userId: string; to: string | null; name: string }[];
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

  /**
   * The same outcome as enqueue() with one message per recipient, but the shared text crosses the wire once and
   * PostgreSQL assembles each row, instead of a full body per recipient in the parameters.
   */
  async enqueuePersonalized(manager: EntityManager, n: PersonalizedNotification): Promise<number> {
    if (!n.recipients.length) return 0;
    const inserted = await rows<{ id: string }>(
      manager,
      `INSERT INTO notification (key, account_id, user_id, to_address, subject, body)
       SELECT $1 || r.user_id::text, $2::uuid, r.user_id, NULLIF(r.to_address, ''), $3, $4 || r.name || $5
         FROM unnest($6::uuid[], $7::text[], $8::text[]) AS r(user_id, to_address, name)
       ON CONFLICT (key) DO NOTHING
       RETURNING id`,
      [n.keyPrefix, n.accountId, n.subject, n.greeting, n.rest, n.recipients.map((r) => r.userId), n.recipients.map((r) => r.to), n.recipients.map((r) => r.name)],
    );
    if (inserted.length) this.worker.kick();
    return inserted.length;
  }
}
