import { Module } from '@nestjs/common';
import { registerErrorFormat } from '../../core/http/error-formats';
import { EnableyCatalogModule } from './catalog/catalog.module';
import { EnableyCertificatesModule } from './certificates/certificates.module';
import { EnableyChannelsModule } from './channels/channels.module';
import { EnableyEntitlementsModule } from './entitlements/entitlements.module';
import { EnableyGroupsModule } from './groups/groups.module';
import { EnableyPaginationModule } from './pagination/pagination.module';
import { EnableyPerformanceModule } from './performance/performance.module';
import { EnableyRoleRules } from './policy/enabley.rules';
import { EnableySubAccountsModule } from './sub-accounts/sub-accounts.module';
import { EnableyTokenModule } from './token/token.module';
import { EnableyUploadsModule } from './uploads/uploads.module';
import { EnableyUserProfilesModule } from './user-profiles/user-profiles.module';
import { EnableyUsersModule } from './users/users.module';
import { enableyErrorFormat } from './enabley.error-format';

// Registered at import, not through DI: the Fastify frameworkErrors/clientError handlers (app.factory.ts) are built outside Nest.
registerErrorFormat(enableyErrorFormat);

/**
 * The Enabley API (seed 002), v1-v4. One feature module per resource; a new feature (channels,
 * certificates, performance, ...) adds its module here and reuses EnableyPaginationModule for
 * paginationKey routes, EnableySubAccountsModule for sub-accounts and EntitlementTarget for COURSE
 * entitlements. POST /api/v1/token (token/) is the wire form of the core's client-credentials exchange.
 */
@Module({
  imports: [
    EnableyTokenModule,
    EnableyPaginationModule,
    EnableySubAccountsModule,
    EnableyEntitlementsModule,
    EnableyUsersModule,
    EnableyGroupsModule,
    EnableyUserProfilesModule,
    EnableyChannelsModule,
    EnableyCertificatesModule,
    EnableyPerformanceModule,
    EnableyCatalogModule,
    EnableyUploadsModule,
  ],
  providers: [EnableyRoleRules],
})
export class EnableyModule {}
