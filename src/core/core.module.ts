import { DynamicModule, Module } from '@nestjs/common';
import { AccountsModule } from './accounts/accounts.module';
import { AuthModule } from './auth/auth.module';
import { AppConfigModule } from './config/config.module';
import { AppEnv } from './config/env';
import { DatabaseModule } from './database/database.module';
import { GroupsModule } from './groups/groups.module';
import { HealthModule } from './health/health.module';
import { LearningModule } from './learning/learning.module';
import { LoggingModule } from './logging/logging.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PolicyModule } from './policy/policy.module';
import { UsersModule } from './users/users.module';
import { WebhooksModule } from './webhooks/webhooks.module';

export interface CoreOptions {
  env: AppEnv;
  databaseUrl: string;
  /** false: no database connection (OpenAPI generation). */
  connect?: boolean;
}

/** Everything the four dialects share. */
@Module({})
export class CoreModule {
  static forRoot(opts: CoreOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        AppConfigModule.forRoot(opts.env),
        LoggingModule.forRoot(opts.env.logLevel, opts.env.logFormat),
        DatabaseModule.forRoot({ url: opts.databaseUrl, connect: opts.connect }),
        PolicyModule,
        UsersModule,
        LearningModule,
        GroupsModule,
        AccountsModule,
        AuthModule,
        HealthModule,
        NotificationsModule,
        WebhooksModule,
      ],
    };
  }
}
