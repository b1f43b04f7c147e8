import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '../../../core/auth/principal';
import { AppAbility } from '../../../core/policy/app-ability';
import { CurrentAbility, CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { ApiOkList } from '../../../core/http/api-ok-list';
import { MAX_LIST_ITEMS } from '../common/one-or-many';
import { pathId } from '../common/kolibri-ids';
import { Preset } from '../facility-datasets/presets';
import { CreateFacilityDto, CreateFacilityWithPresetDto, FacilityDto, UpdateFacilityDto } from './facility.dto';
import { FacilitiesService } from './facilities.service';

@ApiTags('Kolibri: Facilities')
@Controller('api/auth/facility')
export class FacilitiesController {
  constructor(private readonly facilities: FacilitiesService) {}

  @Get()
  @Can('read', 'Facility')
  @ApiOperation({ summary: 'List facilities', description: 'Retrieve all facilities the current user has access to (every facility of the account).' })
  @ApiOkList(FacilityDto, MAX_LIST_ITEMS)
  @ApiBadRequestResponse({ description: 'Bad query string.' })
  list(@CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<FacilityDto[]> {
    return this.facilities.list(principal, ability);
  }

  @Post('create_facility')
  @HttpCode(200)
  @Can('create', 'Facility')
  @ApiOperation({
    summary: 'Create facility',
    description: 'Create a new facility with the settings of a preset (superuser or API client only). A bad preset answers 400 INVALID_CHOICE.',
  })
  @ApiOkResponse({ type: FacilityDto })
  @ApiBadRequestResponse()
  createWithPreset(@Body() body: CreateFacilityWithPresetDto, @CurrentPrincipal() principal: Principal): Promise<FacilityDto> {
    return this.facilities.create(principal.accountId, body.name, body.preset as Preset);
  }

  @Post()
  @Can('create', 'Facility')
  @ApiOperation({ summary: 'Create facility (nonformal preset)', description: 'Create a new facility with the default (nonformal) settings; superuser or API client only.' })
  @ApiCreatedResponse({ type: FacilityDto })
  @ApiBadRequestResponse()
  create(@Body() body: CreateFacilityDto, @CurrentPrincipal() principal: Principal): Promise<FacilityDto> {
    return this.facilities.create(principal.accountId, body.name);
  }

  @Get(':id')
  @Can('read', 'Facility', { param: 'id' })
  @ApiOperation({ summary: 'Get facility', description: 'Retrieve details of a specific facility.' })
  @ApiOkResponse({ type: FacilityDto })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<FacilityDto> {
    return this.facilities.get(principal.accountId, pathId(id));
  }

  @Patch(':id')
  @Can('update', 'Facility', { param: 'id' })
  @ApiOperation({ summary: 'Rename facility', description: "Update a facility's name (superuser, API client or the facility's admins)." })
  @ApiOkResponse({ type: FacilityDto })
  @ApiBadRequestResponse()
  update(@Param('id') id: string, @Body() body: UpdateFacilityDto, @CurrentPrincipal() principal: Principal): Promise<FacilityDto> {
    return this.facilities.update(principal.accountId, pathId(id), body.name);
  }

  @Delete(':id')
  @HttpCode(204)
  @Can('delete', 'Facility', { param: 'id' })
  @ApiOperation({
    summary: 'Delete facility',
    description: 'Delete a facility with its classrooms, learner groups, dataset, memberships and roles, in one transaction (superuser or API client only). Its users stay, without a facility.',
  })
  @ApiNoContentResponse({ description: 'Deleted.' })
  remove(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.facilities.remove(principal.accountId, pathId(id));
  }
}
