import { DataSource } from 'typeorm';
import { rows } from '../database/sql';

/** Eagerly captured batches (payloads already built) fanned out per statement. */
const EAGER_BATCHES = 20;
/**
 * Lazily captured events (a bulk enroll's enrollment.created) fanned out per statement: one 50,000-event batch
 * is ten short statements, so the first deliveries leave after a fraction of a second instead of after the
 * whole batch, and no statement holds the batch row (or a connection) for seconds.
 */
export const LAZY_CHUNK = 5000;

/**
 * Fans captured event batches out into deliveries, one per event and subscribed active webhook, a bounded
 * amount per call: eager batches (up to EAGER_BATCHES) and one chunk of the oldest lazy batch. Each statement
 * is one transaction that removes what it fanned out from the batch and inserts its deliveries (a crash
 * leaves the events in their batch or in deliveries, never neither). SKIP LOCKED: with several processes each
 * batch is fanned out once. Returns whether there may be more to fan out.
 */
export async function fanOut(db: DataSource): Promise<boolean> {
  const [eager] = await rows<{ batches: number }>(
    db,
    `WITH b AS (DELETE FROM webhook_event_batch
                 WHERE id IN (SELECT id FROM webhook_event_batch WHERE events IS NOT NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
                 RETURNING account_id, occurred_at, events),
          ev AS (SELECT b.account_id, b.occurred_at, e.value->>'type' AS type, (e.value->>'sequence')::bigint AS sequence, (e.value->'data')::jsonb AS data
                   FROM b CROSS JOIN LATERAL json_array_elements(b.events) e),
          d AS (INSERT INTO webhook_delivery (webhook_id, account_id, type, sequence, occurred_at, data)
                SELECT w.id, ev.account_id, ev.type, ev.sequence, ev.occurred_at, ev.data
                  FROM ev JOIN webhook w ON w.account_id = ev.account_id AND w.active AND w.events && ARRAY[ev.type, '*']
                RETURNING 1)
     SELECT (SELECT count(*) FROM b)::int AS batches, (SELECT count(*) FROM d)::int AS deliveries`,
    [EAGER_BATCHES],
    { name: 'webhook_fan_out_eager' },
  );
  // The first LAZY_CHUNK ids of the oldest lazy batch: their payloads built by one join; the batch keeps the
  // rest (its arrays trimmed) or goes.
  const [lazy] = await rows<{ events: number; more: boolean }>(
    db,
    `WITH b AS (SELECT id, account_id, occurred_at, lazy_type, ids[1:$1] AS ids, sequences[1:$1] AS sequences, cardinality(ids) > $1 AS more
                  FROM webhook_event_batch WHERE lazy_type IS NOT NULL ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED),
          kept AS (UPDATE webhook_event_batch t SET ids = t.ids[$1 + 1:], sequences = t.sequences[$1 + 1:] FROM b WHERE t.id = b.id AND b.more RETURNING 1),
          gone AS (DELETE FROM webhook_event_batch t USING b WHERE t.id = b.id AND NOT b.more RETURNING 1),
          d AS (INSERT INTO webhook_delivery (webhook_id, account_id, type, sequence, occurred_at, data)
                SELECT w.id, b.account_id, b.lazy_type, p.sequence, b.occurred_at, p.data
                  FROM b CROSS JOIN LATERAL las_webhook_enrollment_payloads(b.ids, b.sequences) p
                  JOIN webhook w ON w.account_id = b.account_id AND w.active AND w.events && ARRAY[b.lazy_type, '*']
                RETURNING 1)
     SELECT (SELECT count(*) FROM d)::int AS deliveries, coalesce((SELECT cardinality(ids) FROM b), 0)::int AS events,
            coalesce((SELECT more FROM b), false) AS more`,
    [LAZY_CHUNK],
    { name: 'webhook_fan_out_lazy' },
  );
  return (eager?.batches ?? 0) === EAGER_BATCHES || (lazy?.events ?? 0) > 0;
}
