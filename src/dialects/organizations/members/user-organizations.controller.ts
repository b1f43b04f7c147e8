import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { routePath } from '../../../core/http/route-path';
import { Principal } from '../../../core/auth/principal';
import { AppAbility } from '../../../core/policy/app-ability';
import { CurrentAbility, CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { ApiOkList } from '../../../core/http/api-ok-list';
import { ApiQueryFrom, LoadedUserId, MAX_ORGANIZATIONS, OrgInput, parseList } from '../common/input';
import { ORG_MEMBER, ORG_USER } from '../organizations.policy';
import { AssignResultDto, AssignUserDto, MAX_RESULT_ITEMS, RemoveResultDto, RemoveUserDto, UserOrganizationDto, UserRefDto } from './member.dto';
import { MembersService } from './members.service';
import { MembershipsWriter } from './memberships-writer.service';
import { USER_ORGANIZATIONS } from '../organizations.paths';

const INPUT = 'Input as query string, form or JSON alike.';

@ApiTags('Organizations: User organizations')
@Controller()
export class UserOrganizationsController {
  constructor(
    private readonly members: MembersService,
    private readonly writer: MembershipsWriter,
  ) {}

  @Get(routePath(USER_ORGANIZATIONS))
  @Can('read', ORG_USER, { input: 'user', also: [ORG_MEMBER] })
  @ApiOperation({
    summary: 'List all organizations a user is member of.',
    description: `Account admins see all; a user sees their own; organization admins and supervisors see the memberships in organizations they may read. Sorted by code. ${INPUT}`,
  })
  @ApiQueryFrom(UserRefDto)
  @ApiOkList(UserOrganizationDto, MAX_RESULT_ITEMS)
  list(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @LoadedUserId() userId: string,
    @OrgInput() _input: UserRefDto,
  ): Promise<UserOrganizationDto[]> {
    return this.members.listForUser(principal.accountId, userId, ability);
  }

  @Post(routePath(USER_ORGANIZATIONS))
  @HttpCode(200)
  @Can('update', ORG_MEMBER)
  @ApiOperation({
    summary: 'Assign user to organization(s).',
    description: [
      'Updates membership if already member of a organization. One transaction: an unknown user or organization (404) or an organization the caller may not manage (403) writes nothing.',
      'With department, each organization that has a department of that name gives its levels; in the others the permission_ fields (default member/none) apply.',
      `Supervisors cannot grant admin. ${INPUT}`,
    ].join(' '),
  })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiBody({ type: AssignUserDto })
  @ApiOkResponse({ type: AssignResultDto })
  @ApiNotFoundResponse({ description: 'No such user, or an organization code names no organization the caller can see; nothing was written.' })
  assign(@CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility, @OrgInput() input: AssignUserDto): Promise<AssignResultDto> {
    return this.writer.assign(principal, ability, {
      organizations: parseList('organizations', input.organizations, MAX_ORGANIZATIONS),
      users: [input.user],
      department: input.department,
      departmentRequired: false,
      organizationLevel: input.permission_organization,
      contentLevel: input.permission_content,
      notify: input.notify ?? false,
      userRequired: true,
    });
  }

  @Delete(routePath(USER_ORGANIZATIONS))
  @Can('delete', ORG_MEMBER)
  @ApiOperation({
    summary: 'Remove user from organization(s).',
    description: `One transaction: an unknown user or organization (404) or one the caller may not manage (403) removes nothing. Answers the memberships removed. ${INPUT}`,
  })
  @ApiQueryFrom(RemoveUserDto)
  @ApiOkResponse({ type: RemoveResultDto })
  @ApiNotFoundResponse({ description: 'No such user, or an organization code names no organization the caller can see; nothing was removed.' })
  remove(@CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility, @OrgInput() input: RemoveUserDto): Promise<RemoveResultDto> {
    return this.writer.remove(principal, ability, parseList('organizations', input.organizations, MAX_ORGANIZATIONS), [input.user], true);
  }
}
