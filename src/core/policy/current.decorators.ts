import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { PolicyRequest } from './policy.guard';

/** The authenticated principal (set by the JWT strategy). */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<PolicyRequest>().user);

/** The principal's abilities, for read filters in list queries. */
export const CurrentAbility = createParamDecorator((_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<PolicyRequest>().ability);
