import { Type, applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';

/** A 200 answer that is a JSON array of `model` (or of strings), at most `maxItems` long. */
export function ApiOkList(model: Type<unknown> | 'string', maxItems: number, description?: string) {
  return applyDecorators(
    ...(model === 'string' ? [] : [ApiExtraModels(model)]),
    ApiOkResponse({ description, schema: { type: 'array', maxItems, items: model === 'string' ? { type: 'string' } : { $ref: getSchemaPath(model) } } }),
  );
}
