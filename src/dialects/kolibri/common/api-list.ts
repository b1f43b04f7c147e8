import { Type, applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';

/** A documented list answer: Kolibri lists are plain arrays; maxItems states the bound. */
export function ApiOkList(model: Type<unknown>, maxItems = 100_000, description?: string) {
  return applyDecorators(ApiExtraModels(model), ApiOkResponse({ description, schema: { type: 'array', maxItems, items: { $ref: getSchemaPath(model) } } }));
}
