import { Module } from '@nestjs/common';
import { APP_ENV } from '../config/config.module';
import { AppEnv } from '../config/env';
import { resolveJwtSecret } from '../auth/jwt-key.provider';
import { WebhookRetention } from './webhook-retention';
import { SecretBox } from './webhook-secret';
import { WebhookLoader } from './webhook.loader';
import { WEBHOOK_SECRET_BOX } from './webhook.tokens';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';
import { WebhooksWorker } from './webhooks.worker';

/** Webhook subscriptions (platform routes), the delivery worker of the outbox the core tables' triggers fill, and the delivery log's retention. */
@Module({
  controllers: [WebhooksController],
  providers: [
    { provide: WEBHOOK_SECRET_BOX, inject: [APP_ENV], useFactory: (env: AppEnv) => new SecretBox(env.webhookSecretKey ?? resolveJwtSecret(env)) },
    WebhooksWorker,
    WebhookRetention,
    WebhooksService,
    WebhookLoader,
  ],
})
export class WebhooksModule {}
