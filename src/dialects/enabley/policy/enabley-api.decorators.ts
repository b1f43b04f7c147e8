import { Type, applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiExtraModels, ApiInternalServerErrorResponse, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';

/** The errors every Enabley route documents besides the policy's 401/403/404: 400 invalid_request and 500 general_error. */
export const EnableyErrors = (badRequest = 'Invalid input: invalid_request with a description of the field at fault.') =>
  applyDecorators(
    ApiBadRequestResponse({ description: badRequest }),
    ApiInternalServerErrorResponse({ description: 'General error (general_error).' }),
  );

/** 200 with a JSON array of `model` (or of strings), bounded by `maxItems`. */
export const ApiOkArray = (model: Type<unknown> | 'string', maxItems: number, description = 'OK') =>
  applyDecorators(
    ...(model === 'string' ? [] : [ApiExtraModels(model)]),
    ApiOkResponse({ description, schema: { type: 'array', maxItems, items: model === 'string' ? { type: 'string' } : { $ref: getSchemaPath(model) } } }),
  );
