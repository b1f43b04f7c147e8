import { CanActivate, ExecutionContext, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { outageError } from '../database/outage';
import { ApiError } from '../http/api-error';
import { POLICY_KEY, PolicyRequirement } from '../policy/policy.decorators';
import { scimTokenOf } from '../scim-tokens/scim-token-hash';
import { ScimTokensService } from '../scim-tokens/scim-tokens.service';
import { Principal } from './principal';
import { JwtStrategy, tokenFromAuthorization } from './jwt.strategy';

/**
 * Authenticates every route except those declared @Public(): the token checked and the principal resolved
 * directly (what passport-jwt did for this one strategy, without its per-request wrapping). On /scim/v2/* a
 * SCIM token works as well as a JWT.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly scimTokens: ScimTokensService,
    @Optional() private readonly strategy?: JwtStrategy,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const requirement = this.reflector.getAllAndOverride<PolicyRequirement | undefined>(POLICY_KEY, [context.getHandler(), context.getClass()]);
    if (requirement?.kind === 'public') return true;
    const req = context.switchToHttp().getRequest<{ url?: string; headers: Record<string, unknown>; user?: Principal }>();
    const scimToken = scimTokenOf(req);
    if (scimToken !== null) {
      const principal = await this.scimTokens.resolve(scimToken).catch((e: unknown) => {
        throw outageError(e) ?? e;
      });
      if (!principal) throw ApiError.unauthenticated('The SCIM token is unknown or revoked.');
      req.user = principal;
      return true;
    }
    const token = tokenFromAuthorization(req);
    const claims = token && this.strategy ? this.strategy.verify(token) : null;
    if (!claims) throw ApiError.unauthenticated();
    let principal: Principal;
    try {
      principal = await this.strategy!.validate(claims);
    } catch (e) {
      this.rethrow(e);
    }
    req.user = principal;
    return true;
  }

  private rethrow(err: unknown): never {
    if (err instanceof ApiError) throw err;
    // The principal lookup could not reach the database: the token may well be valid, so never a 401.
    const outage = outageError(err);
    if (outage) throw outage;
    throw ApiError.unauthenticated();
  }
}
