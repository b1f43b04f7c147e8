import { ExecutionContext, applyDecorators, createParamDecorator } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { ApiError } from '../../../core/http/api-error';

export interface ClientCredentials {
  id: string;
  secret: string;
}

/** How the client authenticated: HTTP Basic, nothing readable in the header, or a Basic header that cannot be read. */
export type BasicAuthentication = { kind: 'basic'; credentials: ClientCredentials } | { kind: 'none' } | { kind: 'invalid' };

/** RFC 6749 section 5.2: a failed client authentication names the scheme the client can use. */
export const BASIC_CHALLENGE = 'Basic realm="oauth2"';

export const invalidClient = (): ApiError =>
  new ApiError(401, [{ code: 'INVALID_CLIENT', message: 'Client authentication failed.' }], undefined, { 'WWW-Authenticate': BASIC_CHALLENGE });

/** RFC 6749 section 2.3.1: client_id and client_secret are form-urlencoded before being joined by ":" and base64-encoded. */
function formDecode(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

export function parseBasic(header: string | undefined): BasicAuthentication {
  if (!/^Basic(\s|$)/i.test(header ?? '')) return { kind: 'none' };
  const m = /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(header!);
  if (!m) return { kind: 'invalid' };
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  const id = i < 0 ? null : formDecode(decoded.slice(0, i));
  const secret = i < 0 ? null : formDecode(decoded.slice(i + 1));
  return id && secret ? { kind: 'basic', credentials: { id, secret } } : { kind: 'invalid' };
}

/**
 * The request's HTTP Basic client authentication. A param decorator of its own rather than `@Headers()`, which
 * would publish the Authorization header as a required parameter of the operation (it is optional: the body is
 * the other way to authenticate).
 */
export const BasicClientAuthentication = createParamDecorator((_: unknown, ctx: ExecutionContext): BasicAuthentication => {
  const header = ctx.switchToHttp().getRequest<FastifyRequest>().headers.authorization;
  return parseBasic(typeof header === 'string' ? header : undefined);
});

/**
 * Documents the two ways to authenticate (RFC 6749 section 2.3.1): `{}` first, body credentials needing no
 * scheme (what Swagger UI sends when nothing is authorized), or the `clientBasic` scheme (swagger.ts). An
 * `Authorization` header parameter would be ignored by OpenAPI tools (OpenAPI 3.0, Parameter Object) and
 * demanded by generated clients.
 */
export const ApiClientAuthentication = () => applyDecorators(ApiSecurity({}), ApiSecurity('clientBasic'));

/**
 * The client's credentials from exactly one place (RFC 6749 section 2.3: one authentication method per request).
 * A body client_id equal to the Basic one is identification, not a second method, so it is accepted (some
 * libraries send it); a body client_secret next to Basic, or a different client_id, is 400 invalid_request.
 */
export function clientCredentials(basic: BasicAuthentication, body: { client_id?: string; client_secret?: string }): ClientCredentials {
  if (basic.kind === 'invalid') throw invalidClient();
  if (basic.kind === 'basic') {
    if (body.client_secret !== undefined || (body.client_id !== undefined && body.client_id !== basic.credentials.id)) {
      throw ApiError.badRequest('Send the client credentials either with HTTP Basic authentication or in the body, not both.');
    }
    return basic.credentials;
  }
  if (!body.client_id || !body.client_secret) throw ApiError.badRequest('client_id and client_secret are required (in the body, or with HTTP Basic authentication).');
  return { id: body.client_id, secret: body.client_secret };
}
