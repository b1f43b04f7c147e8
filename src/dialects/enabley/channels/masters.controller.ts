import { Body, Controller, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../core/auth/principal';
import { ErrorResponseDoc } from '../../../core/http/error-response.doc';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { ChannelInfoDto } from './channel.dto';
import { ChannelsService } from './channels.service';
import { ChannelInstanceDto, MasterChannelDto, MastersQueryDto } from './masters.dto';
import { MastersService, toMaster } from './masters.service';

@ApiTags('Enabley: Channels')
@Controller()
export class MastersController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly masters: MastersService,
  ) {}

  @Get('api/v2/channels/channels/masters')
  @Can('read', 'Channels')
  @ApiOperation({ summary: 'Get account master channels', description: 'Get all master channels within an account, oldest first.' })
  @ApiOkResponse({ type: MasterChannelDto, isArray: true })
  @ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDoc })
  async list(@CurrentPrincipal() p: Principal, @Query() q: MastersQueryDto): Promise<MasterChannelDto[]> {
    const rows = await this.channels.list(p.accountId, { masters: true, onlyPublished: q.onlyPublished === true, subAccountName: q.subAccountName }, null, null);
    return rows.map(toMaster);
  }

  @Put('api/v2/channels/master/instance')
  @HttpCode(200)
  @Can('create', 'Channels')
  @ApiOperation({
    summary: 'Create a channel instance from a master course',
    description:
      "Creates a channel instance of a master channel: masterChannelInstance true, masterChannelId the master's identifier, with a copy of the master's content items, " +
      'training events and categories. 404 item_not_exists for an unknown master, 400 when it is not a master, 409 item_exists when the identifier is taken.',
  })
  @ApiOkResponse({ type: ChannelInfoDto })
  @ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDoc })
  @ApiNotFoundResponse({ description: 'No such master channel.', type: ErrorResponseDoc })
  @ApiConflictResponse({ description: 'A channel with that identifier exists.', type: ErrorResponseDoc })
  createInstance(@CurrentPrincipal() p: Principal, @Body() body: ChannelInstanceDto): Promise<ChannelInfoDto> {
    return this.masters.createInstance(p.accountId, body);
  }
}
