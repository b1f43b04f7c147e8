import { ApiError, ErrorCode } from '../../core/http/api-error';
import { ErrorFormat, firstMessage } from '../../core/http/error-formats';

/** Values of the seed's ErrorResponse.error enum. */
export const ENABLEY_ERRORS = ['invalid_request', 'invalid_client', 'not_found', 'access_denied', 'general_error', 'item_exists', 'item_not_exists', 'service_unavailable'] as const;
export type EnableyErrorWord = (typeof ENABLEY_ERRORS)[number];

const WORDS: Record<ErrorCode, EnableyErrorWord> = {
  REQUIRED: 'invalid_request',
  INVALID: 'invalid_request',
  INVALID_CHOICE: 'invalid_request',
  UNIQUE: 'item_exists',
  NOT_FOUND: 'not_found',
  ITEM_NOT_EXISTS: 'item_not_exists',
  PERMISSION_DENIED: 'access_denied',
  NOT_AUTHENTICATED: 'access_denied',
  INVALID_CLIENT: 'invalid_client',
  UNSUPPORTED_GRANT_TYPE: 'invalid_request',
  INVALID_SCOPE: 'invalid_request',
  RATE_LIMITED: 'service_unavailable',
  UNSUPPORTED_MEDIA_TYPE: 'invalid_request',
  INTERNAL: 'general_error',
};

/** Enabley's ErrorResponse {"error": enum, "error_description": text}. */
export const enableyErrorFormat: ErrorFormat = {
  name: 'enabley',
  matches: (path) => /^\/api\/v[1-4]\//.test(path),
  body: (error: ApiError) => ({ error: error.status === 503 ? 'service_unavailable' : WORDS[error.issues[0]?.code ?? 'INTERNAL'], error_description: firstMessage(error) }),
  schema: {
    name: 'ErrorResponse',
    schema: {
      type: 'object',
      required: ['error', 'error_description'],
      properties: {
        error: { type: 'string', enum: [...ENABLEY_ERRORS] },
        error_description: { type: 'string', maxLength: 2000 },
      },
    },
  },
};
