import { Global, Module } from '@nestjs/common';
import { APP_ENV } from '../config/config.module';
import { AppEnv } from '../config/env';
import { NOTIFICATION_TRANSPORT, transportFor } from './notification-transport';
import { NotificationsService } from './notifications.service';
import { NotificationsWorker } from './notifications.worker';

/** The outbox every dialect queues messages in (Organizations notify, Triboo email_students). */
@Global()
@Module({
  providers: [
    { provide: NOTIFICATION_TRANSPORT, inject: [APP_ENV], useFactory: (env: AppEnv) => transportFor(env.smtpUrl) },
    NotificationsWorker,
    NotificationsService,
  ],
  exports: [NotificationsService, NotificationsWorker],
})
export class NotificationsModule {}
