import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiCreatedResponse, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Principal } from '../../../core/auth/principal';
import { AppAbility } from '../../../core/policy/app-ability';
import { CurrentAbility, CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { ApiOkList } from '../../../core/http/api-ok-list';
import { pathId } from '../common/kolibri-ids';
import { MAX_BULK_ITEMS, MAX_LIST_ITEMS, hasOnly, isIdString, oneOrMany } from '../common/one-or-many';
import { CreateMembershipDto, MembershipDeleteQueryDto, MembershipDto, MembershipQueryDto } from './membership.dto';
import { MembershipsService } from './memberships.service';

@ApiTags('Kolibri: Memberships')
@ApiExtraModels(CreateMembershipDto, MembershipDto)
@Controller('api/auth/membership')
export class MembershipsController {
  constructor(private readonly memberships: MembershipsService) {}

  @Get()
  @Can('read', 'Membership')
  @ApiOperation({
    summary: 'List memberships',
    description: 'The memberships the caller may read (their own; facility admins and coaches; coaches of the class), filtered by user, collection, user_ids or by_ids (comma-separated).',
  })
  @ApiOkList(MembershipDto, MAX_LIST_ITEMS)
  @ApiBadRequestResponse()
  list(@Query() query: MembershipQueryDto, @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<MembershipDto[]> {
    return this.memberships.list(principal, ability, query);
  }

  @Post()
  @Can('create', 'Membership', { also: ['FacilityUser'] })
  @ApiOperation({
    summary: 'Create membership',
    description:
      'Add a user to a classroom or learner group; an array creates them all in one transaction. No membership of a facility; a learner group needs the classroom membership first; (user, collection) is unique (400 UNIQUE). Facility admins; class coaches for group memberships. A user in no facility yet (created through another dialect) joins this one; only account administrators may bring such a user in (403).',
  })
  @ApiBody({
    schema: { oneOf: [{ $ref: getSchemaPath(CreateMembershipDto) }, { type: 'array', maxItems: MAX_BULK_ITEMS, items: { $ref: getSchemaPath(CreateMembershipDto) } }] },
  })
  @ApiCreatedResponse({
    description: 'The membership, or the list of them for an array body.',
    schema: { oneOf: [{ $ref: getSchemaPath(MembershipDto) }, { type: 'array', maxItems: MAX_BULK_ITEMS, items: { $ref: getSchemaPath(MembershipDto) } }] },
  })
  @ApiBadRequestResponse()
  async create(@Body() body: CreateMembershipDto | CreateMembershipDto[], @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<MembershipDto | MembershipDto[]> {
    const { items, many } = await oneOrMany(CreateMembershipDto, body, (i) => hasOnly(i, { user: isIdString, collection: isIdString }));
    const created = await this.memberships.create(principal, ability, items);
    return many ? created : created[0];
  }

  @Delete()
  @HttpCode(204)
  @Can('delete', 'Membership')
  @ApiOperation({
    summary: 'Delete memberships by filter',
    description: 'Delete the memberships matching the filters (user, collection, user_ids, by_ids) that the caller may delete; leaving a classroom also leaves its groups. Without a filter: 400.',
  })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiBadRequestResponse()
  removeWhere(@Query() query: MembershipDeleteQueryDto, @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<void> {
    return this.memberships.removeWhere(principal, ability, query);
  }

  @Get(':id')
  @Can('read', 'Membership', { param: 'id' })
  @ApiOperation({ summary: 'Get membership', description: 'Retrieve one membership (its user, the classroom admins and coaches).' })
  @ApiOkResponse({ type: MembershipDto })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<MembershipDto> {
    return this.memberships.get(principal.accountId, pathId(id));
  }

  @Delete(':id')
  @HttpCode(204)
  @Can('delete', 'Membership', { param: 'id' })
  @ApiOperation({ summary: 'Delete membership', description: "Remove a user from a classroom or group; leaving a classroom also leaves its groups." })
  @ApiNoContentResponse({ description: 'Deleted.' })
  remove(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.memberships.remove(principal.accountId, pathId(id));
  }
}
