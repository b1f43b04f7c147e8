import { ApiError } from '../../core/http/api-error';
import { ErrorFormat, firstMessage } from '../../core/http/error-formats';

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
        status: { type: 'string', maxLength: 100, example: 'error', description: 'A status word of the seed, or "error".' },
        detail: { type: 'string', maxLength: 2000 },
      },
    },
  },
};
