import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_ENV } from '../config/config.module';
import { AppEnv } from '../config/env';
import { rows } from '../database/sql';
import { ApiError } from '../http/api-error';
import { assertPublicTarget, parseWebhookUrl } from './target-guard';
import { SecretBox, newWebhookSecret } from './webhook-secret';
import { WEBHOOK_SECRET_BOX } from './webhook.tokens';
import { AcceptedDeliveryDto, CreateWebhookDto, CreatedWebhookDto, DeliveryPageDto, DeliveryQueryDto, UpdateWebhookDto, WebhookDto, WebhookSecretDto } from './webhooks.dto';
import { WebhooksWorker } from './webhooks.worker';

const ROTATION_GRACE_HOURS = 24;
export const MAX_WEBHOOKS = 100;
const COLUMNS = 'id, url, events, description, active, disabled_reason, failing_since, created_at';

interface WebhookRow {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  active: boolean;
  disabled_reason: string | null;
  failing_since: Date | null;
  created_at: Date;
}

const toDto = (r: WebhookRow): WebhookDto => ({
  id: r.id,
  url: r.url,
  events: r.events,
  description: r.description,
  active: r.active,
  disabled_reason: r.disabled_reason,
  failing_since: r.failing_since ? r.failing_since.toISOString() : null,
  created: r.created_at.toISOString(),
});

/** '*' anywhere means every type; otherwise the distinct types in the order given. */
const normalizeEvents = (events: string[]) => (events.includes('*') ? ['*'] : [...new Set(events)]);

