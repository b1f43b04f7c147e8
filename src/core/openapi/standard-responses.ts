import { ApiError, ErrorIssue } from '../http/api-error';
import { ErrorFormat } from '../http/error-formats';
import { TOO_MANY_REQUESTS } from '../http/to-api-error';
import { INT32 } from './schema-types';

type Header = { description?: string; required?: boolean; schema?: Record<string, unknown> };
export type SpecResponse = { description?: string; content?: Record<string, { schema?: unknown; example?: unknown }>; headers?: Record<string, Header> };
export type SpecOperation = {
  operationId?: string;
  responses?: Record<string, SpecResponse>;
  parameters?: unknown[];
  requestBody?: unknown;
  security?: unknown[];
  tags?: string[];
};

/**
 * What the server itself answers for an error status, whatever the route: each example is built by the
 * dialect's own error format from the message the server really sends, so an example can never show
 * another dialect's word or a placeholder.
 */
const ISSUES: Record<number, ErrorIssue> = {
  401: { code: 'NOT_AUTHENTICATED', message: 'Authentication credentials were not provided or are invalid.' },
  403: { code: 'PERMISSION_DENIED', message: 'You do not have permission to perform this action.' },
  404: { code: 'NOT_FOUND', message: 'Not found.' },
  409: { code: 'UNIQUE', message: 'An object with this identifier already exists.' },
  410: { code: 'NOT_FOUND', message: 'This link has expired.' },
  413: { code: 'INVALID', message: 'The request body is too large.' },
  414: { code: 'INVALID', message: 'A path segment is too long.' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported content type: send application/json or application/x-www-form-urlencoded.' },
  429: { code: 'RATE_LIMITED', message: TOO_MANY_REQUESTS },
  500: { code: 'INTERNAL', message: 'Internal server error (request req-1).' },
  503: { code: 'INTERNAL', message: 'The database does not answer.' },
};

export function errorExample(format: ErrorFormat, status: number, issue?: ErrorIssue): unknown {
  return format.body(new ApiError(status, [issue ?? ISSUES[status] ?? { code: 'INVALID', message: `HTTP ${status}` }]));
}

type Schema = { $ref?: string; required?: string[]; oneOf?: Schema[] };
type Parameter = { in?: string; name?: string; required?: boolean };

/** The guard's words for a NUL character (nul-guard.ts), which every route refuses in any path, query or body value. */
export const NUL_MESSAGE = 'Text may not contain the NUL character (U+0000).';

/**
 * The 400 this operation really answers for the commonest mistake, in the words of the validation pipe
 * (validation.ts): a required field of its body or query left out, named as the client sends it; an operation
 * whose whole query or body is a DTO refuses an unknown field (forbidNonWhitelisted). One that validates
 * neither ignores unknown fields: its only 400 is the NUL guard's, shown on its first path parameter (or on a
 * query field where it has none), the one input every route refuses before its handler runs.
 */
export function badInputIssue(op: SpecOperation, schemas: Record<string, unknown>, refusesUnknownFields: boolean): ErrorIssue {
  const content = Object.values((op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content ?? {})[0];
  // A body of one object or a list of them (Kolibri's bulk create): the object's rules are the same.
  const schema = content?.schema?.oneOf?.find((s) => s.$ref) ?? content?.schema;
  const ref = schema?.$ref;
  const body = (ref ? schemas[ref.split('/').pop()!] : schema) as Schema | undefined;
  const params = (op.parameters ?? []) as Parameter[];
  const query = params.find((p) => p.in === 'query' && p.required)?.name;
  const field = [...(body?.required ?? [])].sort()[0] ?? query;
  if (field) return { code: 'REQUIRED', field, message: 'This field is required.' };
  if (refusesUnknownFields) return { code: 'INVALID', field: 'foo', message: 'Unknown field "foo".' };
  return { code: 'INVALID', field: params.find((p) => p.in === 'path')?.name ?? 'foo', message: NUL_MESSAGE };
}

const RETRY_AFTER: Header = { description: 'Seconds to wait before trying again.', required: true, schema: { ...INT32, minimum: 1, maximum: 604_800 } };

/** Sent only with CORS_ORIGINS set and a listed Origin (cors.ts); never required. */
const CORS_ORIGIN: Header = { description: 'The request\'s Origin, when CORS_ORIGINS lists it; absent otherwise.', schema: { type: 'string', maxLength: 2000 } };

/** Headers the error filter and the router always send with these statuses (all-exceptions.filter.ts, outage.ts). */
const ERROR_HEADERS: Record<string, Record<string, Header>> = {
  '401': { 'WWW-Authenticate': { description: 'The scheme to authenticate with: `Bearer` (`Basic realm="oauth2"` on the token routes).', required: true, schema: { type: 'string' } } },
  '429': { 'Retry-After': RETRY_AFTER },
  '503': { 'Retry-After': RETRY_AFTER },
};

/**
 * Statuses the transport answers on any route of a kind, before a handler runs: a body over the limit (413)
 * or of an unsupported type (415) wherever a body can be sent, an over-long path parameter (414).
 */
export function addTransportErrors(path: string, method: string, op: SpecOperation): void {
  const responses = (op.responses ??= {});
  // The body parser runs on every request that carries a body (DELETE included), before the route does.
  if (op.requestBody || ['post', 'put', 'patch', 'delete'].includes(method)) {
    responses['413'] ??= { description: 'The request body is larger than the limit (BODY_LIMIT_BYTES).' };
    responses['415'] ??= { description: 'The request body is not JSON (nor a form, where the route takes one).' };
  }
  if (path.includes('{')) responses['414'] ??= { description: 'A path parameter is longer than 500 characters.' };
}

/** The dialect's error body on every error status, with a real example and the headers that status carries. */
export function documentErrorResponse(format: ErrorFormat, schemaName: string, status: string, response: SpecResponse, issue?: ErrorIssue): void {
  const contentType = format.contentType ?? 'application/json';
  const current = response.content?.[contentType] ?? response.content?.['application/json'];
  response.content = { [contentType]: { schema: { $ref: `#/components/schemas/${schemaName}` }, example: current?.example ?? errorExample(format, Number(status), issue) } };
  const headers = ERROR_HEADERS[status];
  if (headers) {
    // A copy: decorators share one headers object between a route's responses (NO_STORE_HEADERS).
    response.headers = { ...response.headers };
    for (const [name, header] of Object.entries(headers)) response.headers[name] = { ...header, ...response.headers[name], required: true };
    response.headers['Access-Control-Allow-Origin'] ??= CORS_ORIGIN;
  }
}
