import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '../../../core/auth/principal';
import { AppAbility } from '../../../core/policy/app-ability';
import { CurrentAbility, CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Authenticated, Can } from '../../../core/policy/policy.decorators';
import { ApiOkList } from '../../../core/http/api-ok-list';
import { ApiQueryFrom, LoadedOrganizationId, NoInputDto, OrgInput } from '../common/input';
import { ORG, ORG_MANAGED } from '../organizations.policy';
import { CreateOrganizationDto, OrganizationDto, OrganizationListItemDto, OrganizationRefDto, RenameOrganizationDto } from './organization.dto';
import { MAX_ORGANIZATIONS_LISTED, OrganizationsService } from './organizations.service';

const INPUT = 'Input as query string, form or JSON alike.';

@ApiTags('Organizations: Organizations')
@Controller()
export class OrganizationsController {
  constructor(private readonly orgs: OrganizationsService) {}

  @Get('organizations')
  @Authenticated({ also: [ORG_MANAGED] })
  @ApiOperation({
    summary: 'List owned and managed organizations.',
    description: 'API clients and account admins get every organization of the account; a user gets those they own or are an admin or supervisor of. Sorted by code.',
  })
  @ApiOkList(OrganizationListItemDto, MAX_ORGANIZATIONS_LISTED)
  @ApiBadRequestResponse({ description: 'An unknown input field.' })
  async list(@CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility, @OrgInput() _input: NoInputDto): Promise<OrganizationListItemDto[]> {
    return (await this.orgs.list(principal, ability)).map((o) => ({ code: o.code, name: o.name }));
  }

  @Get('organization')
  @Can('read', ORG, { input: 'organization' })
  @ApiOperation({ summary: 'Get/check organization.', description: `404 when it does not exist or the caller may not see it. ${INPUT}` })
  @ApiQueryFrom(OrganizationRefDto)
  @ApiOkResponse({ type: OrganizationDto })
  async get(@LoadedOrganizationId() id: string, @OrgInput() _input: OrganizationRefDto): Promise<OrganizationDto> {
    const org = await this.orgs.get(id);
    return { organization: org.code, name: org.name };
  }

  @Post('organizations')
  @HttpCode(200)
  @Can('create', ORG)
  @ApiOperation({
    summary: 'Create an organization.',
    description: `API clients and account admins only. A user who creates one owns it (owners manage it like an admin and may delete it). 409 when the code is taken. ${INPUT}`,
  })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiBody({ type: CreateOrganizationDto })
  @ApiOkResponse({ type: OrganizationDto })
  @ApiConflictResponse({ description: 'An organization with that code exists in the account.' })
  async create(@CurrentPrincipal() principal: Principal, @OrgInput() input: CreateOrganizationDto): Promise<OrganizationDto> {
    const org = await this.orgs.create(principal, input.code, input.name);
    return { organization: org.code, name: org.name };
  }

  @Patch('organization')
  @Can('update', ORG, { input: 'organization' })
  @ApiOperation({ summary: 'Rename an organization.', description: `Account admins, the owner and the organization's admins. ${INPUT}` })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiBody({ type: RenameOrganizationDto })
  @ApiOkResponse({ type: OrganizationDto })
  async rename(@LoadedOrganizationId() id: string, @OrgInput() input: RenameOrganizationDto): Promise<OrganizationDto> {
    const org = await this.orgs.rename(id, input.name);
    return { organization: org.code, name: org.name };
  }

  @Delete('organization')
  @Can('delete', ORG, { input: 'organization' })
  @ApiOperation({
    summary: 'Delete an organization.',
    description: `Account admins and the owner. Its departments and memberships go with it; answers the deleted organization. ${INPUT}`,
  })
  @ApiQueryFrom(OrganizationRefDto)
  @ApiOkResponse({ type: OrganizationDto })
  async remove(@LoadedOrganizationId() id: string, @OrgInput() _input: OrganizationRefDto): Promise<OrganizationDto> {
    const org = await this.orgs.remove(id);
    return { organization: org.code, name: org.name };
  }
}
