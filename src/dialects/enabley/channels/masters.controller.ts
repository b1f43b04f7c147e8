import { Body, Controller, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../core/auth/principal';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { ENABLEY_CHANNELS } from '../policy/enabley-subjects';
import { ChannelInfoDto } from './channel.dto';
import { ApiOkList } from '../../../core/http/api-ok-list';
import { EnableyErrors } from '../policy/enabley-api.decorators';
import { CHANNELS_V1_LIMIT, ChannelsService } from './channels.service';
import { DEFAULT_PAGE_SIZE } from '../pagination/page-size.query';
import { KeysetPaginator, PaginationResult } from '../pagination/paginator';
import { ChannelRow } from './channel.mapper';
import { ChannelInstanceDto, MasterChannelDto, MasterChannelPageDto, MastersQueryDto, MastersV3QueryDto } from './masters.dto';
import { MastersService, toMaster } from './masters.service';

@ApiTags('Enabley: Channels')
@Controller()
export class MastersController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly masters: MastersService,
    private readonly paginator: KeysetPaginator,
  ) {}

  @Get('api/v2/channels/channels/masters')
  @Can('read', ENABLEY_CHANNELS)
  @ApiOperation({ summary: 'Get account master channels', description: 'Get all master channels within an account, oldest first.' })
  @ApiOkList(MasterChannelDto, CHANNELS_V1_LIMIT, 'OK')
  @EnableyErrors()
  async list(@CurrentPrincipal() p: Principal, @Query() q: MastersQueryDto): Promise<MasterChannelDto[]> {
    const rows = await this.channels.list(p.accountId, { masters: true, onlyPublished: q.onlyPublished === true, subAccountName: q.subAccountName }, null, CHANNELS_V1_LIMIT);
    return rows.map(toMaster);
  }

  @Get('api/v3/channels/masters')
  @Can('read', ENABLEY_CHANNELS)
  @ApiOperation({
    summary: 'Get account master channels V3',
    description:
      'Get all master channels within an account, page by page (oldest first, read by keyset). Send the returned paginationKey (alone, or with the same filters) for the next page; ' +
      'it is null on the last page. An altered, expired or foreign key answers 404 not_found.',
  })
  @ApiOkResponse({ type: MasterChannelPageDto })
  @EnableyErrors()
  @ApiNotFoundResponse({ description: 'An altered, expired or foreign paginationKey (not_found).' })
  listV3(@CurrentPrincipal() p: Principal, @Query() raw: MastersV3QueryDto): Promise<PaginationResult<MasterChannelDto>> {
    const { q, query } = this.paginator.restore(raw, ['onlyPublished', 'subAccountName', 'pageSize']);
    const filter = { masters: true, onlyPublished: q.onlyPublished === true, subAccountName: q.subAccountName };
    return this.paginator.page<ChannelRow, MasterChannelDto>({
      binding: { route: 'GET /api/v3/channels/masters', accountId: p.accountId, filters: { ...filter }, pageSize: q.pageSize ?? DEFAULT_PAGE_SIZE, query },
      paginationKey: q.paginationKey,
      count: () => this.channels.count(p.accountId, filter),
      fetch: (after, limit) => this.channels.list(p.accountId, filter, after, limit),
      position: (r) => [r.created_key, r.id],
      map: toMaster,
    });
  }

  @Put('api/v2/channels/master/instance')
  @HttpCode(200)
  @Can('create', ENABLEY_CHANNELS)
  @ApiOperation({
    summary: 'Create a channel instance from a master course',
    description:
      "Creates a channel instance of a master channel: masterChannelInstance true, masterChannelId the master's identifier, with a copy of the master's content items, " +
      'training events and categories. 404 item_not_exists for an unknown master, 400 when it is not a master, 409 item_exists when the identifier is taken.',
  })
  @ApiOkResponse({ type: ChannelInfoDto })
  @EnableyErrors()
  @ApiNotFoundResponse({ description: 'No such master channel.' })
  @ApiConflictResponse({ description: 'A channel with that identifier exists.' })
  createInstance(@CurrentPrincipal() p: Principal, @Body() body: ChannelInstanceDto): Promise<ChannelInfoDto> {
    return this.masters.createInstance(p.accountId, body);
  }
}
