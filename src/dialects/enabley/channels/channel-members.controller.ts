import { Controller, Delete, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiParam } from '@nestjs/swagger';
import type { Principal } from '../../../core/auth/principal';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { ENABLEY_CHANNEL_MEMBERSHIP } from '../policy/enabley-subjects';
import { EnableyErrors } from '../policy/enabley-api.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { AssignGroupQueryDto } from './channel-groups.dto';
import { ChannelGroupsService } from './channel-groups.service';
import { AssignUserQueryDto } from './channel-members.dto';
import { ChannelMembersService } from './channel-members.service';
import { ChannelsService } from './channels.service';

@ApiTags('Enabley: Channels')
@Controller()
export class ChannelMembersController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly members: ChannelMembersService,
    private readonly groups: ChannelGroupsService,
  ) {}

  @Post('api/v1/channels/:channelIdentifier/groups/:groupIdentifier')
  @ApiParam({ name: 'channelIdentifier', description: 'Channel identifier', type: String })
  @ApiParam({ name: 'groupIdentifier', description: 'Group identifier', type: String })
  @HttpCode(200)
  @Can('update', ENABLEY_CHANNEL_MEMBERSHIP, { param: 'channelIdentifier' })
  @ApiOperation({
    summary: 'Assign group to channel',
    description:
      'Every user of the group (and, with recursive=true, of its descendant groups) becomes a learner of the channel, in one set-based statement; users who join the group ' +
      '(or, when recursive, a descendant) later are enrolled when they join. Assigning again updates recursive. 404 not_found for an unknown group.',
  })
  @ApiOkResponse({ description: 'OK' })
  @EnableyErrors()
  async assignGroup(@CurrentPrincipal() p: Principal, @Param('channelIdentifier') c: string, @Param('groupIdentifier') g: string, @Query() q: AssignGroupQueryDto): Promise<void> {
    await this.groups.assign(p.accountId, await this.channels.idOf(p.accountId, c), g, q.recursive === true);
  }

  @Delete('api/v1/channels/:channelIdentifier/groups/:groupIdentifier')
  @ApiParam({ name: 'channelIdentifier', description: 'Channel identifier', type: String })
  @ApiParam({ name: 'groupIdentifier', description: 'Group identifier', type: String })
  @HttpCode(200)
  @Can('update', ENABLEY_CHANNEL_MEMBERSHIP, { param: 'channelIdentifier' })
  @ApiOperation({
    summary: 'Remove group from channel',
    description:
      "Removes the assignment; the group's users that no other assignment of the channel covers stop being learners (users assigned directly stay). " +
      '404 not_found for an unknown group or a group not assigned to the channel.',
  })
  @ApiOkResponse({ description: 'OK' })
  @EnableyErrors()
  async removeGroup(@CurrentPrincipal() p: Principal, @Param('channelIdentifier') c: string, @Param('groupIdentifier') g: string): Promise<void> {
    await this.groups.unassign(p.accountId, await this.channels.idOf(p.accountId, c), g);
  }

  @Post('api/v2/channels/:channelIdentifier/users/:userIdentifier')
  @ApiParam({ name: 'channelIdentifier', description: 'Channel identifier', type: String })
  @ApiParam({ name: 'userIdentifier', description: 'User identifier', type: String })
  @HttpCode(200)
  @Can('update', ENABLEY_CHANNEL_MEMBERSHIP, { param: 'channelIdentifier' })
  @ApiOperation({
    summary: 'Assign user to channel',
    description:
      'Assigns the user as LEARNER (an enrollment) and/or INSTRUCTOR (basic course permissions: read and update the channel, its content and its learners\' progress). ' +
      'Without roles, LEARNER. 404 item_not_exists for an unknown user.',
  })
  @ApiOkResponse({ description: 'OK' })
  @EnableyErrors()
  async assignUser(@CurrentPrincipal() p: Principal, @Param('channelIdentifier') c: string, @Param('userIdentifier') u: string, @Query() q: AssignUserQueryDto): Promise<void> {
    await this.members.assignUser(p.accountId, await this.channels.idOf(p.accountId, c), u, q.roles?.length ? q.roles : ['LEARNER']);
  }

  @Delete('api/v1/channels/:channelIdentifier/users/:userIdentifier')
  @ApiParam({ name: 'channelIdentifier', description: 'Channel identifier', type: String })
  @ApiParam({ name: 'userIdentifier', description: 'User identifier', type: String })
  @HttpCode(200)
  @Can('update', ENABLEY_CHANNEL_MEMBERSHIP, { param: 'channelIdentifier' })
  @ApiOperation({
    summary: 'Remove user from channel',
    description: 'Removes every role of the user in the channel; the enrollment is deactivated (its progress is kept for a later re-assignment). 404 item_not_exists for an unknown user.',
  })
  @ApiOkResponse({ description: 'OK' })
  @EnableyErrors()
  async removeUser(@CurrentPrincipal() p: Principal, @Param('channelIdentifier') c: string, @Param('userIdentifier') u: string): Promise<void> {
    await this.members.removeUser(p.accountId, await this.channels.idOf(p.accountId, c), u);
  }
}
