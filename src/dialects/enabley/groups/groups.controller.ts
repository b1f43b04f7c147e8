import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '../../../core/auth/principal';
import { AppAbility } from '../../../core/policy/app-ability';
import { CurrentAbility, CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { ApiOkList } from '../../../core/http/api-ok-list';
import { EnableyErrors } from '../policy/enabley-api.decorators';
import { ENABLEY_GROUP } from '../policy/enabley-subjects';
import { PolicySubjectAttrs } from '../policy/policy-subject.decorator';
import { GROUP_LIST_MAX, GroupDataDto, GroupInfoDto, GroupListQuery, ReplaceQuery } from './group.dto';
import { EnableyGroupAttrs } from './group.loader';
import { GroupsService } from './groups.service';

@ApiTags('Enabley: Groups')
@Controller()
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Put('api/v1/groups')
  @Can('create', ENABLEY_GROUP)
  @ApiOperation({
    summary: 'Create or update Group',
    description:
      'Creates the group or updates it by `identifier` (201 created, 200 updated). `parentIdentifier` must name an existing group of the account that is not the group itself or one of its descendants (400 otherwise). Omitted fields keep their value.',
  })
  @ApiCreatedResponse({ type: GroupInfoDto, description: 'Group was created' })
  @ApiOkResponse({ type: GroupInfoDto, description: 'Group was updated' })
  @EnableyErrors('Invalid input, unknown parent, or a cycle in the hierarchy (invalid_request).')
  async upsert(@CurrentPrincipal() p: Principal, @Body() body: GroupDataDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<GroupInfoDto> {
    const { created, group } = await this.groups.upsert(p.accountId, body);
    reply.status(created ? 201 : 200);
    return group;
  }

  @Get('api/v1/groups/hierarchy')
  @Can('read', ENABLEY_GROUP)
  @ApiOperation({
    summary: 'Get hierarchy',
    description: 'The account\'s group hierarchy: the group types used in its tree, root level first (each type at the shallowest level it occurs, ties by name).',
  })
  @ApiOkList('string', 1000, 'OK')
  @EnableyErrors()
  hierarchy(@CurrentPrincipal() p: Principal): Promise<string[]> {
    return this.groups.hierarchy(p.accountId);
  }

  @Get('api/v1/groups/list')
  @Can('read', ENABLEY_GROUP)
  @ApiOperation({ summary: 'Get Groups', description: `Groups of the account, or of one sub-account, that the caller may read, ordered by identifier (at most ${GROUP_LIST_MAX}).` })
  @ApiOkList(GroupInfoDto, GROUP_LIST_MAX, 'OK')
  @EnableyErrors()
  list(@CurrentPrincipal() p: Principal, @CurrentAbility() ability: AppAbility, @Query() q: GroupListQuery): Promise<GroupInfoDto[]> {
    return this.groups.list(p.accountId, ability, q.subAccountName);
  }

  @Post('api/v1/groups/:groupIdentifier/users/:userIdentifier')
  @HttpCode(200)
  @Can('update', ENABLEY_GROUP, { param: 'groupIdentifier' })
  @ApiOperation({
    summary: 'Assign User to Group',
    description: 'Maps the user to the group (idempotent). With `replace=true`, the user\'s other group mappings are removed in the same transaction. Unknown user → 404 not_found.',
  })
  @ApiParam({ name: 'groupIdentifier', description: 'Group identifier', type: String })
  @ApiParam({ name: 'userIdentifier', description: 'User identifier', type: String })
  @ApiOkResponse({ description: 'OK' })
  @EnableyErrors()
  async addUser(@CurrentPrincipal() p: Principal, @PolicySubjectAttrs() group: EnableyGroupAttrs, @Param('userIdentifier') userIdentifier: string, @Query() q: ReplaceQuery): Promise<void> {
    await this.groups.addUser(p.accountId, group.id, userIdentifier, q.replace ?? false);
  }

  @Delete('api/v1/groups/:groupIdentifier/users/:userIdentifier')
  @Can('update', ENABLEY_GROUP, { param: 'groupIdentifier' })
  @ApiOperation({ summary: 'Remove User from Group', description: 'Removes the user\'s mapping to the group; 404 not_found when the user is not in it.' })
  @ApiParam({ name: 'groupIdentifier', description: 'Group identifier', type: String })
  @ApiParam({ name: 'userIdentifier', description: 'User identifier', type: String })
  @ApiOkResponse({ description: 'OK' })
  @EnableyErrors()
  async removeUser(@CurrentPrincipal() p: Principal, @PolicySubjectAttrs() group: EnableyGroupAttrs, @Param('userIdentifier') userIdentifier: string): Promise<void> {
    await this.groups.removeUser(p.accountId, group.id, userIdentifier);
  }

  @Get('api/v1/groups/:identifier')
  @Can('read', ENABLEY_GROUP, { param: 'identifier' })
  @ApiOperation({ summary: 'Find group', description: 'Find group by identifier; with `subAccountName`, only if the group belongs to it (404 not_found otherwise).' })
  @ApiParam({ name: 'identifier', description: 'Group identifier', type: String })
  @ApiOkResponse({ type: GroupInfoDto, description: 'OK' })
  @EnableyErrors()
  get(@CurrentPrincipal() p: Principal, @Param('identifier') identifier: string, @Query() q: GroupListQuery): Promise<GroupInfoDto> {
    return this.groups.get(p.accountId, identifier, q.subAccountName);
  }

  @Delete('api/v1/groups/:identifier')
  @Can('delete', ENABLEY_GROUP, { param: 'identifier' })
  @ApiOperation({
    summary: 'deleteGroup',
    description: 'Deletes the group with its user mappings and the entitlements on it, in one transaction. Refused with 400 invalid_request while the group has child groups: delete or re-parent them first.',
  })
  @ApiParam({ name: 'identifier', description: 'Group identifier', type: String })
  @ApiOkResponse({ description: 'OK' })
  @EnableyErrors('Invalid input, or the group still has child groups (invalid_request).')
  async delete(@CurrentPrincipal() p: Principal, @PolicySubjectAttrs() group: EnableyGroupAttrs): Promise<void> {
    await this.groups.delete(p.accountId, group.id);
  }
}
