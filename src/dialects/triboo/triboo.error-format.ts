import { ApiError } from '../../core/http/api-error';
import { ErrorFormat, firstMessage } from '../../core/http/error-formats';

/** Every status word an error body can carry: the seed's per-user words (triboo-status.ts statusError) and the format's own. */
const ERROR_STATUSES = ['error', 'not_found', 'user_not_found', 'user_inactive', 'username_already_used', 'email_already_used'] as const;

const TRIBOO_PATH = /^\/(api\/extended\/|update_user|api\/bulk_enroll\/|api\/enrollment\/)/;

/** Triboo (Open edX) answers {"status": word, "detail": text}; `error` is the seed's catch-all word. */
export const tribooErrorFormat: ErrorFormat = {
  name: 'triboo',
  matches: (path) => TRIBOO_PATH.test(path),
  body: (error: ApiError) => ({ status: error.status === 404 ? 'not_found' : 'error', detail: firstMessage(error) }),
  schema: {
    name: 'TribooError',
    schema: {
      type: 'object',
      required: ['status', 'detail'],
      properties: {
        status: { type: 'string', enum: [...ERROR_STATUSES], example: 'error', description: 'A status word of the seed (`user_not_found`, `username_already_used` ...), `not_found`, or the catch-all `error`.' },
        detail: { type: 'string', maxLength: 2000 },
      },
    },
  },
};
