/** Who is calling: an API client of an account, or a user (possibly a platform superuser). */
export interface Principal {
  kind: 'client' | 'user';
  accountId: string;
  isSuperuser: boolean;
  /** Users only: the core user's UUID. */
  userId?: string;
  /** Clients only: the public client_id. */
  clientId?: string;
  /** Users only: the login session the token belongs to. */
  sessionId?: string;
  /** A SCIM token (kind 'client', no clientId): the account's administrator on /scim/v2/* only. */
  scimTokenId?: string;
  /** An OAuth2 token's granted scopes (token-scopes.ts), space-separated; absent: every right of the principal. */
  scope?: string;
}

export interface JwtClaims {
  sub: string;
  acct: string;
  typ: 'client' | 'user';
  sid?: string;
  /** OAuth2 client tokens: the granted scopes, space-separated (RFC 9068 section 2.2.3). */
  scope?: string;
  jti?: string;
  iss?: string;
  aud?: string;
  exp?: number;
  iat?: number;
}
