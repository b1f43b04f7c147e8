import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Principal } from '../../../core/auth/principal';
import { APP_ENV } from '../../../core/config/config.module';
import { AppEnv } from '../../../core/config/env';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { ListQueryDto, ProjectionQueryDto } from '../common/list-query.dto';
import { ScimBody, ScimOperation, scimBase } from '../common/scim-http';
import { ScimPatchDoc } from '../common/scim.docs';
import { ScimGroupDoc, ScimGroupInputDoc, ScimGroupListDoc } from './group.docs';
import { ScimGroupsService } from './scim-groups.service';

type Json = Record<string, unknown>;

const ID = { name: 'id', description: 'The group\'s id (UUID).', example: 'e9e30dba-f08f-4109-8486-d5c6a331660a' };
const NOT_FOUND = { description: 'No such group in the account (another account\'s group included).' };
const CONFLICT = { description: 'scimType uniqueness: the externalId (the group\'s identifier) is taken in the account.' };

/**
 * RFC 7644 section 3 over the platform's groups: the group Enabley serves at /api/v1/groups and assigns to channels,
 * so a member pushed here is enrolled in the group's channels. Bodies are read by the dialect (group.input.ts, group-patch.ts).
 */
@ScimOperation()
@Controller('scim/v2/Groups')
export class ScimGroupsController {
  constructor(
    private readonly groups: ScimGroupsService,
    @Inject(APP_ENV) private readonly env: AppEnv,
  ) {}

  @Get()
  @Can('read', 'ScimGroup')
  @ApiOperation({
    summary: 'SCIM: list or search groups.',
    description: 'A ListResponse; `filter` over displayName, externalId, id, members.value, meta.created, meta.lastModified (translated to SQL), `startIndex`, `count`, `attributes`/`excludedAttributes` (`excludedAttributes=members` does not read members).',
  })
  @ApiOkResponse({ type: ScimGroupListDoc })
  scimListGroups(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal, @Query() q: ListQueryDto): Promise<Json> {
    return this.groups.list(principal.accountId, scimBase(req, this.env.publicUrl), q);
  }

  @Post()
  @Can('create', 'ScimGroup')
  @ApiOperation({ summary: 'SCIM: create a group.', description: 'displayName required; externalId becomes the group\'s identifier. 201 with the Group and a Location header.' })
  @ScimBody()
  @ApiBody({ type: ScimGroupInputDoc })
  @ApiCreatedResponse({ type: ScimGroupDoc, headers: { Location: { description: 'The new group\'s URI.', schema: { type: 'string' } } } })
  @ApiConflictResponse(CONFLICT)
  async scimCreateGroup(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentPrincipal() principal: Principal, @Body() body: unknown): Promise<Json> {
    const group = await this.groups.create(principal.accountId, scimBase(req, this.env.publicUrl), body);
    reply.header('Location', (group.meta as Json).location as string);
    return group;
  }

  @Get(':id')
  @Can('read', 'ScimGroup')
  @ApiOperation({ summary: 'SCIM: one group.', description: '`attributes`/`excludedAttributes` apply.' })
  @ApiParam(ID)
  @ApiOkResponse({ type: ScimGroupDoc })
  @ApiNotFoundResponse(NOT_FOUND)
  scimGetGroup(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal, @Param('id') id: string, @Query() q: ProjectionQueryDto): Promise<Json> {
    return this.groups.get(principal.accountId, scimBase(req, this.env.publicUrl), id, q);
  }

  @Put(':id')
  @Can('update', 'ScimGroup')
  @ApiOperation({ summary: 'SCIM: replace a group.', description: 'displayName and members are replaced (members who leave lose the enrollments only this group gave); externalId, when sent, replaces the identifier.' })
  @ApiParam(ID)
  @ScimBody()
  @ApiBody({ type: ScimGroupInputDoc })
  @ApiOkResponse({ type: ScimGroupDoc })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(CONFLICT)
  scimReplaceGroup(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown): Promise<Json> {
    return this.groups.replace(principal.accountId, scimBase(req, this.env.publicUrl), id, body);
  }

  @Patch(':id')
  @Can('update', 'ScimGroup')
  @ApiOperation({
    summary: 'SCIM: modify a group.',
    description: 'PatchOp add/replace/remove of members (`members`, `members[value eq "<id>"]`), displayName and externalId, with or without path; op names case-insensitive. Member changes are set-based: one statement for any number of members. 200 with the Group (`excludedAttributes=members` leaves members unread).',
  })
  @ApiParam(ID)
  @ScimBody()
  @ApiBody({ type: ScimPatchDoc })
  @ApiOkResponse({ type: ScimGroupDoc })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(CONFLICT)
  scimPatchGroup(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown, @Query() q: ProjectionQueryDto): Promise<Json> {
    return this.groups.patch(principal.accountId, scimBase(req, this.env.publicUrl), id, body, q);
  }

  @Delete(':id')
  @HttpCode(204)
  @Can('delete', 'ScimGroup')
  @ApiOperation({ summary: 'SCIM: delete a group.', description: 'The group, its memberships and its GROUP entitlements go (as Enabley\'s delete); 204, then 404. 400 while it has child groups (Enabley\'s tree).' })
  @ApiParam(ID)
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiNotFoundResponse(NOT_FOUND)
  async scimDeleteGroup(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    await this.groups.remove(principal.accountId, id);
  }
}
