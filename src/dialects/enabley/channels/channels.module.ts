import { Module } from '@nestjs/common';
import { EnableyPaginationModule } from '../pagination/pagination.module';
import { EnableyGroupsModule } from '../groups/groups.module';
import { EnableySubAccountsModule } from '../sub-accounts/sub-accounts.module';
import { ChannelGroupsService } from './channel-groups.service';
import { ChannelContentController } from './channel-content.controller';
import { ChannelContentService } from './channel-content.service';
import { ChannelMembersController } from './channel-members.controller';
import { ChannelMembersService } from './channel-members.service';
import { CourseEntitlementTarget, EnableyChannelLoader, EnableyChannelMembershipLoader } from './channel.loader';
import { ChannelRoleRules } from './channel.rules';
import { ChannelsController } from './channels.controller';
import { ChannelsService } from './channels.service';
import { MastersController } from './masters.controller';
import { MastersService } from './masters.service';

/** Enabley channels: channels, masters and instances, content and training events, membership, forceComplete. */
@Module({
  imports: [EnableyGroupsModule, EnableyPaginationModule, EnableySubAccountsModule],
  controllers: [ChannelsController, MastersController, ChannelContentController, ChannelMembersController],
  providers: [ChannelsService, ChannelGroupsService, MastersService, ChannelContentService, ChannelMembersService, EnableyChannelLoader, EnableyChannelMembershipLoader, CourseEntitlementTarget, ChannelRoleRules],
  exports: [ChannelsService, ChannelContentService],
})
export class EnableyChannelsModule {}
