import { ApiError, ErrorCode } from '../../core/http/api-error';
import { ErrorFormat, firstMessage } from '../../core/http/error-formats';

const WORDS: Record<ErrorCode, string> = {
  REQUIRED: 'missing_parameter',
  INVALID: 'invalid_parameter',
  INVALID_CHOICE: 'invalid_parameter',
  UNIQUE: 'already_exists',
  NOT_FOUND: 'not_found',
  ITEM_NOT_EXISTS: 'not_found',
  PERMISSION_DENIED: 'forbidden',
  NOT_AUTHENTICATED: 'unauthorized',
  INVALID_CLIENT: 'unauthorized',
  UNSUPPORTED_GRANT_TYPE: 'invalid_parameter',
  INVALID_SCOPE: 'invalid_parameter',
  RATE_LIMITED: 'too_many_requests',
  UNSUPPORTED_MEDIA_TYPE: 'unsupported_media_type',
  INTERNAL: 'internal_error',
};

const ORGANIZATION_PATH = /^\/(organizations?|user)(:[a-z]+)?(\/|$)/;

/** The Organizations API answers {"error": word, "message": text}. */
export const organizationsErrorFormat: ErrorFormat = {
  name: 'organizations',
  matches: (path) => ORGANIZATION_PATH.test(path),
  body: (error: ApiError) => ({ error: WORDS[error.issues[0]?.code ?? 'INTERNAL'], message: firstMessage(error) }),
  schema: {
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
};
