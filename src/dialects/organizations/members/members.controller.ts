import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { routePath } from '../../../core/http/route-path';
import { Principal } from '../../../core/auth/principal';
import { ApiError } from '../../../core/http/api-error';
import { AppAbility } from '../../../core/policy/app-ability';
import { CurrentAbility, CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { ApiOkList } from '../../../core/http/api-ok-list';
import { ApiQueryFrom, LoadedOrganizationId, MAX_ORGANIZATIONS, MAX_USERS, OrgInput, parseList } from '../common/input';
import { OrganizationRefDto } from '../organizations/organization.dto';
import { ORG_MEMBER } from '../organizations.policy';
import { AssignMembersDto, AssignResultDto, BulkAssignMembersDto, MAX_RESULT_ITEMS, MemberDto, RemoveMembersDto, RemoveResultDto } from './member.dto';
import { MembersService } from './members.service';
import { MembershipsWriter } from './memberships-writer.service';
import { ORGANIZATIONS_MEMBERS, ORGANIZATION_MEMBERS } from '../organizations.paths';

const INPUT = 'Input as query string, form or JSON alike.';
const UNKNOWN =
  'Users that do not exist in the account are not skipped silently: the answer lists them in unknown_users and nothing is written for them; every known user is assigned.';
const LEVELS = 'Levels: member < teacher < supervisor < admin; none < view < control < modify < grant < admin (an unknown level is a 400 listing the allowed values).';
const WHO = 'Account admins, the owner and the organization\'s admins manage members; supervisors too, but cannot grant, change or remove admin membership (403).';

@ApiTags('Organizations: Members')
@Controller()
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly writer: MembershipsWriter,
  ) {}

  @Get(routePath(ORGANIZATION_MEMBERS))
  @Can('read', ORG_MEMBER, { input: 'organization' })
  @ApiOperation({ summary: 'List all members in a organization.', description: `Any member of the organization may read it; sorted by user code. ${INPUT}` })
  @ApiQueryFrom(OrganizationRefDto)
  @ApiOkList(MemberDto, MAX_RESULT_ITEMS)
  list(@LoadedOrganizationId() organizationId: string, @OrgInput() _input: OrganizationRefDto): Promise<MemberDto[]> {
    return this.members.list(organizationId);
  }

  @Post(routePath(ORGANIZATION_MEMBERS))
  @HttpCode(200)
  @Can('update', ORG_MEMBER, { input: 'organization' })
  @ApiOperation({
    summary: 'Assign user(s) to a organization.',
    description: [
      'Updates memberships if already member of the organization. Either department (its levels apply; 400 when the organization has no such department)',
      `or permission_organization/permission_content (default member/none); both together are a 400. ${UNKNOWN} ${LEVELS} ${WHO} ${INPUT}`,
    ].join(' '),
  })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiBody({ type: AssignMembersDto })
  @ApiOkResponse({ type: AssignResultDto })
  assign(@CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility, @OrgInput() input: AssignMembersDto): Promise<AssignResultDto> {
    if (input.department !== undefined && (input.permission_organization !== undefined || input.permission_content !== undefined)) {
      throw ApiError.badRequest('department and the permission_ fields cannot be used together.', 'department');
    }
    return this.writer.assign(principal, ability, {
      organizations: [input.organization],
      users: parseList('users', input.users, MAX_USERS),
      department: input.department,
      departmentRequired: true,
      organizationLevel: input.permission_organization,
      contentLevel: input.permission_content,
      notify: input.notify ?? false,
      userRequired: false,
    });
  }

  @Delete(routePath(ORGANIZATION_MEMBERS))
  @Can('delete', ORG_MEMBER, { input: 'organization' })
  @ApiOperation({
    summary: 'Remove user(s) from a organization.',
    description: `Answers the memberships removed and the unknown user codes. ${WHO} ${INPUT}`,
  })
  @ApiQueryFrom(RemoveMembersDto)
  @ApiOkResponse({ type: RemoveResultDto })
  remove(@CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility, @OrgInput() input: RemoveMembersDto): Promise<RemoveResultDto> {
    return this.writer.remove(principal, ability, [input.organization], parseList('users', input.users, MAX_USERS), false);
  }

  @Post(routePath(ORGANIZATIONS_MEMBERS))
  @HttpCode(200)
  @Can('update', ORG_MEMBER)
  @ApiOperation({
    summary: 'Assign user(s) to organization(s).',
    description: [
      'Updates memberships if already member of a organization. One transaction: an unknown organization (404) or one the caller may not manage (403) writes nothing.',
      'With department, each organization that has a department of that name gives its levels; in the others the permission_ fields (default member/none) apply.',
      `${UNKNOWN} ${LEVELS} ${WHO} ${INPUT}`,
    ].join(' '),
  })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiBody({ type: BulkAssignMembersDto })
  @ApiOkResponse({ type: AssignResultDto })
  @ApiNotFoundResponse({ description: 'An organization code names no organization the caller can see; nothing was written.' })
  bulkAssign(@CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility, @OrgInput() input: BulkAssignMembersDto): Promise<AssignResultDto> {
    return this.writer.assign(principal, ability, {
      organizations: parseList('organizations', input.organizations, MAX_ORGANIZATIONS),
      users: parseList('users', input.users, MAX_USERS),
      department: input.department,
      departmentRequired: false,
      organizationLevel: input.permission_organization,
      contentLevel: input.permission_content,
      notify: input.notify ?? false,
      userRequired: false,
    });
  }
}
