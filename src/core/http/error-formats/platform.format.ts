import { ApiError } from '../api-error';
import { ErrorFormat, firstMessage } from './error-format';

/** Platform routes (admin, health) outside every dialect; also the fallback for a path no format claims. */
export const platformErrorFormat: ErrorFormat = {
  name: 'platform',
  matches: () => true,
  body: (error: ApiError) => ({ error: (error.issues[0]?.code ?? 'INTERNAL').toLowerCase(), message: firstMessage(error) }),
  schema: {
    name: 'PlatformError',
    schema: {
      type: 'object',
      required: ['error', 'message'],
      properties: { error: { type: 'string', maxLength: 100, example: 'not_found' }, message: { type: 'string', maxLength: 2000 } },
    },
  },
};
