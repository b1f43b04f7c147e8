import { ApiError } from '../../core/http/api-error';
import { ErrorFormat, firstMessage } from '../../core/http/error-formats';
import { SCIM_ERROR_URN, SCIM_TYPES, ScimType, scimErrorBody } from './common/scim-error';

/** Where the JSON parser's own refusals are told apart from a well-formed body with a bad value. */
const SYNTAX = /not valid JSON|nested more than|body is empty/;

/** The scimType of an error the dialect did not raise itself (validation, parser, unique index). */
function scimTypeOf(error: ApiError): ScimType | undefined {
  if (error.status === 409) return 'uniqueness';
  if (error.status !== 400) return undefined;
  return SYNTAX.test(firstMessage(error)) ? 'invalidSyntax' : 'invalidValue';
}

/** RFC 7644 section 3.12: `{schemas: [Error URN], status: "400", scimType, detail}` on every /scim/v2 path. */
export const scimErrorFormat: ErrorFormat = {
  name: 'scim',
  matches: (path) => /^\/scim(\/|$)/.test(path),
  body: (error: ApiError) => scimErrorBody(error.status, firstMessage(error), scimTypeOf(error)),
  contentType: 'application/scim+json',
  schema: {
    name: 'ScimError',
    schema: {
      type: 'object',
      required: ['schemas', 'status', 'detail'],
      properties: {
        schemas: { type: 'array', items: { type: 'string', enum: [SCIM_ERROR_URN] }, minItems: 1, maxItems: 1 },
        status: { type: 'string', pattern: '^[1-5][0-9][0-9]$', example: '409', description: 'The HTTP status, as a string (RFC 7644 section 3.12).' },
        scimType: { type: 'string', enum: [...SCIM_TYPES], example: 'uniqueness' },
        detail: { type: 'string', maxLength: 2000 },
      },
    },
  },
};
