import { DataSource } from 'typeorm';
import { rows } from '../database/sql';
import { SecretBox } from './webhook-secret';

/** An active webhook with due deliveries, its live secrets decrypted for signing. */
export interface Endpoint {
  id: string;
  url: string;
  secrets: string[];
  failing: boolean;
}

interface EndpointRow {
  id: string;
  url: string;
  secret_encrypted: string;
  previous_secret_encrypted: string | null;
  failing: boolean;
}

/** The webhooks the worker should serve now: active, with a due (or lease-expired) delivery. */
export async function dueEndpoints(db: DataSource, box: SecretBox, unreadable: (webhookId: string) => void): Promise<Endpoint[]> {
  const found = await rows<EndpointRow>(
    db,
    `SELECT w.id, w.url, w.secret_encrypted,
            CASE WHEN w.previous_secret_expires_at > now() THEN w.previous_secret_encrypted END AS previous_secret_encrypted,
            w.failing_since IS NOT NULL AS failing
       FROM webhook w
      WHERE w.active
        AND (EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.webhook_id = w.id AND d.status = 'pending' AND d.next_attempt_at <= now())
          OR EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.webhook_id = w.id AND d.status = 'sending' AND d.lease_until < now()))`,
    [],
    { name: 'webhook_due_endpoints' },
  );
  const endpoints: Endpoint[] = [];
  for (const r of found) {
    try {
      // The new secret first; during a rotation's grace period the old one signs too.
      const secrets = [box.open(r.secret_encrypted), ...(r.previous_secret_encrypted ? [box.open(r.previous_secret_encrypted)] : [])];
      endpoints.push({ id: r.id, url: r.url, secrets, failing: r.failing });
    } catch {
      // Sealed under another key (WEBHOOK_SECRET_KEY or JWT_SECRET changed): this one waits, the others go on.
      unreadable(r.id);
    }
  }
  return endpoints;
}

/**
 * Records a failed attempt on the endpoint: starts its failing streak, or, three days into it, turns it
 * inactive. Written only then, not on every failure of a dead endpoint. True if it just turned inactive.
 */
export async function markFailing(db: DataSource, webhookId: string): Promise<boolean> {
  const [row] = await rows<{ disabled: boolean }>(
    db,
    `UPDATE webhook w SET failing_since = COALESCE(w.failing_since, now()),
            active = w.failing_since IS NULL OR w.failing_since >= now() - interval '3 days',
            disabled_reason = CASE WHEN w.failing_since < now() - interval '3 days' THEN 'Every delivery failed for 3 days.' ELSE w.disabled_reason END
      WHERE w.id = $1 AND w.active AND (w.failing_since IS NULL OR w.failing_since < now() - interval '3 days')
      RETURNING NOT w.active AS disabled`,
    [webhookId],
  );
  return row?.disabled === true;
}

export async function markHealthy(db: DataSource, webhookId: string): Promise<void> {
  await rows(db, `UPDATE webhook SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL`, [webhookId]);
}
