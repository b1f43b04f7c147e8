import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { routePath } from '../../../core/http/route-path';
import { Can } from '../../../core/policy/policy.decorators';
import { ApiOkList } from '../../../core/http/api-ok-list';
import { ApiQueryFrom, LoadedOrganizationId, OrgInput } from '../common/input';
import { DEFAULT_CONTENT_LEVEL, DEFAULT_ORGANIZATION_LEVEL } from '../common/levels';
import { OrganizationRefDto } from '../organizations/organization.dto';
import { ORG_DEPARTMENT } from '../organizations.policy';
import { DepartmentDto, DepartmentRefDto, SaveDepartmentDto } from './department.dto';
import { DepartmentsService, MAX_DEPARTMENTS_LISTED } from './departments.service';
import { ORGANIZATION_DEPARTMENTS } from '../organizations.paths';

const INPUT = 'Input as query string, form or JSON alike.';

@ApiTags('Organizations: Departments')
@Controller()
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get(routePath(ORGANIZATION_DEPARTMENTS))
  @Can('read', ORG_DEPARTMENT, { input: 'organization' })
  @ApiOperation({ summary: 'List the departments of an organization.', description: `Any member of the organization may read them; sorted by name. ${INPUT}` })
  @ApiQueryFrom(OrganizationRefDto)
  @ApiOkList(DepartmentDto, MAX_DEPARTMENTS_LISTED)
  list(@LoadedOrganizationId() organizationId: string, @OrgInput() _input: OrganizationRefDto): Promise<DepartmentDto[]> {
    return this.departments.list(organizationId);
  }

  @Post(routePath(ORGANIZATION_DEPARTMENTS))
  @HttpCode(200)
  @Can('create', ORG_DEPARTMENT, { input: 'organization' })
  @ApiOperation({
    summary: 'Create a department, or change its permission levels.',
    description: `Account admins, the owner and the organization's admins. Levels default to member/none; when a department's levels change, its members get the new levels. ${INPUT}`,
  })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiBody({ type: SaveDepartmentDto })
  @ApiOkResponse({ type: DepartmentDto })
  save(@LoadedOrganizationId() organizationId: string, @OrgInput() input: SaveDepartmentDto): Promise<DepartmentDto> {
    return this.departments.save(organizationId, input.name, input.permission_organization ?? DEFAULT_ORGANIZATION_LEVEL, input.permission_content ?? DEFAULT_CONTENT_LEVEL);
  }

  @Delete(routePath(ORGANIZATION_DEPARTMENTS))
  @Can('delete', ORG_DEPARTMENT, { input: 'organization' })
  @ApiOperation({
    summary: 'Delete a department.',
    description: `Its members stay in the organization with the levels they had and no department; answers the deleted department (404 when there is none of that name). ${INPUT}`,
  })
  @ApiQueryFrom(DepartmentRefDto)
  @ApiOkResponse({ type: DepartmentDto })
  remove(@LoadedOrganizationId() organizationId: string, @OrgInput() input: DepartmentRefDto): Promise<DepartmentDto> {
    return this.departments.remove(organizationId, input.name);
  }
}
