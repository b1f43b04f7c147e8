import { CanActivate, ExecutionContext, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { outageError } from '../database/outage';
import { ApiError } from '../http/api-error';
import { POLICY_KEY, PolicyRequirement } from '../policy/policy.decorators';
import { Principal } from './principal';
import { JwtStrategy, tokenFromAuthorization } from './jwt.strategy';

/**
 * Authenticates every route except those declared @Public(): the token checked and the principal resolved
 * directly (what passport-jwt did for this one strategy, without its per-request wrapping).
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Optional() private readonly strategy?: JwtStrategy,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const requirement = this.reflector.getAllAndOverride<PolicyRequirement | undefined>(POLICY_KEY, [context.getHandler(), context.getClass()]);
    if (requirement?.kind === 'public') return true;
    const req = context.switchToHttp().getRequest<{ headers: Record<string, unknown>; user?: Principal }>();
    const token = tokenFromAuthorization(req);
    const claims = token && this.strategy ? this.strategy.verify(token) : null;
    if (!claims) throw ApiError.unauthenticated();
    let principal: Principal;
    try {
      principal = await this.strategy!.validate(claims);
    } catch (e) {
      this.handleRequest(e);
    }
    req.user = principal;
    return true;
  }

  private handleRequest(err: unknown): never {
    if (err instanceof ApiError) throw err;
    // The principal lookup could not reach the database: the token may well be valid, so never a 401.
    const outage = outageError(err);
    if (outage) throw outage;
    throw ApiError.unauthenticated();
  }
}
