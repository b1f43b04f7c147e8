import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch';
import type { components, paths } from './openapi';

export type { components, operations, paths } from './openapi';

/** Every operation of the API, typed from openapi/openapi.json: `api.GET('/api/extended/v1/courses/', ...)`. */
export type PartnerClient = Client<paths>;
export type TokenResponse = components['schemas']['OAuth2TokenDto'];
export type OAuth2Error = components['schemas']['OAuth2Error'];

export interface PartnerCredentials {
  clientId: string;
  clientSecret: string;
}

export interface PartnerClientOptions extends PartnerCredentials {
  /** The server's URL, e.g. `https://admin.example.com` (no trailing slash needed). */
  baseUrl: string;
  /** Another fetch (a test double, a proxy agent); the global one by default. */
  fetch?: ClientOptions['fetch'];
  /** Scopes to ask for; the server's default when absent. */
  scope?: string;
}

/** A token request the server refused: its HTTP status and RFC 6749 section 5.2 error body. */
export class TokenError extends Error {
  constructor(
    readonly status: number,
    readonly body: OAuth2Error | undefined,
  ) {
    super(`token request failed with HTTP ${status}: ${body?.error ?? 'no error body'}${body?.error_description ? ` (${body.error_description})` : ''}`);
  }
}

/** RFC 6749 appendix B: application/x-www-form-urlencoded, as section 2.3.1 asks for the Basic credentials. */
const formEncode = (s: string): string => encodeURIComponent(s).replace(/%20/g, '+');

/** `Basic base64(urlencode(id):urlencode(secret))`; the encoded text is ASCII, so btoa is exact. */
export const basicAuthorization = (c: PartnerCredentials): string => `Basic ${btoa(`${formEncode(c.clientId)}:${formEncode(c.clientSecret)}`)}`;

/**
 * One client-credentials token from POST /oauth2/access_token, the client authenticated by HTTP Basic (the method
 * RFC 6749 section 2.3.1 says every server must support), the grant in a form body as the RFC describes.
 */
export async function fetchToken(options: PartnerClientOptions): Promise<TokenResponse> {
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: options.fetch });
  const { data, error, response } = await client.POST('/oauth2/access_token', {
    body: { grant_type: 'client_credentials', scope: options.scope },
    // Form-urlencoded, as RFC 6749 section 4.4.2 sends the grant; absent fields are left out.
    bodySerializer: (body) => new URLSearchParams(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string')).toString(),
    headers: { Authorization: basicAuthorization(options), 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  if (!data) throw new TokenError(response.status, error);
  return data;
}

/** Keeps one token and asks for the next shortly before it expires; concurrent callers share one request. */
export class TokenSource {
  private current?: { token: string; renewAt: number };
  private pending?: Promise<string>;

  constructor(
    private readonly options: PartnerClientOptions,
    /** Seconds before expiry at which a new token is fetched. */
    private readonly marginSeconds = 30,
  ) {}

  async token(): Promise<string> {
    if (this.current && Date.now() < this.current.renewAt) return this.current.token;
    this.pending ??= fetchToken(this.options)
      .then((t) => {
        this.current = { token: t.access_token, renewAt: Date.now() + Math.max(0, t.expires_in - this.marginSeconds) * 1000 };
        return t.access_token;
      })
      .finally(() => (this.pending = undefined));
    return this.pending;
  }
}

/** Adds `Authorization: Bearer <token>` to every request but the token requests themselves. */
export function bearerAuth(tokens: TokenSource): Middleware {
  return {
    async onRequest({ request, schemaPath }) {
      if (schemaPath.startsWith('/oauth2/')) return undefined;
      request.headers.set('Authorization', `Bearer ${await tokens.token()}`);
      return request;
    },
  };
}

/** A client of every operation, authenticated with the partner's API client credentials. */
export function createPartnerClient(options: PartnerClientOptions): PartnerClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: options.fetch });
  client.use(bearerAuth(new TokenSource(options)));
  return client;
}
