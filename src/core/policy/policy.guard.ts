import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { subject as asSubject } from '@casl/ability';
import { FastifyRequest } from 'fastify';
import { ApiError } from '../http/api-error';
import { Principal } from '../auth/principal';
import { scopeAllows, scopeDenied } from '../auth/token-scopes';
import { AbilityFactory } from './ability.factory';
import { AppAbility } from './app-ability';
import { POLICY_KEY, PolicyRequirement, SubjectSource, requiredSubjects } from './policy.decorators';

export interface PolicyRequest extends FastifyRequest {
  user?: Principal;
  ability?: AppAbility;
  policySubject?: Record<string, unknown>;
}

/** The request field a source names, for error messages. */
function sourceField(source: SubjectSource): string {
  return source.param ?? source.query ?? source.body ?? source.input ?? 'id';
}

function sourceValue(req: PolicyRequest, source: SubjectSource): unknown {
  if (source.param) return (req.params as Record<string, unknown>)?.[source.param];
  if (source.query) return (req.query as Record<string, unknown>)?.[source.query];
  if (source.body) return (req.body as Record<string, unknown> | undefined)?.[source.body];
  if (source.input) return (req.query as Record<string, unknown>)?.[source.input] ?? (req.body as Record<string, unknown> | undefined)?.[source.input];
  return undefined;
}

/** Evaluates each route's declared requirement; a route without one is denied. */
@Injectable()
export class PolicyGuard implements CanActivate {
  private readonly logger = new Logger(PolicyGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly abilities: AbilityFactory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const requirement = this.reflector.getAllAndOverride<PolicyRequirement | undefined>(POLICY_KEY, [context.getHandler(), context.getClass()]);
    const req = context.switchToHttp().getRequest<PolicyRequest>();
    if (!requirement) {
      this.logger.error(`route without a policy declaration: ${req.method} ${req.routeOptions?.url}`);
      throw ApiError.forbidden();
    }
    if (requirement.kind === 'public') return true;
    const principal = req.user;
    if (!principal) throw ApiError.unauthenticated();
    // An OAuth2 token's scope narrows what it may do, whatever the route: checked once, here, from its claim.
    if (principal.scope !== undefined && !scopeAllows(principal.scope, req.method)) throw scopeDenied(req.method);
    // Built once per request, for the subjects this route and its service check.
    const ability = await this.abilities.build(principal, new Set(requiredSubjects(requirement)));
    req.ability = ability;
    if (requirement.kind === 'authenticated') return true;

    const { action, subject, source } = requirement;
    if (source) {
      const id = sourceValue(req, source);
      if (typeof id !== 'string' || id === '') {
        // Never fall back to the type-level check for a route that acts on one object: a caller without
        // any right on the subject is refused as before, anyone else is told which input is missing.
        if (!ability.can(action, subject)) throw ApiError.forbidden();
        const field = sourceField(source);
        if (id === undefined || id === null || id === '') throw ApiError.required(field);
        throw ApiError.badRequest(`${field} must be one identification string.`, field);
      }
      // Present: the boot check guarantees a loader for every subject a route declares with a source.
      const loader = this.abilities.loaderFor(subject)!;
      const field = sourceField(source);
      const notFound = () => loader.notFound?.(id, field, action) ?? ApiError.notFound();
      const attrs = await loader.load(id, principal, field);
      // Another account's object is answered exactly like a missing one.
      if (!attrs || (!principal.isSuperuser && attrs.accountId !== principal.accountId)) throw notFound();
      req.policySubject = attrs;
      const object = asSubject(subject, { ...attrs });
      if (!ability.can(action, object)) {
        if (!ability.can('read', object)) throw notFound();
        // A denial that says why (a core rule's `because`) is told to the caller.
        throw ApiError.forbidden(ability.relevantRuleFor(action, object)?.reason);
      }
      return true;
    }
    if (!ability.can(action, subject)) throw ApiError.forbidden();
    return true;
  }
}
