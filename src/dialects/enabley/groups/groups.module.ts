import { Module } from '@nestjs/common';
import { EnableyEntitlementsModule } from '../entitlements/entitlements.module';
import { EnableySubAccountsModule } from '../sub-accounts/sub-accounts.module';
import { EnableyGroupLoader, GroupEntitlementTarget } from './group.loader';
import { GroupsController } from './groups.controller';
import { GroupsService } from './groups.service';
import { UserGroupsController } from './user-groups.controller';

@Module({
  imports: [EnableySubAccountsModule, EnableyEntitlementsModule],
  controllers: [GroupsController, UserGroupsController],
  providers: [GroupsService, EnableyGroupLoader, GroupEntitlementTarget],
})
export class EnableyGroupsModule {}
