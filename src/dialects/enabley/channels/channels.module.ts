import { Module } from '@nestjs/common';
import { ChannelContentController } from './channel-content.controller';
import { ChannelContentService } from './channel-content.service';
import { ChannelMembersController } from './channel-members.controller';
import { ChannelMembersService } from './channel-members.service';
import { ChannelSubjectLoader } from './channel.loader';
import { ChannelRoleRules } from './channel.rules';
import { ChannelsController } from './channels.controller';
import { ChannelsService } from './channels.service';
import { MastersController } from './masters.controller';
import { MastersService } from './masters.service';

/** Enabley channels: channels, masters and instances, content and training events, membership, forceComplete. */
@Module({
  controllers: [ChannelsController, MastersController, ChannelContentController, ChannelMembersController],
  providers: [ChannelsService, MastersService, ChannelContentService, ChannelMembersService, ChannelSubjectLoader, ChannelRoleRules],
  exports: [ChannelsService, ChannelContentService],
})
export class EnableyChannelsModule {}
