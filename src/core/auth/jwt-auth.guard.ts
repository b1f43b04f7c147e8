import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { outageError } from '../database/outage';
import { ApiError } from '../http/api-error';
import { POLICY_KEY, PolicyRequirement } from '../policy/policy.decorators';

/** Authenticates every route except those declared @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const requirement = this.reflector.getAllAndOverride<PolicyRequirement | undefined>(POLICY_KEY, [context.getHandler(), context.getClass()]);
    if (requirement?.kind === 'public') return true;
    return super.canActivate(context);
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
