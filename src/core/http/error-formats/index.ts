import { ApiError } from '../api-error';
import { enableyErrorFormat } from './enabley.format';
import { ErrorFormat, firstMessage } from './error-format';
import { kolibriErrorFormat } from './kolibri.format';
import { oauth2ErrorFormat } from './oauth2.format';
import { organizationsErrorFormat } from './organizations.format';
import { tribooErrorFormat } from './triboo.format';

/** Platform routes (admin, health) outside every dialect. */
const platformErrorFormat: ErrorFormat = {
  name: 'platform',
  matches: () => true,
  body: (error: ApiError) => ({ error: (error.issues[0]?.code ?? 'INTERNAL').toLowerCase(), message: firstMessage(error) }),
};

const FORMATS: ErrorFormat[] = [oauth2ErrorFormat, kolibriErrorFormat, enableyErrorFormat, tribooErrorFormat, organizationsErrorFormat, platformErrorFormat];

export function errorFormatFor(path: string): ErrorFormat {
  const bare = path.split('?')[0];
  return FORMATS.find((f) => f.matches(bare)) ?? platformErrorFormat;
}

export function errorBody(path: string, error: ApiError): unknown {
  return error.body !== undefined ? error.body : errorFormatFor(path).body(error);
}
