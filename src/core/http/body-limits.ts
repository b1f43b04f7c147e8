import { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions, onRequestHookHandler } from 'fastify';
import { ApiError } from './api-error';
import { sendError } from './all-exceptions.filter';
import { routePath } from './route-path';

/** What every route accepts unless the table below says otherwise: ordinary JSON objects are a few KB. */
export const DEFAULT_BODY_LIMIT = 256 * 1024;

/** Credentials only, and read before anyone is authenticated: the smallest limit. */
const CREDENTIALS = 32 * 1024;

/**
 * Routes that accept more (or less) than the default, each sized from the documented maximum of its
 * input. A form body percent-encodes separators (`,` and `@` take 3 bytes), so form-capable routes
 * allow 3 bytes per documented character. Checked at start-up: an entry that names no route fails it.
 */
const LIMITS: { method: string; url: string; bytes: number }[] = [
  { method: 'POST', url: '/oauth2/access_token', bytes: CREDENTIALS },
  { method: 'POST', url: '/oauth2/v1/access_token', bytes: CREDENTIALS },
  { method: 'POST', url: '/api/v1/token', bytes: CREDENTIALS },
  { method: 'POST', url: '/api/auth/session', bytes: CREDENTIALS },
  // Triboo bulk enroll: identifiers <= 10,000,000 characters (100,000 emails) + courses <= 100,000, JSON or form.
  { method: 'POST', url: '/api/bulk_enroll/v1/bulk_enroll', bytes: 3 * (10_000_000 + 100_000) + 64 * 1024 },
  // Enabley org bulk upload: JSON only; one CSV file at its documented 10,000,000 characters, newlines escaped
  // (2 bytes each), with room for the other files' names. The 100,000-row cap bounds the work, not the bytes.
  { method: 'POST', url: '/api/v1/uploads/orgBulkUpload', bytes: 24 * 1024 * 1024 },
  // Kolibri arrays of up to 10,000 memberships or roles, {user, collection[, kind]} of ~110 bytes, pretty-printed.
  { method: 'POST', url: '/api/auth/membership', bytes: 4 * 1024 * 1024 },
  { method: 'POST', url: '/api/auth/role', bytes: 4 * 1024 * 1024 },
  // Organizations member calls: users <= 200,000 characters + organizations <= 20,000, query, form or JSON.
  { method: 'POST', url: routePath('/organization:members'), bytes: 1024 * 1024 },
  { method: 'DELETE', url: routePath('/organization:members'), bytes: 1024 * 1024 },
  { method: 'POST', url: routePath('/organizations:members'), bytes: 1024 * 1024 },
];

/**
 * Routes that accept megabytes check the token's signature and expiry before the body is read (the policy
 * guard, which also asks the database, runs only after parsing): without a valid token nobody makes the
 * server read and parse megabytes. The full check still follows.
 */
function signedTokenFirst(hasSignedToken: (request: FastifyRequest) => boolean): onRequestHookHandler {
  return (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (hasSignedToken(request)) return done();
    reply.header('Connection', 'close');
    sendError(request, reply, ApiError.unauthenticated());
  };
}

const keyOf = (method: string, url: string) => `${method} ${url.replace(/\/+$/, '')}`;

/**
 * Sets Fastify's per-route `bodyLimit` from the table. Fastify checks a route's limit against
 * Content-Length before reading a byte, and counts the bytes of a body without one, for every
 * content-type parser (the JSON and form parsers alike), answering 413.
 */
export function applyBodyLimits(fastify: FastifyInstance, hasSignedToken: (request: FastifyRequest) => boolean): void {
  const table = new Map(LIMITS.map((l) => [keyOf(l.method, l.url), l.bytes]));
  const seen = new Set<string>();
  fastify.addHook('onRoute', (route: RouteOptions) => {
    for (const method of [route.method].flat()) {
      const key = keyOf(method, route.url);
      const bytes = table.get(key);
      if (bytes === undefined) continue;
      route.bodyLimit = bytes;
      seen.add(key);
      if (bytes > DEFAULT_BODY_LIMIT) route.onRequest = [...[route.onRequest ?? []].flat(), signedTokenFirst(hasSignedToken)];
    }
  });
  fastify.addHook('onReady', async () => {
    const missing = [...table.keys()].filter((k) => !seen.has(k));
    if (missing.length) throw new Error(`body limits name routes that do not exist: ${missing.join(', ')}`);
  });
}
