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
}

export interface JwtClaims {
  sub: string;
  acct: string;
  typ: 'client' | 'user';
  sid?: string;
  jti?: string;
  iss?: string;
  aud?: string;
  exp?: number;
  iat?: number;
}
