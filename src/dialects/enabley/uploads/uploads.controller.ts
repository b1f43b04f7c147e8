import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../core/auth/principal';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { EnableyErrors } from '../policy/enabley-api.decorators';
import { OrgBulkUploadRequestDto, OrgBulkUploadResponseDto } from './upload.dto';
import { UPLOAD_COLUMNS, UPLOAD_MAX_ROWS, UploadsService } from './uploads.service';

@ApiTags('Enabley: Uploads')
@Controller()
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  @Post('api/v1/uploads/orgBulkUpload')
  @HttpCode(200)
  @Can('create', 'EnableyUploads')
  @ApiOperation({
    summary: 'Organization bulk upload (users and their groups)',
    description:
      `ExternalOrgBulkUploadRequest: CSV files whose first line names the columns, among ${UPLOAD_COLUMNS.join(', ')} (identifier required). ` +
      'Each row creates or updates the user with that identifier (username defaults to the identifier) and, with groupPath (group identifiers from parent to child separated by "/", ' +
      'e.g. "emea/france/paris"), creates the missing groups of the path and maps the user to its last group, which enrolls them in the channels assigned to it. ' +
      `Everything runs in one transaction; a bad row is rolled back alone and reported as failed. At most ${UPLOAD_MAX_ROWS} rows; a malformed file or header is a 400 and writes nothing.`,
  })
  @ApiOkResponse({ type: OrgBulkUploadResponseDto, description: 'The per-row report.' })
  @EnableyErrors()
  upload(@CurrentPrincipal() p: Principal, @Body() body: OrgBulkUploadRequestDto): Promise<OrgBulkUploadResponseDto> {
    return this.uploads.upload(p.accountId, body);
  }
}
