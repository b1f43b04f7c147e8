import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiCreatedResponse, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Principal } from '../../../core/auth/principal';
import { AppAbility } from '../../../core/policy/app-ability';
import { CurrentAbility, CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { ApiOkList } from '../../../core/http/api-ok-list';
import { pathId } from '../common/kolibri-ids';
import { MAX_BULK_ITEMS, MAX_LIST_ITEMS, hasOnly, isIdString, oneOrMany } from '../common/one-or-many';
import { ACCEPTED_KINDS, CreateRoleDto, RoleDto, RoleQueryDto } from './role.dto';
import { RolesService } from './roles.service';

@ApiTags('Kolibri: Roles')
@ApiExtraModels(CreateRoleDto, RoleDto)
@Controller('api/auth/role')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get()
  @Can('read', 'Role')
  @ApiOperation({
    summary: 'List roles',
    description: 'The roles the caller may read (their own; facility admins and coaches; coaches of the class), filtered by user, collection, kind, user_ids or by_ids (comma-separated).',
  })
  @ApiOkList(RoleDto, MAX_LIST_ITEMS)
  @ApiBadRequestResponse()
  list(@Query() query: RoleQueryDto, @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<RoleDto[]> {
    return this.roles.list(principal, ability, query);
  }

  @Post()
  @Can('create', 'Role', { also: ['FacilityUser'] })
  @ApiOperation({
    summary: 'Create role',
    description:
      'Assign a role (admin, coach, assignable_coach) to a user; an array creates them all in one transaction. admin and assignable_coach on facilities only, coach on a facility or classroom, none on learner groups; a classroom coach without a facility role also gets the facility assignable_coach role. (user, collection, kind) is unique (400 UNIQUE). Superuser, API client and facility admins. A user in no facility yet (created through another dialect) joins this one; only account administrators may bring such a user in (403).',
  })
  @ApiBody({
    schema: { oneOf: [{ $ref: getSchemaPath(CreateRoleDto) }, { type: 'array', maxItems: MAX_BULK_ITEMS, items: { $ref: getSchemaPath(CreateRoleDto) } }] },
  })
  @ApiCreatedResponse({
    description: 'The role, or the list of them for an array body.',
    schema: { oneOf: [{ $ref: getSchemaPath(RoleDto) }, { type: 'array', maxItems: MAX_BULK_ITEMS, items: { $ref: getSchemaPath(RoleDto) } }] },
  })
  @ApiBadRequestResponse()
  async create(@Body() body: CreateRoleDto | CreateRoleDto[], @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<RoleDto | RoleDto[]> {
    const { items, many } = await oneOrMany(CreateRoleDto, body, (i) => hasOnly(i, { user: isIdString, collection: isIdString, kind: (v) => typeof v === 'string' && ACCEPTED_KINDS.includes(v) }));
    const created = await this.roles.create(principal, ability, items);
    return many ? created : created[0];
  }

  @Delete()
  @HttpCode(204)
  @Can('delete', 'Role')
  @ApiOperation({
    summary: 'Delete roles by filter',
    description: 'Delete the roles matching the filters (user, collection, kind, user_ids, by_ids) that the caller may delete. Without a user, collection, user_ids or by_ids filter: 400.',
  })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiBadRequestResponse()
  removeWhere(@Query() query: RoleQueryDto, @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<void> {
    return this.roles.removeWhere(principal, ability, query);
  }

  @Get(':id')
  @Can('read', 'Role', { param: 'id' })
  @ApiOperation({ summary: 'Get role', description: 'Retrieve one role (its user, facility admins and coaches).' })
  @ApiOkResponse({ type: RoleDto })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<RoleDto> {
    return this.roles.get(principal.accountId, pathId(id));
  }

  @Delete(':id')
  @HttpCode(204)
  @Can('delete', 'Role', { param: 'id' })
  @ApiOperation({ summary: 'Delete role', description: 'Remove a role from a user. Removing the last facility-level role also removes their classroom coach roles in that facility.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  remove(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.roles.remove(principal.accountId, pathId(id));
  }
}
