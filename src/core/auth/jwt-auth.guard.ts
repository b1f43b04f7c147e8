import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { outageError } from '../database/outage';
import { ApiError } from '../http/api-error';
import { POLICY_KEY, PolicyRequirement } from '../policy/policy.decorators';
import { scimTokenOf } from '../scim-tokens/scim-token-hash';
import { ScimTokensService } from '../scim-tokens/scim-tokens.service';
import { Principal } from './principal';

/** Authenticates every route except those declared @Public(); on /scim/v2/* a SCIM token works as well as a JWT. */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly scimTokens: ScimTokensService,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
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
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(err: unknown, principal: T): T {
    if (err instanceof ApiError) throw err;
    // The principal lookup could not reach the database: the token may well be valid, so never a 401.
    const outage = err ? outageError(err) : null;
    if (outage) throw outage;
    if (err || !principal) throw ApiError.unauthenticated();
    return principal;
  }
}
