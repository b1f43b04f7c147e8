import { ApiError, ErrorCode } from '../api-error';
import { ErrorFormat } from './error-format';

const KOLIBRI_IDS: Record<ErrorCode, string> = {
  REQUIRED: 'REQUIRED',
  INVALID: 'INVALID',
  INVALID_CHOICE: 'INVALID_CHOICE',
  UNIQUE: 'UNIQUE',
  NOT_FOUND: 'NOT_FOUND',
  PERMISSION_DENIED: 'PERMISSION_DENIED',
  NOT_AUTHENTICATED: 'NOT_AUTHENTICATED',
  RATE_LIMITED: 'INVALID',
  UNSUPPORTED_MEDIA_TYPE: 'INVALID',
  INTERNAL: 'INVALID',
};

/** Kolibri's list form: [{"id": "REQUIRED", "metadata": {"field": "name", "message": "…"}}]. */
export const kolibriErrorFormat: ErrorFormat = {
  name: 'kolibri',
  matches: (path) => path.startsWith('/api/auth/'),
  body: (error: ApiError) =>
    error.issues.map((i) => ({ id: KOLIBRI_IDS[i.code], metadata: { field: i.field ?? '', message: i.message } })),
};
