import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiExtraModels, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Principal } from '../../../core/auth/principal';
import { AppAbility } from '../../../core/policy/app-ability';
import { CurrentAbility, CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { pathId } from '../common/kolibri-ids';
import { PolicySubjectAttrs } from '../common/policy-subject.decorator';
import { CreateFacilityUserDto, FacilityUserDto, FacilityUserPageDto, FacilityUserQueryDto, UpdateFacilityUserDto } from './facility-user.dto';
import { FacilityUsersService } from './facility-users.service';

@ApiTags('Kolibri: Facility users')
@ApiExtraModels(FacilityUserDto, FacilityUserPageDto)
@Controller('api/auth/facilityuser')
export class FacilityUsersController {
  constructor(private readonly users: FacilityUsersService) {}

  @Get()
  @Can('read', 'FacilityUser')
  @ApiOperation({
    summary: 'List facility users',
    description:
      'The facility users the caller may read (admins: their facility; coaches: their learners; everyone: themselves). With page_size, a page object {page, count, total_pages, results}. ' +
      "Filters as Kolibri's FacilityUserViewSet: search (username or full name), member_of, user_type, exclude_member_of, exclude_coach_for, exclude_user_type, ordering. " +
      'A search without a facility filter also finds the users of the account made through another dialect and in no facility yet (facility null; account administrators and API clients see them), so their id can be used for a membership or a role.',
  })
  @ApiOkResponse({
    schema: { oneOf: [{ type: 'array', maxItems: 100000, items: { $ref: getSchemaPath(FacilityUserDto) } }, { $ref: getSchemaPath(FacilityUserPageDto) }] },
  })
  @ApiBadRequestResponse()
  @ApiNotFoundResponse({ description: 'With page_size: a page past the last ("Invalid page.").', example: [{ id: 'NOT_FOUND', metadata: { field: '', message: 'Invalid page.' } }] })
  list(@Query() query: FacilityUserQueryDto, @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<FacilityUserDto[] | FacilityUserPageDto> {
    return this.users.list(principal, ability, query);
  }

  @Post()
  @Can('create', 'FacilityUser')
  @ApiOperation({
    summary: 'Create facility user',
    description: 'Create a user with a password in a facility (facility admins, API client, superuser). Usernames are unique per facility case-insensitively (400 UNIQUE).',
  })
  @ApiCreatedResponse({ type: FacilityUserDto })
  @ApiBadRequestResponse()
  create(@Body() body: CreateFacilityUserDto, @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<FacilityUserDto> {
    return this.users.create(principal, ability, body);
  }

  @Get(':id')
  @Can('read', 'FacilityUser', { param: 'id' })
  @ApiOperation({ summary: 'Get facility user', description: 'Retrieve one facility user with its roles.' })
  @ApiOkResponse({ type: FacilityUserDto })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<FacilityUserDto> {
    return this.users.get(principal.accountId, pathId(id));
  }

  @Patch(':id')
  @Can('update', 'FacilityUser', { param: 'id' })
  @ApiOperation({
    summary: 'Update facility user',
    description: "Change the username, full name or password of a facility user (facility admins); users change their own as their facility's dataset allows (learner_can_edit_username/name/password), field by field (403 otherwise). A facility admin may not change a user who administers the whole account through another dialect's role (Enabley SITE_ADMIN, Triboo Platform Admin): 403. A new password ends the user's other sessions; the session that changed it stays.",
  })
  @ApiOkResponse({ type: FacilityUserDto })
  @ApiBadRequestResponse()
  update(
    @Param('id') id: string,
    @Body() body: UpdateFacilityUserDto,
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @PolicySubjectAttrs() attrs: Record<string, unknown>,
  ): Promise<FacilityUserDto> {
    return this.users.update(principal.accountId, ability, attrs, pathId(id), body, principal);
  }

  @Delete(':id')
  @HttpCode(204)
  @Can('delete', 'FacilityUser', { param: 'id' })
  @ApiOperation({
    summary: 'Delete facility user',
    description: 'Delete the user with its memberships and roles (facility admins; the user itself when the dataset sets learner_can_delete_account). A superuser cannot delete itself (403); a facility admin cannot delete a user who administers the whole account (403).',
  })
  @ApiNoContentResponse({ description: 'Deleted.' })
  remove(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.users.remove(principal, pathId(id));
  }
}
