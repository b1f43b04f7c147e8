import { Module } from '@nestjs/common';
import { SubAccountsService } from './sub-accounts.service';
import { WorkspaceEntitlementTarget } from './workspace-entitlement-target';

@Module({
  providers: [SubAccountsService, WorkspaceEntitlementTarget],
  exports: [SubAccountsService],
})
export class EnableySubAccountsModule {}
