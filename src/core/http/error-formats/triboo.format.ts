import { ApiError } from '../api-error';
import { ErrorFormat, firstMessage } from './error-format';

const TRIBOO_PATH = /^\/(api\/extended\/|update_user|api\/bulk_enroll\/|api\/enrollment\/)/;

/** Triboo (Open edX) answers {"status": word, "detail": text}; `error` is the seed's catch-all word. */
export const tribooErrorFormat: ErrorFormat = {
  name: 'triboo',
  matches: (path) => TRIBOO_PATH.test(path),
  body: (error: ApiError) => ({ status: error.status === 404 ? 'not_found' : 'error', detail: firstMessage(error) }),
};
