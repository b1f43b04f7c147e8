import { ApiError, ErrorCode } from '../../../core/http/api-error';
import { ErrorFormat, firstMessage } from '../../../core/http/error-formats';

const WORDS: Partial<Record<ErrorCode, string>> = {
  NOT_AUTHENTICATED: 'invalid_client',
  INVALID_CLIENT: 'invalid_client',
  UNSUPPORTED_GRANT_TYPE: 'unsupported_grant_type',
  INVALID_SCOPE: 'invalid_scope',
  RATE_LIMITED: 'slow_down',
  INTERNAL: 'server_error',
};

/** RFC 6749 section 5.2 error body of Triboo's OAuth2 token endpoints (/oauth2/, CONTRACT: a Triboo path). */
export const oauth2ErrorFormat: ErrorFormat = {
  name: 'oauth2',
  matches: (path) => path.startsWith('/oauth2/'),
  body: (error: ApiError) => ({ error: error.status === 503 ? 'temporarily_unavailable' : WORDS[error.issues[0]?.code ?? 'INTERNAL'] ?? 'invalid_request', error_description: firstMessage(error) }),
  schema: {
    name: 'OAuth2Error',
    schema: {
      type: 'object',
      required: ['error'],
      properties: {
        error: { type: 'string', enum: ['invalid_request', 'invalid_client', 'unsupported_grant_type', 'invalid_scope', 'slow_down', 'temporarily_unavailable', 'server_error'] },
        error_description: { type: 'string', maxLength: 2000 },
      },
    },
  },
};
