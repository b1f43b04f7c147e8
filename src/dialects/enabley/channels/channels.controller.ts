import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '../../../core/auth/principal';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { ENABLEY_CHANNEL, ENABLEY_CHANNELS } from '../policy/enabley-subjects';
import { Can } from '../../../core/policy/policy.decorators';
import { DEFAULT_PAGE_SIZE } from '../pagination/page-size.query';
import { KeysetPaginator, PaginationResult } from '../pagination/paginator';
import { ChannelDataDto, ChannelInfoDto, ChannelInfoPageDto, GetChannelQueryDto, ListChannelsQueryDto, ListChannelsV3QueryDto, MembersCountDto } from './channel.dto';
import { ChannelRow } from './channel.mapper';
import { ApiOkList } from '../../../core/http/api-ok-list';
import { EnableyErrors } from '../policy/enabley-api.decorators';
import { CHANNELS_V1_LIMIT, ChannelsService } from './channels.service';

@ApiTags('Enabley: Channels')
@Controller()
export class ChannelsController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly paginator: KeysetPaginator,
  ) {}

  @Get('api/v1/channels')
  @Can('read', ENABLEY_CHANNELS)
  @ApiOperation({
    summary: 'Get account channels',
    description: `Get all channels that a certain account contains (master channels are listed by the masters routes), oldest first; at most ${CHANNELS_V1_LIMIT} (v3 pages through any number).`,
  })
  @ApiOkList(ChannelInfoDto, CHANNELS_V1_LIMIT, 'OK')
  @EnableyErrors()
  async list(@CurrentPrincipal() p: Principal, @Query() q: ListChannelsQueryDto): Promise<ChannelInfoDto[]> {
    const rows = await this.channels.list(p.accountId, { createdSince: q.createdSince ? new Date(q.createdSince) : undefined, subAccountName: q.subAccountName }, null, CHANNELS_V1_LIMIT);
    return rows.map((r) => this.channels.info(r, q.includeCategories === true));
  }

  @Get('api/v3/channels')
  @Can('read', ENABLEY_CHANNELS)
  @ApiOperation({
    summary: 'Get account channels V3',
    description:
      'Get all channels that a certain account contains, page by page (oldest first, read by keyset). Send the returned paginationKey (alone, or with the same filters) for the next page; ' +
      'it is null on the last page. An altered, expired or foreign key answers 404 not_found.',
  })
  @ApiOkResponse({ type: ChannelInfoPageDto })
  @EnableyErrors()
  @ApiNotFoundResponse({ description: 'An altered, expired or foreign paginationKey (not_found).' })
  listV3(@CurrentPrincipal() p: Principal, @Query() raw: ListChannelsV3QueryDto): Promise<PaginationResult<ChannelInfoDto>> {
    const { q, query } = this.paginator.restore(raw, ['includeCategories', 'subAccountName', 'pageSize']);
    const filter = { subAccountName: q.subAccountName };
    return this.paginator.page<ChannelRow, ChannelInfoDto>({
      binding: { route: 'GET /api/v3/channels', accountId: p.accountId, filters: { ...filter, includeCategories: q.includeCategories }, pageSize: q.pageSize ?? DEFAULT_PAGE_SIZE, query },
      paginationKey: q.paginationKey,
      count: () => this.channels.count(p.accountId, filter),
      fetch: (after, limit) => this.channels.list(p.accountId, filter, after, limit),
      position: (r) => [r.created_key, r.id],
      map: (r) => this.channels.info(r, q.includeCategories === true),
    });
  }

  @Put('api/v1/channels')
  @Can('create', ENABLEY_CHANNELS)
  @ApiOperation({
    summary: 'Create or update Channel',
    description:
      'Creates the channel with that identifier (201; name required) or updates it (200). A COURSE channel is the course every API sees (its identifier is the course key). ' +
      'Beyond the seed, categories, isMaster, published, duration and schedule may be set.',
  })
  @ApiCreatedResponse({ description: 'Channel was created', type: ChannelInfoDto })
  @ApiOkResponse({ description: 'Channel was updated', type: ChannelInfoDto })
  @EnableyErrors()
  async upsert(@CurrentPrincipal() p: Principal, @Body() body: ChannelDataDto, @Res({ passthrough: true }) res: FastifyReply): Promise<ChannelInfoDto> {
    const { channel, created } = await this.channels.upsert(p.accountId, body);
    res.status(created ? 201 : 200);
    return channel;
  }

  @Get('api/v1/channels/:identifier')
  @ApiParam({ name: 'identifier', description: 'Channel identifier', type: String })
  @Can('read', ENABLEY_CHANNEL, { param: 'identifier' })
  @ApiOperation({ summary: 'Find channel by identifier', description: 'Find channel by identifier; 404 not_found when the account has no such channel.' })
  @ApiOkResponse({ type: ChannelInfoDto })
  @EnableyErrors()
  async get(@CurrentPrincipal() p: Principal, @Param('identifier') identifier: string, @Query() q: GetChannelQueryDto): Promise<ChannelInfoDto> {
    return this.channels.info(await this.channels.row(p.accountId, identifier), q.includeCategories === true);
  }

  @Get('api/v2/channels/channels/:channelIdentifier/members/count')
  @ApiParam({ name: 'channelIdentifier', description: 'Channel identifier', type: String })
  @Can('read', ENABLEY_CHANNEL, { param: 'channelIdentifier' })
  @ApiOperation({ summary: 'Retrieve the number of members in a channel', description: 'The number of active learners of the channel.' })
  @ApiOkResponse({ type: MembersCountDto })
  @EnableyErrors()
  async membersCount(@CurrentPrincipal() p: Principal, @Param('channelIdentifier') identifier: string): Promise<MembersCountDto> {
    return { learners: await this.channels.learnersCount(await this.channels.idOf(p.accountId, identifier)) };
  }
}
