import { ApiError } from '../http/api-error';

/**
 * The scopes an OAuth2 client-credentials token can carry (its `scope` claim, RFC 9068 section 2.2.3), in the
 * order the token response writes them. A token with no `scope` claim (Enabley's /api/v1/token, a user
 * session) keeps every right its principal has: scopes only narrow a token, never widen it.
 */
export const TOKEN_SCOPES = {
  read: 'GET and HEAD: read what the API client may read.',
  write: 'Every other method (POST, PUT, PATCH, DELETE): create, change and remove what the API client may manage.',
} as const;

export type TokenScope = keyof typeof TOKEN_SCOPES;

const ALL = Object.keys(TOKEN_SCOPES) as TokenScope[];

/** Granted when the request names no scope (RFC 6749 section 3.3: the server's documented default). */
export const DEFAULT_SCOPE = ALL.join(' ');

/**
 * The scope granted for a token request's `scope` (space-separated, case-sensitive, RFC 6749 section 3.3),
 * written in TOKEN_SCOPES order; an unknown scope is 400 invalid_scope (section 5.2), never silently dropped.
 */
export function grantScope(requested: string | undefined): string {
  const asked = (requested ?? '').split(' ').filter(Boolean);
  if (!asked.length) return DEFAULT_SCOPE;
  const unknown = asked.filter((s) => !(ALL as string[]).includes(s));
  if (unknown.length) {
    throw new ApiError(400, [{ code: 'INVALID_SCOPE', field: 'scope', message: `Unknown scope: ${[...new Set(unknown)].join(' ')}. This server grants: ${DEFAULT_SCOPE}.` }]);
  }
  return ALL.filter((s) => asked.includes(s)).join(' ');
}

const HAS_READ = /(?:^| )read(?: |$)/;
const HAS_WRITE = /(?:^| )write(?: |$)/;

/** Whether a token's `scope` claim covers a request of this method: one test of a short string, no allocation. */
export function scopeAllows(scope: string, method: string): boolean {
  return method === 'GET' || method === 'HEAD' ? HAS_READ.test(scope) : HAS_WRITE.test(scope);
}

/** The 403 a token whose scope does not cover the method gets, in the dialect's error body. */
export function scopeDenied(method: string): ApiError {
  const needed: TokenScope = method === 'GET' || method === 'HEAD' ? 'read' : 'write';
  return ApiError.forbidden(`This token's scope does not include ${needed}, which ${method} requests need; ask the token endpoint for scope=${needed}.`);
}
