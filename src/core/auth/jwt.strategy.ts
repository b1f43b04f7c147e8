import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { ApiError } from '../http/api-error';
import { JWT_AUDIENCE, JWT_ISSUER } from './jwt-key.provider';
import { JwtClaims, Principal } from './principal';
import { PrincipalService } from './principal.service';

export const JWT_SECRET = Symbol('JWT_SECRET');

/** One strategy for every dialect: `Authorization: Bearer <t>` or `Authorization: JWT <t>`. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(JWT_SECRET) secret: string,
    private readonly principals: PrincipalService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromExtractors([ExtractJwt.fromAuthHeaderAsBearerToken(), ExtractJwt.fromAuthHeaderWithScheme('JWT')]),
      // A KeyObject, not the string: jsonwebtoken otherwise tries createPublicKey() on the secret, fails,
      // and builds the secret key again on every request (a measurable share of an authenticated GET).
      secretOrKey: createSecretKey(Buffer.from(secret)) as unknown as string,
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: JwtClaims): Promise<Principal> {
    const principal = await this.principals.resolve(claims);
    if (!principal) throw ApiError.unauthenticated('The token is no longer valid.');
    return principal;
  }
}
