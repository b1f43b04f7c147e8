import { ApiError, ErrorCode } from '../../core/http/api-error';
import { ErrorFormat } from '../../core/http/error-formats';

const KOLIBRI_IDS: Record<ErrorCode, string> = {
  REQUIRED: 'REQUIRED',
  INVALID: 'INVALID',
  INVALID_CHOICE: 'INVALID_CHOICE',
  UNIQUE: 'UNIQUE',
  NOT_FOUND: 'NOT_FOUND',
  ITEM_NOT_EXISTS: 'NOT_FOUND',
  PERMISSION_DENIED: 'PERMISSION_DENIED',
  NOT_AUTHENTICATED: 'NOT_AUTHENTICATED',
  INVALID_CLIENT: 'NOT_AUTHENTICATED',
  UNSUPPORTED_GRANT_TYPE: 'INVALID',
  INVALID_SCOPE: 'INVALID',
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
  schema: {
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
};
