import { OpenAPIObject } from '@nestjs/swagger';

type SchemaObject = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];

/** The error body of each dialect (CONTRACT section 5), as OpenAPI components. */
export const ERROR_SCHEMAS: Record<string, { name: string; schema: SchemaObject }> = {
  kolibri: {
    name: 'KolibriError',
    schema: {
      type: 'array',
      maxItems: 100,
      description: "Kolibri's list form of errors.",
      items: {
        type: 'object',
        required: ['id', 'metadata'],
        properties: {
          id: { type: 'string', enum: ['REQUIRED', 'UNIQUE', 'INVALID_CHOICE', 'INVALID', 'PERMISSION_DENIED', 'NOT_AUTHENTICATED', 'NOT_FOUND'] },
          metadata: {
            type: 'object',
            required: ['field', 'message'],
            properties: { field: { type: 'string', maxLength: 200 }, message: { type: 'string', maxLength: 2000 } },
          },
        },
      },
    },
  },
  organizations: {
    name: 'OrganizationsError',
    schema: {
      type: 'object',
      required: ['error', 'message'],
      properties: {
        error: { type: 'string', maxLength: 100, example: 'not_found' },
        message: { type: 'string', maxLength: 2000 },
      },
    },
  },
  enabley: {
    name: 'ErrorResponse',
    schema: {
      type: 'object',
      required: ['error', 'error_description'],
      properties: {
        error: {
          type: 'string',
          enum: ['invalid_request', 'invalid_client', 'not_found', 'access_denied', 'general_error', 'item_exists', 'item_not_exists', 'service_unavailable'],
        },
        error_description: { type: 'string', maxLength: 2000 },
      },
    },
  },
  triboo: {
    name: 'TribooError',
    schema: {
      type: 'object',
      required: ['status', 'detail'],
      properties: {
        status: { type: 'string', maxLength: 100, example: 'error', description: 'A status word of the seed, or "error".' },
        detail: { type: 'string', maxLength: 2000 },
      },
    },
  },
  oauth2: {
    name: 'OAuth2Error',
    schema: {
      type: 'object',
      required: ['error'],
      properties: {
        error: { type: 'string', enum: ['invalid_request', 'invalid_client', 'unsupported_grant_type', 'slow_down', 'server_error'] },
        error_description: { type: 'string', maxLength: 2000 },
      },
    },
  },
  platform: {
    name: 'PlatformError',
    schema: {
      type: 'object',
      required: ['error', 'message'],
      properties: { error: { type: 'string', maxLength: 100, example: 'not_found' }, message: { type: 'string', maxLength: 2000 } },
    },
  },
};
