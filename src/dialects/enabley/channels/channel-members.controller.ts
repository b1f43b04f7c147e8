import { Controller, Delete, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../core/auth/principal';
import { ErrorResponseDoc } from '../../../core/http/error-response.doc';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { AssignUserQueryDto } from './channel-members.dto';
import { ChannelMembersService } from './channel-members.service';
import { ChannelsService } from './channels.service';

@ApiTags('Enabley: Channels')
@Controller()
export class ChannelMembersController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly members: ChannelMembersService,
  ) {}

  @Post('api/v2/channels/:channelIdentifier/users/:userIdentifier')
  @HttpCode(200)
  @Can('manage', 'Channel', { param: 'channelIdentifier' })
  @ApiOperation({
    summary: 'Assign user to channel',
    description:
      'Assigns the user as LEARNER (an enrollment) and/or INSTRUCTOR (basic course permissions: read and update the channel, its content and its learners\' progress). ' +
      'Without roles, LEARNER. 404 item_not_exists for an unknown user.',
  })
  @ApiOkResponse({ description: 'OK' })
  @ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDoc })
  async assignUser(@CurrentPrincipal() p: Principal, @Param('channelIdentifier') c: string, @Param('userIdentifier') u: string, @Query() q: AssignUserQueryDto): Promise<void> {
    await this.members.assignUser(p.accountId, await this.channels.idOf(p.accountId, c), u, q.roles?.length ? q.roles : ['LEARNER']);
  }

  @Delete('api/v1/channels/:channelIdentifier/users/:userIdentifier')
  @HttpCode(200)
  @Can('manage', 'Channel', { param: 'channelIdentifier' })
  @ApiOperation({
    summary: 'Remove user from channel',
    description: 'Removes every role of the user in the channel; the enrollment is deactivated (its progress is kept for a later re-assignment). 404 item_not_exists for an unknown user.',
  })
  @ApiOkResponse({ description: 'OK' })
  @ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDoc })
  async removeUser(@CurrentPrincipal() p: Principal, @Param('channelIdentifier') c: string, @Param('userIdentifier') u: string): Promise<void> {
    await this.members.removeUser(p.accountId, await this.channels.idOf(p.accountId, c), u);
  }
}
