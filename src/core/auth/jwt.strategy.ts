import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { IncomingMessage } from 'node:http';
import { Strategy } from 'passport-jwt';
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

export function tokenFromAuthorization(req: IncomingMessage | { headers: Record<string, unknown> }): string | null {
  const header = req.headers.authorization;
  return typeof header === 'string' ? (AUTHORIZATION.exec(header)?.[1] ?? null) : null;
}

/** One strategy for every dialect: `Authorization: Bearer <t>` or `Authorization: JWT <t>`. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(JWT_SECRET) secret: string,
    private readonly principals: PrincipalService,
  ) {
    super({
      jwtFromRequest: tokenFromAuthorization,
      // A KeyObject made once: given a string, jsonwebtoken re-derives (and first tries to parse a PEM) per request.
      secretOrKey: createSecretKey(Buffer.from(secret)) as unknown as string,
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: JwtClaims): Promise<Principal> {
    // jsonwebtoken checks exp only when it is there: a token that never expires is refused here.
    if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) throw ApiError.unauthenticated('The token has no expiry.');
    const principal = await this.principals.resolve(claims);
    if (!principal) throw ApiError.unauthenticated('The token is no longer valid.');
    return principal;
  }
}
