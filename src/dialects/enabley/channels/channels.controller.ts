import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '../../../core/auth/principal';
import { ErrorResponseDoc } from '../../../core/http/error-response.doc';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { ChannelDataDto, ChannelInfoDto, GetChannelQueryDto, ListChannelsQueryDto, MembersCountDto } from './channel.dto';
import { ChannelsService } from './channels.service';

@ApiTags('Enabley: Channels')
@Controller()
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Get('api/v1/channels')
  @Can('read', 'Channels')
  @ApiOperation({
    summary: 'Get account channels',
    description: 'Get all channels that a certain account contains (master channels are listed by the masters routes), oldest first.',
  })
  @ApiOkResponse({ type: ChannelInfoDto, isArray: true })
  @ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDoc })
  async list(@CurrentPrincipal() p: Principal, @Query() q: ListChannelsQueryDto): Promise<ChannelInfoDto[]> {
    const rows = await this.channels.list(p.accountId, { createdSince: q.createdSince ? new Date(q.createdSince) : undefined, subAccountName: q.subAccountName }, null, null);
    return rows.map((r) => this.channels.info(r, q.includeCategories === true));
  }

  @Put('api/v1/channels')
  @Can('create', 'Channels')
  @ApiOperation({
    summary: 'Create or update Channel',
    description:
      'Creates the channel with that identifier (201; name required) or updates it (200). A COURSE channel is the course every API sees (its identifier is the course key). ' +
      'Beyond the seed, categories, isMaster, published, duration and schedule may be set.',
  })
  @ApiCreatedResponse({ description: 'Channel was created', type: ChannelInfoDto })
  @ApiOkResponse({ description: 'Channel was updated', type: ChannelInfoDto })
  @ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDoc })
  async upsert(@CurrentPrincipal() p: Principal, @Body() body: ChannelDataDto, @Res({ passthrough: true }) res: FastifyReply): Promise<ChannelInfoDto> {
    const { channel, created } = await this.channels.upsert(p.accountId, body);
    res.status(created ? 201 : 200);
    return channel;
  }

  @Get('api/v1/channels/:identifier')
  @Can('read', 'Channel', { param: 'identifier' })
  @ApiOperation({ summary: 'Find channel by identifier', description: 'Find channel by identifier; 404 not_found when the account has no such channel.' })
  @ApiOkResponse({ type: ChannelInfoDto })
  @ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDoc })
  async get(@CurrentPrincipal() p: Principal, @Param('identifier') identifier: string, @Query() q: GetChannelQueryDto): Promise<ChannelInfoDto> {
    return this.channels.info(await this.channels.row(p.accountId, identifier), q.includeCategories === true);
  }

  @Get('api/v2/channels/channels/:channelIdentifier/members/count')
  @Can('read', 'Channel', { param: 'channelIdentifier' })
  @ApiOperation({ summary: 'Retrieve the number of members in a channel', description: 'The number of active learners of the channel.' })
  @ApiOkResponse({ type: MembersCountDto })
  @ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDoc })
  async membersCount(@CurrentPrincipal() p: Principal, @Param('channelIdentifier') identifier: string): Promise<MembersCountDto> {
    return { learners: await this.channels.learnersCount(await this.channels.idOf(p.accountId, identifier)) };
  }
}
