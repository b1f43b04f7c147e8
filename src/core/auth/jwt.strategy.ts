import { KeyObject, createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { IncomingMessage } from 'node:http';
import { verify } from 'jsonwebtoken';
import { ApiError } from '../http/api-error';
import { JWT_AUDIENCE, JWT_ISSUER } from './jwt-key.provider';
import { JwtClaims, Principal } from './principal';
import { PrincipalService } from './principal.service';

export const JWT_SECRET = Symbol('JWT_SECRET');

/**
 * Exactly `Bearer <jwt>` or `JWT <jwt>` (scheme case-insensitive, RFC 7235), one space, three base64url
 * segments and nothing else: `Bearer <t> <junk>`, two spaces or a tab are no token at all (401).
 */
const AUTHORIZATION = /^(?:bearer|jwt) ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i;

/** How many verified tokens keep their checked signature; past it the memo starts over. */
const VERIFIED_MAX = 5_000;

export function tokenFromAuthorization(req: IncomingMessage | { headers: Record<string, unknown> }): string | null {
  const header = req.headers.authorization;
  return typeof header === 'string' ? (AUTHORIZATION.exec(header)?.[1] ?? null) : null;
}

/**
 * One token check for every dialect (`Authorization: Bearer <t>` or `JWT <t>`): HS256 signature, issuer,
 * audience and expiry, then the live principal. A token's signature, issuer and audience are a function of
 * the token and the process's key alone (nothing a write can change), so a verified token keeps them in a
 * bounded memo; its expiry and not-before are compared with the clock on every request, and the principal
 * (revocation, deactivation) is resolved on every request as before.
 */
@Injectable()
export class JwtStrategy {
  private readonly key: KeyObject;
  private readonly verified = new Map<string, Readonly<JwtClaims>>();

  constructor(
    @Inject(JWT_SECRET) secret: string,
    private readonly principals: PrincipalService,
  ) {
    // A KeyObject made once: given a string, jsonwebtoken re-derives (and first tries to parse a PEM) per request.
    this.key = createSecretKey(Buffer.from(secret));
  }

  /** The token's claims when it is valid now (jsonwebtoken's checks), else null. */
  verify(token: string): Readonly<JwtClaims> | null {
    const known = this.verified.get(token);
    if (known) return this.current(known) ? known : null;
    let claims: JwtClaims;
    try {
      claims = verify(token, this.key, { algorithms: ['HS256'], issuer: JWT_ISSUER, audience: JWT_AUDIENCE, ignoreExpiration: false }) as JwtClaims;
    } catch {
      return null;
    }
    if (this.verified.size >= VERIFIED_MAX) this.verified.clear();
    this.verified.set(token, Object.freeze(claims));
    return claims;
  }

  /** jsonwebtoken's time checks (no clock tolerance), for a token whose other checks passed. */
  private current(claims: Readonly<JwtClaims> & { nbf?: number }): boolean {
    const now = Math.floor(Date.now() / 1000);
    if (typeof claims.nbf === 'number' && claims.nbf > now) return false;
    return !(typeof claims.exp === 'number' && now >= claims.exp);
  }

  async validate(claims: JwtClaims): Promise<Principal> {
    // jsonwebtoken checks exp only when it is there: a token that never expires is refused here.
    if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) throw ApiError.unauthenticated('The token has no expiry.');
    const principal = await this.principals.resolve(claims);
    if (!principal) throw ApiError.unauthenticated('The token is no longer valid.');
    return principal;
  }
}
