import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '../../../core/auth/principal';
import { AppAbility } from '../../../core/policy/app-ability';
import { CurrentAbility, CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { ApiOkList } from '../../../core/http/api-ok-list';
import { MAX_LIST_ITEMS } from '../common/one-or-many';
import { optionalId, pathId } from '../common/kolibri-ids';
import { FacilityDatasetDto, FacilityDatasetQueryDto, UpdateFacilityDatasetDto } from './facility-dataset.dto';
import { FacilityDatasetsService } from './facility-datasets.service';

@ApiTags('Kolibri: Facility datasets')
@Controller('api/auth/facilitydataset')
export class FacilityDatasetsController {
  constructor(private readonly datasets: FacilityDatasetsService) {}

  @Get()
  @Can('read', 'FacilityDataset')
  @ApiOperation({
    summary: 'Get facility dataset',
    description: 'Retrieve the dataset settings of a facility (a list of one), or of every facility of the account without facility_id.',
  })
  @ApiOkList(FacilityDatasetDto, MAX_LIST_ITEMS)
  @ApiBadRequestResponse({ description: 'facility_id is not an id.' })
  list(@Query() query: FacilityDatasetQueryDto, @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<FacilityDatasetDto[]> {
    return this.datasets.list(principal, ability, optionalId(query.facility_id, 'facility_id'));
  }

  @Patch(':id')
  @Can('update', 'FacilityDataset', { param: 'id' })
  @ApiOperation({
    summary: 'Update facility dataset',
    description: 'Update facility dataset settings. learner_can_login_with_no_password and learner_can_edit_password can never both be true (400), also when only one of them is sent.',
  })
  @ApiOkResponse({ type: FacilityDatasetDto })
  @ApiBadRequestResponse()
  update(@Param('id') id: string, @Body() body: UpdateFacilityDatasetDto, @CurrentPrincipal() principal: Principal): Promise<FacilityDatasetDto> {
    return this.datasets.update(principal.accountId, pathId(id), body);
  }

  @Post(':id/resetsettings')
  @HttpCode(200)
  @Can('update', 'FacilityDataset', { param: 'id' })
  @ApiOperation({
    summary: 'Reset facility settings',
    description: "Reset the seven learner/login booleans to the values of the dataset's current preset (formal, nonformal, informal).",
  })
  @ApiOkResponse({ type: FacilityDatasetDto })
  reset(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<FacilityDatasetDto> {
    return this.datasets.reset(principal.accountId, pathId(id));
  }
}
