import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiInternalServerErrorResponse } from '@nestjs/swagger';

/** The errors every Enabley route documents besides the policy's 401/403/404: 400 invalid_request and 500 general_error. */
export const EnableyErrors = (badRequest = 'Invalid input: invalid_request with a description of the field at fault.') =>
  applyDecorators(
    ApiBadRequestResponse({ description: badRequest }),
    ApiInternalServerErrorResponse({ description: 'General error (general_error).' }),
  );