/** An account's webhook subscriptions and their deliveries. The route's policy has already found the webhook in the caller's account. */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_ENV) private readonly env: AppEnv,
    @Inject(WEBHOOK_SECRET_BOX) private readonly box: SecretBox,
    private readonly worker: WebhooksWorker,
  ) {}

  private async checkedUrl(raw: string): Promise<string> {
    const url = parseWebhookUrl(raw);
    await assertPublicTarget(url, this.env.webhookAllowPrivateTargets);
    return url.toString();
  }

  async create(accountId: string, body: CreateWebhookDto): Promise<CreatedWebhookDto> {
    const url = await this.checkedUrl(body.url);
    const secret = newWebhookSecret();
    const [row] = await rows<WebhookRow>(
      this.db,
      `INSERT INTO webhook (account_id, url, events, description, secret_encrypted)
       SELECT $1, $2, $3, $4, $5 WHERE (SELECT count(*) FROM webhook WHERE account_id = $1) < $6
       RETURNING ${COLUMNS}`,
      [accountId, url, normalizeEvents(body.events), body.description ?? null, this.box.seal(secret), MAX_WEBHOOKS],
    );
    if (!row) throw ApiError.badRequest(`An account has at most ${MAX_WEBHOOKS} webhooks; delete one first.`);
    return { ...toDto(row), secret };
  }

  async list(accountId: string): Promise<WebhookDto[]> {
    const found = await rows<WebhookRow>(this.db, `SELECT ${COLUMNS} FROM webhook WHERE account_id = $1 ORDER BY created_at, id`, [accountId]);
    return found.map(toDto);
  }

  async get(accountId: string, id: string): Promise<WebhookDto> {
    const [row] = await rows<WebhookRow>(this.db, `SELECT ${COLUMNS} FROM webhook WHERE id = $1 AND account_id = $2`, [id, accountId]);
    if (!row) throw ApiError.notFound('No such webhook.');
    return toDto(row);
  }

  async update(accountId: string, id: string, body: UpdateWebhookDto): Promise<WebhookDto> {
    const url = body.url === undefined ? null : await this.checkedUrl(body.url);
    const [row] = await rows<WebhookRow>(
      this.db,
      `UPDATE webhook SET url = COALESCE($3, url), events = COALESCE($4, events),
              description = CASE WHEN $5 THEN $6 ELSE description END,
              active = COALESCE($7, active),
              -- Turning it on again starts afresh: no failing streak, no automatic deactivation.
              failing_since = CASE WHEN $7 THEN NULL ELSE failing_since END,
              disabled_reason = CASE WHEN $7 THEN NULL ELSE disabled_reason END,
              updated_at = now()
        WHERE id = $1 AND account_id = $2 RETURNING ${COLUMNS}`,
      [id, accountId, url, body.events ? normalizeEvents(body.events) : null, body.description !== undefined, body.description ?? null, body.active ?? null],
    );
    if (!row) throw ApiError.notFound('No such webhook.');
    if (row.active) this.worker.kick();
    return toDto(row);
  }

  async remove(accountId: string, id: string): Promise<void> {
    const deleted = await rows(this.db, `DELETE FROM webhook WHERE id = $1 AND account_id = $2 RETURNING id`, [id, accountId]);
    if (!deleted.length) throw ApiError.notFound('No such webhook.');
  }

  async rotateSecret(accountId: string, id: string): Promise<WebhookSecretDto> {
    const secret = newWebhookSecret();
    const [row] = await rows<{ expires: Date }>(
      this.db,
      `UPDATE webhook SET previous_secret_encrypted = secret_encrypted, secret_encrypted = $3,
              previous_secret_expires_at = now() + make_interval(hours => $4), updated_at = now()
        WHERE id = $1 AND account_id = $2 RETURNING previous_secret_expires_at AS expires`,
      [id, accountId, this.box.seal(secret), ROTATION_GRACE_HOURS],
    );
    if (!row) throw ApiError.notFound('No such webhook.');
    return { secret, previous_secret_expires_at: row.expires.toISOString() };
  }

  /** Queues a `webhook.test` delivery to this webhook alone, whatever types it subscribes to. */
  async sendTest(accountId: string, id: string): Promise<AcceptedDeliveryDto> {
    const [row] = await rows<{ id: string }>(
      this.db,
      `INSERT INTO webhook_delivery (webhook_id, account_id, type, sequence, occurred_at, data)
       SELECT w.id, w.account_id, 'webhook.test', nextval('webhook_event_sequence'), now(),
              jsonb_build_object('webhook_id', w.id, 'message', 'A test delivery, sent on request.')
         FROM webhook w WHERE w.id = $1 AND w.account_id = $2
       RETURNING id`,
      [id, accountId],
    );
    if (!row) throw ApiError.notFound('No such webhook.');
    this.worker.kick();
    return { id: row.id };
  }

  async deliveries(accountId: string, id: string, query: DeliveryQueryDto): Promise<DeliveryPageDto> {
    await this.get(accountId, id);
    const limit = query.limit ? Number(query.limit) : 50;
    const statuses = query.status === 'pending' ? ['pending', 'sending'] : query.status ? [query.status] : null;
    const found = await rows<{ id: string; type: string; sequence: string; status: string; attempts: number; last_status_code: number | null; last_error: string | null; next_attempt_at: Date; created_at: Date }>(
      this.db,
      `SELECT id, type, sequence, status, attempts, last_status_code, last_error, next_attempt_at, created_at
         FROM webhook_delivery
        WHERE webhook_id = $1 AND ($2::text[] IS NULL OR status = ANY($2)) AND ($3::bigint IS NULL OR sequence < $3)
        ORDER BY sequence DESC LIMIT $4`,
      [id, statuses, query.cursor ?? null, limit + 1],
    );
    const page = found.slice(0, limit);
    return {
      results: page.map((d) => ({
        id: d.id,
        type: d.type,
        sequence: Number(d.sequence),
        status: d.status,
        attempts: d.attempts,
        last_status_code: d.last_status_code,
        last_error: d.last_error,
        next_attempt_at: d.status === 'pending' || d.status === 'sending' ? d.next_attempt_at.toISOString() : null,
        created: d.created_at.toISOString(),
      })),
      next: found.length > limit ? page[page.length - 1].sequence : null,
    };
  }

  /** Sends a delivery again, same `webhook-id`, with a fresh set of attempts; one in flight is left to finish. */
  async redeliver(accountId: string, id: string, deliveryId: string): Promise<AcceptedDeliveryDto> {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (!uuid.test(deliveryId)) throw ApiError.notFound('No such delivery.');
    const found = await rows<{ id: string }>(
      this.db,
      `WITH d AS (SELECT d.id, d.status FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
                   WHERE d.id = $1 AND d.webhook_id = $2 AND w.account_id = $3),
            again AS (UPDATE webhook_delivery q SET status = 'pending', attempts = 0, next_attempt_at = now(), lease_until = NULL, finished_at = NULL
                        FROM d WHERE q.id = d.id AND d.status <> 'sending' RETURNING q.id)
       -- From the UPDATE, not from d: a row the retention sweep deleted meanwhile (its lock made the UPDATE wait)
       -- updates nothing and is answered 404, not accepted. One in flight ('sending') is accepted as it is.
       SELECT id FROM again UNION ALL SELECT id FROM d WHERE status = 'sending'`,
      [deliveryId, id, accountId],
    );
    if (!found.length) throw ApiError.notFound('No such delivery.');
    this.worker.kick();
    return { id: found[0].id };
  }
}
