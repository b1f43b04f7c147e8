import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiError } from './api-error';
import { DEFAULT_BODY_LIMIT } from './body-limits';

/** No dialect nests its input more than a few levels; deeper input only exists to exhaust the stack. */
export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of `[`/`{` outside strings, stopping as soon as it passes `max`: one O(n) pass. */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * The JSON parser of every route. Clients that send `Content-Type: application/json` on every call
 * (the Enabley seed says each operation "Consumes application/json") also send it on body-less
 * POST/DELETE calls: an empty JSON body is read as no body instead of a 400. A body nested deeper than
 * MAX_JSON_DEPTH is a 400 before JSON.parse (and class-transformer, which recurses) ever sees it.
 * Anything else goes to Fastify's own JSON parser (prototype poisoning refused). The parser's limit is
 * the default; a route's own `bodyLimit` (body-limits.ts) takes precedence over it.
 * Registered through Nest before init, so Nest does not add its default JSON parser.
 */
export function registerJsonBodyParser(app: NestFastifyApplication): void {
  app.useBodyParser('application/json', { bodyLimit: DEFAULT_BODY_LIMIT }, parseJsonBody(app));
}

type BodyParser = Parameters<NestFastifyApplication['useBodyParser']>[2];

/** The parse of registerJsonBodyParser, for the other JSON media types (json-media-types.ts). */
export function parseJsonBody(app: NestFastifyApplication): NonNullable<BodyParser> {
  const fastify = app.getHttpAdapter().getInstance();
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
      return done(ApiError.badRequest(`The request body is nested more than ${MAX_JSON_DEPTH} levels deep.`), undefined);
    }
    return parse(req as Parameters<typeof parse>[0], text, done);
  };
}
